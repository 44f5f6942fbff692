package dev.groupscope.sim.engine;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Which events a learner steps through: the ones where something happens that the group protocol is about — group
 * and member state changes, JoinGroup, SyncGroup, LeaveGroup, commits, rebalance callbacks, faults, actions, and
 * every answer that carries an error — but not the steady background of successful heartbeats, fetches, polls,
 * record processing and produce traffic. Stepping "to the next event that matters" skips the rest.
 */
public final class LearnerFilter implements Predicate<SimEvent> {

    public static final LearnerFilter INSTANCE = new LearnerFilter();

    /** Routine traffic: shown only when it carries an error. */
    private static final Set<String> ROUTINE = Set.of("HeartbeatRequest", "HeartbeatResponse", "FetchRequest",
            "FetchResponse", "FetchParked", "FetchReleased", "FetchMaxWait", "Poll", "ProcessRecords", "Produce", "Send", "HeartbeatInterval",
            "AutoCommitInterval", "OffsetCommitRecord", "OffsetCommitRequest", "OffsetCommitResponse");

    private LearnerFilter() {
    }

    @Override
    public boolean test(SimEvent event) {
        if (!ROUTINE.contains(event.type())) {
            // Of a producer's events a learner needs its failures and its finding new partitions (keys move).
            return event.kind() != EventKind.PRODUCE || event.type().equals("ProduceFailed")
                    || event.type().equals("ProducerMetadataRefresh");
        }
        Object error = event.fields().get("error");
        return error != null && !"NONE".equals(error);
    }
}
