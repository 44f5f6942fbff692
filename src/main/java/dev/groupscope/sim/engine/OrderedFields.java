package dev.groupscope.sim.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The map an event's fields are put together in before {@link World#emit}: insertion-ordered like a LinkedHashMap
 * (putting a key again replaces its value in place), held in two arrays, so that {@link FieldMap#copyOf} takes it
 * over with two array copies instead of a walk over linked entries. Every step of a run builds a few of these.
 */
public final class OrderedFields extends AbstractMap<String, Object> {

    private String[] keys;
    private Object[] values;
    private int size;

    public OrderedFields() {
        this(8);
    }

    public OrderedFields(int expected) {
        this.keys = new String[Math.max(1, expected)];
        this.values = new Object[keys.length];
    }

    /** A copy of {@code map}, in its iteration order. */
    public OrderedFields(java.util.Map<String, ?> map) {
        this(map.size() + 4);
        map.forEach(this::put);
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Object put(String key, Object value) {
        if (key == null) {
            throw new NullPointerException("field names are not null");
        }
        int index = indexOf(key);
        if (index >= 0) {
            Object old = values[index];
            values[index] = value;
            return old;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        size++;
        return null;
    }

    @Override
    public Object get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : values[index];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object remove(Object key) {
        int index = indexOf(key);
        if (index < 0) {
            return null;
        }
        Object old = values[index];
        removeAt(index);
        return old;
    }

    private void removeAt(int index) {
        System.arraycopy(keys, index + 1, keys, index, size - index - 1);
        System.arraycopy(values, index + 1, values, index, size - index - 1);
        size--;
        keys[size] = null;
        values[size] = null;
    }

    @Override
    public void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
    }

    @Override
    public int size() {
        return size;
    }

    String[] keysCopy() {
        return Arrays.copyOf(keys, size);
    }

    Object[] valuesCopy() {
        return Arrays.copyOf(values, size);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private boolean removable;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        removable = true;
                        int index = next++;
                        return new SimpleEntry<>(keys[index], values[index]) {
                            @Override
                            public Object setValue(Object value) {
                                values[index] = value;
                                return super.setValue(value);
                            }
                        };
                    }

                    @Override
                    public void remove() {
                        if (!removable) {
                            throw new IllegalStateException();
                        }
                        removable = false;
                        removeAt(--next);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
