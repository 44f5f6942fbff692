package dev.groupscope.scenario;

import static dev.groupscope.scenario.ClientScenarioTest.actor;
import static dev.groupscope.scenario.ClientScenarioTest.partitionsOf;
import static dev.groupscope.scenario.ClientScenarioTest.type;
import static org.assertj.core.api.Assertions.assertThat;
import static dev.groupscope.scenario.LogQueries.events;
import static dev.groupscope.scenario.LogQueries.sentAt;

import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * ListOffsets against the real brokers: the leader answers from its log when it reads the request, and a leader that
 * lost the partition meanwhile answers NOT_LEADER_OR_FOLLOWER, which the consumer retries after retry.backoff.ms.
 */
class ListOffsetsScenarioTest {

    /** A slow network (40 ms each way), so records are produced while a request is on its way. */
    private static Simulation run(int brokers, int replicationFactor, String consumersAndActions) {
        String text = """
                {"name": "inline", "seed": 5, "durationMs": 12000,
                 "cluster": {"brokers": %d, "settings": {"group.initial.rebalance.delay.ms": 0},
                             "network": {"delayMs": 40}},
                 "topics": [{"name": "t", "partitions": 1, "replicationFactor": %d}],
                 "producers": [{"id": "P1", "topic": "t", "recordsPerSecond": 200}],
                """.formatted(brokers, replicationFactor) + consumersAndActions + "}";
        Scenario scenario = ScenarioReader.read("inline.json", text);
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(scenario.durationMs());
        return simulation;
    }

    private static final String LATEST_AT_5S = """
            "consumers": [{"id": "C1", "groupId": "g", "topics": ["t"], "processingMsPerRecord": 1,
                           "startAtMs": 5000, "settings": {"auto.offset.reset": "latest"}}]""";

    private static Predicate<SimEvent> listOffsetsRequest() {
        return e -> e.kind() == EventKind.REQUEST && e.type().equals("ListOffsetsRequest");
    }

    @Test
    void latestIsTheLogEndWhenTheLeaderReadsTheRequestSoRecordsProducedOnTheWayAreSkipped() {
        Simulation run = run(1, 1, LATEST_AT_5S);

        SimEvent request = events(run, listOffsetsRequest()).get(0);
        SimEvent reset = events(run, type("OffsetReset").and(actor("C1"))).get(0);
        long offset = ((Number) reset.fields().get("offset")).longValue();
        long producedBeforeArrival = events(run, type("Produce").and(e -> e.seq() < request.seq())).size();
        long producedBeforeSending = events(run, type("Produce").and(e -> e.time() < sentAt(request))).size();
        assertThat(offset).isEqualTo(producedBeforeArrival).isGreaterThan(producedBeforeSending);
        // What arrives after the leader read the request, while its answer travels back, is read.
        long producedBeforeAnswer = events(run, type("Produce").and(e -> e.seq() < reset.seq())).size();
        assertThat(producedBeforeAnswer).isGreaterThan(offset);
        SimEvent firstPoll = events(run, type("Poll").and(actor("C1"))).get(0);
        assertThat(partitionsOf(firstPoll).get("t-0").get(0)).isEqualTo(offset);
    }

    @Test
    void byDurationAsksForTheTimeTheRequestIsBuiltMinusTheDuration() {
        Simulation run = run(1, 1, """
                "consumers": [{"id": "C1", "groupId": "g", "topics": ["t"], "processingMsPerRecord": 1,
                               "startAtMs": 5000, "settings": {"auto.offset.reset": "by_duration:PT2S"}}]""");

        SimEvent request = events(run, listOffsetsRequest()).get(0);
        long target = sentAt(request) - 2_000;
        assertThat(request.fields().get("timestamps")).isEqualTo(Map.of("t-0", target));
        SimEvent reset = events(run, type("OffsetReset").and(actor("C1"))).get(0);
        long offset = ((Number) reset.fields().get("offset")).longValue();
        var cluster = ClientScenarioTest.cluster(run);
        assertThat(cluster.timestampAt("t", 0, offset)).isGreaterThanOrEqualTo(target);
        assertThat(cluster.timestampAt("t", 0, offset - 1)).isLessThan(target);
        assertThat(reset.ruleKey()).isEqualTo("sim.client.reset.by_duration");
        // The sentence groups the time's digits as it does every number: "t-0 (≥ 3,020 ms)", not "(≥ 3020 ms)".
        assertThat(target).isGreaterThanOrEqualTo(1_000);
        assertThat(dev.groupscope.i18n.Messages.english().format(request.ruleKey(), request.ruleArgs()))
                .contains("t-0 (≥ " + String.format(java.util.Locale.ROOT, "%,d", target) + " ms)");
    }

    @Test
    void aLeaderChangeWhileTheRequestTravelsIsAnsweredNotLeaderAndRetriedAtTheNewLeaderAfterTheBackoff() {
        Simulation before = run(2, 2, LATEST_AT_5S);
        SimEvent first = events(before, listOffsetsRequest()).get(0);
        int oldLeader = Integer.parseInt(first.actor().substring("broker-".length()));
        long sent = sentAt(first);

        // The leader stops and comes back as a follower while the request is on the wire (40 ms).
        Simulation run = run(2, 2, LATEST_AT_5S.replace("}]", "}],") + """
                "actions": [{"atMs": %d, "action": "stopBroker", "broker": %d},
                            {"atMs": %d, "action": "startBroker", "broker": %d}]""".formatted(sent + 10, oldLeader,
                sent + 20, oldLeader));

        List<SimEvent> requests = events(run, listOffsetsRequest());
        assertThat(requests.get(0).actor()).isEqualTo("broker-" + oldLeader);
        SimEvent refused = events(run, type("ListOffsetsResponse").and(actor("C1"))).get(0);
        assertThat(refused.fields()).containsEntry("error", "NOT_LEADER_OR_FOLLOWER");
        assertThat(refused.ruleKey()).isEqualTo("sim.client.listOffsets.retry");
        assertThat(events(run, type("OffsetReset").and(e -> e.seq() < refused.seq()))).isEmpty();
        SimEvent retried = requests.get(1);
        assertThat(retried.actor()).isNotEqualTo("broker-" + oldLeader);
        assertThat(sentAt(retried)).isEqualTo(refused.time() + 100); // retry.backoff.ms
        SimEvent reset = events(run, type("OffsetReset").and(actor("C1"))).get(0);
        assertThat(reset.fields()).containsEntry("broker", Integer.parseInt(retried.actor().substring(7)));
    }

    @Test
    void seekToEndIsLazyAndAsksTheLeader() {
        Simulation run = ClientScenarioTest.inline("""
                "consumers": [{"id": "C1", "groupId": "g", "topics": ["t"], "processingMsPerRecord": 100,
                               "settings": {"auto.offset.reset": "earliest", "max.poll.records": 20}}],
                "actions": [{"atMs": 10000, "action": "seekToEnd", "consumer": "C1", "partitions": ["t-0"]}]""");

        SimEvent call = ClientScenarioTest.only(run, type("SeekToEnd"));
        SimEvent request = events(run, listOffsetsRequest().and(e -> e.seq() > call.seq())).get(0);
        assertThat(request.fields().get("timestamps")).isEqualTo(Map.of("t-0", -1L));
        SimEvent answer = events(run, type("ListOffsetsResponse").and(e -> e.seq() > request.seq())).get(0);
        SimEvent resolved = ClientScenarioTest.only(run, type("OffsetReset")
                .and(e -> "seekToEnd".equals(e.fields().get("cause"))));
        assertThat(resolved.seq()).isGreaterThan(answer.seq());
        assertThat(resolved.fields().get("offset")).isEqualTo(((Map<?, ?>) answer.fields().get("offsets"))
                .get("t-0"));
        assertThat(ClientScenarioTest.position(run, request.seq(), "t-0")).isEqualTo(-1L);
        assertThat(resolved.ruleKey()).isEqualTo("sim.client.lazySeek.latest");
    }
}
