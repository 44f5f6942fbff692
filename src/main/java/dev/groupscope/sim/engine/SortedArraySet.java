package dev.groupscope.sim.engine;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SortedSet;
import java.util.function.Consumer;

/**
 * A set in natural order held in one sorted array: the small partition sets (paused, pending, owned) that a
 * snapshot of a large run copies by the thousand. The companion of {@link SortedArrayMap}, for the same reason: a
 * TreeSet costs a TreeMap node per element and a copy rebuilds the tree; this costs an array slot and a copy is one
 * array copy. Iterates in TreeSet's order. No sub-set views.
 */
public final class SortedArraySet<E extends Comparable<? super E>> extends AbstractSet<E> implements SortedSet<E> {

    private static final Object[] EMPTY = {};

    private Object[] elements;
    private int size;
    private int changes;

    public SortedArraySet() {
        this.elements = EMPTY;
    }

    /** A set of {@code other}'s elements (any collection; sorted here). */
    public SortedArraySet(Collection<? extends E> other) {
        this();
        if (other instanceof SortedArraySet<?> sorted) {
            this.elements = sorted.size == 0 ? EMPTY : Arrays.copyOf(sorted.elements, sorted.size);
            this.size = sorted.size;
        } else {
            addAll(other);
        }
    }

    @SuppressWarnings("unchecked")
    private int indexOf(Object element) {
        Comparable<? super E> wanted = (Comparable<? super E>) Objects.requireNonNull(element, "element");
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int order = wanted.compareTo((E) elements[mid]);
            if (order > 0) {
                low = mid + 1;
            } else if (order < 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean contains(Object element) {
        return indexOf(element) >= 0;
    }

    @Override
    public boolean add(E element) {
        int index = indexOf(element);
        if (index >= 0) {
            return false;
        }
        index = -index - 1;
        if (size == elements.length) {
            elements = Arrays.copyOf(elements, Math.max(4, size + (size >> 1)));
        }
        System.arraycopy(elements, index, elements, index + 1, size - index);
        elements[index] = element;
        size++;
        changes++;
        return true;
    }

    @Override
    public boolean remove(Object element) {
        int index = indexOf(element);
        if (index < 0) {
            return false;
        }
        removeAt(index);
        return true;
    }

    private void removeAt(int index) {
        System.arraycopy(elements, index + 1, elements, index, size - index - 1);
        elements[--size] = null;
        changes++;
    }

    @Override
    public void clear() {
        Arrays.fill(elements, 0, size, null);
        size = 0;
        changes++;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(Consumer<? super E> action) {
        int expected = changes;
        for (int i = 0; i < size; i++) {
            action.accept((E) elements[i]);
            if (changes != expected) {
                throw new ConcurrentModificationException();
            }
        }
    }

    @Override
    public Iterator<E> iterator() {
        return new Iterator<>() {
            private int next;
            private int last = -1;
            private int expected = changes;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            @SuppressWarnings("unchecked")
            public E next() {
                if (changes != expected) {
                    throw new ConcurrentModificationException();
                }
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                last = next++;
                return (E) elements[last];
            }

            @Override
            public void remove() {
                if (last < 0) {
                    throw new IllegalStateException();
                }
                if (changes != expected) {
                    throw new ConcurrentModificationException();
                }
                removeAt(last);
                next = last;
                last = -1;
                expected = changes;
            }
        };
    }

    @Override
    public Comparator<? super E> comparator() {
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E first() {
        if (size == 0) {
            throw new NoSuchElementException();
        }
        return (E) elements[0];
    }

    @Override
    @SuppressWarnings("unchecked")
    public E last() {
        if (size == 0) {
            throw new NoSuchElementException();
        }
        return (E) elements[size - 1];
    }

    @Override
    public SortedSet<E> subSet(E fromElement, E toElement) {
        throw new UnsupportedOperationException("no sub-set views");
    }

    @Override
    public SortedSet<E> headSet(E toElement) {
        throw new UnsupportedOperationException("no sub-set views");
    }

    @Override
    public SortedSet<E> tailSet(E fromElement) {
        throw new UnsupportedOperationException("no sub-set views");
    }
}
