package dev.groupscope.sim.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.broker.ClusterActions;
import dev.groupscope.sim.broker.ClusterSetup;
import dev.groupscope.sim.broker.SimSettings;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.protocol.Responses.HeartbeatResponse;
import dev.groupscope.sim.protocol.Responses.JoinGroupResponse;
import dev.groupscope.sim.protocol.Responses.LeaveGroupResponse;
import dev.groupscope.sim.protocol.Responses.OffsetCommitResponse;
import dev.groupscope.sim.protocol.Responses.OffsetFetchResponse;
import dev.groupscope.sim.protocol.Responses.SyncGroupResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A new coordinator that takes time to read its {@code __consumer_offsets} partition (the scenario's
 * coordinatorLoadMs): Kafka's runtime answers the groups' requests COORDINATOR_LOAD_IN_PROGRESS while the partition
 * loads, except heartbeats, which it answers NONE unchecked, and loads the groups when the read ends.
 */
class CoordinatorLoadTest {

    private static final long LOAD_MS = 2_000;
    private static final TopicPartition P0 = new TopicPartition("orders", 0);

    private final Harness h = new Harness(ClusterSetup.of(3).withTopic("orders", 4, 3)
            .withSim(SimSettings.DEFAULT.withLogCleanerBackoffMs(0).withCoordinatorLoadMs(LOAD_MS)), 7);
    private final Recorder c1 = h.client("c1");
    private final Recorder c2 = h.client("c2");

    @AfterEach
    void everyEventIsExplainedAndJsonFriendly() {
        EventChecks.assertWellFormed(h.events());
    }

    /** A stable group with a commit of orders-0 @ 17, whose coordinator's broker then stops; returns the ids. */
    private List<String> failOverWithACommit() {
        List<String> ids = h.formStableGroup(c1, c2);
        h.send("c1", h.commit(1, ids.get(0), Map.of(P0, 17L)));
        h.schedule(new ClusterActions.StopBroker(h.coordinator()));
        h.advance(10);
        return ids;
    }

    private long loadEndsAt() {
        return h.events("CoordinatorLoading").get(0).fields().get("loadEndsAt") instanceof Number n
                ? n.longValue() : -1;
    }

    @Test
    void whileTheNewCoordinatorReadsThePartitionEveryGroupRequestIsToldToTryAgain() {
        List<String> ids = failOverWithACommit();

        h.send("c1", h.join(ids.get(0)));
        h.send("c1", h.sync(1, ids.get(0), Map.of()));
        h.send("c1", h.commit(1, ids.get(0), Map.of(P0, 20L)));
        h.send("c1", h.fetchOffsets(List.of(P0)));
        h.send("c1", h.leave(ids.get(0)));

        assertThat(h.last(c1, JoinGroupResponse.class).error()).isEqualTo(Errors.COORDINATOR_LOAD_IN_PROGRESS);
        assertThat(h.last(c1, JoinGroupResponse.class).memberId()).isEmpty(); // a failed operation names no member
        assertThat(h.last(c1, SyncGroupResponse.class).error()).isEqualTo(Errors.COORDINATOR_LOAD_IN_PROGRESS);
        assertThat(h.last(c1, OffsetCommitResponse.class).errors())
                .containsExactly(Map.entry(P0, Errors.COORDINATOR_LOAD_IN_PROGRESS));
        assertThat(h.last(c1, OffsetFetchResponse.class).error()).isEqualTo(Errors.COORDINATOR_LOAD_IN_PROGRESS);
        assertThat(h.last(c1, LeaveGroupResponse.class).error()).isEqualTo(Errors.COORDINATOR_LOAD_IN_PROGRESS);
        assertThat(h.events("JoinGroupRequest")).last().satisfies(arrival ->
                assertThat(arrival.ruleKey()).isEqualTo("sim.coordinator.loading.refused"));
        assertThat(h.group().state()).as("the group as the partition holds it, refusing").isEqualTo(
                ClassicGroupState.STABLE);
    }

    @Test
    void aHeartbeatDuringTheLoadIsAnsweredNoneWithoutAnyCheck() {
        failOverWithACommit();

        h.send("c2", h.heartbeat(42, "no-such-member"));

        assertThat(h.last(c2, HeartbeatResponse.class).error()).isEqualTo(Errors.NONE);
        assertThat(h.events("HeartbeatRequest")).last().satisfies(arrival ->
                assertThat(arrival.ruleKey()).isEqualTo("sim.coordinator.loading.heartbeat"));
    }

    @Test
    void whenTheReadEndsTheGroupIsBackWithItsOffsetsAndEverySessionStartsThen() {
        List<String> ids = failOverWithACommit();
        long stoppedAt = h.now() - 10;
        assertThat(loadEndsAt()).isEqualTo(stoppedAt + LOAD_MS);

        h.advanceTo(loadEndsAt());
        SimEvent loaded = h.events("CoordinatorLoaded").get(0);
        assertThat(loaded.time()).isEqualTo(stoppedAt + LOAD_MS);
        assertThat(loaded.ruleKey()).isEqualTo("sim.coordinator.loaded.afterReading");
        assertThat(h.group().state()).isEqualTo(ClassicGroupState.STABLE);
        assertThat(h.group().generationId()).isEqualTo(1);
        h.send("c1", h.fetchOffsets(List.of(P0)));
        assertThat(h.last(c1, OffsetFetchResponse.class).offsets()).containsEntry(P0, 17L);

        for (int i = 0; i < 4; i++) {
            h.send("c1", h.heartbeat(1, ids.get(0)));
            h.advance(2_990);
        }
        SimEvent expiry = h.events("HeartbeatExpiration").get(0);
        assertThat(expiry.ruleArgs()).containsEntry("memberId", ids.get(1));
        assertThat(expiry.time()).as("sessions count from the end of the load")
                .isEqualTo(stoppedAt + LOAD_MS + Harness.SESSION_MS);
    }

    @Test
    void aBrokerThatStopsWhileLoadingHandsTheReadOnToTheNextLeader() {
        failOverWithACommit();
        int loading = h.coordinator();

        h.advance(500);
        h.schedule(new ClusterActions.StopBroker(loading));
        h.advance(10);

        assertThat(h.coordinator()).isNotEqualTo(loading);
        assertThat(h.events("CoordinatorUnloaded")).as("Kafka unloads what it has read so far").last()
                .satisfies(event -> assertThat(event.actor()).isEqualTo("broker-" + loading));
        assertThat(h.events("CoordinatorLoading")).hasSize(2).last()
                .satisfies(event -> assertThat(event.actor()).isEqualTo("broker-" + h.coordinator()));
        h.advanceTo(h.now() + LOAD_MS);
        assertThat(h.events("CoordinatorLoaded")).as("the first read was abandoned").singleElement()
                .satisfies(event -> assertThat(event.actor()).isEqualTo("broker-" + h.coordinator()));
        assertThat(h.group().generationId()).isEqualTo(1);
    }

    @Test
    void aPartitionWithNothingToReadLoadsAtOnce() {
        int coordinator = h.coordinator();

        h.schedule(new ClusterActions.StopBroker(coordinator));
        h.advance(10);

        assertThat(h.events("CoordinatorLoading")).isEmpty();
        String memberId = h.joinTwoStep(c1);
        assertThat(memberId).isNotEmpty();
    }
}
