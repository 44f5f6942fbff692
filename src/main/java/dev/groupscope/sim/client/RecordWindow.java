package dev.groupscope.sim.client;

import java.util.TreeSet;

/**
 * One partition's sliding window (the notes' 滑动窗口(环形缓冲区); kafka-model §7 "contiguous-completion
 * watermark"): the offsets the poller dispatched to the worker pool, from the <b>low mark</b> — the lowest offset
 * not finished yet — up to the highest dispatched. Records finish in any order; the low mark only slides forward
 * over finished records, so the committable offset ({@link #committable()}) is the lowest offset still in flight,
 * or the highest finished + 1 when none is. Committing more would pass a record nobody finished: after a crash it
 * would never be read again.
 *
 * <p>Offsets of a partition are dispatched contiguously (poll() returns them in order and the poller dispatches them
 * in order), so the window is {@code [low, next)} with the finished records above the low mark in {@link #doneAhead}
 * — a sorted set that stays as small as the number of records overtaking a slow one.
 */
final class RecordWindow {

    private long low;
    private long next;
    private final TreeSet<Long> doneAhead;
    /** The pool that may change this window in place (see {@code WorkerPool.mutableWindow}). */
    private final Object owner;

    /** An empty window of the pool marked {@code owner}, whose first dispatched record will be {@code start}. */
    RecordWindow(long start, Object owner) {
        this.low = start;
        this.next = start;
        this.doneAhead = new TreeSet<>();
        this.owner = owner;
    }

    private RecordWindow(RecordWindow other, Object owner) {
        this.low = other.low;
        this.next = other.next;
        this.doneAhead = new TreeSet<>(other.doneAhead);
        this.owner = owner;
    }

    boolean ownedBy(Object pool) {
        return owner == pool;
    }

    /** A copy the pool marked {@code owner} may change. */
    RecordWindow copyFor(Object owner) {
        return new RecordWindow(this, owner);
    }

    /** The poller hands {@code offset} to the pool; it must be the next offset of the partition. */
    void dispatched(long offset) {
        if (offset != next) {
            throw new IllegalStateException("window expects offset " + next + ", got " + offset);
        }
        next++;
    }

    /** A worker finished {@code offset}; returns whether the low mark slid. */
    boolean finished(long offset) {
        if (offset < low || offset >= next) {
            throw new IllegalStateException("offset " + offset + " is not in flight in [" + low + ", " + next + ")");
        }
        if (offset != low) {
            doneAhead.add(offset);
            return false;
        }
        low++;
        while (!doneAhead.isEmpty() && doneAhead.first() == low) {
            doneAhead.pollFirst();
            low++;
        }
        return true;
    }

    /** The offset the window lets the poller commit: the lowest unfinished one, or the highest finished + 1. */
    long committable() {
        return low;
    }

    /** The next offset the poller will dispatch. */
    long next() {
        return next;
    }

    /** How many slots of the ring are taken: from the low mark to the highest dispatched offset. */
    long span() {
        return next - low;
    }

    /** Records dispatched and not finished. */
    long unfinished() {
        return span() - doneAhead.size();
    }

    /** Whether {@code offset} was dispatched and is not finished. */
    boolean isUnfinished(long offset) {
        return offset >= low && offset < next && !doneAhead.contains(offset);
    }

    /** The finished offsets above the low mark, ascending: those that overtook an unfinished record. */
    java.util.List<Long> finishedAhead() {
        return java.util.List.copyOf(doneAhead);
    }

    /** The highest finished offset, or low − 1 if none above the low mark is. */
    long highestFinished() {
        return doneAhead.isEmpty() ? low - 1 : doneAhead.last();
    }
}
