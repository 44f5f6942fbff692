package dev.groupscope.sim.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * One run: an initial world, a script of actions, and what came of them — the event log and snapshots of the
 * world every {@code snapshotEvery} steps. Because the world is deterministic, any earlier state is rebuilt by
 * copying the nearest snapshot and replaying; and inserting an action in the past ({@link #fork}) gives a new run
 * whose history up to that point is shared and whose future is recomputed. The original run stays as it was.
 */
public final class Simulation {

    private final List<ScriptedAction> script;
    private final int snapshotEvery;
    private final List<World> snapshots;
    private final List<SimEvent> log;
    private World current;

    /** A run of {@code initial} (which must not have been stepped) with the given scripted actions. */
    public Simulation(World initial, List<ScriptedAction> script, int snapshotEvery) {
        if (initial.steps() != 0) {
            throw new IllegalArgumentException("a simulation starts from an unstepped world");
        }
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshotEvery must be at least 1");
        }
        this.script = List.copyOf(script);
        this.snapshotEvery = snapshotEvery;
        this.current = initial;
        for (int i = 0; i < this.script.size(); i++) {
            ScriptedAction action = this.script.get(i);
            current.scheduleAction(action.time(), i, action.action());
        }
        this.snapshots = new ArrayList<>();
        this.snapshots.add(current.copy());
        this.log = new ArrayList<>();
    }

    private Simulation(List<ScriptedAction> script, int snapshotEvery, List<World> snapshots, List<SimEvent> log,
                       World current) {
        this.script = List.copyOf(script);
        this.snapshotEvery = snapshotEvery;
        this.snapshots = snapshots;
        this.log = log;
        this.current = current;
    }

    /** Processes every task due at or before {@code time}. */
    public void runUntil(long time) {
        Scheduled next = current.peek();
        while (next != null && next.time() <= time) {
            step();
            next = current.peek();
        }
    }

    /** Processes one task; false when nothing is left. */
    public boolean step() {
        if (!current.hasPending()) {
            return false;
        }
        log.addAll(current.step());
        if (current.steps() % snapshotEvery == 0) {
            snapshots.add(current.copy());
        }
        return true;
    }

    /** The furthest state computed so far (live: do not mutate; use {@link #stateAfterSteps} for a copy). */
    public World current() {
        return current;
    }

    public long steps() {
        return current.steps();
    }

    public List<SimEvent> log() {
        return Collections.unmodifiableList(log);
    }

    public List<ScriptedAction> script() {
        return script;
    }

    /** A copy of the state after {@code count} steps (0 = the initial state). */
    public World stateAfterSteps(long count) {
        if (count < 0 || count > current.steps()) {
            throw new IllegalArgumentException("step " + count + " is outside 0.." + current.steps());
        }
        World world = snapshots.get((int) Math.min(count / snapshotEvery, snapshots.size() - 1)).copy();
        while (world.steps() < count) {
            world.step();
        }
        return world;
    }

    /** A copy of the state after event {@code seq}: after the step that produced it. */
    public World stateAtEvent(long seq) {
        return stateAfterSteps(log.get((int) seq).step() + 1);
    }

    /** A copy of the state at virtual time {@code time}: after every step due at or before it. */
    public World stateAtTime(long time) {
        return stateAfterSteps(stepsUpTo(time));
    }

    /** How many of the computed steps are due at or before {@code time}. */
    public long stepsUpTo(long time) {
        int index = nearestSnapshotBefore(time);
        World world = snapshots.get(index).copy();
        Scheduled next = world.peek();
        while (world.steps() < current.steps() && next != null && next.time() <= time) {
            world.step();
            next = world.peek();
        }
        return world.steps();
    }

    private int nearestSnapshotBefore(long time) {
        int index = 0;
        for (int i = 1; i < snapshots.size(); i++) {
            Scheduled last = snapshots.get(i).lastProcessed();
            if (last != null && last.time() <= time) {
                index = i;
            } else {
                break;
            }
        }
        return index;
    }

    /**
     * A new run with {@code action} inserted at {@code time}: identical to this run up to that point, recomputed
     * after it (run forward with {@link #runUntil}). The new action goes after every action already scripted for
     * the same millisecond, so the fork equals a fresh run of the extended script.
     */
    public Simulation fork(long time, Task action) {
        List<ScriptedAction> extended = new ArrayList<>(script);
        extended.add(new ScriptedAction(time, action));
        Scheduled position = new Scheduled(time, Scheduled.ACTION, script.size(), action, null);
        long keep = stepsBefore(position);
        World world = stateAfterSteps(keep);
        world.scheduleAction(time, script.size(), action);
        // Every kept snapshot must hold the new action in its queue, as a fresh run of the extended script would:
        // otherwise rebuilding a state after the fork point from a snapshot before it would replay without it.
        List<World> keptSnapshots = new ArrayList<>();
        for (World snapshot : snapshots.subList(0, (int) (keep / snapshotEvery) + 1)) {
            World withAction = snapshot.copy();
            withAction.scheduleAction(time, script.size(), action);
            keptSnapshots.add(withAction);
        }
        List<SimEvent> keptLog = new ArrayList<>(log.subList(0, (int) world.eventCount()));
        return new Simulation(extended, snapshotEvery, keptSnapshots, keptLog, world);
    }

    /** How many computed steps come strictly before a task at {@code position} in queue order. */
    private long stepsBefore(Scheduled position) {
        World world = snapshots.get(0).copy();
        for (int i = snapshots.size() - 1; i > 0; i--) {
            Scheduled last = snapshots.get(i).lastProcessed();
            if (last != null && last.compareTo(position) < 0) {
                world = snapshots.get(i).copy();
                break;
            }
        }
        Scheduled next = world.peek();
        while (world.steps() < current.steps() && next != null && next.compareTo(position) < 0) {
            world.step();
            next = world.peek();
        }
        return world.steps();
    }

    /** The first computed event after {@code seq} that passes {@code filter}, or -1 (use -1 to search from the start). */
    public long nextEvent(long seq, java.util.function.Predicate<SimEvent> filter) {
        for (int i = (int) Math.max(0, seq + 1); i < log.size(); i++) {
            if (filter.test(log.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The last event before {@code seq} that passes {@code filter}, or -1. */
    public long previousEvent(long seq, java.util.function.Predicate<SimEvent> filter) {
        for (int i = (int) Math.min(seq, log.size()) - 1; i >= 0; i--) {
            if (filter.test(log.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Visits the events of the computed run from {@code fromSeq} on. */
    public void forEachEvent(long fromSeq, Consumer<SimEvent> visitor) {
        for (int i = (int) fromSeq; i < log.size(); i++) {
            visitor.accept(log.get(i));
        }
    }
}
