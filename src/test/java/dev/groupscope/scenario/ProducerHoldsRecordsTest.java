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
}
