package dev.groupscope.sim.engine;

import dev.groupscope.kafka.TopicPartition;
import java.util.Arrays;
import java.util.Objects;

/**
 * Binary search over the sorted key arrays of {@link SortedArrayMap} and {@link SortedArraySet}, with the same
 * answers as {@link Arrays#binarySearch(Object[], int, int, Object)}. The JDK's search compares through
 * {@code Comparable.compareTo}, one call site for every key type of every map, which the JIT cannot inline; partitions
 * and ints (session ids), the keys of nearly every lookup of a run, are searched here with their own comparison.
 * Lookups were 12–18 % of a large run's time, forward and replayed.
 */
public final class SortedKeys {

    private SortedKeys() {
    }

    /** The slot of {@code key} in {@code keys[0, size)}, or {@code -(insertion point) - 1}. */
    public static int indexOf(Object[] keys, int size, Object key) {
        Objects.requireNonNull(key, "key");
        if (key instanceof TopicPartition partition) {
            return indexOfPartition(keys, size, partition);
        }
        if (key instanceof Integer number) {
            return indexOfInt(keys, size, number);
        }
        return Arrays.binarySearch(keys, 0, size, key);
    }

    private static int indexOfPartition(Object[] keys, int size, TopicPartition key) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = ((TopicPartition) keys[mid]).compareTo(key);
            if (cmp < 0) {
                low = mid + 1;
            } else if (cmp > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    private static int indexOfInt(Object[] keys, int size, int key) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int value = (Integer) keys[mid];
            if (value < key) {
                low = mid + 1;
            } else if (value > key) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }
}
