package dev.groupscope.sim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.engine.LearnerFilter;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.Requests.ListOffsetsRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Where a consumer without a committed offset starts is asked of each partition's leader with a ListOffsets, as
 * Kafka's {@code OffsetFetcher.resetPositionsIfNeeded} does: the partition is not fetched until the answer comes.
 */
class ListOffsetsTest {

    private static final ConsumerBehavior IDLE = ConsumerBehavior.processing(0);
    private static final ConsumerClientConfig LATEST = ClientScenario.quick()
            .with("partition.assignment.strategy", List.of("range"));

    /** Three brokers, so the six partitions have several leaders. */
    private static ClientScenario sixPartitions(ConsumerClientConfig config) {
        ClientScenario run = new ClientScenario(7, Map.of("t", 6)).consumer("C1", config, IDLE, "t");
        for (int p = 0; p < 6; p++) {
            run.preload("t", p, 10 + p);
        }
        return run.at(0, new ConsumerTasks.Start("C1"));
    }

    /** A request's targets by partition name: -1 latest, -2 earliest, else a timestamp. */
    private static Map<String, Long> timestamps(Deliver request) {
        Map<String, Long> byName = new TreeMap<>();
        ((ListOffsetsRequest) request.message()).timestamps().forEach((tp, ts) -> byName.put(tp.toString(), ts));
        return byName;
    }

    @Test
    void aNewGroupAsksEachLeaderOnceForItsPartitionsAndSetsPositionsOnlyOnTheAnswer() {
        ClientScenario run = sixPartitions(LATEST).runUntil(3_000);
        FakeCluster cluster = run.cluster();

        List<Deliver> requests = cluster.listOffsets();
        Map<Integer, Set<String>> byLeader = new TreeMap<>();
        for (int p = 0; p < 6; p++) {
            byLeader.computeIfAbsent(cluster.leaderOf("t", p), b -> new TreeSet<>()).add("t-" + p);
        }
        assertThat(byLeader).hasSizeGreaterThan(1);
        assertThat(requests).hasSize(byLeader.size());
        for (Deliver request : requests) {
            assertThat(timestamps(request).keySet()).isEqualTo(byLeader.get(request.broker()));
            assertThat(timestamps(request).values()).containsOnly(-1L); // Kafka's LATEST_TIMESTAMP
        }
        List<SimEvent> resets = run.events("C1", "OffsetReset");
        assertThat(resets).hasSize(6);
        List<SimEvent> responses = run.events("C1", "ListOffsetsResponse");
        for (SimEvent reset : resets) {
            String partition = (String) reset.fields().get("partition");
            int p = Integer.parseInt(partition.substring(2));
            assertThat(reset.fields()).containsEntry("offset", 10L + p)
                    .containsEntry("broker", cluster.leaderOf("t", p));
            SimEvent answer = responses.stream().filter(r -> ((Map<?, ?>) r.fields().get("offsets"))
                    .containsKey(partition)).findFirst().orElseThrow();
            assertThat(answer.seq()).isLessThan(reset.seq());
            assertThat(reset.time()).isEqualTo(answer.time());
        }
        assertThat(run.view("C1").positions()).containsEntry("t-0", 10L).containsEntry("t-5", 15L);
        // No fetch before the first answer: nothing had a position.
        long firstAnswer = responses.get(0).time();
        assertThat(run.requestsFrom("C1", "Fetch")).allSatisfy(fetch ->
                assertThat(fetch.time()).isGreaterThan(firstAnswer));
    }

    @Test
    void earliestAsksForTheLogStart() {
        ClientScenario run = sixPartitions(LATEST.with("auto.offset.reset", "earliest")).runUntil(3_000);

        assertThat(run.cluster().listOffsets()).isNotEmpty().allSatisfy(request ->
                assertThat(timestamps(request).values()).containsOnly(-2L)); // EARLIEST_TIMESTAMP
        assertThat(run.events("C1", "OffsetReset")).hasSize(6)
                .allSatisfy(reset -> assertThat(reset.fields()).containsEntry("offset", 0L)
                        .containsEntry("strategy", "earliest"));
    }

    @Test
    void theFirstFetchComesARoundTripAfterTheOffsetFetchAnswer() {
        ClientScenario run = sixPartitions(LATEST).runUntil(3_000);

        SimEvent offsetFetch = run.events("C1", "OffsetFetchResponse").get(0);
        Deliver firstRequest = run.cluster().listOffsets().get(0);
        FakeCluster.Received firstFetch = run.requestsFrom("C1", "Fetch").get(0);
        // Sent in the step that read the committed offsets (none); the fetch leaves when the answer is back, a round
        // trip (2 ms each way) later, and arrives 2 ms after that.
        assertThat(firstRequest.sentAt()).isEqualTo(offsetFetch.time());
        assertThat(firstFetch.time()).isGreaterThanOrEqualTo(offsetFetch.time() + 6);
    }

    @Test
    void aByDurationSearchThatFindsNothingLeavesThePartitionWaitingUntilRequestTimeoutMs() {
        // Every preloaded record is stamped 0; at 5 s, by_duration:PT1S asks for records from 4 s on: none.
        ConsumerClientConfig config = LATEST.with("auto.offset.reset", "by_duration:PT1S");
        ClientScenario run = new ClientScenario(7, Map.of("t", 1)).consumer("C1", config, IDLE, "t")
                .preload("t", 0, 10).at(5_000, new ConsumerTasks.Start("C1")).runUntil(40_000);

        List<Deliver> requests = run.cluster().listOffsets();
        assertThat(requests).hasSizeGreaterThanOrEqualTo(2);
        long firstSent = requests.get(0).sentAt();
        assertThat(timestamps(requests.get(0))).containsEntry("t-0", firstSent - 1_000);
        SimEvent answer = run.events("C1", "ListOffsetsResponse").get(0);
        assertThat(answer.ruleKey()).isEqualTo("sim.client.listOffsets.notFound");
        assertThat(answer.fields()).containsEntry("error", "NONE").containsEntry("notFound", List.of("t-0"));
        // Kafka does not fall back to the log end: no position, no fetch, until it asks again.
        assertThat(run.events("C1", "OffsetReset")).isEmpty();
        assertThat(run.view("C1").positions()).containsEntry("t-0", -1L);
        assertThat(requests.get(1).sentAt()).isEqualTo(firstSent + config.settings().requestTimeoutMs());
    }

    @Test
    void anAnswerForAPartitionSoughtElsewhereMeanwhileIsIgnored() {
        // poll(Duration.ofMillis(1)): it returns while the ListOffsets travels, so the application can seek then.
        ConsumerBehavior quickPolls = IDLE.withPollTimeout(1);
        ClientScenario run = new ClientScenario(7, Map.of("t", 1)).consumer("C1", LATEST, quickPolls, "t")
                .preload("t", 0, 40).at(0, new ConsumerTasks.Start("C1")).runUntil(3_000);
        long sentAt = run.cluster().listOffsets().get(0).sentAt();

        ClientScenario fork = new ClientScenario(7, Map.of("t", 1)).consumer("C1", LATEST, quickPolls, "t")
                .preload("t", 0, 40).at(0, new ConsumerTasks.Start("C1"))
                .at(sentAt + 1, new ApplicationCalls.Seek("C1", new TopicPartition("t", 0), 5))
                .runUntil(3_000);

        SimEvent seek = fork.events("C1", "Seek").get(0);
        SimEvent answer = fork.events("C1", "ListOffsetsResponse").get(0);
        assertThat(seek.seq()).isLessThan(answer.seq());
        assertThat(answer.ruleKey()).isEqualTo("sim.client.listOffsets.ignored");
        assertThat(answer.fields()).containsEntry("ignored", List.of("t-0"));
        assertThat(fork.events("C1", "OffsetReset")).isEmpty();
        assertThat(fork.events(e -> e.type().equals("Poll") && "C1".equals(e.actor())).get(0).fields()
                .get("partitions")).isEqualTo(Map.of("t-0", List.of(5L, 39L)));
    }

    @Test
    void aLearnerStepsToEachListOffsetsAndItsAnswer() {
        ClientScenario run = sixPartitions(LATEST).runUntil(3_000);

        List<SimEvent> listOffsets = run.events(e -> e.type().startsWith("ListOffsets"));
        assertThat(listOffsets).isNotEmpty().allMatch(LearnerFilter.INSTANCE)
                .allMatch(e -> e.kind() == EventKind.REQUEST || e.kind() == EventKind.RESPONSE)
                .allMatch(e -> e.ruleKey() != null);
    }

    @Test
    void theSameRunTwiceLogsTheSameEvents() {
        ClientScenario first = sixPartitions(LATEST.with("auto.offset.reset", "by_duration:PT1S")).runUntil(8_000);
        ClientScenario second = sixPartitions(LATEST.with("auto.offset.reset", "by_duration:PT1S")).runUntil(8_000);

        assertThat(first.events(e -> e.type().startsWith("ListOffsets"))).isNotEmpty();
        assertThat(second.simulation().log()).isEqualTo(first.simulation().log());
    }
}
