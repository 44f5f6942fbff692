package dev.groupscope.sim.client;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.engine.SortedKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fetch session's partitions on the consumer's side, in partition order, with the offset last named to the broker.
 * Held in two parallel arrays because every consumer keeps one per broker and every snapshot holds them: as a map of
 * slot objects a copy allocated an object per partition. A worker pool's consumer names hundreds of partitions per
 * broker at every fetch; a binary search finds each.
 *
 * <p>A copy shares both arrays, and each side copies an array before its first write to it: between two snapshots a
 * session mostly keeps its partitions (a rebalance changes them) and often its offsets too (a light run's partition
 * gets a record every few seconds). Which partitions a request build named is kept only during that build (it begins
 * and ends within one step), so no snapshot holds it.
 */
final class SessionPartitions {

    private static final TopicPartition[] NONE = {};
    private static final long[] NO_OFFSETS = {};

    private TopicPartition[] partitions = NONE;
    private long[] offsets = NO_OFFSETS;
    /** Whether a copy may hold the same partitions array: then it is copied before it is written. */
    private boolean partitionsShared;
    /** Whether a copy may hold the same offsets array: then it is copied before it is written. */
    private boolean offsetsShared;
    /** During a request build, which slots it named; null between builds. */
    private boolean[] named;
    private int size;

    SessionPartitions copy() {
        SessionPartitions copy = new SessionPartitions();
        copy.partitions = partitions;
        copy.offsets = offsets;
        copy.size = size;
        copy.partitionsShared = true;
        copy.offsetsShared = true;
        partitionsShared = true;
        offsetsShared = true;
        return copy;
    }

    int size() {
        return size;
    }

    /** The slot of {@code tp}, or {@code -(insertion point) - 1} if the session does not hold it. */
    int indexOf(TopicPartition tp) {
        return SortedKeys.indexOf(partitions, size, tp);
    }

    long offset(int slot) {
        return offsets[slot];
    }

    /** A request build begins: no slot is named yet. */
    void beginBuild() {
        named = new boolean[partitions.length];
    }

    /** The build is over: which slots it named is forgotten. */
    void endBuild() {
        named = null;
    }

    /** Adds {@code tp} at {@code slot}, named by the build under way. */
    void insert(int slot, TopicPartition tp, long offset) {
        int capacity = size == partitions.length ? Math.max(4, size + (size >> 1)) : partitions.length;
        ownPartitions(capacity);
        ownOffsets(capacity);
        if (named.length < capacity) {
            named = Arrays.copyOf(named, capacity);
        }
        int after = size - slot;
        System.arraycopy(partitions, slot, partitions, slot + 1, after);
        System.arraycopy(offsets, slot, offsets, slot + 1, after);
        System.arraycopy(named, slot, named, slot + 1, after);
        partitions[slot] = tp;
        offsets[slot] = offset;
        named[slot] = true;
        size++;
    }

    /** The build under way names the partition in {@code slot} again. */
    void name(int slot) {
        named[slot] = true;
    }

    void move(int slot, long offset) {
        ownOffsets(offsets.length);
        offsets[slot] = offset;
    }

    void clear() {
        if (partitionsShared) {
            partitions = NONE;
            partitionsShared = false;
        } else {
            Arrays.fill(partitions, 0, size, null);
        }
        size = 0;
    }

    /** Removes the partitions the build under way did not name, returning them in partition order. */
    List<TopicPartition> removeNotNamed() {
        ownPartitions(partitions.length);
        ownOffsets(offsets.length);
        List<TopicPartition> forgotten = new ArrayList<>();
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (named[i]) {
                partitions[kept] = partitions[i];
                offsets[kept] = offsets[i];
                named[kept] = true;
                kept++;
            } else {
                forgotten.add(partitions[i]);
            }
        }
        Arrays.fill(partitions, kept, size, null);
        size = kept;
        return forgotten;
    }

    /** The partitions array, private to this side from now on, with at least {@code capacity} slots. */
    private void ownPartitions(int capacity) {
        if (partitionsShared || capacity != partitions.length) {
            partitions = Arrays.copyOf(partitions, capacity);
            partitionsShared = false;
        }
    }

    /** The offsets array, private to this side from now on, with at least {@code capacity} slots. */
    private void ownOffsets(int capacity) {
        if (offsetsShared || capacity != offsets.length) {
            offsets = Arrays.copyOf(offsets, capacity);
            offsetsShared = false;
        }
    }
}
