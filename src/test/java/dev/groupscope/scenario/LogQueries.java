package dev.groupscope.scenario;

import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.util.List;
import java.util.function.Predicate;

/** How the protocol scenario tests pick events out of a run's log: by API and client, and by when they were sent. */
final class LogQueries {

    private LogQueries() {
    }

    static List<SimEvent> events(Simulation run, Predicate<SimEvent> filter) {
        return run.log().stream().filter(filter).toList();
    }

    /** An {@code api} request {@code client} sent, as the broker receives it. */
    static Predicate<SimEvent> request(String api, String client) {
        return e -> e.kind() == EventKind.REQUEST && e.type().equals(api + "Request") && client.equals(e.peer());
    }

    /** An {@code api} answer as {@code client} receives it. */
    static Predicate<SimEvent> response(String api, String client) {
        return e -> e.kind() == EventKind.RESPONSE && e.type().equals(api + "Response") && client.equals(e.actor());
    }

    /** When the message an event delivers was sent. */
    static long sentAt(SimEvent event) {
        return ((Number) event.fields().get("sentAt")).longValue();
    }
}
