package dev.groupscope.sim.protocol;

/**
 * A stopping broker closes the connections clients have open to it: each client reads the close after the network
 * delay, behind whatever the broker answered before (TCP keeps the order), and kafka-clients handles it as a
 * disconnection of every connection it had to that broker ({@code NetworkClient.processDisconnection}): the requests
 * on them that got no answer fail. The connections' state changed already, before those answers were handled
 * ({@link ConnectionsClosing}). Not an answer to any request.
 */
public record ConnectionsClosed(int broker) implements Message {

    @Override
    public String api() {
        return "ConnectionsClosed";
    }

    @Override
    public long correlationId() {
        return -1;
    }
}
