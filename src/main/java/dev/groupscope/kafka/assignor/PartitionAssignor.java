package dev.groupscope.kafka.assignor;

import dev.groupscope.kafka.RebalanceProtocol;
import java.util.List;
import java.util.Map;

/**
 * A client-side partition assignor, as the group leader runs it. Mirrors Kafka's
 * {@code ConsumerPartitionAssignor}: a name (the protocol name members vote with), the rebalance protocols it
 * supports, and the assignment itself.
 */
public interface PartitionAssignor {

    /** Kafka's protocol name, e.g. {@code range} or {@code cooperative-sticky}. */
    String name();

    /**
     * The rebalance protocols this assignor supports, preferred first: EAGER unless it says otherwise, as Kafka's
     * interface defaults (only the cooperative assignors add COOPERATIVE).
     */
    default List<RebalanceProtocol> supportedProtocols() {
        return List.of(RebalanceProtocol.EAGER);
    }

    /**
     * Assigns partitions.
     *
     * @param partitionsPerTopic partition count of every topic that has metadata; a subscribed topic missing
     *                           here is skipped, as Kafka skips topics without metadata
     * @param members            the group's members, in the order the coordinator listed them; ids are unique
     * @param trace              where to record the steps; {@link AssignmentTrace#off()} for speed
     */
    GroupAssignment assign(Map<String, Integer> partitionsPerTopic, List<GroupMember> members, AssignmentTrace trace);

    default GroupAssignment assign(Map<String, Integer> partitionsPerTopic, List<GroupMember> members) {
        return assign(partitionsPerTopic, members, AssignmentTrace.off());
    }
}
