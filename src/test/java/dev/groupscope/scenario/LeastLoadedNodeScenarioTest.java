package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.SimEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * kafka-clients sends a Metadata or FindCoordinator request to its least loaded node, preferring a connection it
 * already has (ready, or still connecting) to one it would have to open ({@code NetworkClient.leastLoadedNode}). On
 * the playground each consumer fetches from the leaders of its partitions, so once it has talked to a broker its
 * later Metadata requests go to a broker it is connected to, never to one it has never asked anything.
 */
class LeastLoadedNodeScenarioTest {

    @Test
    void aConsumersMetadataRequestsGoToBrokersItIsAlreadyConnectedTo() {
        ScenarioRun run = ScenarioRun.of("playground");
        Map<String, Set<String>> contacted = new HashMap<>();
        int checked = 0;

        // A request's event is the broker's, on its arrival; peer is the consumer. Those of the coordinator's own
        // connection (group requests) do not open the other one, so only these APIs count.
        List<String> ordinary = List.of("Metadata", "Fetch", "ListOffsets", "OffsetForLeaderEpoch", "FindCoordinator");
        for (SimEvent request : run.events(event -> event.type().endsWith("Request") && event.peer() != null
                && ordinary.contains(event.type().substring(0, event.type().length() - "Request".length())))) {
            Set<String> brokers = contacted.computeIfAbsent(request.peer(), consumer -> new HashSet<>());
            if (request.type().equals("MetadataRequest") && !brokers.isEmpty()) {
                assertThat(brokers).as("%s's Metadata request at %d ms", request.peer(), request.time())
                        .contains(request.actor());
                checked++;
            }
            brokers.add(request.actor());
        }
        assertThat(checked).isGreaterThan(5);
    }
}
