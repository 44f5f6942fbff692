package dev.groupscope.sim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A run's events, held in segments: segment i is everything the steps between snapshot i and snapshot i + 1
 * emitted. Because the world is deterministic, a segment need not be kept: copying snapshot i and stepping it to
 * where snapshot i + 1 was taken emits the very same events again. So only the most recently used segments are
 * kept (up to {@code budget} events, plus the open segment the run is writing), and any other one is rebuilt when
 * somebody reads it. A run of a lesson fits the budget and never replays; an hour of a large group (tens of
 * millions of events, ~600 bytes each as objects) keeps a window and replays the rest on demand, at the cost of
 * one rebuild per segment read.
 */
final class EventLog {

    /** Rebuilds the events of a closed segment from its snapshot. */
    interface Replay {
        List<SimEvent> segment(int index);
    }

    private final Replay replay;
    private final long budget;
    /** Per segment its events, or null while not held; the last one is the open segment. */
    private final ArrayList<List<SimEvent>> segments;
    /** Per segment the sequence number of its first event. */
    private long[] starts;
    private long size;
    /** Closed segments held, least recently used first. */
    private final LinkedHashSet<Integer> held;
    private long heldEvents;

    EventLog(Replay replay, long budget) {
        this.replay = replay;
        this.budget = budget;
        this.segments = new ArrayList<>();
        this.starts = new long[16];
        this.held = new LinkedHashSet<>();
        this.segments.add(new ArrayList<>());
    }

    /** Adds one step's events to the open segment. */
    synchronized void append(List<SimEvent> events) {
        if (!events.isEmpty()) {
            segments.get(segments.size() - 1).addAll(events);
            size += events.size();
        }
    }

    /** A snapshot was taken: the open segment is closed and a new one starts here. */
    synchronized void closeSegment() {
        int closed = segments.size() - 1;
        List<SimEvent> events = segments.get(closed);
        segments.set(closed, List.copyOf(events));
        hold(closed, events.size());
        if (segments.size() == starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        starts[segments.size()] = size;
        segments.add(new ArrayList<>());
        evict();
    }

    synchronized long size() {
        return size;
    }

    synchronized SimEvent get(long seq) {
        if (seq < 0 || seq >= size) {
            throw new IndexOutOfBoundsException("event " + seq + " of " + size);
        }
        int segment = segmentOf(seq);
        List<SimEvent> events = segments.get(segment);
        if (events == null) {
            events = List.copyOf(replay.segment(segment));
            segments.set(segment, events);
            hold(segment, events.size());
            evict();
        } else if (segment < segments.size() - 1) {
            held.remove(segment);
            held.add(segment);
        }
        return events.get((int) (seq - starts[segment]));
    }

    /** The segment holding event {@code seq}: the last whose first event is at or before it. */
    private int segmentOf(long seq) {
        int low = 0;
        int high = segments.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (starts[mid] <= seq) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private void hold(int segment, int events) {
        held.add(segment);
        heldEvents += events;
    }

    /** Drops the least recently used closed segments while more than the budget is held (always keeping one). */
    private void evict() {
        Iterator<Integer> oldest = held.iterator();
        while (heldEvents > budget && held.size() > 1) {
            int segment = oldest.next();
            oldest.remove();
            heldEvents -= segments.get(segment).size();
            segments.set(segment, null);
        }
    }

    /**
     * The log of a fork that keeps this run's first {@code keptSegments} segments whole and the events of the next
     * one up to {@code eventCount} (that segment is the fork's open one), replaying with {@code forkReplay}.
     */
    synchronized EventLog prefix(int keptSegments, long eventCount, Replay forkReplay) {
        EventLog fork = new EventLog(forkReplay, budget);
        fork.segments.clear();
        fork.starts = Arrays.copyOf(starts, Math.max(16, keptSegments + 1));
        for (int i = 0; i < keptSegments; i++) {
            List<SimEvent> events = segments.get(i);
            fork.segments.add(events);
            if (events != null) {
                fork.hold(i, events.size());
            }
        }
        List<SimEvent> open = new ArrayList<>();
        for (long seq = starts[keptSegments]; seq < eventCount; seq++) {
            open.add(get(seq));
        }
        fork.segments.add(open);
        fork.size = eventCount;
        fork.evict();
        return fork;
    }
}
