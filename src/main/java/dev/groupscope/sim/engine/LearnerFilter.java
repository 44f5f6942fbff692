package dev.groupscope.sim.engine;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Which events a learner steps through: the ones where something happens that the group protocol is about — group
 * and member state changes, JoinGroup, SyncGroup, LeaveGroup, commits, rebalance callbacks, faults, actions, and
 * every answer that carries an error, every request or answer a network cut loses (of heartbeats and fetches, the
 * first of the cut), every request that fails without an answer (of heartbeats and fetches failed because another
 * request's timeout closed their connection, none) — but not the steady background of successful heartbeats, fetches, polls, a worker pool's
 * dispatches after its first, a routine commit's success after the first two in a row, record processing and produce
 * traffic, and the OffsetForLeaderEpoch that validates a position after a leader change unless its answer carries
 * an error or finds a truncation. Stepping "to the next event that matters" skips the rest.
 */
public final class LearnerFilter implements Predicate<SimEvent> {

    public static final LearnerFilter INSTANCE = new LearnerFilter();

    /** Routine traffic: shown only when it carries an error. */
    private static final Set<String> ROUTINE = Set.of("HeartbeatRequest", "HeartbeatResponse", "FetchRequest",
            "FetchResponse", "FetchParked", "FetchReleased", "FetchMaxWait", "Poll", "ProcessRecords", "Produce", "Send", "HeartbeatInterval",
            "AutoCommitInterval", "OffsetCommitRecord", "OffsetCommitRequest", "OffsetCommitResponse",
            "MetadataRequest", "OffsetForLeaderEpochRequest", "OffsetForLeaderEpochResponse");

    /** Messages a network cut swallows (the client's FaultState): each is a step, but see {@link #ROUTINE_APIS}. */
    private static final Set<String> LOST = Set.of("RequestLost", "ResponseLost");
    /**
     * Of the lost messages of these APIs a learner steps to the first of a cut only: one heartbeat lost says why the
     * coordinator will remove the member; the one every heartbeat.interval.ms after it says nothing new (the
     * Protocol tab still draws each). A lost commit, join or sync is a step each: each loses something.
     */
    private static final Set<String> ROUTINE_APIS = Set.of("Heartbeat", "Fetch");

    /**
     * A request failed without an answer. When a request times out, kafka-clients closes its connection and every
     * request on it fails at that moment ({@code closedBy} names the timed-out one): of those, heartbeats and fetches
     * are background as in {@link #ROUTINE_APIS}.
     */
    private static final String DISCONNECTED = "Disconnected";

    /**
     * A worker pool's poller handing records to its workers: its loop round, as poll() is a plain consumer's. A
     * learner steps to the first of a pool only, which says how the pool orders its records; window-commit stopped
     * on the same sentence every 10 ms, 2,500 times, between the slow worker and the crash.
     */
    private static final String DISPATCH = "DispatchRecords";

    /**
     * The poll loop's routine commits (after every batch, every N records, a worker pool's window) succeed thousands
     * of times a lesson: async-commit-cooperative stopped 6,200 times on "commits … asynchronously" and "its callback:
     * success", window-commit 1,600 times on the window's commitSync. A learner steps to the first
     * {@value #OK_STEPS} of a member's generation and of every run after a failure; each failure and retry is a step,
     * and so is every commit of a rebalance listener or of close(). The offsets still show on the partitions, and each
     * request on the Protocol tab.
     */
    private static final int OK_STEPS = 2;

    /**
     * A consumer's Metadata answer is a step when it changes what the consumer does: a leader moved (where its
     * fetches go after a broker stopped), a topic appeared, went or grew (what a pattern matches, what the leader
     * assigns), or it is the first of a run (where the consumer learns the leaders at all). A routine refresh every
     * metadata.max.age.ms, or one that finds nothing new, is background; its request always is (the answer says
     * why it was sent).
     */
    private static final String METADATA_RESPONSE = "MetadataResponse";

    private LearnerFilter() {
    }

    @Override
    public boolean test(SimEvent event) {
        if (LOST.contains(event.type())) {
            return !ROUTINE_APIS.contains(event.fields().get("api"))
                    || event.fields().get("lostInCut") instanceof Number nth && nth.longValue() == 1;
        }
        if (event.type().equals(DISCONNECTED) && event.fields().containsKey("closedBy")) {
            // Failed with a connection another request's timeout closed: the timed-out one is the step (it says how
            // many failed with it); of the others, a heartbeat or fetch says nothing new, a commit or join loses
            // something.
            return !ROUTINE_APIS.contains(event.fields().get("api"));
        }
        if (event.type().equals("CommitAsync") || event.type().equals("CommitSync")) {
            return !(event.fields().get("okInARow") instanceof Number ok && ok.longValue() >= OK_STEPS);
        }
        if (event.type().equals("CommitAsyncCallback") && "NONE".equals(event.fields().get("error"))) {
            return !(event.fields().get("okInARow") instanceof Number ok && ok.longValue() > OK_STEPS);
        }
        if (event.type().equals(METADATA_RESPONSE)) {
            return !"NONE".equals(event.fields().get("error")) || Boolean.TRUE.equals(event.fields().get("changed"))
                    || "start".equals(event.fields().get("why"));
        }
        if (event.type().equals("RequestWaits")) {
            // Behind a parked fetch it is background (the fetch answers within fetch.max.wait.ms); behind a JoinGroup
            // or SyncGroup the coordinator holds it is a step: a close's LeaveGroup waiting out a rebalance.
            return "sim.cluster.connection.mutedByGroup".equals(event.ruleKey());
        }
        if (event.type().equals(DISPATCH)) {
            return event.fields().get("dispatch") instanceof Number nth && nth.longValue() == 1;
        }
        if (!ROUTINE.contains(event.type())) {
            // Of a producer's events a learner needs its failures (the first of a run: a producer writing to a deleted
            // topic fails every send, 250 times in pattern-new-topic) and its finding new partitions (keys move).
            // Records held for partitions with no leader likewise: the first the buffer holds, then release or expiry.
            return event.kind() != EventKind.PRODUCE || event.type().equals("ProducerMetadataRefresh")
                    || event.type().equals("ProduceReleased") || event.type().equals("ProduceExpired")
                    || event.type().equals("ProduceBlocked")
                    || event.type().equals("ProduceFailed") && !(event.fields().get("failedInARow") instanceof Number
                    nth && nth.longValue() > 1)
                    || event.type().equals("ProduceHeld") && !(event.fields().get("held") instanceof Number
                    held && held.longValue() > 1);
        }
        if (event.fields().get("truncated") instanceof java.util.Map<?, ?> truncated && !truncated.isEmpty()) {
            return true; // a validation that found records lost from the leader's log (KIP-320)
        }
        Object error = event.fields().get("error");
        // A fetch whose partitions were refused (a leader that lost them) is a step: it sends the consumer to ask
        // for Metadata.
        return error != null && !"NONE".equals(error)
                || event.fields().get("errors") instanceof java.util.Map<?, ?> errors && !errors.isEmpty();
    }
}
