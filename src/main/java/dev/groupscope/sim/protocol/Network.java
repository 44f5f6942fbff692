package dev.groupscope.sim.protocol;

import dev.groupscope.sim.engine.Context;

/**
 * The simulated network: every message takes {@code delayMs} plus up to {@code jitterMs} drawn from the run's
 * seeded random source, so requests and responses are separate events a sequence diagram can draw. Jitter never
 * reorders one connection: like TCP, a message arrives after everything sent before it from the same sender to the
 * same receiver (and broker, or coordinator node: see {@link #sendOn}). Immutable.
 */
public record Network(int delayMs, int jitterMs) {

    /** A small, fixed delay: visible in a sequence diagram, negligible beside Kafka's timeouts. */
    public static final Network DEFAULT = new Network(2, 0);

    public Network {
        if (delayMs < 0 || jitterMs < 0) {
            throw new IllegalArgumentException("network delay and jitter must not be negative");
        }
    }

    /** Sends {@code message} from actor {@code from} to actor {@code to} (at {@code broker}, for a request). */
    public void send(Context context, String from, String to, int broker, Message message) {
        sendLater(context, from, to, broker, broker, message, 0);
    }

    /**
     * Sends a client's request on its connection {@code node} to {@code broker}: kafka-clients' node id, the broker's
     * own or, for the group coordinator, a node of its own (AbstractCoordinator's {@code Integer.MAX_VALUE - broker}).
     * The two are separate TCP connections: each keeps its own order, and neither waits for the other.
     */
    public void sendOn(Context context, String from, String to, int broker, int node, Message message) {
        sendLater(context, from, to, broker, node, message, 0);
    }

    /**
     * Sends {@code message} on connection {@code node} {@code extraMs} slower than usual (a fault): like a stalled TCP
     * connection, it also holds back whatever is sent after it on the same connection.
     */
    public void sendLater(Context context, String from, String to, int broker, int node, Message message,
                          long extraMs) {
        Deliver deliver = new Deliver(to, from, broker, context.now(), message);
        if (jitterMs == 0 && extraMs == 0) {
            // Every message of this sender takes delayMs: only one slowed by a fault can hold this one back.
            context.scheduleUsual(() -> new Connection(from, to, node), delayMs, deliver);
            return;
        }
        long delay = delayMs + (jitterMs == 0 ? 0 : context.random().nextInt(jitterMs + 1)) + extraMs;
        context.scheduleInOrder(new Connection(from, to, node), delay, deliver);
    }

    /**
     * A connection from one actor to another (at a broker, or the coordinator's node there): messages on it arrive in
     * the order sent. A record, not a string of the three, because every message sent looks it up: its hash reuses
     * the ids' cached ones.
     */
    private record Connection(String from, String to, int node) {
    }
}
