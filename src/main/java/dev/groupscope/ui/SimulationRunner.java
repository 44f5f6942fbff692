package dev.groupscope.ui;

import dev.groupscope.scenario.Scenario.ActionSpec;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.engine.Task;
import dev.groupscope.sim.engine.World;
import dev.groupscope.sim.report.MetricsFrame;
import dev.groupscope.sim.report.MetricsRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Owns one {@link Simulation} and confines it to a single worker thread: computing ahead in chunks, rebuilding the
 * state at a time or an event, stepping to the next learner event and forking all happen there, in submission order.
 * Results are handed to the UI thread as immutable {@link PlaygroundFrame}s through {@code publisher}, so the FX
 * thread never waits for the model. Render requests coalesce: only the newest requested time is drawn.
 *
 * <p>Tests pass {@code Runnable::run} for both executors and get a synchronous runner.
 */
public final class SimulationRunner {

    /** Virtual time computed per worker task; small, so renders interleave with computing ahead. */
    static final long CHUNK_MS = 2_000;
    /** How many learner events the explanation lists. */
    static final int RECENT = 6;
    /** How far a step may compute ahead looking for the next learner event. */
    static final long STEP_SEARCH_MS = 120_000;
    /**
     * While playing a large (aggregated) cluster, reading frames may take at most this share of the worker's time.
     * A frame of 1,000 partitions cost ~10 ms; read at every 60 Hz pulse they kept the worker busy all the time and
     * left the FX and render threads one core between them. Read from the actors (not their copied views) it costs
     * ~1 ms, so this only holds frames back on a machine too busy to give the worker its share. The cells still
     * animate at every pulse.
     */
    static final double LARGE_FRAME_SHARE = 0.35;
    /** While catching up with a scrub far ahead, the latest computed moment is shown this often (UI pacing only). */
    static final long PROVISIONAL_NANOS = 250_000_000L;
    /**
     * A frame at most this much later than the last one is read by stepping that frame's state forward, not by
     * rebuilding the state from a snapshot (see {@link #stateAtTime}).
     */
    static final long STEP_FORWARD_MS = 1_000;

    private final Executor worker;
    private final Executor publisher;
    private final long durationMs;
    private final Consumer<PlaygroundFrame> frames;
    private final LongConsumer horizons;
    private final AtomicLong wanted = new AtomicLong();
    private final AtomicBoolean renderQueued = new AtomicBoolean();
    private final AtomicBoolean computeQueued = new AtomicBoolean();
    private final AtomicLong target = new AtomicLong();
    // Written on the worker, read on the FX thread: how long the last frame took to read, and when it was done.
    private volatile long frameCostNanos;
    private volatile long frameDoneNanos;
    private volatile boolean largeFrames;
    private java.util.function.LongSupplier nanoClock = System::nanoTime;

    // Confined to the worker thread.
    private FrameReader reader;
    /** What the last frame published was read at: an event's seq, or -1 for {@link #shownTime}. */
    private long shownSeq = -1;
    private long shownTime;
    private Simulation simulation;
    private long computedUntil = -1;
    private RunBranches branches;
    /** Each group's learner events, indexed as the group is first shown (a group's frames explain only its own). */
    private final java.util.Map<String, LearnerIndex> learnerIndexes = new java.util.HashMap<>();
    private final java.util.Map<String, LearnerIndex> stateChangeIndexes = new java.util.HashMap<>();
    /** The state of the last frame read at a time, and the run it belongs to (see {@link #stateAtTime}). */
    private World playhead;
    /** The state the last frame was read from: the Numbers tab's totals are measured in it (runner thread only). */
    private World shownWorld;
    private Simulation playheadRun;
    private MetricsRecorder metrics;
    private long metricsWindowMs;
    private Consumer<MetricsFrame> metricsSink = frame -> { };
    private Consumer<List<BranchInfo>> branchSink = list -> { };
    private Consumer<List<ActionSpec>> beforeFork = branch -> { };

    public SimulationRunner(Simulation simulation, FrameReader reader, long durationMs, Executor worker,
                            Executor publisher, Consumer<PlaygroundFrame> frames, LongConsumer horizons) {
        this(() -> simulation, reader, durationMs, worker, publisher, frames, horizons);
    }

    /**
     * A runner whose simulation {@code build} makes as the worker's first task: building a world is work the FX
     * thread need not wait for (at start-up it would delay the window's first frame).
     */
    public SimulationRunner(java.util.function.Supplier<Simulation> build, FrameReader reader, long durationMs,
                            Executor worker, Executor publisher, Consumer<PlaygroundFrame> frames,
                            LongConsumer horizons) {
        this.reader = reader;
        worker.execute(() -> {
            simulation = build.get();
            branches = new RunBranches(simulation, null);
        });
        this.durationMs = durationMs;
        this.worker = worker;
        this.publisher = publisher;
        this.frames = frames;
        this.horizons = horizons;
    }

    public long durationMs() {
        return durationMs;
    }

    /** Keeps the simulation computed up to at least {@code until} (capped at the duration), a chunk per task. */
    public void computeAhead(long until) {
        target.accumulateAndGet(Math.min(durationMs, until), Math::max);
        if (computeQueued.compareAndSet(false, true)) {
            worker.execute(this::computeChunk);
        }
    }

    private void computeChunk() {
        computeQueued.set(false);
        if (computedUntil >= target.get()) {
            return;
        }
        advanceTo(Math.min(target.get(), computedUntil + CHUNK_MS));
        if (computedUntil < target.get() && computeQueued.compareAndSet(false, true)) {
            worker.execute(this::computeChunk);
        }
    }

    private void advanceTo(long time) {
        if (time > computedUntil) {
            if (metrics != null) {
                metrics.runUntil(simulation, time);
            } else {
                simulation.runUntil(time);
            }
            computedUntil = time;
            long horizon = time;
            publisher.execute(() -> horizons.accept(horizon));
        }
    }

    /** Draws the state at {@code time}: the newest such request wins. */
    public void show(long time) {
        wanted.set(time);
        if (renderQueued.compareAndSet(false, true)) {
            worker.execute(() -> {
                renderQueued.set(false);
                // Scrubbing past what is computed computes up to it here, on the worker, never on the FX thread.
                long at = Math.max(0, Math.min(wanted.get(), durationMs));
                if (!catchUpTo(at)) {
                    return;
                }
                long start = nanoClock.getAsLong();
                PlaygroundFrame frame = frameAtTime(at);
                long done = nanoClock.getAsLong();
                frameCostNanos = done - start;
                frameDoneNanos = done;
                largeFrames = AggregatedPanels.needed(frame);
                publish(frame);
            });
        }
    }

    /**
     * Computes up to {@code at} a chunk at a time. A long way (a large run scrubbed far ahead) shows, every
     * {@link #PROVISIONAL_NANOS} meanwhile, the latest moment computed: the nearest state known, as what it is (the
     * view model keeps t at the moment asked for and the window says it is still computing). Returns false, leaving
     * the rest, when a newer request came in: the next render computes for that one.
     */
    private boolean catchUpTo(long at) {
        long shownAt = nanoClock.getAsLong();
        while (computedUntil < at) {
            advanceTo(Math.min(at, Math.max(0, computedUntil) + CHUNK_MS));
            if (renderQueued.get()) {
                return false;
            }
            if (computedUntil < at && nanoClock.getAsLong() - shownAt >= PROVISIONAL_NANOS) {
                publish(frameAtTime(computedUntil));
                shownAt = nanoClock.getAsLong();
            }
        }
        return true;
    }

    /**
     * {@link #show} for playback, which asks at every pulse: for a large cluster it skips the request while the
     * worker's frames would take more than {@link #LARGE_FRAME_SHARE} of its time (the next pulse asks again).
     * Returns whether it asked.
     */
    public boolean showPlaying(long time) {
        long cost = frameCostNanos;
        if (largeFrames && nanoClock.getAsLong() - frameDoneNanos < cost * (1 / LARGE_FRAME_SHARE - 1)) {
            return false;
        }
        show(time);
        return true;
    }

    /** For tests: the clock that times frames (UI pacing only; the model never reads a clock). */
    void nanoClock(java.util.function.LongSupplier clock) {
        this.nanoClock = clock;
    }

    /**
     * Moves to the first learner event of the shown group (or of none) after event {@code fromSeq} (-1: from the
     * start), computing ahead if needed.
     */
    public void stepNext(long fromSeq, long time) {
        worker.execute(() -> {
            java.util.function.Predicate<SimEvent> learner = new LearnerSteps(reader.learnerEvents())
                    .of(simulation.log());
            long seq = simulation.nextEvent(fromSeq, learner);
            long limit = Math.min(durationMs, Math.max(time, computedUntil) + STEP_SEARCH_MS);
            while (seq < 0 && computedUntil < limit) {
                advanceTo(Math.min(limit, computedUntil + CHUNK_MS));
                seq = simulation.nextEvent(fromSeq, learner);
            }
            if (seq >= 0) {
                publish(frameAtEvent(seq));
            }
        });
    }

    /** Moves to the shown group's last learner event before event {@code beforeSeq}, or to the start if none. */
    public void stepPrevious(long beforeSeq) {
        worker.execute(() -> {
            long seq = learners().previous(simulation, beforeSeq);
            publish(seq >= 0 ? frameAtEvent(seq) : frameAtTime(0));
        });
    }

    /**
     * Follows the run with {@code recorder} (call before the run is computed): from then on each frame shown also
     * publishes the numbers at its time, over the last {@code windowMs}, to {@code sink}; and every change of branch
     * publishes the branch list to {@code branchList}.
     */
    public void recordMetrics(MetricsRecorder recorder, long windowMs, Consumer<MetricsFrame> sink,
                              Consumer<List<BranchInfo>> branchList) {
        worker.execute(() -> {
            metrics = recorder;
            branches.current().metrics = recorder;
            metricsWindowMs = windowMs;
            metricsSink = sink;
            branchSink = branchList;
            publishBranches();
        });
    }

    /**
     * From now on reads frames (and numbers, when recording) with {@code next}, another group's reader, and shows the
     * moment last shown again, read for it: the same run at the same t (or the same event), not simulated again.
     */
    public void readWith(FrameReader next) {
        worker.execute(() -> {
            reader = next;
            if (simulation == null || computedUntil < 0) {
                return;
            }
            publish(shownSeq >= 0 ? frameAtEvent(shownSeq) : frameAtTime(Math.min(shownTime, computedUntil)));
        });
    }

    /**
     * Hands {@code listener}, on the worker, the what-if actions of each branch about to be computed (those that made
     * the branch forked from, then the new one): what it must know before any of the new run is read.
     */
    public void beforeEachFork(Consumer<List<ActionSpec>> listener) {
        worker.execute(() -> beforeFork = listener);
    }

    /**
     * Forks the run at {@code time} with {@code command}'s action inserted then, as a new branch (the run it forked
     * from stays as it was, for undo), and shows it. {@code shownMs} is the moment on screen when the command was
     * given: undo returns there.
     */
    public void fork(long time, long shownMs, ModelCommand command) {
        worker.execute(() -> {
            advanceTo(time);
            branches.current().computedUntil = computedUntil;
            List<ActionSpec> branch = new ArrayList<>(
                    BranchInfo.whatIfActions(branches.infos(), branches.current().id));
            branch.add(command.action().at(time));
            beforeFork.accept(branch);
            for (Task task : command.tasks()) {
                simulation = simulation.fork(time, task);
            }
            metrics = metrics == null ? null : metrics.forkedAt(time, simulation);
            branches.fork(time, shownMs, command, simulation, metrics);
            computedUntil = -1;
            advanceTo(time);
            publish(frameAtTime(time));
            publishBranches();
        });
    }

    /**
     * Runs {@code query} on the worker against the current run (it must only read it) and hands the answer to
     * {@code answer} on the UI thread: how views other than the frame (the sequence diagram, exports) read the model.
     */
    public <T> void query(java.util.function.Function<Simulation, T> query, Consumer<T> answer) {
        worker.execute(() -> {
            T value = query.apply(simulation);
            publisher.execute(() -> answer.accept(value));
        });
    }

    /**
     * Goes back to the branch the current one forked from, at the moment shown when its command was given; nothing
     * on the first run.
     */
    public void undo() {
        worker.execute(() -> {
            long computed = computedUntil;
            branches.undo().ifPresent(left -> {
                left.computedUntil = computed;
                enter(branches.current(), left.shownMs);
            });
        });
    }

    /** Shows branch {@code id} (at the moment it forked; the first run at {@code time}). */
    public void switchTo(int id, long time) {
        worker.execute(() -> {
            RunBranches.Branch from = branches.current();
            long computed = computedUntil;
            branches.switchTo(id).ifPresent(to -> {
                from.computedUntil = computed;
                enter(to, to.parent < 0 ? time : to.forkTimeMs);
            });
        });
    }

    private void enter(RunBranches.Branch branch, long time) {
        simulation = branch.simulation;
        metrics = branch.metrics;
        computedUntil = branch.computedUntil;
        long horizon = Math.max(0, computedUntil);
        publisher.execute(() -> horizons.accept(horizon));
        advanceTo(time);
        publish(frameAtTime(time));
        publishBranches();
    }

    private void publishBranches() {
        List<BranchInfo> list = branches.infos();
        int current = branches.current().id;
        Consumer<List<BranchInfo>> sink = branchSink;
        publisher.execute(() -> sink.accept(list.stream().map(info -> info.id() == current
                ? info.asCurrent() : info).toList()));
    }

    private void publish(PlaygroundFrame frame) {
        publisher.execute(() -> frames.accept(frame));
        if (metrics != null) {
            // A large run's moment costs a walk over its thousand partitions' commits at every frame, on a core the
            // renderer needs; its panels show no per-partition counts to disagree with, so its totals stay sampled.
            MetricsFrame numbers = shownWorld == null || AggregatedPanels.needed(frame)
                    ? metrics.frameAt(reader.groupId(), frame.time(), metricsWindowMs)
                    : metrics.frameAt(reader.groupId(), frame.time(), metricsWindowMs, shownWorld);
            Consumer<MetricsFrame> sink = metricsSink;
            publisher.execute(() -> sink.accept(numbers));
        }
    }

    private PlaygroundFrame frameAtTime(long time) {
        shownSeq = -1;
        shownTime = time;
        World world = stateAtTime(time);
        long last = lastEventAtOrBefore(time);
        long current = learners().previous(simulation, last + 1);
        return frame(time, world, current, last);
    }

    /**
     * The run's state at {@code time}, as {@link Simulation#stateAtTime} gives it. Playing asks for a moment a pulse
     * after the last one: rebuilding it meant copying a snapshot and replaying up to a few thousand steps for each
     * frame (three quarters of a frame's cost, half of all the worker allocated), where stepping the last frame's
     * state over the few steps between the two moments gives the same state. Another run (a fork, a branch), a
     * moment before the last one or far after it is rebuilt.
     */
    private World stateAtTime(long time) {
        if (playhead == null || playheadRun != simulation || time < playhead.now()
                || time - playhead.now() > STEP_FORWARD_MS) {
            playhead = simulation.stateAtTime(time);
            playheadRun = simulation;
            return playhead;
        }
        simulation.advanceTo(playhead, time);
        return playhead;
    }

    /**
     * The state right after event {@code seq}, explained by the shown group's last learner event up to it: the event
     * itself after a step; after a switch of group at another group's event, the event before it that is this one's.
     */
    private PlaygroundFrame frameAtEvent(long seq) {
        shownSeq = seq;
        SimEvent event = simulation.log().get((int) seq);
        return frame(event.time(), simulation.stateAtEvent(seq), learners().previous(simulation, seq + 1), seq);
    }

    /** The index of the shown group's learner events. */
    private LearnerIndex learners() {
        FrameReader shown = reader;
        return learnerIndexes.computeIfAbsent(shown.groupId(),
                group -> new LearnerIndex(new LearnerSteps(shown.learnerEvents())));
    }

    /** Each group's GroupStateChange events, indexed as the group is first shown. */
    private LearnerIndex stateChanges() {
        String group = reader.groupId();
        return stateChangeIndexes.computeIfAbsent(group, id -> new LearnerIndex(event ->
                "GroupStateChange".equals(event.type())
                        && dev.groupscope.sim.coordinator.CoordinatorEnv.groupActor(id).equals(event.actor())));
    }

    /**
     * The frame at {@code time} of {@code world}, the state after event {@code last}: explained by learner event
     * {@code current}, with the group's last state change up to {@code last}.
     */
    private PlaygroundFrame frame(long time, World world, long current, long last) {
        shownWorld = world;
        List<SimEvent> recent = new ArrayList<>();
        long seq = current;
        while (seq >= 0 && recent.size() < RECENT) {
            recent.add(0, simulation.log().get((int) seq));
            seq = learners().previous(simulation, seq);
        }
        Optional<SimEvent> event = current >= 0 ? Optional.of(simulation.log().get((int) current)) : Optional.empty();
        long change = last < 0 ? -1 : stateChanges().previous(simulation, last + 1);
        return reader.read(time, world, event, recent).withStateChange(
                change >= 0 ? Optional.of(simulation.log().get((int) change)) : Optional.empty())
                .withSince(SinceThen.latestLike(simulation.log(), current, last, reader.groupEvents()));
    }

    /** The last computed event at or before {@code time} (binary search: the log is in time order), or -1. */
    private long lastEventAtOrBefore(long time) {
        List<SimEvent> log = simulation.log();
        int low = 0;
        int high = log.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (log.get(mid).time() <= time) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }
}
