package dev.groupscope.diagram;

import dev.groupscope.sim.report.EventGroups;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.engine.SimEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks out of an event log what a sequence diagram of the group protocol shows: every FindCoordinator, JoinGroup,
 * SyncGroup, Heartbeat, LeaveGroup, OffsetCommit and OffsetFetch request and response, the ListOffsets that decide
 * where a consumer without a committed offset starts or answer its application's offsetsForTimes() (sent to a
 * partition's leader; the call and its return are notes on the consumer's lane), the Metadata requests that
 * tell a consumer which broker leads each partition (sent to any broker), the OffsetForLeaderEpoch that validates
 * a consumer's positions with a partition's new leader after a leader change (KIP-320), and notes for the group's
 * state changes, crashes and session timeouts, the commit faults a lesson injects, and for a request whose connection failed (a stopped broker never
 * answers: the client's own lane says its request failed, rather than an arrow from the dead broker), and each of
 * those messages a network cut lost (RequestLost / ResponseLost: from the consumer towards the broker or back, never
 * arriving). Fetches and produce traffic are left out: they are not the group protocol.
 */
public final class ProtocolLog {

    public static final List<String> APIS = List.of("FindCoordinator", "JoinGroup", "SyncGroup", "Heartbeat",
            "LeaveGroup", "OffsetCommit", "OffsetFetch", "ListOffsets", "Metadata", "OffsetForLeaderEpoch");
    private static final String GROUP_LOADED = "GroupLoaded";
    /** The rule of a group's state change when its coordinator gives up its __consumer_offsets partition. */
    private static final String UNLOADED = "sim.coordinator.unloaded";
    private static final Set<String> NOTES = Set.of("GroupStateChange", "CrashConsumer", "HeartbeatExpiration",
            "StartConsumer", "RestartConsumer", "CloseConsumer", "BrokerStopped", "BrokerStarted", "StallProcessing",
            // A new coordinator loads the group from __consumer_offsets: where a failover (or its return) lands.
            GROUP_LOADED,
            // ...and when that takes time, its groups' requests are refused until then: where those red answers start.
            "CoordinatorLoading",
            // A consumer cut off from its coordinator sends into the void: its lane falls silent without these.
            "NetworkPartition", "NetworkHealed",
            // A stopping broker closes the consumer's connections: why it looks for its coordinator at once.
            "ConnectionsClosed",
            // Commits made to fail or arrive late: without them red answers, or a second of silence, come from nowhere.
            "FailCommits", "DelayCommits",
            // The application's blocking offsetsForTimes(): its ListOffsets arrows sit between the call and its return.
            "OffsetsForTimes", "OffsetsForTimesReturned", "OffsetsForTimesFailed",
            // A member that finds its generation gone gives its partitions up without committing: what the
            // UNKNOWN_MEMBER_ID or ILLEGAL_GENERATION answer before it costs.
            "onPartitionsLost");
    private static final String GROUP_ACTOR = "group:";
    private static final String PREFERRED_LEADER = "sim.cluster.preferredLeaderElected";
    private static final String REQUEST_LOST = "RequestLost";
    private static final String RESPONSE_LOST = "ResponseLost";
    private static final String FETCH_RESPONSE = "FetchResponse";
    /**
     * The requests whose failed connection is noted on the client's lane: the drawn APIs, and Fetch, whose failure
     * (a stopped leader) is why a consumer asks for Metadata — the fetches themselves are not drawn.
     */
    private static final Set<String> NOTED_FAILURES = union(APIS, "Fetch");

    private ProtocolLog() {
    }

    /** The rows for the events that arrive (or happen) from {@code fromMs} to {@code toMs}, both included. */
    public static List<ProtocolEvent> read(List<SimEvent> log, long fromMs, long toMs) {
        return read(log, fromMs, toMs, EventGroups.unknownClients());
    }

    /**
     * As {@link #read(List, long, long)}, knowing each consumer's group: a group's notes go on its own coordinator's
     * lane when several groups have different coordinators.
     */
    public static List<ProtocolEvent> read(List<SimEvent> log, long fromMs, long toMs, EventGroups groups) {
        Reader reader = new Reader(groups);
        List<ProtocolEvent> rows = new ArrayList<>();
        for (SimEvent event : log) {
            if (event.time() > toMs) {
                break;
            }
            ProtocolEvent row = reader.next(event);
            if (row != null && event.time() >= fromMs) {
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * Reads a log event by event, in order, as it grows: it remembers which broker last answered each group as its
     * coordinator, the lane that group's own notes go on. Without the consumers' groups (a log read without its
     * scenario) answers have no group, and every group's notes go on the lane of the last answer.
     */
    public static final class Reader {
        private static final String ANY_GROUP = "";
        private final EventGroups groups;
        private final Map<String, String> coordinatorLanes = new java.util.HashMap<>();

        public Reader(EventGroups groups) {
            this.groups = groups;
        }

        /** The row for the next event of the log, or null when it is not part of the protocol picture. */
        public ProtocolEvent next(SimEvent event) {
            if (PREFERRED_LEADER.equals(event.ruleKey()) && !groups.of(event).isEmpty()) {
                return preferredLeader(event, groups.of(event));
            }
            ProtocolEvent row = row(event, coordinatorLaneOf(event));
            if (row != null && row.api().equals(GROUP_LOADED)) {
                // The loading broker coordinates the group from now on: its later notes go on that lane.
                coordinatorLanes.put(event.actor().substring(GROUP_ACTOR.length()), row.from());
            } else if (row != null && row.kind() == ProtocolEvent.Kind.RESPONSE && row.toCoordinator()
                    && !"NOT_COORDINATOR".equals(row.error())) {
                java.util.Set<String> answered = groups.of(event);
                coordinatorLanes.put(answered.size() == 1 ? answered.iterator().next() : ANY_GROUP, row.from());
            }
            return row;
        }

        /**
         * The controller's preferred-leader check gives a group's __consumer_offsets partition back to the broker it
         * prefers: a note on that broker's lane, just before the old coordinator's "Stable → Dead" and the new one's
         * "group loaded", which otherwise came with nothing saying why (coordinator-comes-home at 35 s).
         */
        private static ProtocolEvent preferredLeader(SimEvent event, Set<String> held) {
            String lane = "broker-" + event.fields().get("leader");
            Map<String, Object> fields = new java.util.LinkedHashMap<>(event.fields());
            if (held.size() == 1) {
                fields.put("group", held.iterator().next());
            }
            return new ProtocolEvent(event.seq(), ProtocolEvent.Kind.NOTE, "PreferredLeader", lane, lane, event.time(),
                    event.time(), "", fields);
        }

        /** The lane of the coordinator of the group a group's own note is about (null: none known yet). */
        private String coordinatorLaneOf(SimEvent event) {
            if (event.actor() == null || !event.actor().startsWith(GROUP_ACTOR)) {
                return null;
            }
            String lane = coordinatorLanes.get(event.actor().substring(GROUP_ACTOR.length()));
            return lane != null ? lane : coordinatorLanes.get(ANY_GROUP);
        }
    }

    /** The row for one event, or null when it is not part of the protocol picture. */
    static ProtocolEvent row(SimEvent event, String coordinatorLane) {
        String type = event.type();
        if (event.kind() == EventKind.REQUEST && type.endsWith("Request")) {
            String api = type.substring(0, type.length() - "Request".length());
            if (APIS.contains(api) && event.peer() != null) {
                return new ProtocolEvent(event.seq(), ProtocolEvent.Kind.REQUEST, api, event.peer(), event.actor(),
                        sentAt(event), event.time(), "", event.fields());
            }
            return null;
        }
        if (event.kind() == EventKind.RESPONSE) {
            if (FETCH_RESPONSE.equals(type) && event.peer() != null
                    && event.fields().get("errors") instanceof Map<?, ?> errors && !errors.isEmpty()) {
                return fetchErrors(event);
            }
            if (type.endsWith("Response")) {
                String api = type.substring(0, type.length() - "Response".length());
                if (APIS.contains(api) && event.peer() != null) {
                    Object error = event.fields().get("error");
                    return new ProtocolEvent(event.seq(), ProtocolEvent.Kind.RESPONSE, api, event.peer(),
                            event.actor(), sentAt(event), event.time(),
                            error == null || "NONE".equals(error) ? "" : String.valueOf(error), event.fields());
                }
            } else if (type.equals("Disconnected") && event.peer() != null
                    && NOTED_FAILURES.contains(String.valueOf(event.fields().get("api")))) {
                Map<String, Object> fields = new java.util.LinkedHashMap<>(event.fields());
                fields.put("broker", event.peer());
                return new ProtocolEvent(event.seq(), ProtocolEvent.Kind.NOTE, "Disconnected", event.actor(),
                        event.actor(), event.time(), event.time(), "", fields);
            }
            return null;
        }
        if ((type.equals(REQUEST_LOST) || type.equals(RESPONSE_LOST)) && event.peer() != null
                && APIS.contains(String.valueOf(event.fields().get("api")))) {
            return lost(event);
        }
        if (NOTES.contains(type) && event.actor() != null) {
            String lane = event.actor();
            if (type.equals(GROUP_LOADED) && event.ruleArgs().get("broker") != null) {
                lane = "broker-" + event.ruleArgs().get("broker"); // the broker that loads it, not the one before
            } else if (lane.startsWith(GROUP_ACTOR)) {
                if (coordinatorLane == null) {
                    return null;
                }
                lane = coordinatorLane;
            } else if (lane.equals("cluster") && event.fields().get("broker") != null) {
                lane = "broker-" + event.fields().get("broker");
            }
            return new ProtocolEvent(event.seq(), ProtocolEvent.Kind.NOTE, type, lane, lane, event.time(),
                    event.time(), "", withGroup(event));
        }
        return null;
    }

    private static Set<String> union(List<String> apis, String more) {
        Set<String> all = new java.util.HashSet<>(apis);
        all.add(more);
        return Set.copyOf(all);
    }

    /**
     * A fetch answered with partition errors (NOT_LEADER_OR_FOLLOWER from a leader that lost its partitions), noted
     * on the consumer's lane as the failed connection is: it is what sends the consumer to ask for Metadata.
     */
    private static ProtocolEvent fetchErrors(SimEvent event) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>(event.fields());
        fields.put("broker", event.peer());
        return new ProtocolEvent(event.seq(), ProtocolEvent.Kind.NOTE, "FetchErrors", event.actor(), event.actor(),
                event.time(), event.time(), "", fields);
    }

    /**
     * A message the cut swallowed, as the consumer's event records it (actor: the consumer, peer: the broker): a
     * request goes from the consumer towards the broker, an answer from the broker towards the consumer.
     */
    private static ProtocolEvent lost(SimEvent event) {
        String api = String.valueOf(event.fields().get("api"));
        if (event.type().equals(REQUEST_LOST)) {
            return new ProtocolEvent(event.seq(), ProtocolEvent.Kind.LOST_REQUEST, api, event.actor(), event.peer(),
                    sentAt(event), event.time(), "", event.fields());
        }
        return new ProtocolEvent(event.seq(), ProtocolEvent.Kind.LOST_RESPONSE, api, event.peer(), event.actor(),
                sentAt(event), event.time(), "", event.fields());
    }

    private static Map<String, Object> withGroup(SimEvent event) {
        if (event.actor().startsWith(GROUP_ACTOR)) {
            java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>(event.fields());
            fields.put("group", event.actor().substring(GROUP_ACTOR.length()));
            if (UNLOADED.equals(event.ruleKey())) {
                fields.put("unloaded", true); // Dead at the old coordinator only: the group lives on at the new one
            }
            return fields;
        }
        return event.fields();
    }

    private static long sentAt(SimEvent event) {
        Object sent = event.fields().get("sentAt");
        return sent instanceof Number n ? n.longValue() : event.time();
    }

    /** The client id inside a member id ({@code C1-<uuid>} → C1); other ids unchanged. */
    public static String shortMember(String memberId) {
        int cut = memberId.length() - 37;
        if (cut > 0 && memberId.charAt(cut) == '-') {
            return memberId.substring(0, cut);
        }
        return memberId;
    }
}
