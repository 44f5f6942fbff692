package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * subscribe() that drops a topic: kafka-clients' {@code isFetchableAndSubscribed} stops fetching its partitions, and
 * drops their buffered records, from the call on, while they stay assigned until the rebalance revokes them.
 */
class DroppedTopicFetchTest {

    private static final String SCENARIO = """
            {"name": "drop a topic", "seed": 3, "durationMs": 8000,
             "cluster": {"brokers": 1, "settings": {"group.initial.rebalance.delay.ms": 0}},
             "topics": [{"name": "a", "partitions": 1, "replicationFactor": 1},
                        {"name": "b", "partitions": 1, "replicationFactor": 1}],
             "producers": [{"id": "P1", "topic": "a", "recordsPerSecond": 200},
                           {"id": "P2", "topic": "b", "recordsPerSecond": 200}],
             "consumers": [
               {"id": "C1", "groupId": "g", "topics": ["a", "b"], "processingMsPerRecord": 1,
                "settings": {"auto.offset.reset": "earliest", "partition.assignment.strategy": "cooperative-sticky"}}],
             "actions": [{"atMs": 5000, "action": "subscribe", "consumer": "C1", "topics": ["a"]}]}
            """;

    @Test
    void fromTheCallOnTheDroppedTopicIsNeitherReturnedNorFetchedThoughItIsStillAssigned() {
        Simulation run = ScenarioRun.of(ScenarioReader.read("drop.json", SCENARIO)).simulation;
        run.runUntil(8_000);
        List<SimEvent> log = run.log();
        SimEvent call = log.stream().filter(e -> e.type().equals("Subscribe") && e.time() == 5_000).findFirst()
                .orElseThrow();
        SimEvent revoked = log.stream().filter(e -> e.seq() > call.seq() && e.type().equals("onPartitionsRevoked"))
                .findFirst().orElseThrow();
        assertThat(revoked.fields().get("partitions")).isEqualTo(List.of("b-0"));

        List<SimEvent> between = log.stream().filter(e -> e.seq() > call.seq() && e.seq() < revoked.seq()).toList();
        List<SimEvent> polls = between.stream().filter(e -> e.type().equals("Poll")).toList();
        assertThat(polls).as("b's records were in the buffer").isNotEmpty()
                .allSatisfy(poll -> assertThat(keys(poll, "partitions")).containsOnly("a-0"));
        assertThat(between.stream().filter(e -> e.type().equals("FetchRequest") && e.fields().get("sentAt") instanceof
                Number sent && sent.longValue() > call.time())).isNotEmpty().allSatisfy(fetch ->
                assertThat(keys(fetch, "fetchOffsets")).doesNotContain("b-0"));
    }

    /** The partitions a field maps from, as names. */
    private static List<String> keys(SimEvent event, String field) {
        return ((Map<?, ?>) event.fields().get(field)).keySet().stream().map(String::valueOf).toList();
    }
}
