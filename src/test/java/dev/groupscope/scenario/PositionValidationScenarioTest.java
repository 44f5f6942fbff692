package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.groupscope.scenario.LogQueries.events;
import static dev.groupscope.scenario.LogQueries.request;
import static dev.groupscope.scenario.LogQueries.response;
import static dev.groupscope.scenario.LogQueries.sentAt;

import dev.groupscope.sim.engine.LearnerFilter;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * KIP-320 as Kafka 4.1's classic consumer does it: when a consumer learns that a partition it reads has a new leader
 * (a broker stopped, or the preferred leader took it back), the position awaits validation: an OffsetForLeaderEpoch
 * to the new leader with the epoch of the last record read, its answer (no truncation without unclean elections),
 * and only then fetches of that partition again. A position that knows no epoch (nothing read since it was set) is
 * not validated.
 */
class PositionValidationScenarioTest {

    private static Simulation run(String cluster, String topics, String producers, String consumersAndActions,
                                  long durationMs) {
        String text = """
                {"name": "inline", "seed": 7, "durationMs": %d,
                 "cluster": %s,
                 "topics": [%s],
                 "producers": [%s],
                """.formatted(durationMs, cluster, topics, producers) + consumersAndActions + "}";
        Scenario scenario = ScenarioReader.read("inline.json", text);
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(scenario.durationMs());
        return simulation;
    }

    private static final String CLUSTER = """
            {"brokers": 3, "settings": {"group.initial.rebalance.delay.ms": 0,
                                        "leader.imbalance.check.interval.seconds": 5},
             "network": {"delayMs": 2}}""";
    private static final String T = """
            {"name": "t", "partitions": 6, "replicationFactor": 3}""";
    private static final String PRODUCER = """
            {"id": "P1", "topic": "t", "recordsPerSecond": 200}""";
    private static final String TWO_CONSUMERS = """
            "consumers": [{"id": "C1", "groupId": "g", "topics": ["t"], "processingMsPerRecord": 1},
                          {"id": "C2", "groupId": "g", "topics": ["t"], "processingMsPerRecord": 1}]""";

    private static Map<?, ?> map(SimEvent event, String field) {
        return (Map<?, ?>) event.fields().get(field);
    }

    private static boolean fetches(SimEvent fetch, String partition) {
        return map(fetch, "fetchOffsets").containsKey(partition);
    }

    /** The partitions of t whose leader moved at {@code atMs}, with their new leader. */
    private static Map<String, Integer> moved(Simulation run, long atMs) {
        Map<String, Integer> moved = new java.util.TreeMap<>();
        events(run, e -> e.type().equals("LeaderChange") && e.time() == atMs).forEach(e -> {
            String tp = String.valueOf(e.fields().get("topicPartition"));
            if (tp.startsWith("t-")) {
                moved.put(tp, ((Number) e.fields().get("leader")).intValue());
            }
        });
        return moved;
    }

    /** The consumer reading {@code partition} just before {@code atMs}: the last to fetch it. */
    private static String reader(Simulation run, String partition, long atMs) {
        List<SimEvent> fetched = events(run, e -> e.type().equals("FetchRequest") && e.time() < atMs
                && fetches(e, partition));
        return fetched.get(fetched.size() - 1).peer();
    }

    /**
     * For each partition that moved at {@code changeAt}, its reader validates with the new leader: the request
     * carries the epoch of the last record read ({@code oldEpoch}) and the new leader epoch, the answer gives that
     * epoch's end at or past the position, and no fetch of the partition is sent from the moment the consumer
     * learns of the move until that answer; then it is fetched from the new leader, from the position validated.
     */
    private static void assertValidated(Simulation run, long changeAt, int oldEpoch, int newEpoch) {
        Map<String, Integer> moved = moved(run, changeAt);
        assertThat(moved).isNotEmpty();
        List<String> readers = new ArrayList<>();
        moved.forEach((tp, leader) -> {
            String consumer = reader(run, tp, changeAt);
            readers.add(consumer);
            SimEvent asked = events(run, request("OffsetForLeaderEpoch", consumer)).stream()
                    .filter(e -> e.time() > changeAt && map(e, "leaderEpochs").containsKey(tp)).findFirst()
                    .orElseThrow(() -> new AssertionError(consumer + " never validated " + tp));
            assertThat(asked.actor()).isEqualTo("broker-" + leader);
            assertThat(map(asked, "leaderEpochs").get(tp)).isEqualTo(oldEpoch);
            assertThat(map(asked, "currentLeaderEpochs").get(tp)).isEqualTo(newEpoch);
            assertThat(LearnerFilter.INSTANCE.test(asked)).as("a routine validation is background").isFalse();
            SimEvent answer = events(run, response("OffsetForLeaderEpoch", consumer)).stream()
                    .filter(e -> ((Number) e.fields().get("correlationId")).longValue()
                            == ((Number) asked.fields().get("correlationId")).longValue()).findFirst().orElseThrow();
            assertThat(answer.fields().get("error")).isEqualTo("NONE");
            assertThat(answer.fields()).doesNotContainKey("truncated");
            assertThat(answer.ruleKey()).isEqualTo("sim.response.OffsetForLeaderEpoch");
            assertThat(LearnerFilter.INSTANCE.test(answer)).isFalse();
            List<?> end = (List<?>) map(answer, "ends").get(tp);
            assertThat(end.get(0)).isEqualTo(oldEpoch);
            long endOffset = ((Number) end.get(1)).longValue();
            // From the moment the consumer learned of the move (the validation goes out then) until the answer,
            // the partition is not fetched anywhere.
            assertThat(events(run, request("Fetch", consumer)).stream()
                    .filter(e -> fetches(e, tp) && sentAt(e) >= sentAt(asked) && sentAt(e) < answer.time()))
                    .as("fetches of %s between the move and its validation", tp).isEmpty();
            SimEvent resumed = events(run, request("Fetch", consumer)).stream()
                    .filter(e -> fetches(e, tp) && sentAt(e) >= sentAt(asked)).findFirst().orElseThrow();
            assertThat(resumed.actor()).isEqualTo("broker-" + leader);
            long position = ((Number) map(resumed, "fetchOffsets").get(tp)).longValue();
            assertThat(position).as("the position validated").isLessThanOrEqualTo(endOffset);
            assertThat(validatedText(answer)).contains(tp + " @ " + position);
        });
        assertThat(readers).isNotEmpty();
    }

    private static String validatedText(SimEvent answer) {
        return String.valueOf(answer.ruleArgs().get("validated"));
    }

    @Test
    void afterALeaderStopsEachReaderOfItsPartitionsValidatesItsPositionWithTheNewLeaderBeforeFetching() {
        int stopped = leaderOfT0();
        Simulation run = run(CLUSTER, T, PRODUCER, TWO_CONSUMERS + """
                ,
                "actions": [{"atMs": 5000, "action": "stopBroker", "broker": %d}]""".formatted(stopped), 8000);
        assertValidated(run, 5000, 0, 1);
    }

    @Test
    void whenThePreferredLeaderTakesItsPartitionsBackTheirReadersValidateAgain() {
        int stopped = leaderOfT0();
        Simulation run = run(CLUSTER, T, PRODUCER, TWO_CONSUMERS + """
                ,
                "actions": [{"atMs": 5000, "action": "stopBroker", "broker": %d},
                            {"atMs": 6000, "action": "startBroker", "broker": %d}]""".formatted(stopped, stopped),
                14000);
        long electedAt = events(run, e -> e.type().equals("LeaderChange") && e.time() > 6000
                && String.valueOf(e.fields().get("topicPartition")).startsWith("t-")).get(0).time();
        // Records were read from the interim leader (epoch 1), so epoch 1 is what the preferred one (epoch 2) is asked.
        assertValidated(run, electedAt, 1, 2);
    }

    @Test
    void aPositionThatReadNothingSinceItWasSetIsNotValidated() {
        // No producer: every position comes from auto.offset.reset (ListOffsets), which carries no epoch.
        int stopped = leaderOfT0();
        Simulation run = run(CLUSTER, T, "", TWO_CONSUMERS + """
                ,
                "actions": [{"atMs": 5000, "action": "stopBroker", "broker": %d}]""".formatted(stopped), 8000);
        assertThat(moved(run, 5000)).isNotEmpty();
        assertThat(events(run, e -> e.type().startsWith("OffsetForLeaderEpoch"))).isEmpty();
        assertThat(events(run, e -> e.type().equals("FetchRequest") && e.time() > 5000
                && e.actor().equals("broker-" + moved(run, 5000).values().iterator().next()))).isNotEmpty();
    }

    @Test
    void aValidationThatFailsIsRetriedAfterTheBackoffWithFreshMetadata() {
        int stopped = leaderOfT0();
        String stopFirst = """
                ,
                "actions": [{"atMs": 5000, "action": "stopBroker", "broker": %d}""".formatted(stopped);
        Simulation probe = run(CLUSTER, T, PRODUCER, TWO_CONSUMERS + stopFirst + "]", 8000);
        SimEvent first = events(probe, e -> e.type().equals("OffsetForLeaderEpochRequest")).get(0);
        String consumer = first.peer();
        String newLeader = first.actor();
        // The new leader stops while the validation travels to it: the request fails without an answer.
        Simulation run = run(CLUSTER, T, PRODUCER, TWO_CONSUMERS + stopFirst + """
                , {"atMs": %d, "action": "stopBroker", "broker": %s}]""".formatted(sentAt(first) + 1,
                newLeader.substring("broker-".length())), 9000);
        SimEvent failed = events(run, e -> e.type().equals("Disconnected") && consumer.equals(e.actor())
                && "OffsetForLeaderEpoch".equals(e.fields().get("api"))).get(0);
        assertThat(failed.peer()).isEqualTo(newLeader);
        // The same partitions asked again (another partition's leader may be asked meanwhile: the second stop
        // closes the consumer's connection to a leader that names its successor).
        SimEvent again = events(run, request("OffsetForLeaderEpoch", consumer)).stream()
                .filter(e -> sentAt(e) > failed.time())
                .filter(e -> map(e, "leaderEpochs").keySet().containsAll(map(first, "leaderEpochs").keySet()))
                .findFirst().orElseThrow();
        assertThat(again.actor()).isNotEqualTo(newLeader);
        // Asked again only after a Metadata answer named the last live replica, and not before retry.backoff.ms.
        SimEvent metadata = events(run, response("Metadata", consumer)).stream()
                .filter(e -> e.time() >= failed.time()).findFirst().orElseThrow();
        assertThat(sentAt(again)).isGreaterThanOrEqualTo(metadata.time())
                .isGreaterThanOrEqualTo(failed.time() + 100);
        SimEvent answer = events(run, response("OffsetForLeaderEpoch", consumer)).stream()
                .filter(e -> e.seq() > again.seq()).findFirst().orElseThrow();
        assertThat(answer.fields().get("error")).isEqualTo("NONE");
    }

    /** The broker that leads t-0 at the start, as the seed places it. */
    private static int leaderOfT0() {
        Simulation probe = run(CLUSTER, T, PRODUCER, TWO_CONSUMERS, 3000);
        SimEvent fetch = events(probe, e -> e.type().equals("FetchRequest") && fetches(e, "t-0")).get(0);
        return Integer.parseInt(fetch.actor().substring("broker-".length()));
    }
}
