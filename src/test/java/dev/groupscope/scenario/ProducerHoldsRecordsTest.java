package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.LearnerFilter;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A keyed record whose partition has no leader is not lost at once: Kafka's producer keeps it in its buffer (the
 * sender skips partitions with no known leader and asks for metadata) and sends it once a leader is back, in order,
 * or fails it with a TimeoutException after delivery.timeout.ms (120 s by default). The model dropped it on the spot.
 */
class ProducerHoldsRecordsTest {

    /** Partition orders-1 (replication 1) is led by broker 2, which is down for {@code downMs} from 5 s. */
    private static String scenario(long downMs, long durationMs) {
        return """
                {"name": "held", "seed": 3, "durationMs": %d, "cluster": {"brokers": 3},
                 "topics": [{"name": "orders", "partitions": 3, "replicationFactor": 1}],
                 "producers": [{"id": "P1", "topic": "orders", "recordsPerSecond": 10}],
                 "consumers": [{"id": "C1", "groupId": "g", "topics": ["orders"]}],
                 "actions": [{"atMs": 5000, "action": "stopBroker", "broker": 2},
                             {"atMs": %d, "action": "startBroker", "broker": 2}]}
                """.formatted(durationMs, 5_000 + downMs);
    }

    private static Simulation run(long downMs, long durationMs) {
        Simulation run = ScenarioRun.of(ScenarioReader.read("held.json", scenario(downMs, durationMs))).simulation;
        run.runUntil(durationMs);
        return run;
    }

    private static List<SimEvent> of(Simulation run, String type) {
        return run.log().stream().filter(e -> e.type().equals(type)).toList();
    }

    @Test
    void recordsForALeaderlessPartitionWaitAndGoOutInOrderWhenItsLeaderIsBack() {
        Simulation run = run(3_000, 12_000);

        List<SimEvent> held = of(run, "ProduceHeld");
        assertThat(held).isNotEmpty().allSatisfy(e -> assertThat(e.fields()).containsEntry("partition", 1));
        SimEvent released = of(run, "ProduceReleased").get(0);
        assertThat(released.time()).isEqualTo(8_000);
        assertThat(released.fields()).containsEntry("records", (long) held.size())
                .containsEntry("waitedMs", 8_000L - held.get(0).time());
        assertThat(of(run, "ProduceExpired")).isEmpty();
        // Every record sent to orders-1 is in its log, in the order sent: offsets 0, 1, 2, ... with nothing missing.
        List<Long> offsets = of(run, "Send").stream().filter(e -> "orders-1".equals(e.fields().get("partition")))
                .map(e -> (Long) e.fields().get("offset")).toList();
        assertThat(offsets).isNotEmpty();
        for (int i = 0; i < offsets.size(); i++) {
            assertThat(offsets.get(i)).isEqualTo(i);
        }
        // A learner steps to the first held record and to the release, not to each record held.
        assertThat(held).filteredOn(LearnerFilter.INSTANCE::test).hasSize(1);
        assertThat(LearnerFilter.INSTANCE.test(released)).isTrue();
    }

    @Test
    void recordsHeldForDeliveryTimeoutMsExpireAndAreNeverWritten() {
        Simulation run = run(130_000, 140_000);

        SimEvent firstHeld = of(run, "ProduceHeld").get(0);
        SimEvent expired = of(run, "ProduceExpired").get(0);
        assertThat(expired.time()).isEqualTo(firstHeld.time() + 120_000);
        assertThat(expired.fields()).containsEntry("partition", 1).containsEntry("deliveryTimeoutMs", 120_000L);
        long expiredRecords = of(run, "ProduceExpired").stream().mapToLong(e -> (Long) e.fields().get("records")).sum();
        long released = of(run, "ProduceReleased").stream().mapToLong(e -> (Long) e.fields().get("records")).sum();
        assertThat(expiredRecords + released).as("each held record is either written or expires")
                .isEqualTo(of(run, "ProduceHeld").size());
        assertThat(expiredRecords).isPositive();
        assertThat(released).as("those sent in the last 120 s before the leader came back").isPositive();
    }

    /** With auto-creation off: P1 writes to orders, deleted at 5 s; P2 writes to clicks, created at 20 s. */
    private static Simulation missingTopics(long durationMs) {
        String text = """
                {"name": "missing", "seed": 3, "durationMs": %d,
                 "cluster": {"brokers": 1, "settings": {"auto.create.topics.enable": false}},
                 "topics": [{"name": "orders", "partitions": 3, "replicationFactor": 1}],
                 "producers": [{"id": "P1", "topic": "orders", "recordsPerSecond": 10},
                               {"id": "P2", "topic": "clicks", "recordsPerSecond": 10}],
                 "actions": [{"atMs": 5000, "action": "deleteTopic", "topic": "orders"},
                             {"atMs": 20000, "action": "createTopic", "topic": "clicks", "partitions": 2,
                              "replicationFactor": 1}]}
                """.formatted(durationMs);
        Simulation run = ScenarioRun.of(ScenarioReader.read("missing.json", text)).simulation;
        run.runUntil(durationMs);
        return run;
    }

    private static List<SimEvent> of(Simulation run, String type, String producer) {
        return of(run, type).stream().filter(e -> e.actor().equals(producer)).toList();
    }

    @Test
    void aSendWhoseTopicIsMissingBlocksForMaxBlockMsThenThrowsAndTheNextBlocksAgain() {
        Simulation run = missingTopics(140_000);

        assertThat(of(run, "ProduceHeld", "P1")).as("the first record after the deletion, by the old metadata")
                .singleElement().satisfies(e -> assertThat(e.fields()).containsEntry("error",
                        "UNKNOWN_TOPIC_OR_PARTITION"));
        SimEvent blocked = of(run, "ProduceBlocked", "P1").get(0);
        List<SimEvent> failed = of(run, "ProduceFailed", "P1");
        // Each send() throws TimeoutException after max.block.ms; the application's next one, a send interval later,
        // blocks again.
        assertThat(failed).extracting(SimEvent::time)
                .containsExactly(blocked.time() + 60_000, blocked.time() + 60_000 + 100 + 60_000);
        assertThat(failed.get(0).fields()).containsEntry("error", "TimeoutException");
        assertThat(of(run, "ProduceBlocked", "P1")).as("a learner is told once that send() blocks").hasSize(1);
    }

    @Test
    void aBlockedSendGoesOnOnceItsTopicIsCreated() {
        Simulation run = missingTopics(30_000);

        assertThat(of(run, "ProduceBlocked", "P2")).singleElement()
                .satisfies(e -> assertThat(e.time()).isZero());
        assertThat(of(run, "ProduceFailed", "P2")).isEmpty();
        assertThat(of(run, "Send", "P2")).as("P2 writes to clicks once it appears").isNotEmpty()
                .allSatisfy(e -> assertThat(e.time()).isBetween(20_000L, 30_000L))
                .anySatisfy(e -> assertThat(e.time()).isLessThanOrEqualTo(20_100L));
    }
}
