package dev.groupscope.sim.protocol;

/**
 * The first half of a stopping broker's close ({@link ConnectionsClosed} is the second): sent before the answers the
 * broker gives while it hands its partitions away, so that a client reads, at one instant, this, those answers and
 * then the close. kafka-clients reads all three in one {@code NetworkClient.poll}, and handles them in this order:
 * the connection's state first ({@code processDisconnection}: disconnected, its reconnect backoff started, a metadata
 * update asked for), then the answers' callbacks, then the failure of every request that got no answer. So nothing a
 * client sends while it handles those answers goes to the closing broker. Not an answer to any request; it draws
 * nothing of its own (the close is drawn once, at {@link ConnectionsClosed}).
 */
public record ConnectionsClosing(int broker) implements Message {

    @Override
    public String api() {
        return "ConnectionsClosing";
    }

    @Override
    public long correlationId() {
        return -1;
    }
}
