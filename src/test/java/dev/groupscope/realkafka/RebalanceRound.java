package dev.groupscope.realkafka;

import dev.groupscope.kafka.TopicPartition;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What each member owned at the end of one rebalance: the partitions it held just after its
 * {@code onPartitionsAssigned} of that generation. Kafka calls {@code onPartitionsAssigned} exactly once per
 * rebalance in every member, even with nothing to add, so each member of the generation appears.
 */
public record RebalanceRound(int generation, SortedMap<String, SortedSet<TopicPartition>> assignment) {

    public RebalanceRound {
        SortedMap<String, SortedSet<TopicPartition>> copy = new TreeMap<>();
        assignment.forEach((member, owned) -> copy.put(member, Collections.unmodifiableSortedSet(new TreeSet<>(owned))));
        assignment = Collections.unmodifiableSortedMap(copy);
    }

    /** Partition numbers per member, for single-topic scripts: {c0=[0, 1], c1=[2, 3]}. */
    public SortedMap<String, SortedSet<Integer>> partitionNumbers() {
        SortedMap<String, SortedSet<Integer>> result = new TreeMap<>();
        assignment.forEach((member, owned) -> result.put(member, Partitions.numbers(owned)));
        return result;
    }
}
