package dev.groupscope.sim.engine;

import java.util.Map;

/** What an actor may do while handling a task: read the clock, draw chance, schedule, emit events. */
public interface Context {

    /** Virtual time of the task being handled, in milliseconds. */
    long now();

    DeterministicRandom random();

    /** Schedules a task {@code delayMs} from now (0 = later in this same millisecond, after what is queued). */
    void schedule(long delayMs, Task task);

    /**
     * Schedules a message on a connection: it arrives {@code delayMs} from now, but never before a message sent
     * earlier on the same {@code channel} (any value with equals and hashCode) — a TCP connection delivers in order,
     * whatever the jitter.
     */
    void scheduleInOrder(Object channel, long delayMs, Task task);

    /**
     * Schedules a message on a connection whose every message takes this same {@code delayMs}: none overtakes another
     * of its own accord, so it arrives {@code delayMs} from now unless a slower message sent earlier on the connection
     * with {@link #scheduleInOrder} is still on its way, and it never holds a later one back itself. {@code channel}
     * is made only while some slower message is on its way: most messages need no connection looked up.
     */
    void scheduleUsual(java.util.function.Supplier<Object> channel, long delayMs, Task task);

    /**
     * Arms the timer {@code key}: {@code task} runs after {@code delayMs} unless the timer is re-armed or cancelled
     * first. Re-arming replaces the previous deadline (as Kafka's CoordinatorTimer does per key). A key is any value
     * with equals and hashCode: a name, or a task that is its own key (a timer armed once per request need not make
     * a name, which every snapshot holding the timer would keep).
     */
    void setTimer(Object key, long delayMs, Task task);

    void cancelTimer(Object key);

    /** The deadline of an armed timer, or -1. */
    long timerDeadline(Object key);

    /** Another actor, for synchronous work inside one process (e.g. a broker's coordinator and its log). */
    <A extends Actor> A actor(String id, Class<A> type);

    boolean hasActor(String id);

    void addActor(Actor actor);

    void removeActor(String id);

    /**
     * Whether this step's events are built. While a past state is replayed ({@link World#advance}) they are only
     * counted (the log has them), and {@link #emit} ignores its fields and rule: the busiest emitters skip building
     * them then, work a rebuild otherwise did for nothing.
     */
    boolean buildsEvents();

    /**
     * Counts this step as {@code events} more events where snapshots are spaced by what a replay redoes: work no
     * event shows, such as a record appended (its log, the fetches parked on its partition, its key).
     */
    void weigh(int events);

    /** Records an event of this step. */
    void emit(EventKind kind, String type, String actor, String peer, Map<String, Object> fields,
              String ruleKey, Map<String, Object> ruleArgs);

    default void emit(EventKind kind, String type, String actor, String peer, Map<String, Object> fields) {
        emit(kind, type, actor, peer, fields, null, Map.of());
    }
}
