package dev.groupscope.sim.client;

import dev.groupscope.kafka.TopicPartition;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetched records not yet returned by poll(), in arrival order (kafka-clients' {@code FetchBuffer} of completed
 * fetches). Records are offsets only: the model has no payloads.
 */
final class FetchBuffer {

    /**
     * Records {@code fetchOffset + taken} … {@code fetchOffset + count - 1} of one partition are still unread;
     * {@code lastEpoch} is the leader epoch of the last (the position takes it once poll() returns records of it).
     * {@code outOfRange}: no records, the answer OFFSET_OUT_OF_RANGE for {@code fetchOffset}, acted on when poll()
     * collects it (kafka-clients' {@code FetchCollector.handleInitializeErrors}), not when it arrives.
     */
    record Completed(TopicPartition partition, long fetchOffset, int count, int taken, int lastEpoch,
                     boolean outOfRange) {
        long nextOffset() {
            return fetchOffset + taken;
        }

        int remaining() {
            return count - taken;
        }
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

    void add(TopicPartition partition, long fetchOffset, int count, int lastEpoch) {
        completed.add(new Completed(partition, fetchOffset, count, 0, lastEpoch, false));
    }

    /** An OFFSET_OUT_OF_RANGE answer for {@code fetchOffset}: buffered like records, so the partition is not fetched. */
    void addOutOfRange(TopicPartition partition, long fetchOffset) {
        completed.add(new Completed(partition, fetchOffset, 0, 0, -1, true));
    }

    /** The partitions with records buffered, in one pass over the buffer. */
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
     * Kafka's {@code collectFetch}: takes up to {@code maxRecords} records in arrival order. Data for a partition
     * no longer assigned, or fetched from an offset that is no longer its position (a seek or reset happened), is
     * dropped, as the fetcher drops it; so is data of a partition {@code dropped} says is no longer subscribed. Data
     * of a paused partition is kept for a poll() after resume(): Kafka sets it aside and puts it back at the end of
     * the queue. An out-of-range answer for the partition's position goes to {@code outOfRange}, which says whether
     * collecting goes on (with no reset policy the consumer fails: poll() throws).
     */
    List<Slice> collect(int maxRecords, Assignment assignment, java.util.function.Predicate<TopicPartition> dropped,
                        java.util.function.Predicate<TopicPartition> outOfRange) {
        List<Slice> slices = new ArrayList<>();
        List<Completed> pausedAside = new ArrayList<>();
        int left = maxRecords;
        while (left > 0 && !completed.isEmpty()) {
            Completed head = completed.get(0);
            if (assignment.isPaused(head.partition())) {
                pausedAside.add(completed.remove(0));
                continue;
            }
            if (head.outOfRange()) {
                completed.remove(0);
                assignment.moveToEnd(head.partition()); // FetchCollector.initialize: an error answer goes last
                if (assignment.isAssigned(head.partition())
                        && assignment.position(head.partition()) == head.fetchOffset()
                        && !outOfRange.test(head.partition())) {
                    break;
                }
                continue;
            }
            if (head.remaining() == 0) {
                drainHead(assignment, head.taken()); // asked for one more record, the used-up fetch drains
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
                completed.set(0, new Completed(head.partition(), head.fetchOffset(), head.count(), head.taken() + take,
                        head.lastEpoch(), false));
            }
        }
        completed.addAll(pausedAside);
        return slices;
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
