package dev.groupscope.sim.engine;

/** Broad categories of events, for filters ("what matters to a learner") and colours. */
public enum EventKind {
    /** A protocol request arrives (FindCoordinator, JoinGroup, SyncGroup, Heartbeat, LeaveGroup, OffsetCommit...). */
    REQUEST,
    /** A protocol response arrives back at the client. */
    RESPONSE,
    /** A timer fires: session timeout, rebalance timeout, heartbeat interval, auto commit... */
    TIMER,
    /** A client-side step: poll, process a record, a listener callback, a commit callback. */
    CLIENT,
    /** A state machine changes state (group, member). */
    STATE,
    /** A producer appends records. */
    PRODUCE,
    /** A fault: crash, stall, broker stop, network cut. */
    FAULT,
    /** A user or scripted action: add a consumer, close it, add partitions... */
    ACTION
}
