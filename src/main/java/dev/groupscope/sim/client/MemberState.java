package dev.groupscope.sim.client;

/**
 * The member's state as kafka-clients' {@code AbstractCoordinator.MemberState} has it, plus the process states
 * GroupScope shows: a member that was closed ({@link #STOPPED}), whose process died ({@link #CRASHED}) or that hit
 * an error Kafka throws from {@code poll()} ({@link #FAILED}, e.g. FENCED_INSTANCE_ID).
 */
public enum MemberState {
    /** Not in the group (new, or after a reset / leave); the heartbeat thread is off. */
    UNJOINED,
    /** JoinGroup sent, waiting for the join phase to complete; the heartbeat thread is off. */
    PREPARING_REBALANCE,
    /** JoinGroup answered, SyncGroup sent; heartbeats run. */
    COMPLETING_REBALANCE,
    /** SyncGroup answered with an assignment; heartbeats run. */
    STABLE,
    /** GroupScope: not started yet, or closed. */
    STOPPED,
    /** GroupScope: the process died; it sends nothing more. */
    CRASHED,
    /** GroupScope: poll() threw a fatal error; the application stopped. */
    FAILED;

    /** Kafka's {@code hasNotJoinedGroup()}: the heartbeat thread disables itself in these states. */
    public boolean hasNotJoinedGroup() {
        return this == UNJOINED || this == PREPARING_REBALANCE;
    }

    /** Kafka's {@code rebalanceInProgress()}. */
    public boolean rebalancing() {
        return this == PREPARING_REBALANCE || this == COMPLETING_REBALANCE;
    }

    /**
     * Whether it is in its group: joining, syncing or stable. kafka-clients' leader flag is cleared only when the
     * member next prepares to join, so a member that has left (unsubscribed, or moved to assign()) still has it set.
     */
    public boolean inGroup() {
        return this == PREPARING_REBALANCE || this == COMPLETING_REBALANCE || this == STABLE;
    }

    public boolean running() {
        return this != STOPPED && this != CRASHED && this != FAILED;
    }
}
