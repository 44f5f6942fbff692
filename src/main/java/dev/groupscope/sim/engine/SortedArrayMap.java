package dev.groupscope.sim.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A map in natural key order held in two sorted arrays: the small per-partition maps of a consumer, a fetch session
 * or a coordinator shard, copied at every snapshot of a large run. A TreeMap costs 40 bytes per entry and a copy
 * walks and allocates every node; here an entry costs two array slots and a copy is two array copies (a snapshot of
 * 100 consumers held ~10,000 TreeMap entries, half of its size). Lookups are binary searches; inserting and removing
 * shift the arrays, which is cheap for the tens to hundreds of entries these maps hold. Iterates in the same order a
 * TreeMap would, so replacing one does not change a trace. A plain Map, not a SortedMap: nothing here needs sub-map
 * views or first and last keys. A Map without AbstractMap, whose two cached views cost every map 8 bytes: a
 * snapshot of the light benchmark held 1,600 of these maps new (its views are made when asked, as they cost nothing).
 *
 * <p>A copy shares both arrays: a snapshot's maps mostly change values (positions, offsets), not which keys they
 * hold, and a copy used to repeat the keys array of every map it held; many (leader epochs, committed offsets, the
 * consumer's empty maps) do not change at all between two snapshots, and a copy used to repeat their values too.
 * While an array is shared neither map writes it: the first write on either side to that array moves to a new one.
 * (Never writing a keys array at all made the maps that take and drop keys at every fetch allocate a quarter more.)
 */
public final class SortedArrayMap<K extends Comparable<? super K>, V> implements Map<K, V> {

    private static final Object[] EMPTY = {};

    /** Sorted in its first {@code size} slots; not written while {@link #keysShared}. */
    private Object[] keys;
    /** Whether a copy (or the map this one copies) may hold the same keys array. */
    private boolean keysShared;
    private Object[] values;
    /** Whether a copy (or the map this one copies) may hold the same values array. */
    private boolean valuesShared;
    private int size;
    /** Bumped by every structural change, so that an iterator over a changed map fails instead of skipping. */
    private int changes;

    public SortedArrayMap() {
        this.keys = EMPTY;
        this.values = EMPTY;
    }

    /** A copy of {@code other}: the same arrays, which neither writes from now on (see {@link #share}). */
    public SortedArrayMap(SortedArrayMap<K, ? extends V> other) {
        share(other);
    }

    /** A map holding {@code other}'s entries (any map; sorted here). */
    public SortedArrayMap(Map<? extends K, ? extends V> other) {
        this();
        if (other instanceof SortedArrayMap<?, ?> sorted) {
            share(sorted);
        } else {
            other.forEach(this::put);
        }
    }

    /** Takes {@code other}'s arrays; from now on both maps copy an array before writing it. */
    private void share(SortedArrayMap<?, ?> other) {
        this.keys = other.keys;
        this.values = other.values;
        this.size = other.size;
        this.keysShared = true;
        this.valuesShared = true;
        other.keysShared = true;
        other.valuesShared = true;
    }

    /** The values array, private to this map from now on (copied first if a copy may share it). */
    private Object[] ownValues(int capacity) {
        if (valuesShared) {
            values = Arrays.copyOf(values, capacity, Object[].class);
            valuesShared = false;
        }
        return values;
    }

    /** The slot of {@code key}, or {@code -(insertion point) - 1}; keys compare by their natural order. */
    private int indexOf(Object key) {
        return SortedKeys.indexOf(keys, size, key);
    }

    /**
     * The slot of {@code key} in key order (0 for the smallest), or a negative number if it is absent: for data
     * kept beside this map's keys in a primitive array of the same order, which costs a snapshot no boxes.
     */
    public int slotOf(Object key) {
        return indexOf(key);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int index = indexOf(key);
        return index >= 0 ? (V) values[index] : null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V put(K key, V value) {
        int index = indexOf(key);
        if (index >= 0) {
            V before = (V) values[index];
            if (before != value) { // the same object again (a cached box, an epoch re-put): a shared array stays shared
                ownValues(size)[index] = value;
            }
            return before;
        }
        insertAt(-index - 1, key, value);
        return null;
    }

    private void insertAt(int index, K key, V value) {
        if (keysShared || size == keys.length) {
            keys = Arrays.copyOf(keys, Math.max(4, size + (size >> 1) + 1));
            keysShared = false;
        }
        if (valuesShared || size == values.length) {
            values = Arrays.copyOf(values, Math.max(4, size + (size >> 1) + 1), Object[].class);
            valuesShared = false;
        }
        System.arraycopy(keys, index, keys, index + 1, size - index);
        System.arraycopy(values, index, values, index + 1, size - index);
        keys[index] = key;
        values[index] = value;
        size++;
        changes++;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V remove(Object key) {
        int index = indexOf(key);
        if (index < 0) {
            return null;
        }
        V before = (V) values[index];
        removeAt(index);
        return before;
    }

    private void removeAt(int index) {
        if (keysShared) {
            keys = Arrays.copyOf(keys, size);
            keysShared = false;
        }
        ownValues(size);
        int after = size - index - 1;
        System.arraycopy(keys, index + 1, keys, index, after);
        System.arraycopy(values, index + 1, values, index, after);
        size--;
        keys[size] = null;
        values[size] = null;
        changes++;
    }

    @Override
    public void clear() {
        if (keysShared) {
            keys = EMPTY;
            keysShared = false;
        } else {
            Arrays.fill(keys, 0, size, null);
        }
        if (valuesShared) {
            values = EMPTY;
            valuesShared = false;
        } else {
            Arrays.fill(values, 0, size, null);
        }
        size = 0;
        changes++;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super K, ? super V> action) {
        int expected = changes;
        for (int i = 0; i < size; i++) {
            action.accept((K) keys[i], (V) values[i]);
            if (changes != expected) {
                throw new ConcurrentModificationException();
            }
        }
    }

    /** The keys in order, read straight from the array (AbstractMap's view would make an entry per key). */
    @Override
    public Set<K> keySet() {
        return new AbstractSet<>() {
            @Override
            @SuppressWarnings("unchecked")
            public Iterator<K> iterator() {
                return new Cursor<>() {
                    @Override
                    K at(int index) {
                        return (K) keys[index];
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }

            @Override
            public boolean contains(Object key) {
                return containsKey(key);
            }
        };
    }

    /** The values in key order, read straight from the array. */
    @Override
    public java.util.Collection<V> values() {
        return new java.util.AbstractCollection<>() {
            @Override
            @SuppressWarnings("unchecked")
            public Iterator<V> iterator() {
                return new Cursor<>() {
                    @Override
                    V at(int index) {
                        return (V) values[index];
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** A cursor over this map's slots (reading the arrays the map holds now); {@code remove} removes the entry. */
    private abstract class Cursor<T> extends ArrayCursor<T> {
        @Override
        int size() {
            return size;
        }

        @Override
        int changes() {
            return changes;
        }

        @Override
        void removeAt(int index) {
            SortedArrayMap.this.removeAt(index);
        }
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<K, V>> iterator() {
                return new Entries();
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** Entries in key order; {@code remove} and {@code setValue} write through. */
    private final class Entries extends Cursor<Entry<K, V>> {
        @Override
        @SuppressWarnings("unchecked")
        Entry<K, V> at(int index) {
            return new AbstractMap.SimpleEntry<>((K) keys[index], (V) values[index]) {
                @Override
                public V setValue(V value) {
                    ownValues(size)[index] = value;
                    return super.setValue(value);
                }
            };
        }
    }

    @Override
    public boolean containsValue(Object value) {
        for (int i = 0; i < size; i++) {
            if (Objects.equals(values[i], value)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> other) {
        other.forEach(this::put);
    }

    /** Equal to any map with the same entries, as {@link AbstractMap#equals} defines it. */
    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (!(other instanceof Map<?, ?> map) || map.size() != size) {
            return false;
        }
        try {
            for (int i = 0; i < size; i++) {
                Object value = values[i];
                if (value == null ? map.get(keys[i]) != null || !map.containsKey(keys[i])
                        : !value.equals(map.get(keys[i]))) {
                    return false;
                }
            }
        } catch (ClassCastException | NullPointerException unlike) {
            return false;
        }
        return true;
    }

    /** The sum of the entries' hash codes, as {@link Map#hashCode} defines it. */
    @Override
    public int hashCode() {
        int hash = 0;
        for (int i = 0; i < size; i++) {
            hash += Objects.hashCode(keys[i]) ^ Objects.hashCode(values[i]);
        }
        return hash;
    }

    /** As {@link AbstractMap#toString}: {@code {k1=v1, k2=v2}}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(keys[i] == this ? "(this Map)" : keys[i]).append('=')
                    .append(values[i] == this ? "(this Map)" : values[i]);
        }
        return text.append('}').toString();
    }
}
