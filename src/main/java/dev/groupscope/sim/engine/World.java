package dev.groupscope.sim.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole mutable state of one run: clock, chance, pending tasks, armed timers and actors. One {@link #step()}
 * takes the earliest task and lets its actor handle it; everything that step emits is one step's events.
 * {@link #copy()} is what a snapshot is: a copy that shares each actor with the original until one of the two is
 * about to change it (copy on write, per actor). An actor handed out for a step — the task's target, or one reached
 * through {@link #actor} — is first made private to this world, so neither copy ever sees the other's changes;
 * actors a step never touches (most of a large world between two snapshots) are not copied at all.
 */
public final class World implements Context {

    private long now;
    private long steps;
    private long nextSeq;
    private long eventCount;
    private Scheduled lastProcessed;
    private final DeterministicRandom random;
    private final EventQueue queue;
    /**
     * Timer key → the armed task (its sequence number and deadline); a popped timer task that is not this one is
     * stale. One map, not one for numbers and one for deadlines: every snapshot copies it whole.
     */
    private final TimerTable timers;
    private final TreeMap<String, Actor> actors;
    /**
     * The actors this world may mutate in place (not shared with any copy), by id: one hashed lookup finds an actor
     * a step touches again, where the ordered map and a set of ids took two.
     */
    private final HashMap<String, Actor> owned;
    /** Per connection, the arrival time of the last message sent on it: later ones may not overtake it. */
    private final Map<Object, Long> channelArrivals;
    /** The latest arrival in {@link #channelArrivals}: past it, no connection holds a message back. */
    private long heldUntil;
    private List<SimEvent> emitted = new ArrayList<>();
    /** The last step's extra replay weight (see {@link #weigh}). */
    private int weight;
    /** Set while {@link #advance} steps: events are counted (their sequence numbers stay right) but not built. */
    private boolean quiet;

    public World(long seed) {
        this.random = new DeterministicRandom(seed);
        this.queue = new EventQueue();
        this.timers = new TimerTable();
        this.actors = new TreeMap<>();
        this.owned = new HashMap<>();
        this.channelArrivals = new HashMap<>();
    }

    private World(World other) {
        this.now = other.now;
        this.steps = other.steps;
        this.nextSeq = other.nextSeq;
        this.eventCount = other.eventCount;
        this.lastProcessed = other.lastProcessed;
        this.random = other.random.copy();
        this.queue = other.queue.copy();
        this.timers = other.timers.copy();
        // Both worlds now share every actor: each copies one before changing it (see mutable()).
        this.actors = new TreeMap<>(other.actors);
        this.owned = new HashMap<>();
        if (!other.owned.isEmpty()) {
            other.owned.clear();
        }
        // Only arrivals still ahead constrain a later message (it never arrives before now); the rest would be copied
        // into every snapshot for nothing: one per connection ever used.
        this.channelArrivals = new HashMap<>();
        this.heldUntil = other.heldUntil;
        other.channelArrivals.forEach((channel, arrival) -> {
            if (arrival > other.now) {
                this.channelArrivals.put(channel, arrival);
            }
        });
    }

    /**
     * Drops every stale timer entry from the queue now (they are otherwise dropped when they reach its head, or when
     * it has doubled), so that a snapshot taken next does not keep them. The order of the live entries is total, so
     * this changes nothing that happens.
     */
    void dropAllStaleTimers() {
        queue.sweepNow(this::isStaleTimer);
    }

    /** Entries in the queue, stale timers included (for tests). */
    int queued() {
        return queue.size();
    }

    public World copy() {
        return new World(this);
    }

    /** Puts a scripted action in the queue at an absolute time; {@code index} is its place in the script. */
    public void scheduleAction(long time, long index, Task action) {
        queue.add(new Scheduled(time, Scheduled.ACTION, index, action, null));
    }

    /** Whether a live (non-stale) task is pending. */
    public boolean hasPending() {
        dropStaleTimers();
        return !queue.isEmpty();
    }

    /** The next live task, or null. */
    public Scheduled peek() {
        dropStaleTimers();
        return queue.peek();
    }

    /** Processes the earliest live task and returns the events it produced (possibly none). */
    public List<SimEvent> step() {
        Scheduled next = peek();
        if (next == null) {
            throw new IllegalStateException("nothing left to simulate");
        }
        queue.poll();
        if (next.timerKey() != null) {
            timers.remove(next.timerKey());
        }
        now = next.time();
        steps++;
        lastProcessed = next;
        emitted = new ArrayList<>();
        weight = 0;
        Actor actor = mutable(next.task().target());
        if (actor != null) {
            actor.handle(next.task(), this);
        }
        return emitted;
    }

    /**
     * Processes the earliest live task like {@link #step()} but without building its events: rebuilding a past
     * state replays thousands of steps whose events the log already has (or will replay on its own).
     */
    public void advance() {
        quiet = true;
        try {
            step();
        } finally {
            quiet = false;
        }
    }

    private void dropStaleTimers() {
        Scheduled head = queue.peek();
        while (head != null && isStaleTimer(head)) {
            queue.poll();
            head = queue.peek();
        }
    }

    /** A timer entry that was re-armed or cancelled since it was queued: skipped when it comes up. */
    private boolean isStaleTimer(Scheduled task) {
        if (task.timerKey() == null) {
            return false;
        }
        Scheduled armed = timers.get(task.timerKey());
        return armed == null || armed.seq() != task.seq();
    }

    @Override
    public long now() {
        return now;
    }

    /** How many steps (tasks) have been processed. */
    public long steps() {
        return steps;
    }

    public long eventCount() {
        return eventCount;
    }

    /** The queue position of the last processed task, for placing a fork before or after it. */
    public Scheduled lastProcessed() {
        return lastProcessed;
    }

    @Override
    public DeterministicRandom random() {
        return random;
    }

    @Override
    public void schedule(long delayMs, Task task) {
        queue.add(new Scheduled(now + requireNonNegative(delayMs), Scheduled.NORMAL, nextSeq++, task, null));
    }

    @Override
    public void scheduleInOrder(Object channel, long delayMs, Task task) {
        long arrival = Math.max(now + requireNonNegative(delayMs), channelArrivals.getOrDefault(channel, 0L));
        channelArrivals.put(channel, arrival);
        heldUntil = Math.max(heldUntil, arrival);
        // Same arrival time as an earlier message: the sequence number keeps them in sending order.
        queue.add(new Scheduled(arrival, Scheduled.NORMAL, nextSeq++, task, null));
    }

    @Override
    public void scheduleUsual(java.util.function.Supplier<Object> channel, long delayMs, Task task) {
        long arrival = now + requireNonNegative(delayMs);
        if (heldUntil > now) {
            // A slower message is on its way somewhere, maybe on this connection. Nothing records this one: a later
            // message on the connection takes at least as long, so it can never be overtaken.
            arrival = Math.max(arrival, channelArrivals.getOrDefault(channel.get(), 0L));
        }
        queue.add(new Scheduled(arrival, Scheduled.NORMAL, nextSeq++, task, null));
    }

    @Override
    public void setTimer(Object key, long delayMs, Task task) {
        long seq = nextSeq++;
        long deadline = now + requireNonNegative(delayMs);
        Scheduled armed = new Scheduled(deadline, Scheduled.NORMAL, seq, task, key);
        queue.add(armed);
        timers.put(armed);
        queue.sweep(this::isStaleTimer);
    }

    @Override
    public void cancelTimer(Object key) {
        timers.remove(key);
    }

    @Override
    public long timerDeadline(Object key) {
        Scheduled armed = timers.get(key);
        return armed == null ? -1L : armed.time();
    }

    /** The actor {@code id}, private to this world (copied first if a copy shares it), or null. */
    private Actor mutable(String id) {
        Actor actor = owned.get(id);
        if (actor != null) {
            return actor;
        }
        actor = actors.get(id);
        if (actor != null) {
            actor = actor.copy();
            actors.put(id, actor);
            owned.put(id, actor);
        }
        return actor;
    }


    @Override
    public <A extends Actor> A actor(String id, Class<A> type) {
        Actor actor = mutable(id);
        if (actor == null) {
            throw new IllegalArgumentException("no actor " + id);
        }
        return type.cast(actor);
    }

    @Override
    public boolean hasActor(String id) {
        return actors.containsKey(id);
    }

    @Override
    public void addActor(Actor actor) {
        if (actors.putIfAbsent(actor.id(), actor) != null) {
            throw new IllegalArgumentException("duplicate actor " + actor.id());
        }
        owned.put(actor.id(), actor);
    }

    @Override
    public void removeActor(String id) {
        actors.remove(id);
        owned.remove(id);
    }

    /** The actors, ordered by id; for reading only (a copy of this world may share them). */
    public Map<String, Actor> actors() {
        return java.util.Collections.unmodifiableMap(actors);
    }

    /** Every actor's view, ordered by id: two worlds in the same state have equal views. */
    public Map<String, Object> views() {
        Map<String, Object> views = new LinkedHashMap<>();
        actors.forEach((id, actor) -> views.put(id, actor.view()));
        return views;
    }

    @Override
    public void weigh(int events) {
        weight += events;
    }

    /** What the last step weighs beyond its events (see {@link Context#weigh}). */
    int lastStepWeight() {
        return weight;
    }

    @Override
    public boolean buildsEvents() {
        return !quiet;
    }

    @Override
    public void emit(EventKind kind, String type, String actor, String peer, Map<String, Object> fields,
                     String ruleKey, Map<String, Object> ruleArgs) {
        if (quiet) {
            eventCount++;
            return;
        }
        emitted.add(new SimEvent(eventCount++, steps - 1, now, kind, type, actor, peer, fields, ruleKey, ruleArgs));
    }

    private static long requireNonNegative(long delayMs) {
        if (delayMs < 0) {
            throw new IllegalArgumentException("cannot schedule into the past: " + delayMs + " ms");
        }
        return delayMs;
    }
}
