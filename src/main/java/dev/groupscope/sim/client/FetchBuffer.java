package dev.groupscope.sim.client;

import dev.groupscope.kafka.TopicPartition;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetched records not yet returned by poll(), in arrival order (kafka-clients' {@code FetchBuffer} of completed
 * fetches). Records are offsets only: the model has no payloads.
 */
final class FetchBuffer {

    /** Records {@code fetchOffset + taken} … {@code fetchOffset + count - 1} of one partition are still unread. */
    record Completed(TopicPartition partition, long fetchOffset, int count, int taken) {
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

    void add(TopicPartition partition, long fetchOffset, int count) {
        completed.add(new Completed(partition, fetchOffset, count, 0));
    }

    boolean holds(TopicPartition partition) {
        return completed.stream().anyMatch(entry -> entry.partition().equals(partition));
    }

    /** The partitions with records buffered: one pass, for callers that ask about every assigned partition. */
    java.util.Set<TopicPartition> partitions() {
        java.util.Set<TopicPartition> held = new java.util.HashSet<>();
        completed.forEach(entry -> held.add(entry.partition()));
        return held;
    }

    /**
     * Kafka's {@code collectFetch}: takes up to {@code maxRecords} records in arrival order. Data for a partition
     * no longer assigned, or fetched from an offset that is no longer its position (a seek or reset happened), is
     * dropped, as the fetcher drops it.
     */
    List<Slice> collect(int maxRecords, Assignment assignment) {
        List<Slice> slices = new ArrayList<>();
        int left = maxRecords;
        int index = 0;
        while (left > 0 && index < completed.size()) {
            Completed head = completed.get(index);
            if (!assignment.isAssigned(head.partition())
                    || assignment.position(head.partition()) != head.nextOffset()) {
                completed.remove(index);
                continue;
            }
            if (assignment.isPaused(head.partition())) {
                index++; // FetchCollector keeps a paused partition's records buffered for after resume()
                continue;
            }
            int take = Math.min(left, head.remaining());
            slices.add(new Slice(head.partition(), head.nextOffset(), take));
            assignment.seek(head.partition(), head.nextOffset() + take);
            left -= take;
            if (take == head.remaining()) {
                completed.remove(index);
            } else {
                completed.set(index, new Completed(head.partition(), head.fetchOffset(), head.count(), head.taken() + take));
            }
        }
        return slices;
    }

    void clear() {
        completed.clear();
    }

    int size() {
        return completed.stream().mapToInt(Completed::remaining).sum();
    }
}
