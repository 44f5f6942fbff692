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
 * What spaces the retries when every broker is down is the reconnect backoff of each connection.
 */
class ZeroBackoffScenarioTest {

    @Test
    void withEveryBrokerDownAndNoBackoffTheConsumerWaitsForAConnectionAndTheRunEnds() {
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

        // Once both connections failed there is no broker to ask: kafka-clients waits for a metadata update
        // (NoAvailableBrokersException) instead of asking again every millisecond.
        List<SimEvent> retries = run.log().stream().filter(type("FindCoordinatorRetry")).toList();
        assertThat(retries).extracting(retry -> retry.fields().get("error"))
                .containsExactly("NETWORK_EXCEPTION", "NO_AVAILABLE_BROKERS");
        assertThat(retries.get(1).fields()).as("the sleep before it waits: retry.backoff.ms = 0, and the model's one "
                + "millisecond that lets virtual time move").containsEntry("backoffMs", 1L);
        // The Metadata requests that wait for a connection go out as each reconnect backoff ends, doubling, so the
        // thousand milliseconds without a broker hold a handful of attempts, never two at one instant.
        List<Long> refused = run.log().stream().filter(type("ConnectionFailed"))
                .filter(e -> e.time() > 1_000 && e.time() < 2_000).map(SimEvent::time).toList();
        assertThat(refused).hasSizeBetween(4, 12).doesNotHaveDuplicates();
        // Broker 2 comes back: the consumer connects once its backoff ends and finds its coordinator there.
        assertThat(run.log()).anyMatch(e -> e.type().equals("FindCoordinatorResponse") && e.time() >= 2_000);
        assertThat(run.log()).anyMatch(e -> e.type().equals("JoinGroupRequest") && e.time() >= 2_000);
    }

    /**
     * With a backoff, ensureCoordinatorReady sleeps it before it waits for the metadata update: the lookup with no
     * broker to ask is a retriable failure like any other (NoAvailableBrokersException).
     */
    @Test
    void withNoBrokerToAskTheLookupSleepsItsBackoffBeforeItWaitsForMetadata() {
        String text = """
                {"name": "inline", "seed": 4, "durationMs": 15000, "cluster": {"brokers": 2},
                 "topics": [{"name": "orders", "partitions": 2, "replicationFactor": 2}],
                 "consumers": [{"id": "C1", "groupId": "g", "topics": ["orders"]}],
                 "actions": [{"atMs": 5000, "action": "stopBroker", "broker": 1},
                             {"atMs": 5000, "action": "stopBroker", "broker": 2},
                             {"atMs": 9000, "action": "startBroker", "broker": 1},
                             {"atMs": 9000, "action": "startBroker", "broker": 2}]}
                """;
        Simulation run = ScenarioWorld.simulation(ScenarioReader.read("inline.json", text));
        run.runUntil(15_000);

        SimEvent noBroker = run.log().stream().filter(type("FindCoordinatorRetry"))
                .filter(e -> "NO_AVAILABLE_BROKERS".equals(e.fields().get("error"))).findFirst().orElseThrow();
        long backoff = (long) noBroker.fields().get("backoffMs");
        assertThat(backoff).as("exponential from retry.backoff.ms = 100, with 20 % jitter").isBetween(80L, 1_200L);
        assertThat(noBroker.fields()).containsEntry("awaitsMetadata", true);
        assertThat(run.log()).as("it finds its coordinator once the brokers are back")
                .anyMatch(e -> e.type().equals("CoordinatorFound") && e.time() >= 9_000);
    }
}
