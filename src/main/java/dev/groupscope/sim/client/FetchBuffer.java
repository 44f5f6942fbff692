package dev.groupscope.sim.client;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetched records not yet returned by poll(), in arrival order (kafka-clients' {@code FetchBuffer} of completed
 * fetches). Records are offsets only: the model has no payloads. As in kafka-clients, every partition a fetch answers
 * is buffered, with records or not (a new high watermark, an error): while it is, the partition is not fetched again,
 * and what an error means is acted on when poll() collects it ({@code FetchCollector.initialize}).
 */
final class FetchBuffer {

    /**
     * Records {@code fetchOffset + taken} … {@code fetchOffset + count - 1} of one partition are still unread (none
     * when {@code count} is 0); {@code lastEpoch} is the leader epoch of the last (the position takes it once poll()
     * returns records of it). {@code error}: the partition's answer, NONE or an error with no records.
     * {@code initialized}: poll() has checked it against the position ({@code CompletedFetch.isInitialized}).
     */
    record Completed(TopicPartition partition, long fetchOffset, int count, int taken, int lastEpoch, Errors error,
                     boolean initialized) {
        long nextOffset() {
            return fetchOffset + taken;
        }

        int remaining() {
            return count - taken;
        }

        Completed taking(int more) {
            return new Completed(partition, fetchOffset, count, taken + more, lastEpoch, error, true);
        }
    }

    /**
     * What poll() does with an answer's error when it collects it ({@code FetchCollector.handleInitializeErrors}),
     * told whether this poll() already has records in hand.
     */
    @FunctionalInterface
    interface ErrorCollector {
        Collected collected(TopicPartition partition, Errors error, long fetchOffset, boolean recordsInHand);
    }

    /** How collecting goes on after an error answer. */
    enum Collected {
        /** Acted on: the answer leaves the buffer, and collecting goes on. */
        DONE,
        /** poll() threw: the answer leaves the buffer, and collecting ends. */
        THREW,
        /**
         * poll() would throw, but has records in hand: collectFetch swallows the exception and returns them, the answer
         * staying first in the buffer, so the next poll() throws.
         */
        KEPT
    }

    /** A slice poll() returns: {@code count} records of one partition from {@code first}. */
    record Slice(TopicPartition partition, long first, int count) {
    }

    private final List<Completed> completed;

    FetchBuffer() {
        this.completed = new ArrayList<>();
    }

    private FetchBuffer(FetchBuffer other) {
        this.completed = new ArrayList<>(other.completed);
    }

    FetchBuffer copy() {
        return new FetchBuffer(this);
    }

    /** An answer without error: {@code count} records from {@code fetchOffset}, or none (a new high watermark). */
    void add(TopicPartition partition, long fetchOffset, int count, int lastEpoch) {
        completed.add(new Completed(partition, fetchOffset, count, 0, lastEpoch, Errors.NONE, false));
    }

    /** An answer with {@code error} for {@code fetchOffset}: buffered like records, so the partition is not fetched. */
    void addError(TopicPartition partition, long fetchOffset, Errors error) {
        completed.add(new Completed(partition, fetchOffset, 0, 0, -1, error, false));
    }

    /** The partitions with an answer buffered, in one pass over the buffer. */
    java.util.Set<TopicPartition> partitions() {
        if (completed.isEmpty()) {
            return java.util.Set.of(); // an idle consumer's every poll()
        }
        java.util.Set<TopicPartition> held = new java.util.HashSet<>();
        completed.forEach(entry -> held.add(entry.partition()));
        return held;
    }

    boolean holds(TopicPartition partition) {
        return completed.stream().anyMatch(entry -> entry.partition().equals(partition));
    }

    /**
     * Kafka's {@code collectFetch}: takes up to {@code maxRecords} records in arrival order. Each answer is first
     * initialized: one with an error goes to {@code errors} ({@link #collectError}); one without is dropped if its
     * partition has no valid position (no longer assigned, awaiting validation or a reset) or another position (a seek
     * happened). Then data of a partition that is not fetchable, or that {@code dropped} says is no longer subscribed,
     * is dropped, as the fetcher drops it. Data of a paused partition is kept for a poll() after resume(): Kafka sets
     * it aside and puts it back at the end of the queue.
     */
    List<Slice> collect(int maxRecords, Assignment assignment, java.util.function.Predicate<TopicPartition> dropped,
                        ErrorCollector errors) {
        List<Slice> slices = new ArrayList<>();
        List<Completed> pausedAside = new ArrayList<>();
        int left = maxRecords;
        while (left > 0 && !completed.isEmpty()) {
            Completed head = completed.get(0);
            if (!head.initialized()) {
                if (head.error() != Errors.NONE) {
                    if (!collectError(head, errors, !slices.isEmpty())) {
                        break;
                    }
                    continue;
                }
                head = initialize(head, assignment);
                if (head == null) {
                    completed.remove(0);
                    continue;
                }
                completed.set(0, head);
            }
            if (assignment.isPaused(head.partition())) {
                pausedAside.add(completed.remove(0));
                continue;
            }
            if (head.remaining() == 0) {
                // Asked for one more record: the used-up fetch (or one that brought none) drains.
                drainHead(assignment, head.taken());
                continue;
            }
            if (!assignment.isAssigned(head.partition()) || assignment.isAwaitingValidation(head.partition())
                    || assignment.isPendingRevocation(head.partition()) || dropped.test(head.partition())
                    || assignment.position(head.partition()) != head.nextOffset()) {
                // A partition awaiting validation or pending revocation is not fetchable: FetchCollector drops its
                // data.
                drainHead(assignment, head.taken());
                continue;
            }
            int take = Math.min(left, head.remaining());
            slices.add(new Slice(head.partition(), head.nextOffset(), take));
            // The model's fetch answers say the epoch of their last record only: a slice counts as of that epoch.
            assignment.advance(head.partition(), head.nextOffset() + take, head.lastEpoch());
            left -= take;
            if (take == head.remaining() && left > 0) {
                drainHead(assignment, head.taken() + take);
            } else {
                // A fetch whose last record filled poll() exactly is not drained yet: kafka-clients' CompletedFetch
                // drains only when asked for a record it does not have, so it stays buffered, and its leader gets no
                // new fetch, until the next poll().
                completed.set(0, head.taking(take));
            }
        }
        completed.addAll(pausedAside);
        return slices;
    }

    /**
     * The error answer at the head, handed to {@code errors}: it leaves the buffer unless {@link Collected#KEPT}.
     * Whether collecting goes on.
     */
    private boolean collectError(Completed answered, ErrorCollector errors, boolean recordsInHand) {
        Collected collected = errors.collected(answered.partition(), answered.error(), answered.fetchOffset(),
                recordsInHand);
        if (collected != Collected.KEPT) {
            completed.remove(0);
        }
        return collected == Collected.DONE;
    }

    /**
     * {@code FetchCollector.initialize} of an answer without error: for the valid position it was fetched at, it is
     * ready to be read; otherwise it is dropped (null).
     */
    private static Completed initialize(Completed answered, Assignment assignment) {
        TopicPartition tp = answered.partition();
        if (!assignment.hasValidPosition(tp) || assignment.position(tp) != answered.fetchOffset()) {
            return null; // handleInitializeSuccess discards a stale answer without draining it
        }
        return answered.taking(0);
    }

    /**
     * The fetch at the head leaves the buffer, poll() having returned {@code returned} of its records ({@link #drained}).
     */
    private void drainHead(Assignment assignment, int returned) {
        drained(completed.remove(0).partition(), returned, assignment);
    }

    /**
     * kafka-clients' {@code CompletedFetch.drain}: if poll() returned any of the fetch's records, its partition goes
     * last in the fetch order ({@code movePartitionToEnd}).
     */
    private static void drained(TopicPartition partition, int returned, Assignment assignment) {
        if (returned > 0) {
            assignment.moveToEnd(partition);
        }
    }

    /**
     * Drops buffered records of partitions that fail {@code keep} ({@code clearBufferedDataForUnassigned...}),
     * draining each ({@link #drained}).
     */
    void retainOnly(java.util.function.Predicate<TopicPartition> keep, Assignment assignment) {
        completed.removeIf(entry -> {
            boolean dropped = !keep.test(entry.partition());
            if (dropped) {
                drained(entry.partition(), entry.taken(), assignment);
            }
            return dropped;
        });
    }

    void clear() {
        completed.clear();
    }

    int size() {
        return completed.stream().mapToInt(Completed::remaining).sum();
    }
}
