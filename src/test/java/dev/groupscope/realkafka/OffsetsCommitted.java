package dev.groupscope.realkafka;

import dev.groupscope.kafka.TopicPartition;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Offsets the broker accepted from a member's commit, manual or automatic: the next offset to read, per partition.
 * Seen through a consumer interceptor, so it is recorded only once the commit succeeded.
 */
public record OffsetsCommitted(String member, SortedMap<TopicPartition, Long> offsets) implements Observation {

    public OffsetsCommitted {
        Objects.requireNonNull(member, "member");
        offsets = Collections.unmodifiableSortedMap(new TreeMap<>(offsets));
    }
}
