package dev.groupscope.sim.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;

/**
 * An event's fields or rule arguments: an unmodifiable map in a fixed order, held as two arrays. A run keeps
 * hundreds of thousands of events, each with two small maps (2–12 entries), so their shape matters: a
 * LinkedHashMap in an unmodifiable wrapper costs ~5 objects and ~60 bytes per entry plus the copy, two arrays cost
 * one object and 8 bytes per entry. Lookups scan the keys, which for such small maps is as fast as hashing.
 * Equality and hash code are {@link Map}'s, so a FieldMap equals a LinkedHashMap with the same entries.
 */
public final class FieldMap extends AbstractMap<String, Object> {

    private static final FieldMap EMPTY = new FieldMap(new String[0], new Object[0]);

    private final String[] keys;
    private final Object[] values;

    private FieldMap(String[] keys, Object[] values) {
        this.keys = Shapes.shared(keys);
        this.values = values;
    }

    /**
     * Key arrays by shape (the names, in order), one array shared by every map of that shape: a run holds hundreds of
     * thousands of events but few shapes (every FetchParked has the same four fields), and the arrays were a tenth of
     * a large run's history. Bounded, because a map whose names come from data would add a shape per map.
     */
    private static final class Shapes {
        private static final int MAX = 4096;
        private static final Map<Shape, String[]> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

        private Shapes() {
        }

        static String[] shared(String[] keys) {
            Shape shape = new Shape(keys);
            String[] known = KNOWN.get(shape);
            if (known != null) {
                return known;
            }
            if (KNOWN.size() >= MAX) {
                return keys;
            }
            known = KNOWN.putIfAbsent(shape, keys);
            return known != null ? known : keys;
        }

        /** An array of names compared by content. */
        private record Shape(String[] keys) {
            @Override
            public boolean equals(Object other) {
                return other instanceof Shape shape && java.util.Arrays.equals(keys, shape.keys);
            }

            @Override
            public int hashCode() {
                return java.util.Arrays.hashCode(keys);
            }
        }
    }

    /**
     * {@code map} in an order that is the same on every run: a map with a defined order (insertion or sorted, or an
     * {@link OrderedFields}) keeps it; any other ({@code Map.of}, {@code HashMap}) is sorted by key, because its
     * iteration order depends on the JVM (Map.of's is randomised per JVM) and traces must be identical byte for
     * byte. A FieldMap is returned as is.
     */
    public static FieldMap copyOf(Map<String, ?> map) {
        if (map instanceof FieldMap fieldMap) {
            return fieldMap;
        }
        int size = map.size();
        if (size == 0) {
            return EMPTY;
        }
        if (map instanceof OrderedFields ordered) {
            return new FieldMap(ordered.keysCopy(), ordered.valuesCopy());
        }
        String[] keys = new String[size];
        Object[] values = new Object[size];
        int i = 0;
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            keys[i] = entry.getKey();
            values[i] = entry.getValue();
            i++;
        }
        boolean ordered = map instanceof LinkedHashMap || map instanceof SortedMap || size < 2;
        if (!ordered) {
            sortByKey(keys, values);
        }
        return new FieldMap(keys, values);
    }

    /**
     * {@code map}'s entries sorted by key, whatever its order: a rule's arguments, which the events have always
     * listed by name. One copy, where a sorted map or an ordered one then sorted by {@link #copyOf} took two or three.
     */
    public static FieldMap sortedCopyOf(Map<String, ?> map) {
        int size = map.size();
        if (size == 0) {
            return EMPTY;
        }
        String[] keys = new String[size];
        Object[] values = new Object[size];
        int i = 0;
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            keys[i] = java.util.Objects.requireNonNull(entry.getKey(), "key");
            values[i] = entry.getValue();
            i++;
        }
        sortByKey(keys, values);
        return new FieldMap(keys, values);
    }

    /** Insertion sort: the maps are small, and it keeps each value with its key without boxing pairs. */
    private static void sortByKey(String[] keys, Object[] values) {
        for (int i = 1; i < keys.length; i++) {
            String key = keys[i];
            Object value = values[i];
            int j = i - 1;
            while (j >= 0 && keys[j].compareTo(key) > 0) {
                keys[j + 1] = keys[j];
                values[j + 1] = values[j];
                j--;
            }
            keys[j + 1] = key;
            values[j + 1] = value;
        }
    }

    @Override
    public int size() {
        return keys.length;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : values[index];
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Object> entry = new SimpleImmutableEntry<>(keys[next], values[next]);
                        next++;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (int i = 0; i < keys.length; i++) {
            hash += keys[i].hashCode() ^ (values[i] == null ? 0 : values[i].hashCode());
        }
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < keys.length; i++) {
            text.append(i > 0 ? ", " : "").append(keys[i]).append('=').append(values[i]);
        }
        return text.append('}').toString();
    }
}
