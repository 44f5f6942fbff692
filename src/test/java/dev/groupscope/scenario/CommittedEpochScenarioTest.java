package dev.groupscope.scenario;

import static dev.groupscope.scenario.LogQueries.events;
import static dev.groupscope.scenario.LogQueries.request;
import static dev.groupscope.scenario.LogQueries.response;
import static dev.groupscope.scenario.LogQueries.sentAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * KIP-320 on committed offsets, as Kafka 4.1's classic consumer does it (the real broker's oracle is
 * {@code RealKafkaCommittedPositionValidationTest}): a commit of what poll() returned carries the leader epoch of the
 * last record read, the coordinator stores it in its OffsetCommit record and OffsetFetch returns it, and a consumer
 * that starts from it validates each such position with its leader (OffsetForLeaderEpoch) before fetching it.
 * Offsets the application builds itself carry no epoch, and their positions are fetched at once.
 */
class CommittedEpochScenarioTest {

    /** C1 reads t from 2 s (commit policy {@code commitPolicy}) and closes at 6 s; C2 starts at 7 s. */
    private static Simulation run(String commitPolicy) {
        return run(commitPolicy, "");
    }

    /** As {@link #run(String)}, with more actions ({@code ", {...}"}). */
    private static Simulation run(String commitPolicy, String moreActions) {
        Scenario scenario = ScenarioReader.read("inline.json", """
                {"name": "inline", "seed": 11, "durationMs": 10000,
                 "cluster": {"brokers": 3, "settings": {"group.initial.rebalance.delay.ms": 0},
                             "network": {"delayMs": 3}},
                 "topics": [{"name": "t", "partitions": 3, "replicationFactor": 3}],
                 "producers": [{"id": "P1", "topic": "t", "recordsPerSecond": 130}],
                 "consumers": [
                   {"id": "C1", "groupId": "g", "topics": ["t"], "startAtMs": 2000,
                    "settings": {"enable.auto.commit": false, "auto.offset.reset": "earliest"},
                    "commitPolicy": %1$s},
                   {"id": "C2", "groupId": "g", "topics": ["t"], "startAtMs": 7000,
                    "settings": {"enable.auto.commit": false, "auto.offset.reset": "earliest"},
                    "commitPolicy": %1$s}],
                 "actions": [{"atMs": 6000, "action": "closeConsumer", "consumer": "C1"}%2$s]}
                """.formatted(commitPolicy, moreActions));
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(scenario.durationMs());
        return simulation;
    }

    private static Map<?, ?> map(SimEvent event, String field) {
        return (Map<?, ?>) event.fields().get(field);
    }

    private static SimEvent last(List<SimEvent> events) {
        return events.get(events.size() - 1);
    }

    @Test
    void aCommitOfWhatPollReturnedCarriesTheEpochOfTheLastRecordReadAndTheCoordinatorStoresIt() {
        Simulation run = run("{\"type\": \"syncAfterBatch\"}");
        SimEvent commit = last(events(run, request("OffsetCommit", "C1")));
        assertThat(map(commit, "leaderEpochs")).as("commitSync(): allConsumed() with each position's epoch")
                .isEqualTo(Map.of("t-0", 0, "t-1", 0, "t-2", 0));
        // Its records: one per partition, with the epoch (-1 in earlier commits for a position from a reset that
        // had read nothing yet: allConsumed() has no epoch for it).
        List<SimEvent> records = events(run, e -> e.type().equals("OffsetCommitRecord") && e.time() == commit.time());
        assertThat(records).hasSize(3).allSatisfy(record ->
                assertThat(record.fields().get("leaderEpoch")).isEqualTo(0));
    }

    @Test
    void aConsumerStartingFromCommittedOffsetsValidatesThemWithTheirLeadersBeforeFetching() {
        Simulation run = run("{\"type\": \"syncAfterBatch\"}");
        SimEvent fetched = events(run, response("OffsetFetch", "C2")).get(0);
        assertThat(map(fetched, "leaderEpochs")).as("OffsetFetch returns the committed epochs")
                .isEqualTo(Map.of("t-0", 0, "t-1", 0, "t-2", 0));
        SimEvent positioned = events(run, e -> e.type().equals("PositionFromCommitted") && "C2".equals(e.actor()))
                .get(0);
        assertThat(positioned.ruleKey()).isEqualTo("sim.client.positionCommitted.validate");
        assertThat(map(positioned, "awaitingValidation")).isEqualTo(map(fetched, "leaderEpochs"));

        List<SimEvent> asked = events(run, request("OffsetForLeaderEpoch", "C2"));
        Map<Object, Object> epochs = new TreeMap<>();
        asked.forEach(request -> epochs.putAll(map(request, "leaderEpochs")));
        assertThat(epochs).as("every committed position is asked about, with its committed epoch")
                .isEqualTo(map(fetched, "leaderEpochs"));
        assertThat(asked).as("one request to each leader, sent with the OffsetFetch answer")
                .allSatisfy(request -> assertThat(sentAt(request)).isEqualTo(fetched.time()));
        long answered = last(events(run, response("OffsetForLeaderEpoch", "C2"))).time();
        assertThat(events(run, request("Fetch", "C2")).stream().filter(f -> sentAt(f) < answered
                && !map(f, "fetchOffsets").isEmpty())).as("no fetch before the leaders answer").isEmpty();
        SimEvent firstFetch = events(run, request("Fetch", "C2")).stream()
                .filter(f -> !map(f, "fetchOffsets").isEmpty()).findFirst().orElseThrow();
        map(firstFetch, "fetchOffsets").forEach((tp, offset) -> assertThat(offset)
                .as("%s fetched from its committed offset", tp).isEqualTo(map(fetched, "offsets").get(tp)));
    }

    @Test
    void aLeaderChangeSinceTheCommitIsValidatedWithTheNewLeaderFromTheCommittedEpoch() {
        int leader = leaderOfT0();
        Simulation run = run("{\"type\": \"syncAfterBatch\"}", """
                , {"atMs": 6500, "action": "stopBroker", "broker": %d}""".formatted(leader));
        SimEvent asked = events(run, request("OffsetForLeaderEpoch", "C2")).stream()
                .filter(e -> map(e, "leaderEpochs").containsKey("t-0")).findFirst().orElseThrow();
        assertThat(map(asked, "leaderEpochs").get("t-0")).as("the epoch of the commit").isEqualTo(0);
        assertThat(map(asked, "currentLeaderEpochs").get("t-0")).as("the new leader's").isEqualTo(1);
        assertThat(asked.actor()).isNotEqualTo("broker-" + leader);
        SimEvent answer = events(run, response("OffsetForLeaderEpoch", "C2")).stream()
                .filter(e -> map(e, "ends").containsKey("t-0")).findFirst().orElseThrow();
        assertThat(answer.fields()).doesNotContainKey("truncated");
    }

    @Test
    void withPartitionsNeverCommittedTheirListOffsetsGoFirstAndTheValidationAtTheNextPass() {
        // t grows to 4 partitions while nobody reads it: C2 finds commits for t-0..t-2, none for t-3. Kafka reads
        // the OffsetFetch answer inside updateFetchPositions, resets t-3 (ListOffsets) in that pass and validates
        // at the next one, which comes at once (the completed OffsetFetch woke the network poll in between).
        Simulation run = run("{\"type\": \"syncAfterBatch\"}", """
                , {"atMs": 6500, "action": "increasePartitions", "topic": "t", "partitions": 4}""");
        SimEvent fetched = events(run, response("OffsetFetch", "C2")).get(0);
        assertThat(map(fetched, "offsets").get("t-3")).isEqualTo(-1L);
        SimEvent listed = events(run, request("ListOffsets", "C2")).get(0);
        SimEvent asked = events(run, request("OffsetForLeaderEpoch", "C2")).get(0);
        assertThat(sentAt(listed)).isEqualTo(fetched.time());
        assertThat(sentAt(asked)).isEqualTo(fetched.time());
        assertThat(((Number) listed.fields().get("correlationId")).longValue())
                .as("the ListOffsets is sent first").isLessThan(((Number) asked.fields().get("correlationId"))
                        .longValue());
    }

    /**
     * R reads t-0 and commits what poll() returned (with its epoch), F reads t-1 and commits offsets it builds (no
     * epoch), X reads t-2; all assign()-ed in group g. R and F close at 6 s; X is assigned all three as its poll()
     * in progress at 7 s returns. (130 records a second, 3 ms each way: a record of t-2 comes while X's OffsetFetch
     * travels, which the tests below need; records every 10 ms, 2 ms each way never do.)
     */
    private static Simulation takeOverRun(String moreSettings) {
        Scenario scenario = ScenarioReader.read("inline.json", """
                {"name": "inline", "seed": 11, "durationMs": 9000,
                 "cluster": {"brokers": 3, "settings": {"group.initial.rebalance.delay.ms": 0},
                             "network": {"delayMs": 3}},
                 "topics": [{"name": "t", "partitions": 3, "replicationFactor": 3}],
                 "producers": [{"id": "P1", "topic": "t", "recordsPerSecond": 130}],
                 "consumers": [
                   {"id": "R", "groupId": "g", "assign": ["t-0"],
                    "settings": {"enable.auto.commit": false, "auto.offset.reset": "earliest"},
                    "commitPolicy": {"type": "syncAfterBatch"}},
                   {"id": "F", "groupId": "g", "assign": ["t-1"],
                    "settings": {"enable.auto.commit": false, "auto.offset.reset": "earliest"},
                    "commitPolicy": {"type": "everyN", "records": 20}},
                   {"id": "X", "groupId": "g", "assign": ["t-2"],
                    "settings": {"enable.auto.commit": false, "auto.offset.reset": "earliest"%s},
                    "commitPolicy": {"type": "syncAfterBatch"}}],
                 "actions": [{"atMs": 6000, "action": "closeConsumer", "consumer": "R"},
                             {"atMs": 6000, "action": "closeConsumer", "consumer": "F"},
                             {"atMs": 7000, "action": "assign", "consumer": "X", "partitions": ["t-0", "t-1", "t-2"]}]}
                """.formatted(moreSettings));
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(scenario.durationMs());
        return simulation;
    }

    @Test
    void pollWaitsForTheCommittedOffsetsItAskedForBeforeReturningAnotherPartitionsRecords() {
        // ClassicKafkaConsumer.poll → updateFetchPositions → initWithCommittedOffsetsIfNeeded waits on the OffsetFetch
        // (up to poll()'s timeout): a record of t-2 that arrives meanwhile stays in the buffer until the answer.
        Simulation run = takeOverRun(", \"retry.backoff.ms\": 1000");
        SimEvent asked = events(run, request("OffsetFetch", "X")).stream()
                .filter(e -> ((List<?>) e.fields().get("partitions")).contains("t-0")).findFirst().orElseThrow();
        SimEvent answered = events(run, response("OffsetFetch", "X")).stream()
                .filter(e -> e.time() > sentAt(asked)).findFirst().orElseThrow();
        SimEvent arrived = events(run, response("Fetch", "X")).stream()
                .filter(e -> e.time() > sentAt(asked) && map(e, "records").containsKey("t-2")).findFirst()
                .orElseThrow();
        SimEvent returned = events(run, e -> e.type().equals("Poll") && e.actor().equals("X")
                && e.time() >= sentAt(asked)).get(0);

        assertThat(arrived.time()).as("t-2's record arrives while the OffsetFetch is in flight")
                .isLessThan(answered.time());
        assertThat(returned.time()).as("poll() returns it only once the answer came").isEqualTo(answered.time());
    }

    @Test
    void thePassThatTakesTheCommittedOffsetsFetchesWhatItMayAndTheNextPassValidatesAtOnce() {
        // Kafka 4.1: updateFetchPositions validates first, then waits for the OffsetFetch answer and takes it
        // (seekUnvalidated); that pass's pollForFetches fetches t-1 (its commit has no epoch). If it has nothing to
        // return, its network wait returns at once (the completed OffsetFetch, and that fetch, woke the selector) and
        // the next pass asks t-0's leader in the same instant; if a record of t-2 came in while it waited, poll()
        // returns it, and the next pass is the first of the next poll(), after that record and its commitSync. With
        // retry.backoff.ms at 1 s (and a record of t-2 arriving during the wait in that run), a wait for it would be
        // plain to see.
        for (boolean backoff : new boolean[] {false, true}) {
            String settings = backoff ? ", \"retry.backoff.ms\": 1000" : "";
            Simulation run = takeOverRun(settings);
            SimEvent fetched = events(run, response("OffsetFetch", "X")).stream()
                    .filter(e -> map(e, "offsets").containsKey("t-0")).findFirst().orElseThrow();
            assertThat(map(fetched, "leaderEpochs").keySet()).as("R's commit has an epoch, F's has none")
                    .isEqualTo(java.util.Set.of("t-0"));
            SimEvent asked = events(run, request("OffsetForLeaderEpoch", "X")).get(0);
            assertThat(map(asked, "leaderEpochs").keySet()).isEqualTo(java.util.Set.of("t-0"));
            SimEvent fetchT1 = events(run, request("Fetch", "X")).stream()
                    .filter(e -> sentAt(e) >= fetched.time() && map(e, "fetchOffsets").containsKey("t-1"))
                    .findFirst().orElseThrow();
            List<SimEvent> polls = events(run, e -> e.type().equals("Poll") && e.actor().equals("X")
                    && e.time() >= fetched.time());

            assertThat(sentAt(fetchT1)).as("the pass that takes the answer fetches t-1 (%s)", settings)
                    .isEqualTo(fetched.time());
            assertThat(correlationId(fetchT1)).as("before the next pass validates t-0 (%s)", settings)
                    .isLessThan(correlationId(asked));
            if (backoff) {
                assertThat(polls.get(0).time()).as("that pass returns t-2's record").isEqualTo(fetched.time());
                assertThat(new java.util.ArrayList<Object>(map(polls.get(0), "partitions").keySet())).containsExactly("t-2");
                assertThat(sentAt(asked)).as("the next poll()'s first pass validates").isEqualTo(polls.get(1).time())
                        .isLessThan(fetched.time() + 100);
            } else {
                assertThat(polls.get(0).time()).as("that pass returns nothing").isGreaterThan(fetched.time());
                assertThat(sentAt(asked)).as("the next pass comes at once").isEqualTo(fetched.time());
            }
        }
    }

    private static long correlationId(SimEvent event) {
        return ((Number) event.fields().get("correlationId")).longValue();
    }

    /** The broker leading t-0 in these runs: the one C1's first fetch of it goes to. */
    private static int leaderOfT0() {
        SimEvent fetch = events(run("{\"type\": \"syncAfterBatch\"}"), e -> e.type().equals("FetchRequest")
                && map(e, "fetchOffsets").containsKey("t-0")).get(0);
        return Integer.parseInt(fetch.actor().substring("broker-".length()));
    }

    @Test
    void offsetsTheApplicationBuildsCarryNoEpochSoTheirPositionsAreFetchedAtOnce() {
        // everyN: commitSync(offsets) of new OffsetAndMetadata(offset + 1), whose leaderEpoch is empty.
        Simulation run = run("{\"type\": \"everyN\", \"records\": 20}");
        assertThat(events(run, request("OffsetCommit", "C1"))).isNotEmpty()
                .allSatisfy(commit -> assertThat(commit.fields()).doesNotContainKey("leaderEpochs"));
        assertThat(events(run, e -> e.type().equals("OffsetCommitRecord"))).isNotEmpty()
                .allSatisfy(record -> assertThat(record.fields().get("leaderEpoch")).isEqualTo(-1));
        SimEvent fetched = events(run, response("OffsetFetch", "C2")).get(0);
        assertThat(fetched.fields()).doesNotContainKey("leaderEpochs");
        assertThat(events(run, request("OffsetForLeaderEpoch", "C2"))).isEmpty();
        assertThat(events(run, e -> e.type().equals("PositionFromCommitted") && "C2".equals(e.actor())).get(0)
                .ruleKey()).isEqualTo("sim.client.positionCommitted");
    }

    /**
     * R reads t-0 and F reads t-1, both assign()-ed in group g (for their commits). The leader of t-0 stops at 3 s and
     * is back at 4 s; the preferred leader election gives t-0 back to it at 5 s (leader epoch 2), R reads on in that
     * epoch and commits it. F, which never read t-0, still has t-0 at an older epoch in its metadata when, at 9 s, it
     * is assigned t-0 as well (the same topic: no Metadata request from assign()).
     */
    private static Simulation staleMetadataRun(int stopped) {
        Scenario scenario = ScenarioReader.read("inline.json", """
                {"name": "inline", "seed": 11, "durationMs": 12000,
                 "cluster": {"brokers": 3, "settings": {"group.initial.rebalance.delay.ms": 0,
                                                        "leader.imbalance.check.interval.seconds": 5},
                             "network": {"delayMs": 3}},
                 "topics": [{"name": "t", "partitions": 3, "replicationFactor": 3}],
                 "producers": [{"id": "P1", "topic": "t", "recordsPerSecond": 130}],
                 "consumers": [
                   {"id": "R", "groupId": "g", "assign": ["t-0"],
                    "settings": {"enable.auto.commit": false, "auto.offset.reset": "earliest"},
                    "commitPolicy": {"type": "syncAfterBatch"}},
                   {"id": "F", "groupId": "g", "assign": ["t-1"],
                    "settings": {"enable.auto.commit": false, "auto.offset.reset": "earliest"},
                    "commitPolicy": {"type": "syncAfterBatch"}}],
                 "actions": [{"atMs": 3000, "action": "stopBroker", "broker": %1$d},
                             {"atMs": 4000, "action": "startBroker", "broker": %1$d},
                             {"atMs": 9000, "action": "assign", "consumer": "F", "partitions": ["t-0", "t-1"]}]}
                """.formatted(stopped));
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(scenario.durationMs());
        return simulation;
    }

    @Test
    void aCommittedEpochNewerThanTheConsumersMetadataWaitsForMetadataBeforeTheValidation() {
        int leader = leaderOfT0();
        Simulation run = staleMetadataRun(leader);

        SimEvent fetched = events(run, response("OffsetFetch", "F")).stream()
                .filter(e -> map(e, "offsets").containsKey("t-0")).findFirst().orElseThrow();
        assertThat(map(fetched, "leaderEpochs").get("t-0")).as("R's commit in the preferred leader's epoch")
                .isEqualTo(2);
        SimEvent positioned = events(run, e -> e.type().equals("PositionFromCommitted") && "F".equals(e.actor()))
                .get(0);
        assertThat(map(positioned, "awaitingValidation").get("t-0"))
                .as("Kafka's currentLeader(tp): no leader, but the epoch just seen: awaiting validation at once")
                .isEqualTo(2);
        SimEvent metadata = events(run, response("Metadata", "F")).stream()
                .filter(e -> e.time() > fetched.time()).findFirst().orElseThrow();
        assertThat(metadata.fields().get("why")).as("updateLastSeenEpochIfNewer asks for fresh metadata")
                .isEqualTo("newerEpoch");
        SimEvent asked = events(run, request("OffsetForLeaderEpoch", "F")).stream()
                .filter(e -> map(e, "leaderEpochs").containsKey("t-0")).findFirst().orElseThrow();
        assertThat(sentAt(asked)).as("no leader is known for t-0 until that answer").isGreaterThanOrEqualTo(
                metadata.time());
        assertThat(map(asked, "leaderEpochs").get("t-0")).isEqualTo(2);
        assertThat(map(asked, "currentLeaderEpochs").get("t-0")).isEqualTo(2);
        assertThat(asked.actor()).isEqualTo("broker-" + leader);
    }
}
