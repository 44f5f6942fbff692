package dev.groupscope.sim.client;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.engine.SortedArrayMap;
import dev.groupscope.sim.engine.SortedArraySet;
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
 * committed offset, or while it awaits a reset (auto.offset.reset, seekToBeginning/seekToEnd) that a ListOffsets to
 * its leader resolves; and whether the application paused it ({@code TopicPartitionState.paused}).
 */
final class Assignment {

    /** Position of a partition without one yet. */
    static final long NO_POSITION = -1;

    private final SortedArrayMap<TopicPartition, Long> positions;
    /** Partitions the application paused: not fetched, and their buffered records are held back by poll(). */
    private final SortedArraySet<TopicPartition> paused;
    /**
     * Partitions awaiting a reset (Kafka's AWAIT_RESET state): a lazy seek, or auto.offset.reset for a partition
     * without a committed offset or whose fetch offset fell out of range. Resolved by a ListOffsets to the leader.
     */
    private final SortedArrayMap<TopicPartition, Reset> awaitingReset;
    /**
     * Known to have a position for every partition (set when {@link #withoutPosition} finds none, cleared by
     * whatever can take one away): every poll() asks, and a worker pool's poller polls every few ms over 1,000
     * partitions.
     */
    private boolean allPositioned;

    /**
     * A partition awaiting reset: the strategy ({@code earliest}, {@code latest}, or auto.offset.reset's text such
     * as {@code by_duration:PT1H}), what asked for it (seekToBeginning, seekToEnd, or auto.offset.reset's cause), and
     * Kafka's {@code nextRetryTimeMs}: no ListOffsets for it before then (one in flight, or a retry backing off).
     */
    record Reset(String strategy, String cause, long nextRetryAt) {

        /** No wait: a ListOffsets may go at the next poll(). */
        static final long NOW = Long.MIN_VALUE;
    }

    Assignment() {
        this.positions = new SortedArrayMap<>();
        this.paused = new SortedArraySet<>();
        this.awaitingReset = new SortedArrayMap<>();
    }

    private Assignment(Assignment other) {
        this.positions = new SortedArrayMap<>(other.positions);
        this.paused = new SortedArraySet<>(other.paused);
        this.awaitingReset = new SortedArrayMap<>(other.awaitingReset);
        this.allPositioned = other.allPositioned;
    }

    Assignment copy() {
        return new Assignment(this);
    }

    /** Kafka's {@code assignFromSubscribed}: partitions that stay keep their position, new ones start without. */
    void assign(SortedSet<TopicPartition> partitions) {
        positions.keySet().retainAll(partitions);
        // Partitions that stay keep their state, paused included; new ones start unpaused. An eager rebalance
        // assigns the empty set first, so afterwards every partition is unpaused.
        paused.retainAll(partitions);
        awaitingReset.keySet().retainAll(partitions);
        partitions.forEach(tp -> positions.putIfAbsent(tp, NO_POSITION));
        allPositioned = false;
    }

    SortedSet<TopicPartition> partitions() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(positions.keySet()));
    }

    /** Every assigned partition with its position ({@link #NO_POSITION} if none yet): a read-only view, no copy. */
    Map<TopicPartition, Long> positions() {
        return Collections.unmodifiableMap(positions);
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
            awaitingReset.remove(tp);
            allPositioned &= offset != NO_POSITION;
        }
    }

    /**
     * {@code requestOffsetReset}: the position is dropped (the partition is not fetchable) until a ListOffsets
     * answer resolves {@code strategy}; a reset asked for again may be sent at once ({@code nextRetryTimeMs} cleared).
     */
    void requestReset(TopicPartition tp, String strategy, String cause) {
        if (positions.containsKey(tp)) {
            positions.put(tp, NO_POSITION);
            awaitingReset.put(tp, new Reset(strategy, cause, Reset.NOW));
            allPositioned = false;
        }
    }

    /** Whether any partition awaits a reset. */
    boolean hasAwaitingReset() {
        return !awaitingReset.isEmpty();
    }

    /** The reset {@code tp} awaits, or null. */
    Reset awaitingReset(TopicPartition tp) {
        return awaitingReset.get(tp);
    }

    /** Kafka's {@code partitionsNeedingReset(now)}: awaiting a reset, and not waiting for an answer or a backoff. */
    Map<TopicPartition, Reset> resetsDue(long now) {
        if (awaitingReset.isEmpty()) {
            return Map.of(); // the usual answer, at every poll()
        }
        Map<TopicPartition, Reset> due = new TreeMap<>();
        awaitingReset.forEach((tp, reset) -> {
            if (reset.nextRetryAt() <= now) {
                due.put(tp, reset);
            }
        });
        return due;
    }

    /** Kafka's {@code setNextAllowedRetry} / {@code requestFailed}: no ListOffsets for {@code tp} before {@code at}. */
    void resetNotBefore(TopicPartition tp, long at) {
        Reset reset = awaitingReset.get(tp);
        if (reset != null) {
            awaitingReset.put(tp, new Reset(reset.strategy(), reset.cause(), at));
        }
    }

    /** The earliest time after {@code now} at which a partition's reset may be asked for again, or -1 if none. */
    long nextResetRetryAfter(long now) {
        long next = -1;
        for (Reset reset : awaitingReset.values()) {
            if (reset.nextRetryAt() > now && (next < 0 || reset.nextRetryAt() < next)) {
                next = reset.nextRetryAt();
            }
        }
        return next;
    }

    void pause(TopicPartition tp) {
        if (positions.containsKey(tp)) {
            paused.add(tp);
        }
    }

    void resume(TopicPartition tp) {
        paused.remove(tp);
    }

    boolean isPaused(TopicPartition tp) {
        return paused.contains(tp);
    }

    SortedSet<TopicPartition> pausedPartitions() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(paused));
    }

    /**
     * Kafka's {@code initializingPartitions()}: assigned partitions still without a position, other than those
     * awaiting a reset (Kafka: INITIALIZING, not AWAIT_RESET).
     */
    List<TopicPartition> withoutPosition() {
        if (allPositioned) {
            return List.of();
        }
        List<TopicPartition> missing = new ArrayList<>();
        boolean anyWithout = false;
        for (Map.Entry<TopicPartition, Long> entry : positions.entrySet()) {
            if (entry.getValue() == NO_POSITION) {
                anyWithout = true;
                if (!awaitingReset.containsKey(entry.getKey())) {
                    missing.add(entry.getKey());
                }
            }
        }
        allPositioned = !anyWithout;
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
