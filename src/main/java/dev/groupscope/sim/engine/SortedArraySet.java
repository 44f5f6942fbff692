package dev.groupscope.sim.engine;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * A set in natural order held in one sorted array: the small partition sets (paused, pending, owned) that a
 * snapshot of a large run copies by the thousand. The companion of {@link SortedArrayMap}, for the same reason: a
 * TreeSet costs a TreeMap node per element and a copy rebuilds the tree; this costs an array slot and a copy is one
 * array copy. Iterates in TreeSet's order. A plain Set, not a SortedSet (no sub-set views are needed).
 */
public final class SortedArraySet<E extends Comparable<? super E>> extends AbstractSet<E> {

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

    /** The slot of {@code element}, or {@code -(insertion point) - 1}. */
    private int indexOf(Object element) {
        return SortedKeys.indexOf(elements, size, element);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean contains(Object element) {
        return indexOf(element) >= 0;
    }

    /** The element equal to {@code element} that this set holds, or null: lets a caller reuse that instance. */
    @SuppressWarnings("unchecked")
    public E get(Object element) {
        int index = indexOf(element);
        return index >= 0 ? (E) elements[index] : null;
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
        return new ArrayCursor<>() {
            @Override
            int size() {
                return size;
            }

            @Override
            int changes() {
                return changes;
            }

            @Override
            @SuppressWarnings("unchecked")
            E at(int index) {
                return (E) elements[index];
            }

            @Override
            void removeAt(int index) {
                SortedArraySet.this.removeAt(index);
            }
        };
    }
}
