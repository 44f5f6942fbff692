package dev.groupscope.sim.coordinator;

/**
 * What last restarted a member's session timer (Kafka's {@code rescheduleClassicGroupMemberHeartbeat} callers): a
 * heartbeat is only one of them. An offset commit in a Stable or rebalancing group restarts it too
 * ({@code OffsetMetadataManager.commitOffset}), as do the answered JoinGroup and SyncGroup and a coordinator loading
 * the group. The session-expiry sentence names it, so "no heartbeat since 19,824 ms" never points at a commit.
 */
enum SessionRenewal {
    HEARTBEAT("Heartbeat", ""),
    OFFSET_COMMIT("OffsetCommit", ".commit"),
    JOIN_GROUP("JoinGroup", ".join"),
    SYNC_GROUP("SyncGroup", ".sync"),
    GROUP_LOADED("GroupLoaded", ".load");

    /** The request (or happening) as the trace names it. */
    final String name;
    /** The suffix of the session-expiry rule that explains an expiry after this renewal. */
    final String ruleSuffix;

    SessionRenewal(String name, String ruleSuffix) {
        this.name = name;
        this.ruleSuffix = ruleSuffix;
    }
}
