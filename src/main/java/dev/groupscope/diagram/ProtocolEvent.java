package dev.groupscope.diagram;

import java.util.Map;

/**
 * One row of a sequence diagram, read from the event log: a protocol message (a request arriving at a broker, or a
 * response arriving back at the client — separate events, each with the time it was sent and the time it arrived),
 * a message a network cut lost on its way (sent, never arrived: {@code time} is when it was lost, {@code to} where it
 * was headed) or a note on one lane (a group's state change, a crash, a session timeout).
 *
 * @param seq     the event's place in the log: its stable id
 * @param api     FindCoordinator, JoinGroup, SyncGroup, Heartbeat, LeaveGroup, OffsetCommit, OffsetFetch or
 *                ListOffsets, Metadata; for a note, the event type (GroupStateChange, CrashConsumer...)
 * @param from    the sending lane (a client id or {@code broker-<id>}); for a note, its lane
 * @param to      the receiving lane; for a note, the same as {@code from}
 * @param sentAt  when the message left (a note: its time)
 * @param time    when it arrived (a note: its time)
 * @param error   the error code of an answer, or "" for none
 * @param fields  the event's fields, for the label
 */
public record ProtocolEvent(long seq, Kind kind, String api, String from, String to, long sentAt, long time,
                            String error, Map<String, Object> fields) {

    public enum Kind { REQUEST, RESPONSE, NOTE, LOST_REQUEST, LOST_RESPONSE }

    public ProtocolEvent {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    public boolean failed() {
        return !error.isEmpty();
    }

    /** A request or an answer the network lost: it left {@code from} and never reached {@code to}. */
    public boolean lost() {
        return kind == Kind.LOST_REQUEST || kind == Kind.LOST_RESPONSE;
    }

    /** A request, arrived or lost. */
    public boolean request() {
        return kind == Kind.REQUEST || kind == Kind.LOST_REQUEST;
    }

    /**
     * A heartbeat or its answer that carries no error: the routine traffic a diagram may fold. A lost one is not
     * routine: the heartbeats that went missing are why the coordinator removes the member.
     */
    public boolean routineHeartbeat() {
        return "Heartbeat".equals(api) && (kind == Kind.REQUEST || kind == Kind.RESPONSE) && !failed();
    }

    /**
     * Whether the message goes to (or comes from) the group's coordinator: every group request does; FindCoordinator
     * and Metadata go to any broker, ListOffsets and OffsetForLeaderEpoch to a partition's leader.
     */
    public boolean toCoordinator() {
        return !"FindCoordinator".equals(api) && !"ListOffsets".equals(api) && !"Metadata".equals(api)
                && !"OffsetForLeaderEpoch".equals(api);
    }
}
