package dev.groupscope.realkafka;

import dev.groupscope.kafka.TopicPartition;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One {@code ConsumerRebalanceListener} call as the member saw it: which callback, with which partitions, and the
 * generation the consumer reported at that moment ({@code consumer.groupMetadata().generationId()}, read on the
 * consumer's own thread inside the callback).
 */
public record ListenerCallback(String member, Kind kind, SortedSet<TopicPartition> partitions, int generation)
        implements Observation {

    /** The three callbacks of {@code ConsumerRebalanceListener}. */
    public enum Kind { REVOKED, ASSIGNED, LOST }

    public ListenerCallback {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(kind, "kind");
        partitions = Collections.unmodifiableSortedSet(new TreeSet<>(partitions));
    }

    /** The partition numbers alone, for single-topic scripts, where they read like the reference: [0, 1]. */
    public SortedSet<Integer> partitionNumbers() {
        return Partitions.numbers(partitions);
    }
}
