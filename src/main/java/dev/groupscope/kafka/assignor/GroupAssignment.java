package dev.groupscope.kafka.assignor;

import dev.groupscope.kafka.TopicPartition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An assignor's answer: for every member (each present, possibly with nothing) its partitions in the order the
 * assignor produced them, the partitions held back this round for cooperative revocation (Kafka's
 * {@code partitionsTransferringOwnership}, empty for eager assignors), and the trace of steps.
 */
public record GroupAssignment(Map<String, List<TopicPartition>> assignment,
                              Set<TopicPartition> withheld,
                              List<AssignmentStep> steps) {

    public GroupAssignment {
        Map<String, List<TopicPartition>> copy = new LinkedHashMap<>();
        assignment.forEach((member, partitions) -> copy.put(member, List.copyOf(partitions)));
        assignment = Collections.unmodifiableMap(copy);
        withheld = Set.copyOf(withheld);
        steps = List.copyOf(steps);
    }

    /** The member's partitions, sorted by topic then partition (how GroupScope shows and prints them). */
    public List<TopicPartition> sortedPartitionsOf(String memberId) {
        return assignment.getOrDefault(memberId, List.of()).stream().sorted().toList();
    }
}
