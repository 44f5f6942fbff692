package dev.groupscope.sim.engine;

import java.util.PriorityQueue;
import java.util.function.Predicate;

/** The pending tasks, earliest first; copyable because its entries are immutable. */
public final class EventQueue {

    /** Below this size the queue is never swept for dead entries. */
    private static final int MIN_SWEEP = 4096;

    private final PriorityQueue<Scheduled> pending;
    /** The size at which the next {@link #sweep} removes dead entries: twice what was left after the last one. */
    private int sweepAt = MIN_SWEEP;

    public EventQueue() {
        this.pending = new PriorityQueue<>();
    }

    private EventQueue(EventQueue other) {
        this.pending = new PriorityQueue<>(other.pending);
        this.sweepAt = other.sweepAt;
    }

    public EventQueue copy() {
        return new EventQueue(this);
    }

    /**
     * Removes the entries {@code dead} accepts once the queue has doubled since the last sweep (amortised O(1) per
     * entry). A re-armed or cancelled timer leaves its old entry behind, dropped only when it reaches the head: a
     * consumer re-arms its max.poll.interval.ms timer (5 minutes) on every poll, so without sweeping the queue
     * held ~10 dead entries per live one after 10 virtual seconds, and every snapshot copied them all. Removing
     * entries that would be skipped anyway cannot change the order the live ones come out in (the order is total).
     */
    public void sweep(Predicate<Scheduled> dead) {
        if (pending.size() >= sweepAt) {
            sweepNow(dead);
        }
    }

    /** Removes every entry {@code dead} accepts now. */
    public void sweepNow(Predicate<Scheduled> dead) {
        pending.removeIf(dead);
        sweepAt = Math.max(MIN_SWEEP, 2 * pending.size());
    }

    public void add(Scheduled scheduled) {
        pending.add(scheduled);
    }

    public Scheduled peek() {
        return pending.peek();
    }

    public Scheduled poll() {
        return pending.poll();
    }

    public boolean isEmpty() {
        return pending.isEmpty();
    }

    public int size() {
        return pending.size();
    }
}
