package dev.groupscope.kafka.producer;

import java.util.List;
import java.util.stream.IntStream;

/**
 * What the producer's metadata says about a topic: how many partitions it has and which of them currently have a
 * leader (Kafka's "available" partitions), in metadata order.
 */
public record PartitionAvailability(int partitionCount, List<Integer> available) {

    public PartitionAvailability {
        if (partitionCount < 1) {
            throw new IllegalArgumentException("a topic has at least 1 partition, got " + partitionCount);
        }
        available = List.copyOf(available);
        for (int partition : available) {
            if (partition < 0 || partition >= partitionCount) {
                throw new IllegalArgumentException(
                        "partition " + partition + " is not one of the topic's " + partitionCount + " partitions");
            }
        }
    }

    /** Every partition has a leader. */
    public static PartitionAvailability all(int partitionCount) {
        return new PartitionAvailability(partitionCount, IntStream.range(0, partitionCount).boxed().toList());
    }
}
