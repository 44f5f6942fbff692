package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Kafka's poll() for a subscribed consumer whose coordinator is unknown blocks in ensureCoordinatorReady
 * ({@code coordinatorUnknownAndUnreadySync}, up to poll()'s timeout): records that arrive meanwhile are returned only
 * once a FindCoordinator answer names the coordinator. On this random run g0-c0's coordinator's broker stops while a
 * fetch is in flight elsewhere, and g0-c0 reads the close ("coordinator unavailable"); GroupScope once returned such a
 * fetch's record before the lookup ended. (Random run 438: {@code 438 * 0x9E3779B97F4A7C15L}.)
 */
class PollWaitsForItsCoordinatorTest {

    private static final long SEED = -5554553111727551506L;
    private static final String CONSUMER = "g0-c0";

    @Test
    void recordsThatArriveWhileTheCoordinatorIsLookedUpAreReturnedOnceItIsFound() {
        Scenario scenario = RandomScenarios.build(SEED);
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(scenario.durationMs());
        List<SimEvent> log = simulation.log();

        SimEvent unknown = first(log, e -> e.type().equals("CoordinatorUnknown"), 0);
        SimEvent found = first(log, e -> e.type().equals("CoordinatorFound"), unknown.time());
        SimEvent arrived = first(log, e -> e.type().equals("FetchResponse")
                && !((Map<?, ?>) e.fields().get("records")).isEmpty(), unknown.time());
        SimEvent returned = first(log, e -> e.type().equals("Poll"), unknown.time());

        assertThat(arrived.time()).as("a record arrives during the lookup").isLessThan(found.time());
        assertThat(returned.time()).as("poll() returns it when the coordinator is found").isEqualTo(found.time());
        assertThat(returned.seq()).isGreaterThan(found.seq());
    }

    private static SimEvent first(List<SimEvent> log, Predicate<SimEvent> what, long from) {
        return log.stream().filter(e -> CONSUMER.equals(e.actor()) && e.time() >= from && what.test(e))
                .findFirst().orElseThrow();
    }
}
