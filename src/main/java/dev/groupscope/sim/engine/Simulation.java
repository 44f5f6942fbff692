package dev.groupscope.sim.engine;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Consumer;

/**
 * One run: an initial world, a script of actions, and what came of them — the event log and snapshots of the
 * world every {@code snapshotEvery} events (a step that emits none counts as one: replaying it costs all the same).
 * Because the world is deterministic, any earlier state is rebuilt by copying the nearest snapshot and replaying;
 * and inserting an action in the past ({@link #fork}) gives a new run whose history up to that point is shared and
 * whose future is recomputed. The original run stays as it was. Events are replayed the same way: the log keeps a
 * window of recently used segments (see {@link EventLog}).
 */
public final class Simulation {

    /** Events the log keeps at most besides the open segment (~600 bytes each): every lesson fits. */
    static final long EVENTS_HELD = 1L << 18;

    private final List<ScriptedAction> script;
    /**
     * Events between snapshots. Counted in events, not steps, because a rebuild's time goes with the events its
     * replay re-derives: a step of a record-heavy run does twice a light run's work, and spacing by steps gave the
     * light run twice the snapshots its rebuilds needed. A step adds what it weighs beyond its events
     * ({@link Context#weigh}): counted by events alone, a stretch of 5,000 records/s replayed 1.3 times as slowly
     * as a light one.
     */
    private final int snapshotEvery;
    /**
     * Whether a step's weight counts. A run spaced at a lesson's 1,024 events replays any interval in a few ms,
     * whatever it holds; the weight is there for the wide intervals of a large world, and counted in a small,
     * record-heavy one it only added snapshots (a worker pool's minute at 10,000 records/s: 627 → 791 MiB).
     */
    private final boolean weighs;
    /** Events (a silent step counting one, plus its weight) since the last snapshot. */
    private long sinceSnapshot;
    private final List<World> snapshots;
    private final EventLog log;
    private World current;

    /**
     * A run of {@code initial} (which must not have been stepped) with the given scripted actions, holding at most
     * about {@code eventsHeld} events of its log as objects (the rest is replayed when read).
     */
    Simulation(World initial, List<ScriptedAction> script, int snapshotEvery, long eventsHeld) {
        this(initial, script, snapshotEvery, true, eventsHeld);
    }

    private Simulation(World initial, List<ScriptedAction> script, int snapshotEvery, boolean weighs,
                       long eventsHeld) {
        if (initial.steps() != 0) {
            throw new IllegalArgumentException("a simulation starts from an unstepped world");
        }
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshotEvery must be at least 1");
        }
        this.script = List.copyOf(script);
        this.snapshotEvery = snapshotEvery;
        this.weighs = weighs;
        this.current = initial;
        for (int i = 0; i < this.script.size(); i++) {
            ScriptedAction action = this.script.get(i);
            current.scheduleAction(action.time(), i, action.action());
        }
        this.snapshots = new ArrayList<>();
        this.snapshots.add(current.copy());
        this.log = new EventLog(this::replaySegment, eventsHeld);
    }

    public Simulation(World initial, List<ScriptedAction> script, int snapshotEvery) {
        this(initial, script, snapshotEvery, true, EVENTS_HELD);
    }

    /** A run whose snapshots are spaced by events alone when {@code weighs} is false (see {@link #weighs}). */
    public Simulation(World initial, List<ScriptedAction> script, int snapshotEvery, boolean weighs) {
        this(initial, script, snapshotEvery, weighs, EVENTS_HELD);
    }

    private Simulation(List<ScriptedAction> script, int snapshotEvery, boolean weighs, List<World> snapshots,
                       EventLog parentLog, int keptSegments, World current) {
        this.script = List.copyOf(script);
        this.snapshotEvery = snapshotEvery;
        this.weighs = weighs;
        this.snapshots = snapshots;
        this.current = current;
        this.sinceSnapshot = current.eventCount() - snapshots.get(snapshots.size() - 1).eventCount();
        this.log = parentLog.prefix(keptSegments, current.eventCount(), this::replaySegment);
    }

    /** The events of closed segment {@code index}: its snapshot stepped to where the next snapshot was taken. */
    private List<SimEvent> replaySegment(int index) {
        World world = snapshots.get(index).copy();
        long end = snapshots.get(index + 1).steps();
        List<SimEvent> events = new ArrayList<>();
        while (world.steps() < end) {
            events.addAll(world.step());
        }
        return events;
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
        List<SimEvent> events = current.step();
        log.append(events);
        sinceSnapshot += Math.max(1, events.size()) + (weighs ? current.lastStepWeight() : 0);
        if (sinceSnapshot >= snapshotEvery) {
            // A snapshot keeps what its queue holds: without this, every re-armed timer's old entry since the last
            // sweep (the light benchmark's history was 7 % smaller with it).
            current.dropAllStaleTimers();
            snapshots.add(current.copy());
            log.closeSegment();
            sinceSnapshot = 0;
        }
        return true;
    }

    int snapshotCount() {
        return snapshots.size();
    }

    /**
     * The step count of each snapshot after the first: the state one step before each is the slowest to rebuild
     * (its replay is a whole interval), so a benchmark measuring the worst rebuild asks for those.
     */
    public long[] snapshotSteps() {
        return snapshots.stream().skip(1).mapToLong(World::steps).toArray();
    }

    /** A copy of snapshot {@code index} (for tests). */
    World snapshot(int index) {
        return snapshots.get(index).copy();
    }

    /** The furthest state computed so far (live: do not mutate; use {@link #stateAfterSteps} for a copy). */
    public World current() {
        return current;
    }

    public long steps() {
        return current.steps();
    }

    /** The events of the computed run, in order (unmodifiable; an event not held is replayed when read). */
    public List<SimEvent> log() {
        return new LogView();
    }

    private final class LogView extends AbstractList<SimEvent> implements RandomAccess {
        @Override
        public SimEvent get(int index) {
            return log.get(index);
        }

        @Override
        public int size() {
            return Math.toIntExact(log.size());
        }
    }

    public List<ScriptedAction> script() {
        return script;
    }

    /** A copy of the state after {@code count} steps (0 = the initial state). */
    public World stateAfterSteps(long count) {
        if (count < 0 || count > current.steps()) {
            throw new IllegalArgumentException("step " + count + " is outside 0.." + current.steps());
        }
        World world = snapshots.get(lastSnapshotAtOrBefore(count)).copy();
        while (world.steps() < count) {
            world.advance();
        }
        return world;
    }

    /** The last snapshot taken at or before step {@code count}. */
    private int lastSnapshotAtOrBefore(long count) {
        return lastSnapshotWhere(snapshot -> snapshot.steps() <= count);
    }

    /** A copy of the state after event {@code seq}: after the step that produced it. */
    public World stateAtEvent(long seq) {
        return stateAfterSteps(log.get(seq).step() + 1);
    }

    /** A copy of the state at virtual time {@code time}: after every step due at or before it. */
    public World stateAtTime(long time) {
        World world = snapshots.get(nearestSnapshotBefore(time)).copy();
        advanceTo(world, time);
        return world;
    }

    /**
     * Steps {@code world}, a state of this run at or before {@code time} (one {@link #stateAtTime} returned, for
     * instance), to the state at {@code time}: over every computed step due by then. Cheaper than a rebuild when
     * {@code time} is a little later than the state (a view playing forward).
     */
    public void advanceTo(World world, long time) {
        Scheduled next = world.peek();
        while (world.steps() < current.steps() && next != null && next.time() <= time) {
            world.advance();
            next = world.peek();
        }
    }

    /** How many of the computed steps are due at or before {@code time}. */
    public long stepsUpTo(long time) {
        return stateAtTime(time).steps();
    }

    /** The last snapshot taken at or before {@code time} (its last step was due by then), or the first. */
    private int nearestSnapshotBefore(long time) {
        return lastSnapshotWhere(snapshot -> snapshot.lastProcessed() != null
                && snapshot.lastProcessed().time() <= time);
    }

    /** The last snapshot for which {@code taken} holds (it holds for a prefix of them), or the first. */
    private int lastSnapshotWhere(java.util.function.Predicate<World> taken) {
        int low = 0;
        int high = snapshots.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (taken.test(snapshots.get(mid))) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
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
        // Every kept snapshot was taken before the insertion point, so its queue must hold the new action too:
        // otherwise a state rebuilt from it (stateAfterSteps past the fork point, or a fork of this fork, which
        // starts from these snapshots) replays the run without the action. Snapshots are copies, so the original
        // run's stay as they were.
        List<World> keptSnapshots = new ArrayList<>();
        for (World snapshot : snapshots.subList(0, lastSnapshotAtOrBefore(keep) + 1)) {
            World withAction = snapshot.copy();
            withAction.scheduleAction(time, script.size(), action);
            keptSnapshots.add(withAction);
        }
        return new Simulation(extended, snapshotEvery, weighs, keptSnapshots, log, keptSnapshots.size() - 1, world);
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
            world.advance();
            next = world.peek();
        }
        return world.steps();
    }

    /** The first computed event after {@code seq} that passes {@code filter}, or -1 (use -1 to search from the start). */
    public long nextEvent(long seq, java.util.function.Predicate<SimEvent> filter) {
        for (long i = Math.max(0, seq + 1); i < log.size(); i++) {
            if (filter.test(log.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The last event before {@code seq} that passes {@code filter}, or -1. */
    public long previousEvent(long seq, java.util.function.Predicate<SimEvent> filter) {
        for (long i = Math.min(seq, log.size()) - 1; i >= 0; i--) {
            if (filter.test(log.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Visits the events of the computed run from {@code fromSeq} on. */
    public void forEachEvent(long fromSeq, Consumer<SimEvent> visitor) {
        for (long i = fromSeq; i < log.size(); i++) {
            visitor.accept(log.get(i));
        }
    }
}
