package dev.groupscope.sim.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.config.BrokerSettings;
import dev.groupscope.sim.broker.ClusterActions;
import dev.groupscope.sim.broker.ClusterSetup;
import dev.groupscope.sim.broker.SimSettings;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.protocol.Disconnected;
import dev.groupscope.sim.protocol.Requests.FindCoordinatorRequest;
import dev.groupscope.sim.protocol.Responses.FindCoordinatorResponse;
import dev.groupscope.sim.protocol.Responses.HeartbeatResponse;
import dev.groupscope.sim.protocol.Responses.JoinGroupResponse;
import dev.groupscope.sim.protocol.Responses.OffsetFetchResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The coordinator's broker stops: the group moves with its __consumer_offsets partition. */
class FailoverTest {

    private static final TopicPartition P0 = new TopicPartition("orders", 0);

    private final Harness h = new Harness(ClusterSetup.of(3).withTopic("orders", 4, 3)
            .withSim(SimSettings.DEFAULT.withLogCleanerBackoffMs(0)), 7);
    private final Recorder c1 = h.client("c1");
    private final Recorder c2 = h.client("c2");

    private int otherThan(int broker) {
        return broker == 1 ? 2 : 1;
    }

    private void stop(int broker) {
        h.schedule(new ClusterActions.StopBroker(broker));
        h.advance(10);
    }

    private FindCoordinatorResponse findCoordinator(Recorder client, int broker) {
        h.deliver(client.id(), broker, new FindCoordinatorRequest(h.correlationId(), Harness.GROUP));
        h.advance(10);
        return h.last(client, FindCoordinatorResponse.class);
    }

    @AfterEach
    void everyEventIsExplainedAndJsonFriendly() {
        EventChecks.assertWellFormed(h.events());
    }

    @Test
    void aJoinWaitingAtTheOldCoordinatorIsAnsweredNotCoordinator() {
        List<String> ids = h.formStableGroup(c1, c2);
        int old = h.coordinator();
        h.send("c1", h.join(ids.get(0)));

        stop(old);

        JoinGroupResponse answer = h.last(c1, JoinGroupResponse.class);
        assertThat(answer.error()).isEqualTo(Errors.NOT_COORDINATOR);
        assertThat(h.events("GroupStateChange")).last().satisfies(event ->
                assertThat(event.fields()).containsEntry("from", "PreparingRebalance").containsEntry("to", "Dead"));
    }

    @Test
    void aRequestToAStoppedBrokerFailsToConnect() {
        List<String> ids = h.formStableGroup(c1, c2);
        int old = h.coordinator();
        stop(old);

        h.deliver("c2", old, h.heartbeat(1, ids.get(1)));
        h.advance(10);

        Disconnected disconnected = h.last(c2, Disconnected.class);
        assertThat(disconnected.api()).isEqualTo("Heartbeat");
        assertThat(disconnected.broker()).isEqualTo(old);
        assertThat(h.events("ConnectionFailed")).hasSize(1);
    }

    @Test
    void theNewCoordinatorLoadsTheGroupAndItsCommittedOffsetsFromTheLog() {
        List<String> ids = h.formStableGroup(c1, c2);
        h.send("c1", h.commit(1, ids.get(0), Map.of(P0, 17L)));
        int old = h.coordinator();
        String leader = h.group().leaderId();

        stop(old);
        FindCoordinatorResponse found = findCoordinator(c2, otherThan(old));

        assertThat(found.error()).isEqualTo(Errors.NONE);
        assertThat(found.nodeId()).isNotEqualTo(old).isEqualTo(h.coordinator());
        ClassicGroup loaded = h.group();
        assertThat(loaded.state()).isEqualTo(ClassicGroupState.STABLE);
        assertThat(loaded.generationId()).isEqualTo(1);
        assertThat(loaded.leaderId()).isEqualTo(leader);
        assertThat(loaded.allMembers()).extracting(ClassicGroupMember::memberId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(loaded.member(ids.get(1)).assignment()).containsExactly(new TopicPartition("orders", 1));
        h.send("c2", h.heartbeat(1, ids.get(1)));
        assertThat(h.last(c2, HeartbeatResponse.class).error()).isEqualTo(Errors.NONE);
        h.send("c2", h.fetchOffsets(List.of(P0)));
        assertThat(h.last(c2, OffsetFetchResponse.class).offsets()).containsEntry(P0, 17L);
        assertThat(h.events("CoordinatorLoaded")).singleElement()
                .satisfies(event -> assertThat(event.actor()).isEqualTo("broker-" + found.nodeId()));
    }

    @Test
    void loadedMembersMustHeartbeatTheNewCoordinatorWithinTheirSession() {
        List<String> ids = h.formStableGroup(c1, c2);
        stop(h.coordinator());
        long loadedAt = h.now() - 10;
        for (int i = 0; i < 4; i++) {
            h.send("c1", h.heartbeat(1, ids.get(0)));
            h.advance(2_990);
        }

        SimEvent expiry = h.events("HeartbeatExpiration").get(0);
        assertThat(expiry.ruleArgs()).containsEntry("memberId", ids.get(1));
        assertThat(expiry.time()).isEqualTo(loadedAt + Harness.SESSION_MS);
        assertThat(h.group().hasMember(ids.get(1))).isFalse();
    }

    @Test
    void theOldCoordinatorAnswersNotCoordinatorOnceItIsBack() {
        List<String> ids = h.formStableGroup(c1, c2);
        int old = h.coordinator();
        stop(old);
        h.schedule(new ClusterActions.StartBroker(old));
        h.advance(10);

        h.deliver("c2", old, h.heartbeat(1, ids.get(1)));
        h.advance(10);

        assertThat(h.last(c2, HeartbeatResponse.class).error()).isEqualTo(Errors.NOT_COORDINATOR);
    }

    @Test
    void withoutAnyLiveReplicaThereIsNoCoordinatorUntilTheBrokerReturns() {
        Harness single = new Harness(ClusterSetup.of(2)
                .withSettings(BrokerSettings.defaults().with("offsets.topic.replication.factor", (short) 1))
                .withSim(SimSettings.DEFAULT.withLogCleanerBackoffMs(0)).withTopic("orders", 4, 2), 7);
        Recorder c = single.client("c");
        List<String> ids = single.formStableGroup(c);
        int leader = single.coordinator();
        int other = leader == 1 ? 2 : 1;
        single.schedule(new ClusterActions.StopBroker(leader));
        single.advance(10);

        single.deliver("c", other, new FindCoordinatorRequest(single.correlationId(), Harness.GROUP));
        single.advance(10);
        assertThat(single.last(c, FindCoordinatorResponse.class).error()).isEqualTo(Errors.COORDINATOR_NOT_AVAILABLE);
        single.deliver("c", other, single.heartbeat(1, ids.get(0)));
        single.advance(10);
        assertThat(single.last(c, HeartbeatResponse.class).error()).isEqualTo(Errors.NOT_COORDINATOR);

        single.schedule(new ClusterActions.StartBroker(leader));
        single.advance(10);
        single.deliver("c", other, new FindCoordinatorRequest(single.correlationId(), Harness.GROUP));
        single.advance(10);
        assertThat(single.last(c, FindCoordinatorResponse.class).nodeId()).isEqualTo(leader);
        assertThat(single.group().state()).isEqualTo(ClassicGroupState.STABLE);
    }

    @Test
    void theFirstFindCoordinatorOfAFreshClusterCreatesTheOffsetsTopic() {
        Harness fresh = new Harness(ClusterSetup.of(3).withoutOffsetsTopic()
                .withSim(SimSettings.DEFAULT.withLogCleanerBackoffMs(0)), 7);
        Recorder c = fresh.client("c");

        fresh.deliver("c", 1, new FindCoordinatorRequest(fresh.correlationId(), Harness.GROUP));
        fresh.advance(10);
        assertThat(fresh.last(c, FindCoordinatorResponse.class).error()).isEqualTo(Errors.COORDINATOR_NOT_AVAILABLE);
        assertThat(fresh.events("TopicCreated")).hasSize(1);

        fresh.deliver("c", 1, new FindCoordinatorRequest(fresh.correlationId(), Harness.GROUP));
        fresh.advance(10);
        assertThat(fresh.last(c, FindCoordinatorResponse.class).error()).isEqualTo(Errors.NONE);
        assertThat(fresh.cluster.metadata().topics().get("__consumer_offsets")).hasSize(50);
    }

    @Test
    void theOffsetsTopicIsNotCreatedWhileFewerBrokersLiveThanItsReplicationFactor() {
        Harness small = new Harness(ClusterSetup.of(2).withoutOffsetsTopic()
                .withSim(SimSettings.DEFAULT.withLogCleanerBackoffMs(0)), 7);
        Recorder c = small.client("c");

        small.deliver("c", 1, new FindCoordinatorRequest(small.correlationId(), Harness.GROUP));
        small.advance(10);

        assertThat(small.last(c, FindCoordinatorResponse.class).error()).isEqualTo(Errors.COORDINATOR_NOT_AVAILABLE);
        assertThat(small.events("TopicCreationFailed")).singleElement().satisfies(event ->
                assertThat(event.ruleKey()).isEqualTo("sim.cluster.offsetsTopic.notEnoughBrokers"));
        assertThat(small.cluster.metadata().topics()).doesNotContainKey("__consumer_offsets");
    }
}
