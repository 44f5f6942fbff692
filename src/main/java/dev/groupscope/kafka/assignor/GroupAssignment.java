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

    /**
     * Wraps rather than copies the member lists: an assignor hands over lists it no longer touches, and copying a
     * million partitions would cost as much as a simple assignor's whole run.
     */
    public GroupAssignment {
        Map<String, List<TopicPartition>> view = new LinkedHashMap<>();
        assignment.forEach((member, partitions) -> view.put(member, Collections.unmodifiableList(partitions)));
        assignment = Collections.unmodifiableMap(view);
        // Sorted: Set.copyOf iterates in a per-JVM random order, and outputs must be byte-for-byte stable.
        withheld = Collections.unmodifiableSortedSet(new java.util.TreeSet<>(withheld));
        steps = List.copyOf(steps);
    }

    /** The member's partitions, sorted by topic then partition (how GroupScope shows and prints them). */
    public List<TopicPartition> sortedPartitionsOf(String memberId) {
        return assignment.getOrDefault(memberId, List.of()).stream().sorted().toList();
    }
}
