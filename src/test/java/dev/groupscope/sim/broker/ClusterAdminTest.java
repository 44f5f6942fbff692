package dev.groupscope.sim.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.coordinator.Harness;
import dev.groupscope.sim.coordinator.Recorder;
import dev.groupscope.sim.coordinator.EventChecks;
import dev.groupscope.sim.protocol.Responses.OffsetFetchResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Topics created, grown and deleted by scripted actions, and what the brokers refuse. */
class ClusterAdminTest {

    private final Harness h = new Harness(ClusterSetup.of(3).withTopic("orders", 2, 2)
            .withSim(SimSettings.DEFAULT.withLogCleanerBackoffMs(0)), 3);

    private void act(dev.groupscope.sim.engine.Task action) {
        h.schedule(action);
        h.advance(1);
    }

    @AfterEach
    void everyEventIsExplainedAndJsonFriendly() {
        EventChecks.assertWellFormed(h.events());
    }

    @Test
    void topicsAreCreatedAndGrown() {
        act(new ClusterActions.CreateTopic("payments", 3, 2));
        act(new ClusterActions.IncreasePartitions("payments", 5));

        assertThat(h.cluster.partitionsPerTopic()).containsEntry("payments", 5);
        assertThat(h.events("TopicCreated")).hasSize(1);
        assertThat(h.events("PartitionsIncreased")).hasSize(1);
    }

    @Test
    void impossibleActionsAreRefusedWithKafkasError() {
        act(new ClusterActions.CreateTopic("orders", 3, 1));
        act(new ClusterActions.CreateTopic("wide", 3, 4));
        act(new ClusterActions.IncreasePartitions("orders", 1));
        act(new ClusterActions.DeleteTopic("__consumer_offsets"));

        assertThat(h.events("ActionRefused")).extracting(event -> event.fields().get("error"))
                .containsExactly("TOPIC_ALREADY_EXISTS", "INVALID_REPLICATION_FACTOR", "INVALID_PARTITIONS",
                        "INVALID_TOPIC_EXCEPTION");
    }

    @Test
    void deletingATopicDeletesTheOffsetsCommittedForIt() {
        Recorder c1 = h.client("c1");
        List<String> ids = h.formStableGroup(c1);
        TopicPartition p0 = new TopicPartition("orders", 0);
        h.send("c1", h.commit(1, ids.get(0), Map.of(p0, 9L)));

        act(new ClusterActions.DeleteTopic("orders"));
        h.send("c1", h.fetchOffsets(List.of(p0)));

        assertThat(h.last(c1, OffsetFetchResponse.class).offsets()).containsEntry(p0, -1L);
        assertThat(h.events("OffsetCommitRecordTombstone")).hasSize(1);
        assertThat(h.cluster.partitionsPerTopic()).doesNotContainKey("orders");
    }

    @Test
    void stoppingAndStartingBrokersMovesLeadership() {
        int leader = h.cluster.leaderOf("orders", 0);

        act(new ClusterActions.StopBroker(leader));
        assertThat(h.cluster.leaderOf("orders", 0)).isNotEqualTo(leader).isPositive();
        act(new ClusterActions.StopBroker(leader));
        act(new ClusterActions.StartBroker(leader));

        assertThat(h.cluster.isUp(leader)).isTrue();
        assertThat(h.events("LeaderChange")).isNotEmpty();
        assertThat(h.events("ActionRefused")).singleElement()
                .satisfies(event -> assertThat(event.fields()).containsEntry("action", "StopBroker"));
    }
}
