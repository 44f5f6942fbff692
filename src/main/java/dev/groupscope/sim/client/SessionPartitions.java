package dev.groupscope.sim.client;

import dev.groupscope.kafka.TopicPartition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fetch session's partitions on the consumer's side, in partition order: for each, the offset last named to the
 * broker and the last request build that named it. Held in three parallel arrays because every consumer keeps one
 * per broker and every snapshot copies them: as a map of slot objects a copy allocated an object per partition, here
 * it is three array copies. A worker pool's consumer names hundreds of partitions per broker at every fetch; a
 * binary search finds each.
 */
final class SessionPartitions {

    private static final TopicPartition[] NONE = {};

    private TopicPartition[] partitions = NONE;
    private long[] offsets = new long[0];
    private long[] rounds = new long[0];
    private int size;

    SessionPartitions copy() {
        SessionPartitions copy = new SessionPartitions();
        copy.partitions = Arrays.copyOf(partitions, size);
        copy.offsets = Arrays.copyOf(offsets, size);
        copy.rounds = Arrays.copyOf(rounds, size);
        copy.size = size;
        return copy;
    }

    int size() {
        return size;
    }

    /** The slot of {@code tp}, or {@code -(insertion point) - 1} if the session does not hold it. */
    int indexOf(TopicPartition tp) {
        return Arrays.binarySearch(partitions, 0, size, tp);
    }

    long offset(int slot) {
        return offsets[slot];
    }

    void insert(int slot, TopicPartition tp, long offset, long round) {
        if (size == partitions.length) {
            int capacity = Math.max(4, size + (size >> 1));
            partitions = Arrays.copyOf(partitions, capacity);
            offsets = Arrays.copyOf(offsets, capacity);
            rounds = Arrays.copyOf(rounds, capacity);
        }
        int after = size - slot;
        System.arraycopy(partitions, slot, partitions, slot + 1, after);
        System.arraycopy(offsets, slot, offsets, slot + 1, after);
        System.arraycopy(rounds, slot, rounds, slot + 1, after);
        partitions[slot] = tp;
        offsets[slot] = offset;
        rounds[slot] = round;
        size++;
    }

    /** The build {@code round} names the partition in {@code slot} again. */
    void name(int slot, long round) {
        rounds[slot] = round;
    }

    void move(int slot, long offset) {
        offsets[slot] = offset;
    }

    void clear() {
        Arrays.fill(partitions, 0, size, null);
        size = 0;
    }

    /** Removes the partitions the build {@code round} did not name, returning them in partition order. */
    List<TopicPartition> removeNotNamedIn(long round) {
        List<TopicPartition> forgotten = new ArrayList<>();
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (rounds[i] == round) {
                partitions[kept] = partitions[i];
                offsets[kept] = offsets[i];
                rounds[kept] = rounds[i];
                kept++;
            } else {
                forgotten.add(partitions[i]);
            }
        }
        Arrays.fill(partitions, kept, size, null);
        size = kept;
        return forgotten;
    }
}
