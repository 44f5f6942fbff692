package dev.groupscope.ui;

import dev.groupscope.sim.engine.LearnerFilter;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.engine.Task;
import dev.groupscope.sim.engine.World;
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

    private final Executor worker;
    private final Executor publisher;
    private final FrameReader reader;
    private final long durationMs;
    private final Consumer<PlaygroundFrame> frames;
    private final LongConsumer horizons;
    private final AtomicLong wanted = new AtomicLong();
    private final AtomicBoolean renderQueued = new AtomicBoolean();
    private final AtomicBoolean computeQueued = new AtomicBoolean();
    private final AtomicLong target = new AtomicLong();

    // Confined to the worker thread.
    private Simulation simulation;
    private long computedUntil = -1;

    public SimulationRunner(Simulation simulation, FrameReader reader, long durationMs, Executor worker,
                            Executor publisher, Consumer<PlaygroundFrame> frames, LongConsumer horizons) {
        this.simulation = simulation;
        this.reader = reader;
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
            simulation.runUntil(time);
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
                advanceTo(at);
                publish(frameAtTime(at));
            });
        }
    }

    /** Moves to the first learner event after event {@code fromSeq} (-1: from the start), computing ahead if needed. */
    public void stepNext(long fromSeq, long time) {
        worker.execute(() -> {
            long seq = simulation.nextEvent(fromSeq, LearnerFilter.INSTANCE);
            long limit = Math.min(durationMs, Math.max(time, computedUntil) + STEP_SEARCH_MS);
            while (seq < 0 && computedUntil < limit) {
                advanceTo(Math.min(limit, computedUntil + CHUNK_MS));
                seq = simulation.nextEvent(fromSeq, LearnerFilter.INSTANCE);
            }
            if (seq >= 0) {
                publish(frameAtEvent(seq));
            }
        });
    }

    /** Moves to the last learner event before event {@code beforeSeq}, or to the start when there is none. */
    public void stepPrevious(long beforeSeq) {
        worker.execute(() -> {
            long seq = simulation.previousEvent(beforeSeq, LearnerFilter.INSTANCE);
            publish(seq >= 0 ? frameAtEvent(seq) : frameAtTime(0));
        });
    }

    /** Replaces the future after {@code time} with a run in which {@code action} happens then, and shows it. */
    public void fork(long time, Task action) {
        worker.execute(() -> {
            advanceTo(time);
            simulation = simulation.fork(time, action);
            computedUntil = -1;
            advanceTo(time);
            publish(frameAtTime(time));
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

    private void publish(PlaygroundFrame frame) {
        publisher.execute(() -> frames.accept(frame));
    }

    private PlaygroundFrame frameAtTime(long time) {
        World world = simulation.stateAtTime(time);
        long current = simulation.previousEvent(lastEventAtOrBefore(time) + 1, LearnerFilter.INSTANCE);
        return frame(time, world, current);
    }

    private PlaygroundFrame frameAtEvent(long seq) {
        SimEvent event = simulation.log().get((int) seq);
        return frame(event.time(), simulation.stateAtEvent(seq), seq);
    }

    private PlaygroundFrame frame(long time, World world, long current) {
        List<SimEvent> recent = new ArrayList<>();
        long seq = current;
        while (seq >= 0 && recent.size() < RECENT) {
            recent.add(0, simulation.log().get((int) seq));
            seq = simulation.previousEvent(seq, LearnerFilter.INSTANCE);
        }
        Optional<SimEvent> event = current >= 0 ? Optional.of(simulation.log().get((int) current)) : Optional.empty();
        return reader.read(time, world, event, recent);
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
