package dev.groupscope.sim.client;

import java.util.List;
import java.util.Map;

/**
 * A consumer's worker pool at one moment: what each worker is processing ({@code "topic-p@offset"}, or "" when
 * idle), how many records wait in the queues, and per partition its sliding window. Immutable.
 */
public record WorkerPoolView(WorkerPoolConfig config, List<String> workers, int queued, Map<String, Window> windows,
                             boolean awaitingRevoke) {

    public WorkerPoolView {
        workers = List.copyOf(workers);
        windows = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(windows));
    }

    /**
     * One partition's window: {@code lowMark} (the committable offset: lowest unfinished, or highest finished + 1),
     * the highest finished offset, {@code next} (the next offset to dispatch), how many records are unfinished, and
     * whether the poller paused the partition because the window was full.
     */
    public record Window(long lowMark, long highestFinished, long next, long unfinished, boolean paused) {
    }
}
