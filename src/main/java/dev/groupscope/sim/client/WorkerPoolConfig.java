package dev.groupscope.sim.client;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The second threading scheme of the notes (单线程io:多线程work = 1:n; kafka-model §7 "Pattern 2"): one thread owns
 * the KafkaConsumer and polls; {@code workers} threads process what it hands them. Immutable.
 *
 * <ul>
 *   <li>{@code ordering}: {@link Ordering#UNORDERED} — one shared queue, any free worker takes the next record (a
 *       {@code ThreadPoolExecutor}), so records of one partition complete out of order; {@link Ordering#BY_KEY} —
 *       one queue per worker, chosen by the record's key, so one key is always processed by one worker, in order
 *       (parallel-consumer's KEY ordering); {@link Ordering#BY_PARTITION} — one queue per worker, chosen by the
 *       partition (the KafkaConsumer Javadoc's order-keeping variant, parallel-consumer's PARTITION ordering), so each
 *       partition is processed in order by one worker.</li>
 *   <li>{@code windowSize}: per partition, how many offsets the sliding window (ring buffer, 滑动窗口(环形缓冲区))
 *       spans at most, from the lowest unfinished record to the highest dispatched one. When it is full the poller
 *       pauses the partition ({@code consumer.pause}) and resumes it once the window has drained to half.</li>
 *   <li>{@code onRevoke}: what the poller's onPartitionsRevoked does with records of revoked partitions still in the
 *       pool: {@link OnRevoke#WAIT} for them to finish (poll() is blocked meanwhile, so this counts against
 *       max.poll.interval.ms) or {@link OnRevoke#ABANDON} them (queued ones are dropped, running ones finish but no
 *       longer move the window). Either way only the window's low mark is committed.</li>
 *   <li>{@code processingJitterMs}: each record takes the consumer's processingMsPerRecord plus a uniformly drawn
 *       0 … jitter ms (from the scenario's seed), so completions overtake each other.</li>
 *   <li>{@code commitIntervalMs}: the poller commits the low marks that moved at most this often (0: every round
 *       of its loop; parallel-consumer commits every 5000 ms by default, like auto commit).</li>
 * </ul>
 */
public record WorkerPoolConfig(int count, Ordering ordering, int windowSize, OnRevoke onRevoke,
                               long processingJitterMs, long commitIntervalMs) {

    public static final int MAX_WORKERS = 256;
    public static final int MAX_WINDOW = 100_000;

    public enum Ordering {
        UNORDERED("unordered"), BY_KEY("byKey"), BY_PARTITION("byPartition");

        private final String fileName;

        Ordering(String fileName) {
            this.fileName = fileName;
        }

        public String fileName() {
            return fileName;
        }

        public static Ordering byFileName(String name) {
            return Arrays.stream(values()).filter(o -> o.fileName.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(name));
        }

        public static List<String> fileNames() {
            return Arrays.stream(values()).map(Ordering::fileName).toList();
        }
    }

    public enum OnRevoke {
        WAIT("wait"), ABANDON("abandon");

        private final String fileName;

        OnRevoke(String fileName) {
            this.fileName = fileName;
        }

        public String fileName() {
            return fileName;
        }

        public static OnRevoke byFileName(String name) {
            return Arrays.stream(values()).filter(o -> o.fileName.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(name));
        }

        public static List<String> fileNames() {
            return Arrays.stream(values()).map(OnRevoke::fileName).toList();
        }
    }

    public WorkerPoolConfig {
        Objects.requireNonNull(ordering, "ordering");
        Objects.requireNonNull(onRevoke, "onRevoke");
        if (count < 1 || count > MAX_WORKERS) {
            throw new IllegalArgumentException("worker count must be 1.." + MAX_WORKERS + ": " + count);
        }
        if (windowSize < 1 || windowSize > MAX_WINDOW) {
            throw new IllegalArgumentException("window size must be 1.." + MAX_WINDOW + ": " + windowSize);
        }
        if (processingJitterMs < 0 || commitIntervalMs < 0) {
            throw new IllegalArgumentException("jitter and commit interval must not be negative");
        }
    }

    /** A pool whose poller commits every round of its loop. */
    public WorkerPoolConfig(int count, Ordering ordering, int windowSize, OnRevoke onRevoke, long processingJitterMs) {
        this(count, ordering, windowSize, onRevoke, processingJitterMs, 0);
    }

    /** The window drained this far is resumed: half of it, at least one slot. */
    public int resumeAtOrBelow() {
        return Math.max(0, windowSize / 2);
    }

    /** Whether records are queued per worker (by key or partition) rather than in one shared queue. */
    public boolean queuePerWorker() {
        return ordering != Ordering.UNORDERED;
    }
}
