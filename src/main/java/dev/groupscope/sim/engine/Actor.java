package dev.groupscope.sim.engine;

/**
 * A participant of the simulation: a broker, a consumer, a producer. Rules that keep time travel exact:
 * <ul>
 *   <li>an actor refers to other actors only by id, never by object reference;</li>
 *   <li>{@link #copy()} copies every mutable field (a snapshot must not share anything a later step mutates);</li>
 *   <li>{@link #view()} is an immutable value of everything observable, so two states can be compared with
 *       {@code equals} — the time-travel tests compare rebuilt states with forward ones this way.</li>
 * </ul>
 */
public interface Actor {

    String id();

    Actor copy();

    /** Handles a task addressed to this actor; all effects go through the context. */
    void handle(Task task, Context context);

    /** An immutable snapshot of what this actor looks like now. */
    Object view();
}
