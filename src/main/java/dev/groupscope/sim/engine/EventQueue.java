package dev.groupscope.sim.engine;

import java.util.PriorityQueue;

/** The pending tasks, earliest first; copyable because its entries are immutable. */
public final class EventQueue {

    private final PriorityQueue<Scheduled> pending;

    public EventQueue() {
        this.pending = new PriorityQueue<>();
    }

    private EventQueue(PriorityQueue<Scheduled> pending) {
        this.pending = new PriorityQueue<>(pending);
    }

    public EventQueue copy() {
        return new EventQueue(pending);
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
