package dev.groupscope.sim.protocol;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Immutable copies that keep the order they were given in: a fetch names its partitions, and a broker answers
 * them, in an order Kafka decides (the consumer's assignment order, the session's rotation), and that order is
 * what poll() returns records in. Held in two arrays like {@link Sorted}'s maps (a snapshot holds hundreds of
 * requests and answers); lookups scan a small map and binary-search a sorted index of a large one (a full fetch of
 * a thousand partitions is read partition by partition).
 */
final class InOrder<K extends Comparable<? super K>, V> extends AbstractMap<K, V> {

    /** Up to this size a lookup scans the keys: no index is kept. */
    private static final int SCANNED = 8;

    private final Object[] keys;
    private final Object[] values;
    /**
     * Slots in key order, for a binary search of a large map: made at its first lookup (most answers are only
     * iterated). Volatile: a rebuild for the window may read the same request as the run.
     */
    private volatile int[] sorted;

    private InOrder(Object[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** An immutable copy of {@code map} iterating in {@code map}'s own order. */
    static <K extends Comparable<? super K>, V> Map<K, V> copy(Map<K, V> map) {
        if (map.isEmpty()) {
            return Map.of();
        }
        if (map instanceof InOrder<K, V>) {
            return map;
        }
        Object[] keys = new Object[map.size()];
        Object[] values = new Object[map.size()];
        int[] next = {0};
        map.forEach((key, value) -> {
            keys[next[0]] = java.util.Objects.requireNonNull(key);
            values[next[0]++] = value;
        });
        return new InOrder<>(keys, values); // immutable: AbstractMap refuses every change
    }

    @SuppressWarnings("unchecked")
    private static int[] sortedSlots(Object[] keys) {
        Integer[] slots = new Integer[keys.length];
        Arrays.setAll(slots, i -> i);
        Arrays.sort(slots, (a, b) -> ((Comparable<Object>) keys[a]).compareTo(keys[b]));
        return Arrays.stream(slots).mapToInt(Integer::intValue).toArray();
    }

    @SuppressWarnings("unchecked")
    private int slotOf(Object key) {
        if (keys.length <= SCANNED) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }
        int[] sorted = this.sorted;
        if (sorted == null) {
            sorted = sortedSlots(keys);
            this.sorted = sorted;
        }
        int low = 0;
        int high = sorted.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = ((Comparable<Object>) keys[sorted[middle]]).compareTo(key);
            if (order == 0) {
                return sorted[middle];
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return key != null && slotOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int slot = key == null ? -1 : slotOf(key);
        return slot < 0 ? null : (V) values[slot];
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super K, ? super V> action) {
        for (int i = 0; i < keys.length; i++) {
            action.accept((K) keys[i], (V) values[i]);
        }
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<K, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<K, V> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int slot = next++;
                        return new SimpleImmutableEntry<>((K) keys[slot], (V) values[slot]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
