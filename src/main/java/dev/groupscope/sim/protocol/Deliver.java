package dev.groupscope.sim.protocol;

import dev.groupscope.sim.engine.Task;

/**
 * A message arriving at {@code target} (an actor id), sent by {@code from} at {@code sentAt}. For a request to a
 * broker, {@code broker} is the broker it was sent to (all brokers live in the one cluster actor).
 */
public record Deliver(String target, String from, int broker, long sentAt, Message message) implements Task {

    public static final int NO_BROKER = -1;
}
