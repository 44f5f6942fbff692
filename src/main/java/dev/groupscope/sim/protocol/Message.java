package dev.groupscope.sim.protocol;

/**
 * A protocol message on the simulated network. Requests travel from a client to a broker, responses back;
 * each arrival is a separate event so the sequence diagram can draw every arrow. Field names are Kafka's.
 */
public interface Message {

    /** Kafka's API name, e.g. {@code JoinGroup}; the event type is this plus Request/Response. */
    String api();

    /** The event type of a request's arrival, e.g. {@code JoinGroupRequest}. */
    default String requestType() {
        return EventTypes.REQUESTS.computeIfAbsent(api(), api -> api + "Request");
    }

    /** The event type of a response's arrival, e.g. {@code JoinGroupResponse}. */
    default String responseType() {
        return EventTypes.RESPONSES.computeIfAbsent(api(), api -> api + "Response");
    }

    /** The two names per API, made once: every message's arrival is an event of one of them. */
    final class EventTypes {
        private static final java.util.Map<String, String> REQUESTS = new java.util.concurrent.ConcurrentHashMap<>();
        private static final java.util.Map<String, String> RESPONSES = new java.util.concurrent.ConcurrentHashMap<>();

        private EventTypes() {
        }
    }

    /** A request's id, echoed by its response, so a client can match answers and drop stale ones. */
    long correlationId();
}
