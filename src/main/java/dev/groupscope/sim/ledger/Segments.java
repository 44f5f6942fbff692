package dev.groupscope.sim.ledger;

import dev.groupscope.sim.ledger.Ledger.Segment;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A partition's processing counts ({@link Segment}s: disjoint, by first offset) in one sorted array that is never
 * changed in place: each change makes a new array, so a copy is the same array. A partition mostly holds one segment
 * (every record processed once) and a snapshot copies the ledgers of the partitions processed since the last one: as
 * a TreeMap each copy made a map and a node per segment.
 */
final class Segments {

    private static final Segment[] NONE = {};

    private Segment[] segments = NONE;

    Segments copy() {
        Segments copy = new Segments();
        copy.segments = segments;
        return copy;
    }

    int size() {
        return segments.length;
    }

    Segment at(int index) {
        return segments[index];
    }

    /** The index of the last segment starting at or before {@code offset}, or -1. */
    int floorIndex(long offset) {
        int low = 0;
        int high = segments.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (segments[mid].first() <= offset) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return high;
    }

    /** The last segment starting at or before {@code offset}, or null (TreeMap's floorEntry). */
    Segment floor(long offset) {
        int index = floorIndex(offset);
        return index >= 0 ? segments[index] : null;
    }

    /** The segment starting at {@code first}, or null. */
    Segment startingAt(long first) {
        Segment floor = floor(first);
        return floor != null && floor.first() == first ? floor : null;
    }

    /** Removes the segment starting at {@code first}, if any. */
    void remove(long first) {
        int index = floorIndex(first);
        if (index < 0 || segments[index].first() != first) {
            return;
        }
        Segment[] fewer = new Segment[segments.length - 1];
        System.arraycopy(segments, 0, fewer, 0, index);
        System.arraycopy(segments, index + 1, fewer, index, fewer.length - index);
        segments = fewer;
    }

    /** Adds {@code segment}, replacing one that starts at the same offset. */
    void put(Segment segment) {
        int index = floorIndex(segment.first());
        if (index >= 0 && segments[index].first() == segment.first()) {
            Segment[] replaced = segments.clone();
            replaced[index] = segment;
            segments = replaced;
            return;
        }
        int at = index + 1;
        Segment[] more = new Segment[segments.length + 1];
        System.arraycopy(segments, 0, more, 0, at);
        more[at] = segment;
        System.arraycopy(segments, at, more, at + 1, segments.length - at);
        segments = more;
    }

    /** The segments in offset order (read-only; a later change does not show in it). */
    List<Segment> values() {
        return Collections.unmodifiableList(Arrays.asList(segments));
    }
}
