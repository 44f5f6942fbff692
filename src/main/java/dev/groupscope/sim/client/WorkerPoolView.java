package dev.groupscope.sim.client;

import java.util.List;
import java.util.Map;

/**
 * A consumer's worker pool at one moment: what each worker is processing, how many records wait in the queues, and
 * per partition its sliding window. Immutable.
 */
public record WorkerPoolView(WorkerPoolConfig config, List<Worker> workers, int queued, Map<String, Window> windows,
                             boolean awaitingRevoke) {

    public WorkerPoolView {
        workers = List.copyOf(workers);
        windows = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(windows));
    }

    /**
     * One worker thread: the record it is processing ({@code "topic-p@offset"}, or "" when idle), when it will be
     * done (-1 when idle), and the slow-worker fault on it: {@code slowFactor} times slower until {@code slowUntil}
     * (a factor of 1 and -1 when it was never slowed).
     */
    public record Worker(String record, long doneAt, long slowUntil, int slowFactor) {

        public boolean idle() {
            return record.isEmpty();
        }

        /** Whether the slow-worker fault holds it at {@code now}. */
        public boolean slowAt(long now) {
            return now < slowUntil && slowFactor > 1;
        }
    }

    /**
     * One partition's window: {@code lowMark} (the committable offset: lowest unfinished, or highest finished + 1),
     * the highest finished offset, {@code next} (the next offset to dispatch), how many records are unfinished,
     * whether the poller paused the partition because the window was full, the records above the low mark already
     * finished (ascending: the ones that overtook an unfinished one), how many offsets the window may span
     * (windowSize), and the span at or below which a paused partition is resumed: a window paused at 200/200 stays
     * paused while it drains through 151/200, which "full" alone misdescribed.
     */
    public record Window(long lowMark, long highestFinished, long next, long unfinished, boolean paused,
                         List<Long> finishedAhead, int capacity, int resumeAt) {

        public Window {
            finishedAhead = List.copyOf(finishedAhead);
        }

        /** Offsets the window spans now, from the low mark to the highest dispatched: its slots in use. */
        public long span() {
            return next - lowMark;
        }

        /** Paused and no longer full: the poller waits for the window to drain to {@link #resumeAt}. */
        public boolean draining() {
            return paused && span() < capacity;
        }
    }
}
