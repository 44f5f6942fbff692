package dev.groupscope.sim.client;

import static dev.groupscope.sim.client.ClientEvents.fields;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.client.ConsumerActor.Step;
import dev.groupscope.sim.client.FetchBuffer.Slice;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.engine.SortedArrayMap;
import dev.groupscope.sim.ledger.Ledger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The worker threads of a consumer whose poll loop only polls and dispatches ({@link WorkerPoolConfig}; kafka-model
 * §7 "Pattern 2"). Everything Kafka requires of that pattern happens on the polling thread, because KafkaConsumer is
 * not thread-safe: the poller dispatches records, pauses a partition whose window is full and resumes it once it
 * drained, commits the windows' low marks, and handles revocation. The workers only finish records; the poller
 * learns of it when it next looks (here: at its next loop round, as it would read a concurrent completion map).
 *
 * <p>All workers share one timer ({@link WorkerPoolTasks.Tick}): it fires when the earliest running record is due, and every worker
 * whose record is due finishes it and takes the next in the same step, so a pool costs one event per millisecond
 * with completions rather than one per record.
 */
final class WorkerPool {

    /** A record handed to the pool; {@code epoch} ties it to the window it was dispatched into. */
    record Job(TopicPartition partition, long offset, long epoch, String key) {
    }

    private final WorkerPoolConfig config;
    private final Job[] running;
    private final long[] doneAt;
    private final long[] slowUntil;
    private final int[] slowFactor;
    /** UNORDERED: one shared queue; BY_KEY and BY_PARTITION: one per worker. */
    private final ArrayDeque<Job>[] queues;
    /**
     * Per partition its window, shared with copies of this pool: the windows this pool may change in place are those
     * it owns ({@link RecordWindow#ownedBy}, by {@link #token}). A snapshot of a worker-pool run comes every few
     * tens of milliseconds, when most of a thousand windows have not changed, and copied them all.
     */
    private final SortedArrayMap<TopicPartition, RecordWindow> windows;
    private final SortedArrayMap<TopicPartition, Long> epochs;
    /** What marks the windows this pool owns; a copy gives both sides a new one. */
    private Object token = new Object();
    /** Partitions the poller paused because their window was full. */
    private final TreeSet<TopicPartition> pausedFull;
    private long nextEpoch;
    /** The poller is blocked in onPartitionsRevoked waiting for these partitions' records (onRevoke = wait). */
    private TreeSet<TopicPartition> awaitingRevoke;
    private long awaitingSince;
    /** When the poller last committed its low marks (commitIntervalMs counts from here). */
    private long lastCommitAt = Long.MIN_VALUE / 2;
    /** How many times the poller has handed records to this pool: a learner steps to the first dispatch only. */
    private long dispatches;

    @SuppressWarnings("unchecked")
    WorkerPool(WorkerPoolConfig config) {
        this.config = config;
        int workers = config.count();
        this.running = new Job[workers];
        this.doneAt = new long[workers];
        this.slowUntil = new long[workers];
        this.slowFactor = new int[workers];
        int queueCount = config.queuePerWorker() ? workers : 1;
        this.queues = new ArrayDeque[queueCount];
        for (int i = 0; i < queueCount; i++) {
            queues[i] = new ArrayDeque<>();
        }
        this.windows = new SortedArrayMap<>();
        this.epochs = new SortedArrayMap<>();
        this.pausedFull = new TreeSet<>();
        this.awaitingRevoke = null;
    }

    @SuppressWarnings("unchecked")
    private WorkerPool(WorkerPool other) {
        this.config = other.config;
        this.running = other.running.clone();
        this.doneAt = other.doneAt.clone();
        this.slowUntil = other.slowUntil.clone();
        this.slowFactor = other.slowFactor.clone();
        this.queues = new ArrayDeque[other.queues.length];
        for (int i = 0; i < queues.length; i++) {
            queues[i] = new ArrayDeque<>(other.queues[i]);
        }
        this.windows = new SortedArrayMap<>(other.windows);
        other.token = new Object();
        this.epochs = new SortedArrayMap<>(other.epochs);
        this.pausedFull = new TreeSet<>(other.pausedFull);
        this.nextEpoch = other.nextEpoch;
        this.awaitingRevoke = other.awaitingRevoke == null ? null : new TreeSet<>(other.awaitingRevoke);
        this.awaitingSince = other.awaitingSince;
        this.lastCommitAt = other.lastCommitAt;
        this.dispatches = other.dispatches;
    }

    WorkerPool copy() {
        return new WorkerPool(this);
    }

    WorkerPoolConfig config() {
        return config;
    }

    static String timerKey(String consumer) {
        return consumer + "/WORKERS";
    }

    // ---- the poller: dispatch --------------------------------------------------------------------------------------

    /**
     * poll() returned {@code slices}: hand every record to the pool while its partition's window has room. A
     * partition whose window fills is sought back to its first record not dispatched (so the next fetch after the
     * resume reads it again; nothing is skipped) and paused.
     */
    void dispatch(Step step, List<Slice> slices) {
        Ledger ledger = Ledger.of(step.context);
        String group = step.config().groupId();
        Map<String, Object> ranges = new TreeMap<>();
        SortedSet<TopicPartition> filled = new TreeSet<>();
        int count = 0;
        for (Slice slice : slices) {
            TopicPartition tp = slice.partition();
            RecordWindow window = windowFor(tp, slice.first());
            long epoch = epochs.get(tp);
            long first = Math.max(slice.first(), window.next()); // already in the pool after a re-fetch: skip
            long end = slice.first() + slice.count();
            long offset = first;
            while (offset < end && window.span() < config.windowSize()) {
                window.dispatched(offset);
                String key = ClusterAccess.of(step.context).keyAt(tp.topic(), tp.partition(), offset);
                queueFor(tp, key).addLast(new Job(tp, offset, epoch, key));
                offset++;
            }
            if (offset > first) {
                count += (int) (offset - first);
                ranges.put(tp.toString(), List.of(first, offset - 1));
                if (ledger != null) {
                    ledger.deliveredToPool(group, step.id(), tp, first, offset - 1, step.now());
                    ledger.holding(group, step.id(), tp, window.committable(), window.next());
                }
            }
            if (window.span() >= config.windowSize()) {
                if (offset < end) {
                    step.fetcher().assignment.seek(tp, offset);
                }
                if (pausedFull.add(tp)) {
                    filled.add(tp);
                }
            }
        }
        // The windows as they were filled, before the workers below finish anything due now.
        Map<String, Object> filledWindows = filled.isEmpty() ? Map.of() : windowsView(filled);
        filled.forEach(step.fetcher().assignment::pause);
        // Idle workers take their records first: "waiting" counts only what no worker took, or a record handed to an
        // idle worker was said to wait ("1 waiting") beside a card showing workers 3–4 idle. (A revoke the workers
        // drain here cannot be pending: the poller that dispatches is not blocked in onPartitionsRevoked.)
        runWorkers(step);
        int waiting = queued();
        dispatches++;
        step.client("DispatchRecords", fields("records", count, "partitions", ranges, "queued", waiting,
                "workers", config.count(), "ordering", config.ordering().fileName(), "dispatch", dispatches),
                "sim.pool.dispatch." + config.ordering().fileName(),
                Map.of("records", count, "workers", config.count(), "queued", waiting));
        if (!filled.isEmpty()) {
            step.client("PausePartitions", fields("partitions", ClientEvents.partitions(filled),
                    "windowSize", config.windowSize(), "windows", filledWindows), "sim.pool.pause",
                    Map.of("partitions", String.join(", ", ClientEvents.partitions(filled)),
                            "windowSize", config.windowSize()));
        }
    }

    /** The window of {@code tp} (or null), this pool's own: a window shared with a copy is copied first. */
    private RecordWindow mutableWindow(TopicPartition tp) {
        RecordWindow window = windows.get(tp);
        if (window != null && !window.ownedBy(token)) {
            window = window.copyFor(token);
            windows.put(tp, window);
        }
        return window;
    }

    private RecordWindow windowFor(TopicPartition tp, long first) {
        RecordWindow window = mutableWindow(tp);
        // A window whose records are all finished restarts wherever poll() now returns from (a seek, a reset).
        // A jump while records are unfinished abandons them: they finish, but no longer move any window.
        if (window == null || (first != window.next() && (window.unfinished() == 0 || first > window.next()))) {
            window = new RecordWindow(first, token);
            windows.put(tp, window);
            epochs.put(tp, nextEpoch++);
        }
        return window;
    }

    private ArrayDeque<Job> queueFor(TopicPartition tp, String key) {
        if (queues.length == 1) {
            return queues[0];
        }
        // One key (or one partition), one worker: a keyless record is keyed by its partition.
        boolean byKey = config.ordering() == WorkerPoolConfig.Ordering.BY_KEY && key != null;
        int hash = byKey ? key.hashCode() : tp.toString().hashCode();
        return queues[Math.floorMod(hash, queues.length)];
    }

    private int queued() {
        int total = 0;
        for (ArrayDeque<Job> queue : queues) {
            total += queue.size();
        }
        return total;
    }

    // ---- the poller: resume and commit ------------------------------------------------------------------------------

    /** The poller's loop round: resume partitions whose window drained to half (consumer.resume). */
    void resumeDrained(Step step) {
        SortedSet<TopicPartition> drained = new TreeSet<>();
        for (TopicPartition tp : pausedFull) {
            RecordWindow window = windows.get(tp);
            if (window == null || window.span() <= config.resumeAtOrBelow()) {
                drained.add(tp);
            }
        }
        if (drained.isEmpty()) {
            return;
        }
        pausedFull.removeAll(drained);
        drained.forEach(step.fetcher().assignment::resume);
        step.client("ResumePartitions", fields("partitions", ClientEvents.partitions(drained),
                "windowSize", config.windowSize(), "windows", windowsView(drained)), "sim.pool.resume",
                Map.of("partitions", String.join(", ", ClientEvents.partitions(drained)),
                        "resumeAt", config.resumeAtOrBelow()));
    }

    /**
     * Per assigned partition with a window, the offset it lets the poller commit: the lowest unfinished offset, or
     * the highest finished + 1 (never an offset past a record nobody finished).
     */
    TreeMap<TopicPartition, Long> committable(Collection<TopicPartition> assigned) {
        TreeMap<TopicPartition, Long> offsets = new TreeMap<>();
        windows.forEach((tp, window) -> {
            if (assigned.contains(tp)) {
                offsets.put(tp, window.committable());
            }
        });
        return offsets;
    }

    /**
     * The low marks that moved past what the coordinator last confirmed: what the poller commits this round (none
     * until commitIntervalMs has passed since its last commit).
     */
    TreeMap<TopicPartition, Long> toCommit(long now, Collection<TopicPartition> assigned,
                                           Map<TopicPartition, Long> committed) {
        if (now - lastCommitAt < config.commitIntervalMs()) {
            return new TreeMap<>();
        }
        TreeMap<TopicPartition, Long> offsets = committable(assigned);
        offsets.entrySet().removeIf(entry -> entry.getValue() <= committed.getOrDefault(entry.getKey(), -1L));
        if (!offsets.isEmpty()) {
            lastCommitAt = now;
        }
        return offsets;
    }

    // ---- the workers ----------------------------------------------------------------------------------------------

    /** Finishes every record due by now, starts the next ones, and arms the pool's timer for the next finish. */
    void runWorkers(Step step) {
        boolean slid = false;
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int w = 0; w < running.length; w++) {
                if (running[w] != null && doneAt[w] <= step.now()) {
                    slid |= finish(step, w);
                    progress = true;
                }
                if (running[w] == null && start(step, w)) {
                    progress |= doneAt[w] <= step.now();
                }
            }
        }
        long next = Long.MAX_VALUE;
        for (int w = 0; w < running.length; w++) {
            if (running[w] != null) {
                next = Math.min(next, doneAt[w]);
            }
        }
        if (next == Long.MAX_VALUE) {
            step.context.cancelTimer(timerKey(step.id()));
        } else if (step.context.timerDeadline(timerKey(step.id())) != next) {
            step.context.setTimer(timerKey(step.id()), next - step.now(), new WorkerPoolTasks.Tick(step.id()));
        }
        if (slid && awaitingRevoke != null && drained(awaitingRevoke)) {
            step.client("RevokeDrained", fields("partitions", ClientEvents.partitions(awaitingRevoke),
                    "waitedMs", step.now() - awaitingSince), revokeKey(step, "sim.pool.revokeDrained"),
                    Map.of("partitions", String.join(", ", ClientEvents.partitions(awaitingRevoke)),
                            "waitedMs", step.now() - awaitingSince));
            awaitingRevoke = null;
            step.listenerWaitOver();
        }
    }

    private boolean start(Step step, int w) {
        ArrayDeque<Job> queue = queues.length == 1 ? queues[0] : queues[w];
        Job job = queue.pollFirst();
        if (job == null) {
            return false;
        }
        long ms = step.behavior().processor().processingMs(job.partition(), job.offset());
        if (config.processingJitterMs() > 0) {
            ms += step.context.random().nextInt((int) Math.min(Integer.MAX_VALUE - 1, config.processingJitterMs()) + 1);
        }
        if (step.now() < slowUntil[w]) {
            ms *= slowFactor[w];
        }
        running[w] = job;
        doneAt[w] = step.now() + ms;
        return true;
    }

    /** Worker {@code w} finished its record; returns whether a window's low mark slid. */
    private boolean finish(Step step, int w) {
        Job job = running[w];
        running[w] = null;
        step.finishedByPool(job.partition(), job.offset(), job.key());
        RecordWindow window = mutableWindow(job.partition());
        if (window == null || epochs.get(job.partition()) != job.epoch()) {
            return false; // abandoned: processed all the same, but it no longer moves any window
        }
        long lowBefore = window.committable();
        boolean slid = window.finished(job.offset());
        if (slid) {
            // The application's own log (ConsumerView.processed) records what the window slid over: contiguous, so
            // it stays one run per partition however the workers overtake each other (the ledger has each record).
            step.processedUpTo(job.partition(), lowBefore, window.committable());
            Ledger ledger = Ledger.of(step.context);
            if (ledger != null) {
                ledger.holding(step.config().groupId(), step.id(), job.partition(), window.committable(),
                        window.next());
            }
        }
        return slid;
    }

    /** The fault: worker {@code worker} (1-based) is {@code factor} times slower for {@code durationMs}. */
    void slow(Step step, int worker, long durationMs, int factor) {
        int w = worker - 1;
        if (w < 0 || w >= running.length) {
            return;
        }
        step.context.emit(EventKind.FAULT, "SlowWorker", step.id(), null, fields("worker", worker,
                "durationMs", durationMs, "factor", factor, "running", running[w] == null ? ""
                        : running[w].partition() + "@" + running[w].offset()), autoCommitKey(step, "sim.pool.slowWorker"),
                Map.of("consumer", step.id(), "worker", worker, "durationMs", durationMs, "factor", factor));
        slowUntil[w] = step.now() + durationMs;
        slowFactor[w] = factor;
        if (running[w] != null && doneAt[w] > step.now()) {
            doneAt[w] = step.now() + (doneAt[w] - step.now()) * factor;
        }
        runWorkers(step);
    }

    // ---- revocation -----------------------------------------------------------------------------------------------

    /**
     * The poller's onPartitionsRevoked, before its commit: with onRevoke = wait, true only once every record of
     * {@code partitions} in the pool is finished (until then the poller is blocked in the listener); with abandon,
     * queued records of them are dropped and it goes on at once. Lost partitions never wait (their records are
     * someone else's now).
     */
    boolean readyToRevoke(Step step, SortedSet<TopicPartition> partitions) {
        if (config.onRevoke() == WorkerPoolConfig.OnRevoke.ABANDON) {
            abandon(step, partitions, "sim.pool.abandon");
            return true;
        }
        if (drained(partitions)) {
            return true;
        }
        if (awaitingRevoke == null) {
            awaitingRevoke = new TreeSet<>(partitions);
            awaitingSince = step.now();
            step.client("RevokeWaiting", fields("partitions", ClientEvents.partitions(partitions),
                    "unfinished", unfinished(partitions), "maxPollIntervalMs", step.config().maxPollIntervalMs()),
                    revokeKey(step, "sim.pool.revokeWaiting"), Map.of("partitions", String.join(", ",
                            ClientEvents.partitions(partitions)), "unfinished", unfinished(partitions),
                            "maxPollIntervalMs", step.config().maxPollIntervalMs()));
        }
        return false;
    }

    /** Whether the poller is blocked in onPartitionsRevoked waiting for the pool. */
    boolean awaitingRevoke() {
        return awaitingRevoke != null;
    }

    private boolean drained(Collection<TopicPartition> partitions) {
        return unfinished(partitions) == 0;
    }

    private long unfinished(Collection<TopicPartition> partitions) {
        long total = 0;
        for (TopicPartition tp : partitions) {
            RecordWindow window = windows.get(tp);
            if (window != null) {
                total += window.unfinished();
            }
        }
        return total;
    }

    /** Drops the queued records of {@code partitions}; running ones finish but no longer count for a window. */
    private void abandon(Step step, Collection<TopicPartition> partitions, String ruleKey) {
        int dropped = 0;
        for (ArrayDeque<Job> queue : queues) {
            int before = queue.size();
            queue.removeIf(job -> partitions.contains(job.partition()));
            dropped += before - queue.size();
        }
        int stillRunning = 0;
        for (Job job : running) {
            if (job != null && partitions.contains(job.partition())) {
                stillRunning++;
            }
        }
        if (dropped > 0 || stillRunning > 0) {
            step.client("AbandonRecords", fields("partitions", ClientEvents.partitions(partitions),
                    "dropped", dropped, "running", stillRunning), ruleKey,
                    Map.of("partitions", String.join(", ", ClientEvents.partitions(partitions)),
                            "dropped", dropped, "running", stillRunning));
        }
    }

    /**
     * The assignment became {@code partitions} (Kafka's assignFromSubscribed after a revocation, a loss or close):
     * the pool forgets everything about the others. Their queued records are dropped; running ones finish without
     * moving any window (their commit, if any, was made in onPartitionsRevoked).
     */
    void retain(Step step, SortedSet<TopicPartition> partitions) {
        List<TopicPartition> gone = new ArrayList<>();
        windows.keySet().stream().filter(tp -> !partitions.contains(tp)).forEach(gone::add);
        if (gone.isEmpty()) {
            return;
        }
        abandon(step, gone, "sim.pool.dropRevoked");
        Ledger ledger = Ledger.of(step.context);
        for (TopicPartition tp : gone) {
            windows.remove(tp);
            epochs.remove(tp);
            pausedFull.remove(tp);
            if (ledger != null) {
                ledger.holding(step.config().groupId(), step.id(), tp, 0, 0);
            }
        }
    }

    /** The process ends: its threads are gone. */
    void stop(Step step) {
        step.context.cancelTimer(timerKey(step.id()));
    }

    // ---- views ----------------------------------------------------------------------------------------------------

    private Map<String, Object> windowsView(Collection<TopicPartition> partitions) {
        Map<String, Object> view = new TreeMap<>();
        for (TopicPartition tp : partitions) {
            RecordWindow window = windows.get(tp);
            if (window != null) {
                view.put(tp.toString(), List.of(window.committable(), window.next(), window.unfinished()));
            }
        }
        return view;
    }

    /** What the pool is doing, for views and tests. */
    WorkerPoolView view() {
        TreeMap<String, WorkerPoolView.Window> byPartition = new TreeMap<>();
        windows.forEach((tp, window) -> byPartition.put(tp.toString(), new WorkerPoolView.Window(
                window.committable(), window.highestFinished(), window.next(), window.unfinished(),
                pausedFull.contains(tp), window.finishedAhead(), config.windowSize(), config.resumeAtOrBelow())));
        List<WorkerPoolView.Worker> workers = new ArrayList<>();
        for (int w = 0; w < running.length; w++) {
            Job job = running[w];
            boolean slowed = slowFactor[w] > 1;
            workers.add(new WorkerPoolView.Worker(job == null ? "" : job.partition() + "@" + job.offset(),
                    job == null ? -1 : doneAt[w], slowed ? slowUntil[w] : -1, slowed ? slowFactor[w] : 1));
        }
        return new WorkerPoolView(config, workers, queued(), byPartition, awaitingRevoke != null);
    }

    /** Whether {@code offset} of {@code tp} is dispatched and unfinished in its current window. */
    boolean isUnfinished(TopicPartition tp, long offset) {
        RecordWindow window = windows.get(tp);
        return window != null && window.isUnfinished(offset);
    }

    @Override
    public String toString() {
        return "WorkerPool" + Arrays.toString(running);
    }

    /**
     * The sentence for a pool whose consumer auto-commits: Kafka's auto commit stores the positions poll() reached,
     * so no window holds it back.
     */
    private static String autoCommitKey(Step step, String key) {
        return step.config().enableAutoCommit() ? key + ".autoCommit" : key;
    }

    /** The sentence for a revocation whose listener commits nothing (no commitSync in onPartitionsRevoked). */
    private static String revokeKey(Step step, String key) {
        return step.behavior().listenerPolicy() == ListenerPolicy.COMMIT_ON_REVOKE ? key : key + ".noCommit";
    }
}
