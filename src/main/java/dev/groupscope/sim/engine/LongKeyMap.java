package dev.groupscope.sim.engine;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A map from {@code long} to values in key order, held in a sorted {@code long[]} and a parallel array: the requests a
 * consumer has in flight by correlation id, and the fetches a broker has parked by id. As a {@link SortedArrayMap}
 * every key was a boxed Long made anew for each request, and a light snapshot held some 600 of them new.
 *
 * <p>A copy shares both arrays, and neither map writes an array while it is shared: the first change on either side
 * moves to new ones. These maps hold a few entries per consumer and a few hundred per cluster: inserting shifts.
 */
public final class LongKeyMap<V> {

    private static final long[] NO_KEYS = {};
    private static final Object[] NO_VALUES = {};

    private long[] keys;
    private Object[] values;
    /** Whether a copy (or the map this one copies) may hold the same arrays. */
    private boolean shared;
    private int size;

    /** Tests an entry (the key unboxed). */
    @FunctionalInterface
    public interface EntryTest<V> {
        boolean test(long key, V value);
    }

    public LongKeyMap() {
        this.keys = NO_KEYS;
        this.values = NO_VALUES;
    }

    /** A copy of {@code other}: the same arrays, which neither writes from now on. */
    public LongKeyMap(LongKeyMap<V> other) {
        this.keys = other.keys;
        this.values = other.values;
        this.size = other.size;
        this.shared = true;
        other.shared = true;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    private int indexOf(long key) {
        return Arrays.binarySearch(keys, 0, size, key);
    }

    @SuppressWarnings("unchecked")
    public V get(long key) {
        int index = indexOf(key);
        return index >= 0 ? (V) values[index] : null;
    }

    /** Maps {@code key} to {@code value} (not null); returns the value it replaced, or null. */
    @SuppressWarnings("unchecked")
    public V put(long key, V value) {
        java.util.Objects.requireNonNull(value, "value");
        int index = indexOf(key);
        if (index >= 0) {
            V before = (V) values[index];
            if (before != value) {
                own(size);
                values[index] = value;
            }
            return before;
        }
        index = -index - 1;
        own(size == keys.length ? Math.max(4, size + (size >> 1) + 1) : keys.length);
        System.arraycopy(keys, index, keys, index + 1, size - index);
        System.arraycopy(values, index, values, index + 1, size - index);
        keys[index] = key;
        values[index] = value;
        size++;
        return null;
    }

    /** Removes the entry of {@code key}; returns its value, or null if there was none. */
    @SuppressWarnings("unchecked")
    public V remove(long key) {
        int index = indexOf(key);
        if (index < 0) {
            return null;
        }
        V before = (V) values[index];
        own(keys.length);
        removeAt(index);
        return before;
    }

    /** Removes the entries that pass {@code test}, visited in key order. */
    @SuppressWarnings("unchecked")
    public void removeIf(EntryTest<V> test) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (!test.test(keys[i], (V) values[i])) {
                if (kept != i) {
                    own(keys.length);
                    keys[kept] = keys[i];
                    values[kept] = values[i];
                }
                kept++;
            }
        }
        if (kept < size) {
            own(keys.length);
            Arrays.fill(values, kept, size, null);
            size = kept;
        }
    }

    public void clear() {
        if (shared) {
            keys = NO_KEYS;
            values = NO_VALUES;
            shared = false;
        } else {
            Arrays.fill(values, 0, size, null);
        }
        size = 0;
    }

    /** The values in key order: a read-only view of this map as it is when read (do not change the map meanwhile). */
    public List<V> values() {
        return new Values();
    }

    private void removeAt(int index) {
        int after = size - index - 1;
        System.arraycopy(keys, index + 1, keys, index, after);
        System.arraycopy(values, index + 1, values, index, after);
        size--;
        values[size] = null;
    }

    /** Makes both arrays private to this map (copied first while shared), with {@code capacity} slots at least. */
    private void own(int capacity) {
        if (shared || capacity > keys.length) {
            keys = Arrays.copyOf(keys, capacity);
            values = Arrays.copyOf(values, capacity);
            shared = false;
        }
    }

    private final class Values extends AbstractList<V> implements RandomAccess {
        @Override
        @SuppressWarnings("unchecked")
        public V get(int index) {
            java.util.Objects.checkIndex(index, size);
            return (V) values[index];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
