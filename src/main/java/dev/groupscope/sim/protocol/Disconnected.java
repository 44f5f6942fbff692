package dev.groupscope.sim.protocol;

/**
 * The answer a client gets when the connection its request went on fails: kafka-clients reports it with a
 * {@code DisconnectException}. The client then treats the coordinator as unknown and looks it up again, or retries a
 * fetch after refreshing metadata.
 *
 * <p>{@code timedOut} is false when the broker is down (the connection is refused), true when the client itself
 * closes the connection because this request got no answer within request.timeout.ms
 * ({@code NetworkClient.handleTimedOutRequests}): then every other request in flight on that connection fails with it
 * at the same moment.
 */
public record Disconnected(long correlationId, String api, int broker, boolean timedOut) implements Message {

    /** The connection to a stopped broker failed. */
    public Disconnected(long correlationId, String api, int broker) {
        this(correlationId, api, broker, false);
    }
}
