package dev.groupscope.sim.protocol;

/**
 * The answer a client gets when the broker it sent a request to is down: the connection fails, as
 * kafka-clients reports with a {@code DisconnectException}. The client then treats the coordinator as unknown and
 * looks it up again, or retries a fetch after refreshing metadata.
 */
public record Disconnected(long correlationId, String api, int broker) implements Message {
}
