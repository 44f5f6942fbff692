package dev.groupscope.sim.engine;

/**
 * Something that will happen at a virtual time: a message arriving, a timer firing, a scripted action. Tasks
 * are immutable data addressed to an actor by id — never closures over live objects — so that the event queue
 * can be copied into a snapshot and replayed.
 */
public interface Task {

    /** The id of the actor that handles this task. */
    String target();
}
