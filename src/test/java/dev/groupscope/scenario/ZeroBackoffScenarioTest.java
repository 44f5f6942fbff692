package dev.groupscope.scenario;

import static dev.groupscope.scenario.ClientScenarioTest.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * retry.backoff.ms = 0 and no network delay are settings a person may type: a retry that fails at once must still
 * let virtual time move on (Kafka's real clock does), or the run, and the window computing it, would never finish.
 */
class ZeroBackoffScenarioTest {

    @Test
    void withEveryBrokerDownAndNoBackoffTheConsumerRetriesOnceAMillisecondAndTheRunEnds() {
        String text = """
                {"name": "inline", "seed": 1, "durationMs": 3000,
                 "cluster": {"brokers": 2, "network": {"delayMs": 0}},
                 "topics": [{"name": "t", "partitions": 2, "replicationFactor": 1}],
                 "consumers": [{"id": "C1", "groupId": "g", "topics": ["t"],
                                "settings": {"retry.backoff.ms": 0, "retry.backoff.max.ms": 0}}],
                 "actions": [{"atMs": 1000, "action": "stopBroker", "broker": 1},
                             {"atMs": 1000, "action": "stopBroker", "broker": 2},
                             {"atMs": 2000, "action": "startBroker", "broker": 2}]}
                """;
        Scenario scenario = ScenarioReader.read("inline.json", text);
        Simulation run = ScenarioWorld.simulation(scenario);

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run.runUntil(scenario.durationMs()));

        List<SimEvent> retries = run.log().stream().filter(type("FindCoordinatorRetry")).toList();
        assertThat(retries).isNotEmpty();
        // One retry a millisecond while no broker is up, 1,000 ms of them, not thousands at one instant.
        assertThat(retries).hasSizeLessThanOrEqualTo(1_000)
                .allSatisfy(retry -> assertThat(retry.time()).isBetween(1_000L, 1_999L));
        assertThat(retries.stream().map(SimEvent::time).distinct().count()).isEqualTo(retries.size());
        // Broker 2 comes back: the consumer finds its coordinator there.
        assertThat(run.log()).anyMatch(e -> e.type().equals("FindCoordinatorResponse") && e.time() >= 2_000);
    }
}
