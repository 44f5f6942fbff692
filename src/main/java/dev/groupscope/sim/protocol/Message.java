package dev.groupscope.sim.protocol;

/**
 * A protocol message on the simulated network. Requests travel from a client to a broker, responses back;
 * each arrival is a separate event so the sequence diagram can draw every arrow. Field names are Kafka's.
 */
public interface Message {

    /** Kafka's API name, e.g. {@code JoinGroup}; the event type is this plus Request/Response. */
    String api();

    /** A request's id, echoed by its response, so a client can match answers and drop stale ones. */
    long correlationId();
}
