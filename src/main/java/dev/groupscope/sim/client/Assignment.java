package dev.groupscope.sim.client;

import dev.groupscope.kafka.TopicPartition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The part of kafka-clients' {@code SubscriptionState} the model needs: the assigned partitions and, per
 * partition, the fetch position (the next offset poll() returns), or none while it is being initialised from the
 * committed offset or auto.offset.reset.
 */
final class Assignment {

    /** Position of a partition without one yet. */
    static final long NO_POSITION = -1;

    private final TreeMap<TopicPartition, Long> positions;
    /** Kafka's per-partition paused flag (TopicPartitionState): not fetched, its buffered records not returned. */
    private final TreeSet<TopicPartition> paused;

    Assignment() {
        this.positions = new TreeMap<>();
        this.paused = new TreeSet<>();
    }

    private Assignment(Assignment other) {
        this.positions = new TreeMap<>(other.positions);
        this.paused = new TreeSet<>(other.paused);
    }

    Assignment copy() {
        return new Assignment(this);
    }

    /** Kafka's {@code assignFromSubscribed}: partitions that stay keep their position, new ones start without. */
    void assign(SortedSet<TopicPartition> partitions) {
        positions.keySet().retainAll(partitions);
        paused.retainAll(partitions); // a partition that stays stays paused; a new one starts unpaused
        partitions.forEach(tp -> positions.putIfAbsent(tp, NO_POSITION));
    }

    /** {@code consumer.pause(partitions)}: only assigned partitions can be paused. */
    void pause(java.util.Collection<TopicPartition> partitions) {
        partitions.stream().filter(positions::containsKey).forEach(paused::add);
    }

    /** {@code consumer.resume(partitions)}. */
    void resume(java.util.Collection<TopicPartition> partitions) {
        paused.removeAll(partitions);
    }

    boolean isPaused(TopicPartition tp) {
        return paused.contains(tp);
    }

    SortedSet<TopicPartition> partitions() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(positions.keySet()));
    }

    boolean isAssigned(TopicPartition tp) {
        return positions.containsKey(tp);
    }

    boolean isEmpty() {
        return positions.isEmpty();
    }

    long position(TopicPartition tp) {
        return positions.getOrDefault(tp, NO_POSITION);
    }

    boolean hasPosition(TopicPartition tp) {
        return position(tp) != NO_POSITION;
    }

    void seek(TopicPartition tp, long offset) {
        if (positions.containsKey(tp)) {
            positions.put(tp, offset);
        }
    }

    /** Kafka's {@code initializingPartitions()}: assigned partitions still without a position. */
    List<TopicPartition> withoutPosition() {
        List<TopicPartition> missing = new ArrayList<>();
        positions.forEach((tp, position) -> {
            if (position == NO_POSITION) {
                missing.add(tp);
            }
        });
        return missing;
    }

    /** Kafka's {@code allConsumed()}: the position of every partition that has one, i.e. what auto commit sends. */
    Map<TopicPartition, Long> allConsumed() {
        Map<TopicPartition, Long> consumed = new TreeMap<>();
        positions.forEach((tp, position) -> {
            if (position != NO_POSITION) {
                consumed.put(tp, position);
            }
        });
        return consumed;
    }

    Map<String, Object> positionsView() {
        Map<String, Object> view = new TreeMap<>();
        positions.forEach((tp, position) -> view.put(tp.toString(), position));
        return Collections.unmodifiableMap(view);
    }
}
