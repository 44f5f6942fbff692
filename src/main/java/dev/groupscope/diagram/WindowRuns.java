package dev.groupscope.diagram;

import dev.groupscope.sim.client.WorkerPoolView;
import java.util.ArrayList;
import java.util.List;

/**
 * A pool window's slots from its low mark to the highest dispatched offset as runs of finished and unfinished
 * records: a window of thousands of slots is still drawn as a few boxes, one per run of records that overtook an
 * unfinished one. Only regroups what the model lists; which records are finished is the pool's. The window's
 * playground draws the same runs ({@code ui.WindowSlots}).
 */
public final class WindowRuns {

    /** {@code length} consecutive slots from slot {@code start} (0 = the low mark), all finished or all not. */
    public record Run(long start, long length, boolean done) {
    }

    private WindowRuns() {
    }

    public static List<Run> of(WorkerPoolView.Window window) {
        List<Run> runs = new ArrayList<>();
        long low = window.lowMark();
        long cursor = low;
        for (long done : window.finishedAhead()) {
            if (done > cursor) {
                runs.add(new Run(cursor - low, done - cursor, false));
            }
            Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last.done() && last.start() + last.length() == done - low) {
                runs.set(runs.size() - 1, new Run(last.start(), last.length() + 1, true));
            } else {
                runs.add(new Run(done - low, 1, true));
            }
            cursor = done + 1;
        }
        if (window.next() > cursor) {
            runs.add(new Run(cursor - low, window.next() - cursor, false));
        }
        return runs;
    }

    /**
     * How many slots a drawing of the window has: its size, or more while it spans more than its size (records being
     * revoked), so every slot in use fits.
     */
    public static long slots(WorkerPoolView.Window window) {
        return Math.max(1, Math.max(window.capacity(), window.span()));
    }

    /**
     * The slot (0 = the low mark) at whose left edge the group's commit {@code committed} falls, or -1 when it falls
     * outside the window's slots (or nothing is committed): a commit behind the low mark is the usual trailing one.
     */
    public static long committedSlot(WorkerPoolView.Window window, Long committed) {
        if (committed == null || committed < window.lowMark() || committed - window.lowMark() > slots(window)) {
            return -1;
        }
        return committed - window.lowMark();
    }
}
