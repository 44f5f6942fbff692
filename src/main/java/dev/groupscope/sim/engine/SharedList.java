package dev.groupscope.sim.engine;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * A list that grows at its end and whose copies share all but its last few elements: full chunks of
 * {@link #CHUNK} elements are frozen and shared between copies (a change to one replaces that chunk in the changing
 * copy only), and only the partly filled tail chunk is copied. The ledger and each consumer keep a run of offsets per
 * partition and hand-over, copied whenever a snapshot shares them: copying whole ArrayLists made each snapshot's cost
 * grow with every rebalance.
 */
public final class SharedList<T> extends AbstractList<T> implements RandomAccess {

    private static final int CHUNK_BITS = 3;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final Object[][] NONE = new Object[0][];

    /** Full chunks, oldest first: shared between copies, so replaced and never changed in place. */
    private Object[][] full;
    /** The chunk being filled: private to this copy. */
    private Object[] tail;
    private int size;

    public SharedList() {
        this.full = NONE;
        this.tail = new Object[CHUNK];
    }

    private SharedList(SharedList<T> other) {
        this.full = other.full;
        this.tail = other.tail.clone();
        this.size = other.size;
    }

    public SharedList<T> copy() {
        return new SharedList<>(this);
    }

    @Override
    public boolean add(T value) {
        int at = size & (CHUNK - 1);
        tail[at] = value;
        size++;
        if (at == CHUNK - 1) {
            Object[][] grown = Arrays.copyOf(full, full.length + 1);
            grown[full.length] = tail;
            full = grown;
            tail = new Object[CHUNK];
        }
        modCount++;
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) {
        java.util.Objects.checkIndex(index, size);
        int chunk = index >>> CHUNK_BITS;
        Object[] values = chunk < full.length ? full[chunk] : tail;
        return (T) values[index & (CHUNK - 1)];
    }

    @Override
    @SuppressWarnings("unchecked")
    public T set(int index, T value) {
        java.util.Objects.checkIndex(index, size);
        int chunk = index >>> CHUNK_BITS;
        Object[] values = tail;
        if (chunk < full.length) {
            // Other copies may share this chunk and the array listing it: change private copies of both.
            Object[][] replaced = full.clone();
            values = full[chunk].clone();
            replaced[chunk] = values;
            full = replaced;
        }
        T old = (T) values[index & (CHUNK - 1)];
        values[index & (CHUNK - 1)] = value;
        return old;
    }

    @Override
    public int size() {
        return size;
    }
}
