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
 * views or first and last keys.
 *
 * <p>A copy shares its source's arrays until one of the two is written (copy on write): a snapshot of a large run
 * copies every map of every actor that changed, and most of those maps (a consumer's assignment, its committed
 * offsets) did not change since the previous snapshot, which then holds them once instead of once per snapshot.
 */
public final class SortedArrayMap<K extends Comparable<? super K>, V> extends AbstractMap<K, V> {

    private static final Object[] EMPTY = {};

    private Object[] keys;
    private Object[] values;
    private int size;
    /** Bumped by every structural change, so that an iterator over a changed map fails instead of skipping. */
    private int changes;
    /** The arrays may be another map's too: the first write takes private copies (see {@link #own}). */
    private boolean shared;

    public SortedArrayMap() {
        this.keys = EMPTY;
        this.values = EMPTY;
    }

    /** A copy of {@code other}, sharing its arrays until either is written. */
    public SortedArrayMap(SortedArrayMap<K, ? extends V> other) {
        this();
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

    /** Reads {@code other}'s arrays in place; both maps copy them before their next write. */
    private void share(SortedArrayMap<?, ?> other) {
        if (other.size == 0) {
            return;
        }
        this.keys = other.keys;
        this.values = other.values;
        this.size = other.size;
        this.shared = true;
        other.shared = true;
    }

    /** Before a write: private copies of shared arrays (trimmed; a copied map is seldom written much). */
    private void own() {
        if (shared) {
            keys = Arrays.copyOf(keys, Math.max(size, 1));
            values = Arrays.copyOf(values, Math.max(size, 1));
            shared = false;
        }
    }

    /** The slot of {@code key}, or {@code -(insertion point) - 1}; keys compare by their natural order. */
    private int indexOf(Object key) {
        return Arrays.binarySearch(keys, 0, size, Objects.requireNonNull(key, "key"));
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
            return setAt(index, value);
        }
        insertAt(-index - 1, key, value);
        return null;
    }

    /** Replaces slot {@code index}'s value; writing the value already there leaves shared arrays shared. */
    @SuppressWarnings("unchecked")
    private V setAt(int index, V value) {
        V before = (V) values[index];
        if (before != value) {
            own();
            values[index] = value;
        }
        return before;
    }

    private void insertAt(int index, K key, V value) {
        own();
        if (size == keys.length) {
            int capacity = Math.max(4, size + (size >> 1));
            keys = Arrays.copyOf(keys, capacity);
            values = Arrays.copyOf(values, capacity);
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
        own();
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
        if (shared) {
            keys = EMPTY;
            values = EMPTY;
            shared = false;
        } else {
            Arrays.fill(keys, 0, size, null);
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
            public Iterator<K> iterator() {
                return slots(true);
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
            public Iterator<V> iterator() {
                return slots(false);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /**
     * Iterates the keys or the values; {@code remove} removes the whole entry. Reads the arrays live: a removal
     * through the iterator may have replaced shared arrays by private copies.
     */
    private <T> Iterator<T> slots(boolean ofKeys) {
        return new Cursor<>() {
            @Override
            @SuppressWarnings("unchecked")
            T at(int index) {
                return (T) (ofKeys ? keys[index] : values[index]);
            }
        };
    }

    /** A cursor over this map's slots. */
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
            return new SimpleEntry<>((K) keys[index], (V) values[index]) {
                @Override
                public V setValue(V value) {
                    setAt(index, value);
                    return super.setValue(value);
                }
            };
        }
    }
}
