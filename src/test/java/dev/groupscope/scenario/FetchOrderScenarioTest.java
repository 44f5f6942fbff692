package dev.groupscope.scenario;

import static dev.groupscope.scenario.ClientScenarioTest.actor;
import static dev.groupscope.scenario.ClientScenarioTest.type;
import static dev.groupscope.scenario.LogQueries.events;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.AssignedPartitionOrder;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The order a simulated consumer fetches its partitions in, and so the order poll() returns their records in, is
 * kafka-clients' (RealKafkaFetchOrderTest checks it against a real consumer): its first, full fetch names them as
 * a HashSet of its assignment iterates them, and each answer lists them in its session's order.
 */
class FetchOrderScenarioTest {

    private static Simulation run() {
        String text = """
                {"name": "inline", "seed": 3, "durationMs": 8000,
                 "cluster": {"brokers": 1, "settings": {"group.initial.rebalance.delay.ms": 0}},
                 "topics": [{"name": "clicks", "partitions": 6, "replicationFactor": 1}],
                 "producers": [{"id": "P1", "topic": "clicks", "recordsPerSecond": 300}],
                 "consumers": [{"id": "C1", "groupId": "g", "topics": ["clicks"], "processingMsPerRecord": 1,
                                "settings": {"auto.offset.reset": "earliest"}}]}
                """;
        Scenario scenario = ScenarioReader.read("inline.json", text);
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(scenario.durationMs());
        return simulation;
    }

    @Test
    void theFirstFetchNamesThePartitionsInKafkaClientsOrderAndEveryAnswerKeepsTheSessionsOrder() {
        Simulation run = run();
        TreeSet<TopicPartition> all = new TreeSet<>();
        for (int partition = 0; partition < 6; partition++) {
            all.add(new TopicPartition("clicks", partition));
        }
        List<String> kafkaOrder = AssignedPartitionOrder.inHashSet(AssignedPartitionOrder.fromSubscribed(all), 6)
                .stream().map(TopicPartition::toString).toList();

        List<SimEvent> requests = events(run, type("FetchRequest").and(actor("broker-1")));
        assertThat(requests).isNotEmpty();
        assertThat(keys(requests.get(0).fields().get("fetchOffsets"))).containsExactlyElementsOf(kafkaOrder)
                .isNotEqualTo(new ArrayList<>(new TreeSet<>(kafkaOrder)));

        // The session starts in that order; each later answer moves the partitions that returned records to its end.
        List<String> session = new ArrayList<>(kafkaOrder);
        List<SimEvent> responses = events(run, type("FetchResponse").and(actor("C1")));
        int rotated = 0;
        for (int i = 0; i < responses.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> records = (Map<String, Object>) responses.get(i).fields().get("records");
            List<String> answered = keys(records);
            assertThat(answered).as("answered at %d ms in the session's order", responses.get(i).time())
                    .containsExactlyElementsOf(session.stream().filter(answered::contains).toList());
            if (i > 0) { // the first answers the full fetch that opened the session: no rotation
                for (Map.Entry<String, Object> answer : records.entrySet()) {
                    if (((Number) answer.getValue()).intValue() > 0) {
                        session.remove(answer.getKey());
                        session.add(answer.getKey());
                        rotated++;
                    }
                }
            }
        }
        assertThat(rotated).as("answers with records moved partitions").isGreaterThan(10);
    }

    @SuppressWarnings("unchecked")
    private static List<String> keys(Object map) {
        return new ArrayList<>(((Map<String, Object>) map).keySet());
    }
}
