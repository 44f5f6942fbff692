package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.groupscope.scenario.LogQueries.events;
import static dev.groupscope.scenario.LogQueries.request;
import static dev.groupscope.scenario.LogQueries.response;
import static dev.groupscope.scenario.LogQueries.sentAt;

import dev.groupscope.sim.engine.LearnerFilter;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The consumer's metadata against the real brokers: a Metadata request at start before any fetch, the leaders of
 * its cache for every fetch, and the triggers of Kafka's {@code Metadata}/{@code DefaultMetadataUpdater} — a broker
 * stop (the fetch fails, a Metadata exchange, then fetches to the new leader), metadata.max.age.ms, an unknown topic
 * (retry.backoff.ms, growing), a pattern's new topic — with at most one request in flight.
 */
class MetadataScenarioTest {

    private static Simulation run(int brokers, String topics, String consumersAndActions, long durationMs) {
        return run(brokers, topics, consumersAndActions, durationMs, 100);
    }

    private static Simulation run(int brokers, String topics, String consumersAndActions, long durationMs,
                                  int recordsPerSecond) {
        String text = """
                {"name": "inline", "seed": 7, "durationMs": %d,
                 "cluster": {"brokers": %d, "settings": {"group.initial.rebalance.delay.ms": 0},
                             "network": {"delayMs": 5}},
                 "topics": [%s],
                 "producers": [{"id": "P1", "topic": "t", "recordsPerSecond": %d}],
                """.formatted(durationMs, brokers, topics, recordsPerSecond) + consumersAndActions + "}";
        Scenario scenario = ScenarioReader.read("inline.json", text);
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(scenario.durationMs());
        return simulation;
    }

    private static final String T3 = """
            {"name": "t", "partitions": 1, "replicationFactor": 3}""";

    private static int broker(String lane) {
        return Integer.parseInt(lane.substring("broker-".length()));
    }

    @Test
    void aConsumerAsksForMetadataWhenItStartsAndFetchesNothingBeforeTheAnswer() {
        Simulation run = run(3, T3, """
                "consumers": [{"id": "C1", "groupId": "g", "topics": ["t"], "processingMsPerRecord": 1,
                               "startAtMs": 1000}]""", 4000);

        SimEvent first = events(run, request("Metadata", "C1")).get(0);
        assertThat(sentAt(first)).isEqualTo(1000);
        assertThat(first.fields().get("topics")).isEqualTo(List.of("t"));
        SimEvent answer = events(run, response("Metadata", "C1")).get(0);
        assertThat(answer.fields().get("why")).isEqualTo("start");
        assertThat(events(run, request("Fetch", "C1").or(request("ListOffsets", "C1"))))
                .isNotEmpty().allSatisfy(e -> assertThat(e.seq()).isGreaterThan(answer.seq()));
        assertThat(LearnerFilter.INSTANCE.test(answer)).as("the first answer is a step").isTrue();
    }

    @Test
    void aStoppingLeaderNamesItsSuccessorInItsLastAnswerAndThePositionIsValidatedThereBeforeTheMetadataAnswer() {
        int oldLeader = leaderOfT(3);
        // Two records a second: the consumer's fetch waits at the leader (fetch.max.wait.ms) when it stops.
        Simulation run = run(3, T3, """
                "consumers": [{"id": "C1", "groupId": "g", "topics": ["t"], "processingMsPerRecord": 1}],
                "actions": [{"atMs": 5000, "action": "stopBroker", "broker": %d}]""".formatted(oldLeader), 8000, 2);

        List<SimEvent> afterStop = events(run, e -> e.time() >= 5000);
        // The fetch parked at the stopping leader is answered NOT_LEADER_OR_FOLLOWER (controlled shutdown), naming
        // the new leader and its epoch (KIP-951).
        SimEvent refused = afterStop.stream().filter(response("Fetch", "C1"))
                .filter(e -> e.fields().get("errors") instanceof java.util.Map<?, ?> m && !m.isEmpty()).findFirst()
                .orElseThrow();
        assertThat(refused.peer()).isEqualTo("broker-" + oldLeader);
        assertThat(refused.fields().get("errors")).isEqualTo(java.util.Map.of("t-0", "NOT_LEADER_OR_FOLLOWER"));
        int newLeader = ((Number) ((java.util.Map<?, ?>) refused.fields().get("currentLeaders")).get("t-0")).intValue();
        assertThat(newLeader).isNotEqualTo(oldLeader);
        assertThat(refused.ruleKey()).isEqualTo("sim.client.fetch.notLeaderMoved");
        assertThat(LearnerFilter.INSTANCE.test(refused)).isTrue();
        // The new leader is asked at once to validate the position (KIP-320: the position read records of the old
        // epoch), and fetched once it answers; the answer asks for no Metadata update (FetchCollector ignores the
        // error of a position awaiting validation), and nothing more goes to the stopped broker. The stopping broker
        // also closed both of the consumer's connections to it, which the consumer read before that answer (one
        // poll: disconnections first), so an update is asked for because of them; and two disconnections at once
        // count as a failed update
        // (handleServerDisconnect), so the Metadata request that is answered goes out after the refresh backoff.
        SimEvent validation = afterStop.stream().filter(request("OffsetForLeaderEpoch", "C1")).findFirst()
                .orElseThrow();
        assertThat(broker(validation.actor())).isEqualTo(newLeader);
        assertThat(sentAt(validation)).isEqualTo(refused.time());
        SimEvent validated = afterStop.stream().filter(response("OffsetForLeaderEpoch", "C1")).findFirst()
                .orElseThrow();
        SimEvent next = afterStop.stream().filter(request("Fetch", "C1")).filter(e -> e.seq() > refused.seq())
                .findFirst().orElseThrow();
        assertThat(broker(next.actor())).isEqualTo(newLeader);
        assertThat(sentAt(next)).isEqualTo(validated.time());
        SimEvent asked = afterStop.stream().filter(request("Metadata", "C1")).findFirst().orElseThrow();
        assertAfterTheRefreshBackoff(asked, refused.time());
        SimEvent answer = afterStop.stream().filter(response("Metadata", "C1")).findFirst().orElseThrow();
        assertThat(answer.fields().get("why")).isEqualTo("disconnected");
        assertThat(answer.fields().get("moved")).as("the hint had moved it already").isEqualTo(List.of());
        assertThat(afterStop.stream().filter(request("Fetch", "C1")).filter(e -> sentAt(e) >= 5000))
                .allSatisfy(e -> assertThat(broker(e.actor())).isNotEqualTo(oldLeader));
    }

    @Test
    void aNotLeaderAnswerNamingTheNewLeaderAsksForNoMetadataWhileThePositionIsValidatedThere() {
        // coordinator-comes-home: the preferred leaders move back without a disconnection; each consumer's fetch is
        // answered NOT_LEADER_OR_FOLLOWER with the new leader (KIP-951), its position (read at an epoch) then awaits
        // validation, and kafka-clients' FetchCollector ignores the error of a position without a valid one.
        Simulation run = ScenarioRun.of("coordinator-comes-home").simulation;
        List<SimEvent> moved = events(run, e -> "sim.client.fetch.notLeaderMoved".equals(e.ruleKey()));
        assertThat(moved).isNotEmpty();
        for (SimEvent answer : moved) {
            assertThat(events(run, request("OffsetForLeaderEpoch", answer.actor())))
                    .anySatisfy(validation -> assertThat(sentAt(validation)).isBetween(answer.time(),
                            answer.time() + 100)); // at the next pass of poll()
        }
        assertThat(events(run, e -> e.type().equals("MetadataResponse")))
                .noneSatisfy(e -> assertThat(e.fields().get("why")).isEqualTo("notLeader"));
    }

    @Test
    void aFetchToAStoppedLeaderFailsAndTheNewLeaderIsFetchedOnlyOnceTheMetadataAnswerNamesIt() {
        int oldLeader = leaderOfT(3);
        // fetch.max.wait.ms 0: fetches are answered at once, so one is always on its way; the broker stops while
        // one travels to it, and it is refused (no answer, so no KIP-951 hint).
        String consumer = """
                "consumers": [{"id": "C1", "groupId": "g", "topics": ["t"], "processingMsPerRecord": 1,
                               "settings": {"fetch.max.wait.ms": 0}}]""";
        Simulation probe = run(3, T3, consumer, 5100);
        long travelling = events(probe, request("Fetch", "C1")).stream().filter(e -> sentAt(e) >= 5000)
                .findFirst().map(LogQueries::sentAt).orElseThrow();
        long stopAt = travelling + 1;
        Simulation run = run(3, T3, consumer + """
                ,
                "actions": [{"atMs": %d, "action": "stopBroker", "broker": %d}]""".formatted(stopAt, oldLeader), 8000);

        List<SimEvent> afterStop = events(run, e -> e.time() >= stopAt);
        SimEvent failed = afterStop.stream().filter(e -> e.type().equals("Disconnected") && "C1".equals(e.actor())
                && "Fetch".equals(e.fields().get("api"))).findFirst().orElseThrow();
        assertThat(failed.peer()).isEqualTo("broker-" + oldLeader);
        // The broker closed both connections as it stopped: the fetch fails when the consumer reads the close, and
        // the second disconnection finds the update the first asked for due, a failed update (handleServerDisconnect).
        assertThat(run.log()).anyMatch(e -> e.type().equals("ConnectionsClosed") && e.time() == failed.time());
        SimEvent asked = afterStop.stream().filter(request("Metadata", "C1")).findFirst().orElseThrow();
        assertAfterTheRefreshBackoff(asked, failed.time());
        SimEvent answer = afterStop.stream().filter(response("Metadata", "C1")).findFirst().orElseThrow();
        assertThat(answer.fields().get("why")).isEqualTo("disconnected");
        assertThat(LearnerFilter.INSTANCE.test(answer)).as("the answer that moves a leader is a step").isTrue();
        SimEvent next = afterStop.stream().filter(request("Fetch", "C1")).filter(e -> sentAt(e) >= stopAt)
                .findFirst().orElseThrow();
        assertThat(String.valueOf(answer.fields().get("moved"))).contains("t-0 → " + broker(next.actor()));
        // Until the answer nothing is fetched (the old leader is in reconnect backoff, isUnavailable); the answer
        // moves the leader, so the position is validated with the new one (KIP-320) and the first fetch after that
        // goes to it.
        SimEvent validation = afterStop.stream().filter(request("OffsetForLeaderEpoch", "C1")).findFirst()
                .orElseThrow();
        assertThat(sentAt(validation)).isEqualTo(answer.time());
        assertThat(validation.actor()).isEqualTo(next.actor());
        SimEvent validated = afterStop.stream().filter(response("OffsetForLeaderEpoch", "C1")).findFirst()
                .orElseThrow();
        assertThat(sentAt(next)).isEqualTo(validated.time());
        assertThat(broker(next.actor())).isNotEqualTo(oldLeader);
    }

    /** Sent after the metadata refresh backoff that started at {@code from}: retry.backoff.ms, ±20 % jitter. */
    private static void assertAfterTheRefreshBackoff(SimEvent request, long from) {
        assertThat(sentAt(request)).isBetween(from + 80, from + 120);
    }

    /** Where t-0 (one partition, three replicas) starts: its first replica, as the seed places it. */
    private static int leaderOfT(int brokers) {
        Simulation probe = run(brokers, T3, """
                "consumers": [{"id": "C1", "groupId": "g", "topics": ["t"], "processingMsPerRecord": 1}]""", 500);
        SimEvent fetch = events(probe, request("Fetch", "C1")).get(0);
        return broker(fetch.actor());
    }

    @Test
    void metadataIsRefreshedEveryMaxAgeAndThatRoutineAnswerIsNotAStep() {
        Simulation run = run(1, """
                {"name": "t", "partitions": 1, "replicationFactor": 1}""", """
                "consumers": [{"id": "C1", "groupId": "g", "topics": ["t"], "processingMsPerRecord": 1,
                               "settings": {"metadata.max.age.ms": 2000}}]""", 9000);

        List<SimEvent> answers = events(run, response("Metadata", "C1"));
        assertThat(answers).hasSize(5); // at 0 (+10 ms), then every 2,000 ms after the last answer
        for (int i = 1; i < answers.size(); i++) {
            assertThat(answers.get(i).fields().get("why")).isEqualTo("maxAge");
            // sent once the poll loop polls after the max age (it may be processing a record then)
            assertThat(sentAt(answers.get(i)) - answers.get(i - 1).time()).isBetween(2000L, 2050L);
            assertThat(LearnerFilter.INSTANCE.test(answers.get(i))).isFalse();
        }
    }

    @Test
    void anUnknownTopicIsAskedForAgainAfterRetryBackoffDoublingWhileNothingChangesOneAtATime() {
        Simulation run = run(1, """
                {"name": "t", "partitions": 1, "replicationFactor": 1}""", """
                "consumers": [{"id": "C1", "groupId": "g", "topics": ["t", "missing"], "processingMsPerRecord": 1,
                               "settings": {"retry.backoff.ms": 100, "retry.backoff.max.ms": 1000,
                                            "allow.auto.create.topics": false}}],
                "actions": [{"atMs": 5900, "action": "createTopic", "topic": "missing", "partitions": 1}]""", 5900);

        List<SimEvent> requests = events(run, request("Metadata", "C1"));
        List<SimEvent> answers = events(run, response("Metadata", "C1"));
        assertThat(requests.size()).isBetween(5, 12);
        assertThat(answers.get(0).fields().get("unknown")).isEqualTo(List.of("missing"));
        for (int i = 1; i < requests.size(); i++) {
            // At most one in flight: each request leaves after the answer to the one before.
            assertThat(sentAt(requests.get(i))).isGreaterThanOrEqualTo(answers.get(i - 1).time());
            long gap = sentAt(requests.get(i)) - answers.get(i - 1).time();
            // Kafka's timeToAllowUpdate: retry.backoff.ms after any answer, and after n answers in a row that brought
            // nothing new retry.backoff.ms × 2^(n-1); ±20 % jitter, at most retry.backoff.max.ms. (The first answer
            // is new: it brings t.) A few ms more when the poll loop was processing a record.
            long expected = Math.min(1000, 100L << Math.max(0, i - 2));
            assertThat(gap).as("gap %d", i).isBetween((long) (expected * 0.8) - 1,
                    Math.min(1000, (long) (expected * 1.2)) + 20);
        }
    }

    @Test
    void aPatternSeesANewTopicOnlyWhenAMetadataAnswerBringsIt() {
        Simulation run = run(1, """
                {"name": "t", "partitions": 1, "replicationFactor": 1}""", """
                "consumers": [{"id": "C1", "groupId": "g", "pattern": "t.*", "processingMsPerRecord": 1,
                               "settings": {"metadata.max.age.ms": 3000}}],
                "actions": [{"atMs": 1000, "action": "createTopic", "topic": "t2", "partitions": 1,
                             "replicationFactor": 1}]""", 6000);

        assertThat(events(run, request("Metadata", "C1"))).allSatisfy(e ->
                assertThat(e.fields().get("allTopics")).isEqualTo(true));
        SimEvent created = events(run, response("Metadata", "C1")).stream()
                .filter(e -> ((List<?>) e.fields().get("created")).contains("t2")).findFirst().orElseThrow();
        assertThat(created.fields().get("why")).isEqualTo("maxAge");
        assertThat(sentAt(created)).isBetween(3000L, 3100L); // max age after the first answer, a round trip in
        assertThat(LearnerFilter.INSTANCE.test(created)).isTrue();
        SimEvent matched = events(run, e -> e.type().equals("PatternMatched") && "C1".equals(e.actor())
                && ((List<?>) e.fields().get("added")).contains("t2")).get(0);
        assertThat(matched.seq()).isGreaterThan(created.seq());
    }

    @Test
    void aLeaderWhoseGroupSubscribesToATopicItDoesNotKnowAsksForItBeforeItAssigns() {
        Simulation run = run(1, """
                {"name": "t", "partitions": 2, "replicationFactor": 1},
                {"name": "u", "partitions": 2, "replicationFactor": 1}""", """
                "consumers": [{"id": "C1", "groupId": "g", "topics": ["t"], "processingMsPerRecord": 1},
                              {"id": "C2", "groupId": "g", "topics": ["t", "u"], "processingMsPerRecord": 1,
                               "startAtMs": 1}]""", 4000);

        // Generation 1 has C1 alone (its own topic: no wait); C2's join makes generation 2, with u.
        SimEvent joined = events(run, e -> e.type().equals("AssignorRun")).stream()
                .filter(e -> ((List<?>) e.fields().get("members")).size() == 2).findFirst().orElseThrow();
        assertThat(joined.actor()).as("C1 started first and leads").isEqualTo("C1");
        SimEvent asked = events(run, response("Metadata", "C1")).stream()
                .filter(e -> "newTopics".equals(e.fields().get("why"))).findFirst().orElseThrow();
        // onLeaderElected: the group's topics beyond its own are asked for, and the assignment waits for them.
        assertThat(asked.seq()).isLessThan(joined.seq());
        assertThat(events(run, request("Metadata", "C1")).stream().filter(e -> e.seq() < asked.seq())
                .reduce((a, b) -> b).orElseThrow().fields().get("topics")).isEqualTo(List.of("t", "u"));
        SimEvent joinAnswer = events(run, response("JoinGroup", "C1")).stream()
                .filter(e -> e.seq() < joined.seq()).reduce((a, b) -> b).orElseThrow();
        assertThat(sentAt(asked)).isGreaterThanOrEqualTo(joinAnswer.time());
        assertThat(String.valueOf(joined.fields().get("assignment"))).contains("u-0", "u-1");
    }
}
