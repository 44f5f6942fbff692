package dev.groupscope.scenario;

import static dev.groupscope.scenario.ClientScenarioTest.actor;
import static dev.groupscope.scenario.ClientScenarioTest.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static dev.groupscope.scenario.LogQueries.events;
import static dev.groupscope.scenario.LogQueries.sentAt;

import dev.groupscope.sim.broker.ClusterActor;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * offsetsForTimes() as kafka-clients 4.1 runs it ({@code OffsetFetcher.fetchOffsetsByTimes}): a ListOffsets with the
 * call's timestamp to each partition's leader, while the application thread waits in the call and polls nothing; a
 * leader that moved is asked again after a metadata update; partitions still unanswered at default.api.timeout.ms
 * make it throw TimeoutException, with no answer at all.
 */
class OffsetsForTimesScenarioTest {

    private static final long NETWORK_MS = 40;

    /**
     * Topic t (1 partition, 200 records/s) and topic quiet (no producer), a 40 ms network (so the call's wait is
     * visible), C1 subscribed to both (so its metadata names both leaders before the call).
     */
    private static Simulation run(int brokers, String consumerSettings, String actions) {
        return run(brokers, consumerSettings, actions, 1, "\"t\", \"quiet\"");
    }

    private static Simulation run(int brokers, String consumerSettings, String actions, int processingMs) {
        return run(brokers, consumerSettings, actions, processingMs, "\"t\", \"quiet\"");
    }

    private static Simulation run(int brokers, String consumerSettings, String actions, int processingMs,
                                  String subscribed) {
        String text = """
                {"name": "inline", "seed": 5, "durationMs": 20000,
                 "cluster": {"brokers": %d, "settings": {"group.initial.rebalance.delay.ms": 0},
                             "network": {"delayMs": %d}},
                 "topics": [{"name": "t", "partitions": 1, "replicationFactor": %d},
                            {"name": "quiet", "partitions": 1, "replicationFactor": 1}],
                 "producers": [{"id": "P1", "topic": "t", "recordsPerSecond": 200}],
                 "consumers": [{"id": "C1", "groupId": "g", "topics": [%s], "processingMsPerRecord": %d,
                                "settings": {"auto.offset.reset": "earliest"%s}}],
                 "actions": [%s]}
                """.formatted(brokers, NETWORK_MS, brokers, subscribed, processingMs, consumerSettings, actions);
        Scenario scenario = ScenarioReader.read("inline.json", text);
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(scenario.durationMs());
        return simulation;
    }

    private static final String CALL_AT_8S = """
            {"atMs": 8000, "action": "offsetsForTimes", "consumer": "C1", "partitions": ["t-0", "quiet-0"],
             "timestampMs": 5000, "seek": true}""";

    private static Predicate<SimEvent> listOffsetsRequest() {
        return e -> e.kind() == EventKind.REQUEST && e.type().equals("ListOffsetsRequest");
    }

    private static Predicate<SimEvent> between(SimEvent from, SimEvent to) {
        return e -> e.seq() > from.seq() && e.seq() < to.seq();
    }

    @Test
    void theCallAsksTheLeaderAndBlocksThePollLoopUntilTheAnswerComesBack() {
        Simulation run = run(1, "", CALL_AT_8S);

        SimEvent call = ClientScenarioTest.only(run, type("OffsetsForTimes"));
        SimEvent returned = ClientScenarioTest.only(run, type("OffsetsForTimesReturned"));
        // Scripted at 8 s while C1 waits inside poll(): the application makes it as that poll() returns records.
        SimEvent returnedRecords = events(run, type("Poll").and(actor("C1")).and(e -> e.seq() < call.seq()))
                .stream().reduce((a, b) -> b).orElseThrow();
        assertThat(call.time()).isEqualTo(returnedRecords.time()).isBetween(8_000L, 8_100L);
        // One leader (one broker): one ListOffsets, with the call's timestamp for both partitions.
        SimEvent request = ClientScenarioTest.only(run, listOffsetsRequest().and(between(call, returned)));
        assertThat(sentAt(request)).isEqualTo(call.time());
        assertThat(request.fields().get("timestamps")).isEqualTo(Map.of("t-0", 5_000L, "quiet-0", 5_000L));
        assertThat(request.ruleKey()).isEqualTo("sim.request.ListOffsets.forTimes");
        // The answer is back a round trip later, and only then does the call return.
        assertThat(returned.time()).isEqualTo(call.time() + 2 * NETWORK_MS);
        assertThat(returned.fields()).containsEntry("durationMs", 2 * NETWORK_MS).containsEntry("rounds", 1);
        // The poll loop polled just before, and not once while the application thread waited in the call.
        assertThat(events(run, type("Poll").and(actor("C1")).and(e -> e.seq() < call.seq()))).isNotEmpty();
        assertThat(events(run, type("Poll").and(actor("C1")).and(between(call, returned)))).isEmpty();
        assertThat(events(run, type("Poll").and(actor("C1")).and(e -> e.seq() > returned.seq()))).isNotEmpty();
    }

    @Test
    void partitionsLedByDifferentBrokersAreAskedInOneRequestPerLeader() {
        // Two brokers: t (replicated on both) and quiet have different leaders here.
        Simulation run = run(2, "", CALL_AT_8S);
        ClusterActor cluster = ClientScenarioTest.cluster(run);
        int tLeader = cluster.leaderOf("t", 0);
        int quietLeader = cluster.leaderOf("quiet", 0);
        assertThat(tLeader).isNotEqualTo(quietLeader);

        SimEvent call = ClientScenarioTest.only(run, type("OffsetsForTimes"));
        SimEvent returned = ClientScenarioTest.only(run, type("OffsetsForTimesReturned"));
        List<SimEvent> requests = events(run, listOffsetsRequest().and(between(call, returned)));
        assertThat(requests).extracting(SimEvent::actor)
                .containsExactlyInAnyOrder("broker-" + tLeader, "broker-" + quietLeader);
        requests.forEach(request -> assertThat(request.fields().get("timestamps")).isEqualTo(
                request.actor().equals("broker-" + tLeader) ? Map.of("t-0", 5_000L) : Map.of("quiet-0", 5_000L)));
        // Each leader reads its request after one network delay, or, if C1's fetch is parked there, once it has
        // answered that fetch (a broker reads one request per connection at a time). The call returns with the
        // second answer.
        requests.forEach(request -> {
            List<SimEvent> waited = events(run, type("RequestWaits").and(e -> e.actor().equals(request.actor())
                    && e.fields().get("correlationId").equals(request.fields().get("correlationId"))));
            long readAt = waited.isEmpty() ? call.time() + NETWORK_MS : events(run, e -> e.actor().equals(request.actor())
                    && (e.type().equals("FetchReleased") || e.type().equals("FetchMaxWait"))
                    && e.fields().get("correlationId").equals(waited.get(0).fields().get("behind")))
                    .get(0).time();
            assertThat(request.time()).as(request.actor()).isEqualTo(readAt);
        });
        List<SimEvent> answers = events(run, type("ListOffsetsResponse").and(e -> e.seq() > call.seq()
                && e.seq() < returned.seq()));
        assertThat(answers).hasSize(2);
        assertThat(returned.time()).isEqualTo(answers.get(1).time())
                .isEqualTo(requests.stream().mapToLong(SimEvent::time).max().getAsLong() + NETWORK_MS);
    }

    @Test
    void eachAnswerIsTheEarliestOffsetAtOrAfterTheTimeOrNullAndOnlyAnswersAreSought() {
        Simulation run = run(1, "", CALL_AT_8S);
        ClusterActor cluster = ClientScenarioTest.cluster(run);

        SimEvent returned = ClientScenarioTest.only(run, type("OffsetsForTimesReturned"));
        @SuppressWarnings("unchecked")
        Map<String, Object> offsets = (Map<String, Object>) returned.fields().get("offsets");
        assertThat(offsets).containsOnlyKeys("t-0", "quiet-0").containsEntry("quiet-0", "null");
        long found = ((Number) offsets.get("t-0")).longValue();
        assertThat(cluster.timestampAt("t", 0, found)).isGreaterThanOrEqualTo(5_000);
        assertThat(cluster.timestampAt("t", 0, found - 1)).isLessThan(5_000);
        // seek: true seeks the partition answered, right after the call returns; quiet-0 has nothing to seek to.
        SimEvent seek = ClientScenarioTest.only(run, type("Seek"));
        assertThat(seek.fields()).containsEntry("partition", "t-0").containsEntry("offset", found);
        assertThat(seek.time()).isEqualTo(returned.time());
        assertThat(seek.seq()).isGreaterThan(returned.seq());
        assertThat(events(run, type("CallRejected"))).isEmpty();
        SimEvent nextPoll = events(run, type("Poll").and(actor("C1")).and(e -> e.seq() > seek.seq())).get(0);
        assertThat(ClientScenarioTest.partitionsOf(nextPoll).get("t-0").get(0)).isEqualTo(found);
    }

    @Test
    void aCallScriptedWhileTheThreadIsBlockedIsMadeWhenTheCallReturns() {
        Simulation run = run(1, "", CALL_AT_8S + """
                , {"atMs": 8010, "action": "seek", "consumer": "C1", "partition": "t-0", "offset": 3}""");

        SimEvent returned = ClientScenarioTest.only(run, type("OffsetsForTimesReturned"));
        List<SimEvent> seeks = events(run, type("Seek"));
        assertThat(seeks).hasSize(2).allSatisfy(seek -> assertThat(seek.time()).isEqualTo(returned.time()));
        // The application's own seek after the call first, then the one scripted during it: that one wins.
        assertThat(seeks.get(1).fields()).containsEntry("offset", 3L);
        SimEvent nextPoll = events(run, type("Poll").and(actor("C1")).and(e -> e.seq() > returned.seq())).get(0);
        assertThat(ClientScenarioTest.partitionsOf(nextPoll).get("t-0").get(0)).isEqualTo(3L);
    }

    @Test
    void aLeaderThatStopsWhileTheRequestTravelsIsAskedAgainAfterTheMetadataUpdate() {
        Simulation before = run(2, "", CALL_AT_8S.replace("\"t-0\", \"quiet-0\"", "\"t-0\""));
        SimEvent first = events(before, listOffsetsRequest().and(e -> e.time() >= 8_000)).get(0);
        int oldLeader = Integer.parseInt(first.actor().substring("broker-".length()));
        long stop = sentAt(first) + 10;

        // The leader stops and comes back as a follower while the request is on the wire. Stopping, it closed the
        // consumer's connection, and the request fails when the consumer reads the close (kafka-clients: a
        // DisconnectException, retriable); the restarted broker's NOT_LEADER_OR_FOLLOWER answer comes on a
        // connection already closed and is never read.
        Simulation run = run(2, "", CALL_AT_8S.replace("\"t-0\", \"quiet-0\"", "\"t-0\"") + """
                , {"atMs": %d, "action": "stopBroker", "broker": %d},
                  {"atMs": %d, "action": "startBroker", "broker": %d}""".formatted(stop, oldLeader, stop + 10,
                oldLeader));

        SimEvent call = ClientScenarioTest.only(run, type("OffsetsForTimes"));
        SimEvent returned = ClientScenarioTest.only(run, type("OffsetsForTimesReturned"));
        List<SimEvent> requests = events(run, listOffsetsRequest().and(between(call, returned)));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).actor()).isEqualTo("broker-" + oldLeader);
        // (The fetch poll() sent just before the call, on the same connection, fails with it.)
        SimEvent refused = events(run, type("Disconnected").and(actor("C1")).and(between(call, returned))
                .and(e -> "ListOffsets".equals(e.fields().get("api")))).get(0);
        assertThat(events(run, type("ConnectionsClosed").and(actor("C1")))).singleElement()
                .satisfies(closed -> assertThat(closed.time()).isEqualTo(refused.time()));
        assertThat(requests.get(1).actor()).isNotEqualTo("broker-" + oldLeader);
        // awaitMetadataUpdate: the next round goes when the first Metadata answer after the refusal comes.
        SimEvent metadata = events(run, type("MetadataResponse").and(actor("C1")).and(between(refused, returned)))
                .get(0);
        assertThat(sentAt(requests.get(1))).isEqualTo(metadata.time());
        assertThat(returned.fields()).containsEntry("rounds", 2);
        assertThat(returned.time()).isEqualTo(metadata.time() + 2 * NETWORK_MS);
        assertThat(events(run, type("Poll").and(actor("C1")).and(between(call, returned)))).isEmpty();
        assertThat(run.log()).as("the same scenario and seed give the same run")
                .isEqualTo(run(2, "", CALL_AT_8S.replace("\"t-0\", \"quiet-0\"", "\"t-0\"") + """
                        , {"atMs": %d, "action": "stopBroker", "broker": %d},
                          {"atMs": %d, "action": "startBroker", "broker": %d}""".formatted(stop, oldLeader,
                        stop + 10, oldLeader)).log());
    }

    @Test
    void aTopicTheConsumerDoesNotReadIsAskedOnceAMetadataAnswerNamesItsLeader() {
        // C1 reads t only: its metadata knows no leader of quiet until the call adds quiet to its Metadata requests.
        // (A refresh every 2 s, so that there are Metadata requests after the call to look at.)
        Simulation run = run(1, ", \"metadata.max.age.ms\": 2000", CALL_AT_8S, 1, "\"t\"");

        SimEvent call = ClientScenarioTest.only(run, type("OffsetsForTimes"));
        SimEvent returned = ClientScenarioTest.only(run, type("OffsetsForTimesReturned"));
        List<SimEvent> requests = events(run, listOffsetsRequest().and(between(call, returned)));
        assertThat(requests).extracting(request -> request.fields().get("timestamps"))
                .containsExactly(Map.of("t-0", 5_000L), Map.of("quiet-0", 5_000L));
        List<SimEvent> metadataAsked = events(run, type("MetadataRequest").and(e -> e.peer().equals("C1"))
                .and(between(call, returned)));
        assertThat(metadataAsked).isNotEmpty().allSatisfy(request -> assertThat(request.fields().get("topics"))
                .asString().contains("quiet"));
        // The answer that arrived with the first round's came before awaitMetadataUpdate began: the second round
        // waits for the next one, which the refresh backoff lets go no sooner than retry.backoff.ms later.
        SimEvent lastAnswer = events(run, type("MetadataResponse").and(actor("C1")).and(between(call, returned)))
                .get(metadataAsked.size() - 1);
        assertThat(sentAt(requests.get(1))).isEqualTo(lastAnswer.time())
                .isGreaterThanOrEqualTo(call.time() + 2 * NETWORK_MS + 100);
        assertThat(returned.fields()).containsEntry("rounds", 2);
        // Once the call is over, its topic is asked for no more.
        assertThat(events(run, type("MetadataRequest").and(e -> e.peer().equals("C1"))
                .and(e -> e.seq() > returned.seq()))).isNotEmpty().allSatisfy(request -> assertThat(request.fields().get("topics")).asString().doesNotContain("quiet"));
    }

    @Test
    void withNoNetworkDelayAndNoBackoffAPartitionWithoutALeaderIsAskedOnceAMillisecondNotForeverAtOneInstant() {
        String text = """
                {"name": "inline", "seed": 1, "durationMs": 3000,
                 "cluster": {"brokers": 1, "network": {"delayMs": 0}},
                 "topics": [{"name": "t", "partitions": 1}],
                 "consumers": [{"id": "C1", "groupId": "g", "topics": ["t"],
                                "settings": {"retry.backoff.ms": 0, "retry.backoff.max.ms": 0,
                                             "default.api.timeout.ms": 2000}}],
                 "actions": [{"atMs": 500, "action": "offsetsForTimes", "consumer": "C1", "partitions": ["t-5"],
                              "timestampMs": 0}]}
                """;
        Scenario scenario = ScenarioReader.read("inline.json", text);
        Simulation run = ScenarioWorld.simulation(scenario);

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run.runUntil(scenario.durationMs()));

        SimEvent failed = ClientScenarioTest.only(run, type("OffsetsForTimesFailed"));
        assertThat(failed.time()).isEqualTo(2_500);
        // Each Metadata answer names no leader for t-5: the next round asks again 1 ms later, not at once.
        long metadataAsked = events(run, type("MetadataRequest").and(e -> e.time() >= 500 && e.time() < 2_500)).size();
        assertThat(metadataAsked).isBetween(1_000L, 2_001L);
    }

    @Test
    void aPartitionWithoutALeaderMakesTheCallThrowTimeoutAtDefaultApiTimeoutWithNoAnswerAtAll() {
        // t-5 does not exist: no leader to ask, ever. t-0 is answered in the first round, and that is lost too.
        Simulation run = run(1, ", \"default.api.timeout.ms\": 10000", """
                {"atMs": 4000, "action": "offsetsForTimes", "consumer": "C1", "partitions": ["t-0", "t-5"],
                 "timestampMs": 1000, "seek": true}""");

        SimEvent call = ClientScenarioTest.only(run, type("OffsetsForTimes"));
        SimEvent failed = ClientScenarioTest.only(run, type("OffsetsForTimesFailed"));
        assertThat(failed.time()).isEqualTo(call.time() + 10_000);
        assertThat(failed.fields()).containsEntry("exception", "TimeoutException")
                .containsEntry("message", "Failed to get offsets by times in 10000ms")
                .containsEntry("unanswered", List.of("t-5"));
        assertThat(failed.ruleKey()).isEqualTo("sim.client.offsetsForTimes.timeout");
        assertThat(events(run, type("OffsetsForTimesReturned"))).isEmpty();
        assertThat(events(run, type("Seek"))).isEmpty();
        // Only t-0 was ever asked (t-5 has no leader), once.
        SimEvent request = ClientScenarioTest.only(run, listOffsetsRequest().and(e -> e.seq() > call.seq()));
        assertThat(request.fields().get("timestamps")).isEqualTo(Map.of("t-0", 1_000L));
        // Ten seconds without a poll(); the heartbeat thread kept the member in its group.
        assertThat(events(run, type("Poll").and(actor("C1")).and(between(call, failed)))).isEmpty();
        assertThat(events(run, type("HeartbeatRequest").and(e -> "C1".equals(e.peer()))
                .and(between(call, failed)))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(events(run, type("MemberStateChange").and(actor("C1")).and(e -> e.seq() > call.seq())))
                .isEmpty();
        // Nor did it auto-commit: that happens only inside poll().
        assertThat(events(run, type("AutoCommitInterval").and(actor("C1")).and(between(call, failed))))
                .isNotEmpty().allSatisfy(timer -> assertThat(timer.ruleKey())
                        .isEqualTo("sim.client.autoCommitWaits.inCall"));
        assertThat(events(run, type("AutoCommit").and(actor("C1")).and(between(call, failed)))).isEmpty();
        assertThat(events(run, type("Poll").and(actor("C1")).and(e -> e.seq() > failed.seq()))).isNotEmpty();
    }

    @Test
    void aCallWhileProcessingLetsTheRecordInHandWaitForIt() {
        // 100 ms per record: at 8,050 ms C1 is in the middle of a batch.
        Simulation run = run(1, "", """
                {"atMs": 8050, "action": "offsetsForTimes", "consumer": "C1", "partitions": ["t-0"],
                 "timestampMs": 5000}""", 100);

        SimEvent call = ClientScenarioTest.only(run, type("OffsetsForTimes"));
        SimEvent returned = ClientScenarioTest.only(run, type("OffsetsForTimesReturned"));
        SimEvent batchStart = events(run, type("Poll").and(actor("C1")).and(e -> e.seq() < call.seq()))
                .get(events(run, type("Poll").and(actor("C1")).and(e -> e.seq() < call.seq())).size() - 1);
        SimEvent batchEnd = events(run, type("ProcessRecords").and(actor("C1")).and(e -> e.seq() > call.seq()))
                .get(0);
        assertThat(batchEnd.seq()).isGreaterThan(returned.seq());
        // Every record takes its 100 ms; the one in hand waited the call's 80 ms on top.
        long records = ((Number) batchStart.fields().get("records")).longValue();
        assertThat(batchEnd.fields()).containsEntry("records", (int) records);
        assertThat(batchEnd.time() - batchStart.time()).isEqualTo(records * 100 + 2 * NETWORK_MS);
        assertThat(events(run, type("Poll").and(actor("C1")).and(between(call, returned)))).isEmpty();
        assertThat(events(run, type("Seek"))).isEmpty();
    }
}
