package dev.groupscope.scenario;

import static dev.groupscope.scenario.ClientScenarioTest.actor;
import static dev.groupscope.scenario.ClientScenarioTest.type;
import static dev.groupscope.scenario.LogQueries.events;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * kafka-clients buffers every partition a fetch answers, records or not, until poll() collects it; while it waits,
 * neither the partition nor its leader is fetched again. An answer without records that arrives behind a big one
 * therefore waits until poll() has returned every record ahead of it.
 */
class BufferedAnswerHoldsFetchTest {

    private static Simulation run() {
        String text = """
                {"name": "inline", "seed": 5, "durationMs": 20000,
                 "cluster": {"brokers": 2, "settings": {"group.initial.rebalance.delay.ms": 0}},
                 "topics": [{"name": "busy", "partitions": 1, "replicationFactor": 1},
                            {"name": "quiet", "partitions": 2, "replicationFactor": 1}],
                 "producers": [{"id": "P1", "topic": "busy", "recordsPerSecond": 1000}],
                 "consumers": [{"id": "C1", "groupId": "g", "topics": ["busy", "quiet"], "processingMsPerRecord": 10,
                                "settings": {"auto.offset.reset": "earliest", "max.poll.records": 5}}]}
                """;
        return ScenarioRun.of(ScenarioReader.read("inline.json", text)).simulation;
    }

    @Test
    void anAnswerWithoutRecordsWaitsBehindBufferedRecords_andHoldsItsLeaderUntilPollHasReturnedThem() {
        Simulation run = run();
        // quiet-0 is led by broker-2, busy-0 by broker-1: the first answers are full, listing every partition.
        SimEvent empty = events(run, type("FetchResponse").and(actor("C1")).and(e -> "broker-2".equals(e.peer())))
                .get(0);
        assertThat(records(empty)).containsExactly(Map.entry("quiet-0", 0));
        long aheadOfIt = events(run, type("FetchResponse").and(actor("C1")).and(e -> "broker-1".equals(e.peer()))
                        .and(e -> e.seq() < empty.seq()))
                .stream().mapToLong(e -> records(e).getOrDefault("busy-0", 0)).sum();
        assertThat(aheadOfIt).as("busy-0 records buffered before it").isGreaterThan(100);

        SimEvent lastAheadReturned = events(run, type("Poll").and(actor("C1"))).stream()
                .filter(poll -> lastOffset(poll, "busy-0") >= aheadOfIt - 1).findFirst().orElseThrow();
        SimEvent nextFetch = events(run, type("FetchRequest").and(actor("broker-2"))
                .and(e -> e.seq() > empty.seq())).get(0);
        assertThat((Long) nextFetch.fields().get("sentAt"))
                .as("broker-2 is fetched again only once poll() collected quiet-0's answer, behind busy-0's records")
                .isGreaterThanOrEqualTo(lastAheadReturned.time())
                .isGreaterThan(empty.time() + 4 * 500); // many times fetch.max.wait.ms
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> records(SimEvent response) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        ((Map<String, Object>) response.fields().get("records"))
                .forEach((partition, count) -> counts.put(partition, ((Number) count).intValue()));
        return counts;
    }

    @SuppressWarnings("unchecked")
    private static long lastOffset(SimEvent poll, String partition) {
        List<Object> range = (List<Object>) ((Map<String, Object>) poll.fields().get("partitions")).get(partition);
        return range == null ? -1 : ((Number) range.get(1)).longValue();
    }
}
