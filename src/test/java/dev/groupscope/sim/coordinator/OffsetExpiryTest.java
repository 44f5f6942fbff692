package dev.groupscope.sim.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.config.BrokerSettings;
import dev.groupscope.sim.broker.ClusterSetup;
import dev.groupscope.sim.broker.SimSettings;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.protocol.Responses.OffsetFetchResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** offsets.retention.minutes: committed offsets do not live forever, and neither do Empty groups. */
class OffsetExpiryTest {

    private static final TopicPartition ORDERS_0 = new TopicPartition("orders", 0);
    private static final TopicPartition PAYMENTS_0 = new TopicPartition("payments", 0);
    private static final long RETENTION_MS = 60_000;
    private static final long CHECK_MS = 10_000;

    private final Harness h = new Harness(ClusterSetup.of(1)
            .withSettings(BrokerSettings.defaults().with("offsets.retention.minutes", 1)
                    .with("offsets.retention.check.interval.ms", CHECK_MS))
            .withSim(SimSettings.DEFAULT.withLogCleanerBackoffMs(0))
            .withTopic("orders", 4, 1).withTopic("payments", 1, 1), 9);
    private final Recorder c1 = h.client("c1");

    @AfterEach
    void everyEventIsExplainedAndJsonFriendly() {
        EventChecks.assertWellFormed(h.events());
    }

    private Map<TopicPartition, Long> fetch(List<TopicPartition> partitions) {
        h.send("c1", h.fetchOffsets(partitions));
        return h.last(c1, OffsetFetchResponse.class).offsets();
    }

    @Test
    void theOffsetsOfAnEmptyGroupExpireARetentionAfterItBecameEmptyAndThenTheGroupGoes() {
        List<String> ids = h.formStableGroup(c1);
        h.send("c1", h.commit(1, ids.get(0), Map.of(ORDERS_0, 5L)));
        h.send("c1", h.leave(ids.get(0)));
        long emptySince = h.group().currentStateTimestamp();

        h.advanceTo(emptySince + RETENTION_MS - 1);
        assertThat(fetch(List.of(ORDERS_0))).containsEntry(ORDERS_0, 5L);

        h.advanceTo(emptySince + RETENTION_MS + CHECK_MS);
        assertThat(fetch(List.of(ORDERS_0))).containsEntry(ORDERS_0, -1L);
        assertThat(h.group()).isNull();
        SimEvent tombstone = h.events("OffsetCommitRecordTombstone").get(0);
        assertThat(tombstone.ruleKey()).isEqualTo("sim.coordinator.offsets.expiredEmpty");
        assertThat(h.events("GroupMetadataRecordTombstone")).hasSize(1);
        assertThat(h.events("GroupStateChange")).last().satisfies(event ->
                assertThat(event.fields()).containsEntry("from", "Empty").containsEntry("to", "Dead"));
    }

    @Test
    void aStableGroupKeepsTheOffsetsOfItsTopicsAndLosesTheOthers() {
        List<String> ids = h.formStableGroup(c1);
        h.send("c1", h.commit(1, ids.get(0), Map.of(ORDERS_0, 5L, PAYMENTS_0, 8L)));
        for (int i = 0; i < 30; i++) {
            h.send("c1", h.heartbeat(1, ids.get(0)));
            h.advance(2_990);
        }

        assertThat(fetch(List.of(ORDERS_0, PAYMENTS_0))).containsEntry(ORDERS_0, 5L).containsEntry(PAYMENTS_0, -1L);
        assertThat(h.events("OffsetCommitRecordTombstone")).singleElement().satisfies(event ->
                assertThat(event.ruleKey()).isEqualTo("sim.coordinator.offsets.expiredCommit"));
    }

    @Test
    void offsetsCommittedOutsideGroupManagementExpireFromTheirCommit() {
        h.send("c1", h.commit(-1, "", Map.of(ORDERS_0, 3L)));
        long committedAt = h.now() - 10;

        h.advanceTo(committedAt + RETENTION_MS + CHECK_MS);

        assertThat(fetch(List.of(ORDERS_0))).containsEntry(ORDERS_0, -1L);
        assertThat(h.group()).isNull();
    }
}
