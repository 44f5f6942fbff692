package dev.groupscope.sim.engine;

import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator over the slots of a sorted array ({@link SortedArrayMap}, {@link SortedArraySet}): fails on a change
 * made behind its back, and removes through its collection.
 */
abstract class ArrayCursor<T> implements Iterator<T> {

    private int next;
    private int last = -1;
    private int expected = changes();

    /** How many slots the collection holds now. */
    abstract int size();

    /** The collection's count of structural changes. */
    abstract int changes();

    /** What slot {@code index} yields. */
    abstract T at(int index);

    /** Removes slot {@code index} from the collection. */
    abstract void removeAt(int index);

    @Override
    public boolean hasNext() {
        return next < size();
    }

    @Override
    public T next() {
        if (changes() != expected) {
            throw new ConcurrentModificationException();
        }
        if (next >= size()) {
            throw new NoSuchElementException();
        }
        last = next++;
        return at(last);
    }

    @Override
    public void remove() {
        if (last < 0) {
            throw new IllegalStateException();
        }
        if (changes() != expected) {
            throw new ConcurrentModificationException();
        }
        removeAt(last);
        next = last;
        last = -1;
        expected = changes();
    }
}
