package dev.groupscope.lab;

import dev.groupscope.kafka.TopicPartition;
import java.util.Objects;
import java.util.Optional;

/**
 * One partition as the lab draws it: the partition, its topic's palette slot (topic order, so a topic keeps its
 * colour), and the member it comes from. For an assigned chip {@code from} is present only when the partition
 * moved in this rebalance; for a withheld chip it names the member that must revoke it first.
 */
public record PartitionChip(TopicPartition partition, int topicSlot, Optional<String> from) {

    public PartitionChip {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(from, "from");
    }

    public boolean moved() {
        return from.isPresent();
    }
}
