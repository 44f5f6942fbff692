package dev.groupscope.kafka;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reproduces the iteration order of a {@link java.util.HashMap} built by {@code put}/{@code remove}, where Kafka's
 * behaviour depends on it (the classic group's leader fallback, protocol-vote ties and the order of the member list
 * the leader's assignor sees all follow {@code ClassicGroup.members}, a HashMap).
 *
 * <p>A HashMap iterates by bucket, and within a bucket by insertion order; its table starts at 16 buckets and
 * doubles whenever the size passes 3/4 of it, and never shrinks. So the order is a function of the keys, their
 * insertion order and the largest size the map ever had — which an insertion-ordered map plus that maximum
 * records, and which copies exactly (copying a real HashMap would resize it differently). Treeified buckets
 * (8+ colliding keys in a table of 64+) are out of reach of any group this app simulates.
 */
public final class HashMapOrder<K, V> {

    private static final int INITIAL_CAPACITY = 16;

    private final LinkedHashMap<K, V> entries;
    private int maxSize;

    public HashMapOrder() {
        this.entries = new LinkedHashMap<>();
    }

    private HashMapOrder(HashMapOrder<K, V> other) {
        this.entries = new LinkedHashMap<>(other.entries);
        this.maxSize = other.maxSize;
    }

    /** A copy with the same order; the values themselves are shared (copy them yourself if mutable). */
    public HashMapOrder<K, V> copy() {
        return new HashMapOrder<>(this);
    }

    public V put(K key, V value) {
        V previous = entries.put(key, value);
        maxSize = Math.max(maxSize, entries.size());
        return previous;
    }

    public V remove(K key) {
        return entries.remove(key);
    }

    public V get(K key) {
        return entries.get(key);
    }

    public boolean containsKey(K key) {
        return entries.containsKey(key);
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The keys in the order a HashMap with the same history iterates them. */
    public List<K> keys() {
        int capacity = capacityFor(maxSize);
        List<K> keys = new ArrayList<>(entries.keySet());
        // A stable sort keeps insertion order within a bucket.
        keys.sort(Comparator.comparingInt(key -> bucket(key, capacity)));
        return keys;
    }

    /** The values in HashMap iteration order. */
    public List<V> values() {
        List<V> values = new ArrayList<>();
        for (K key : keys()) {
            values.add(entries.get(key));
        }
        return values;
    }

    /** The entries in HashMap iteration order. */
    public List<Map.Entry<K, V>> entries() {
        List<Map.Entry<K, V>> list = new ArrayList<>();
        for (K key : keys()) {
            list.add(Map.entry(key, entries.get(key)));
        }
        return list;
    }

    static int capacityFor(int maxSize) {
        int capacity = INITIAL_CAPACITY;
        while (maxSize > capacity * 3 / 4) {
            capacity *= 2;
        }
        return capacity;
    }

    private static int bucket(Object key, int capacity) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (capacity - 1);
    }
}
