package dev.groupscope.sim.coordinator;

import dev.groupscope.sim.engine.Task;

/**
 * The classic group timers of Kafka's coordinator shard ({@code CoordinatorTimer} keys
 * {@code classicGroupHeartbeatKey}, {@code classicGroupJoinKey}, {@code classicGroupSyncKey}), as tasks addressed
 * to the cluster actor, which hands them to the shard of {@link #partition()}. Each carries what the rule that fires
 * needs to explain itself.
 */
public sealed interface GroupTimer extends Task {

    /** The {@code __consumer_offsets} partition whose shard armed the timer. */
    int partition();

    String groupId();

    /** The engine timer key: one per group and purpose (and member, for heartbeats), as Kafka keys its timers. */
    String key();

    private static String groupKey(int partition, String purpose, String groupId) {
        // The group id's length makes the key unambiguous whatever characters ids contain.
        return "coordinator-" + partition + "/" + purpose + "/" + groupId.length() + ":" + groupId;
    }

    static String heartbeatKey(int partition, String groupId, String memberId) {
        return groupKey(partition, "heartbeat", groupId) + "/" + memberId;
    }

    static String joinKey(int partition, String groupId) {
        return groupKey(partition, "join", groupId);
    }

    static String syncKey(int partition, String groupId) {
        return groupKey(partition, "sync", groupId);
    }

    /**
     * A member's heartbeat deadline: {@code timeoutMs} after {@code armedAt} (the session timeout, or the new-member
     * join timeout of 300000 ms while a new member waits in its first JoinGroup), and what restarted it then.
     */
    record Heartbeat(String target, int partition, String groupId, String memberId, long armedAt, long timeoutMs,
                     SessionRenewal renewedBy) implements GroupTimer {
        @Override
        public String key() {
            return heartbeatKey(partition, groupId, memberId);
        }
    }

    /** The join phase's deadline: the group rebalance timeout after the rebalance began. */
    record Join(String target, int partition, String groupId, long timeoutMs) implements GroupTimer {
        @Override
        public String key() {
            return joinKey(partition, groupId);
        }
    }

    /**
     * The initial rebalance delay of a group that was Empty (group.initial.rebalance.delay.ms), and what is left of
     * the rebalance timeout to extend it by.
     */
    record InitialJoin(String target, int partition, String groupId, int delayMs, int remainingMs)
            implements GroupTimer {
        @Override
        public String key() {
            return joinKey(partition, groupId);
        }
    }

    /** The deadline for every member of {@code generationId} to send SyncGroup. */
    record Sync(String target, int partition, String groupId, int generationId, long timeoutMs)
            implements GroupTimer {
        @Override
        public String key() {
            return syncKey(partition, groupId);
        }
    }
}
