package dev.groupscope.sim.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.protocol.Requests.LeaveGroupRequest;
import dev.groupscope.sim.protocol.Requests.MemberIdentity;
import dev.groupscope.sim.protocol.Responses.HeartbeatResponse;
import dev.groupscope.sim.protocol.Responses.JoinGroupMember;
import dev.groupscope.sim.protocol.Responses.JoinGroupResponse;
import dev.groupscope.sim.protocol.Responses.LeaveGroupResponse;
import dev.groupscope.sim.protocol.Responses.SyncGroupResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rebalances of a group that already has a generation: rejoining, leaving, and members that fall silent. */
class RebalanceTest {

    private final Harness h = Harness.oneBroker();
    private final Recorder c1 = h.client("c1");
    private final Recorder c2 = h.client("c2");

    @AfterEach
    void everyEventIsExplainedAndJsonFriendly() {
        EventChecks.assertWellFormed(h.events());
    }

    @Test
    void aFormedGroupIsStableWithEachMembersAssignment() {
        List<String> ids = h.formStableGroup(c1, c2);

        assertThat(h.group().state()).isEqualTo(ClassicGroupState.STABLE);
        assertThat(h.last(c1, SyncGroupResponse.class).assignment()).containsExactly(new TopicPartition("orders", 0));
        assertThat(h.last(c2, SyncGroupResponse.class).assignment()).containsExactly(new TopicPartition("orders", 1));
        assertThat(h.events("GroupMetadataRecord")).last()
                .satisfies(event -> assertThat(event.fields()).containsEntry("generation", 1)
                        .containsEntry("members", List.copyOf(h.group().allMembers().stream()
                                .map(ClassicGroupMember::memberId).toList())));
        assertThat(ids).containsExactly(h.group().leaderId(), ids.get(1));
    }

    @Test
    void whenEveryMemberHasRejoinedTheJoinPhaseEndsWithoutWaitingForTheTimeout() {
        List<String> ids = h.formStableGroup(c1, c2);
        long start = h.now();

        h.send("c1", h.join(ids.get(0))); // the leader rejoins: a rebalance
        assertThat(h.group().state()).isEqualTo(ClassicGroupState.PREPARING_REBALANCE);
        h.send("c2", h.join(ids.get(1)));

        assertThat(h.group().state()).isEqualTo(ClassicGroupState.COMPLETING_REBALANCE);
        assertThat(h.group().generationId()).isEqualTo(2);
        assertThat(h.last(c1, JoinGroupResponse.class).generationId()).isEqualTo(2);
        assertThat(h.now() - start).isLessThan(100);
    }

    @Test
    void aDynamicMemberThatDoesNotRejoinWithinTheRebalanceTimeoutIsRemoved() {
        List<String> ids = h.formStableGroup(c1, c2);
        long start = h.now();
        h.send("c1", h.join(ids.get(0)));
        // c2 keeps its session alive with heartbeats but never rejoins.
        heartbeatUntil(c2, ids.get(1), 1, start + Harness.REBALANCE_MS + 100);

        assertThat(h.last(c2, HeartbeatResponse.class).error()).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
        assertThat(h.group().hasMember(ids.get(1))).isFalse();
        assertThat(h.group().generationId()).isEqualTo(2);
        SimEvent removed = h.events("MemberRemoved").get(0);
        assertThat(removed.ruleKey()).isEqualTo("sim.coordinator.join.notRejoined");
        assertThat(removed.time()).isEqualTo(start + Harness.REBALANCE_MS);
        assertThat(h.all(c2, HeartbeatResponse.class)).extracting(HeartbeatResponse::error)
                .contains(Errors.REBALANCE_IN_PROGRESS);
    }

    @Test
    void aStaticMemberThatDoesNotRejoinStaysInTheGroup() {
        String m1 = h.joinTwoStep(c1);
        h.send("c2", h.join("", "instance-2", Harness.SESSION_MS, Harness.REBALANCE_MS,
                Harness.protocols(List.of("orders"))));
        String m2 = h.group().staticMemberId("instance-2"); // a static member joins in one step
        h.advance(6_100);
        h.syncAll(new Recorder[] {c1, c2}, List.of(m1, m2));
        long start = h.now();

        h.send("c1", h.join(m1));
        heartbeatUntil(c2, m2, 1, start + Harness.REBALANCE_MS + 100);

        assertThat(m2).startsWith("instance-2-");
        assertThat(h.group().hasMember(m2)).isTrue();
        assertThat(h.group().generationId()).isEqualTo(2);
        assertThat(h.last(c1, JoinGroupResponse.class).members()).extracting(JoinGroupMember::memberId)
                .contains(m2);
    }

    @Test
    void aLeaderThatDoesNotRejoinIsReplacedByAMemberThatDid() {
        List<String> ids = h.formStableGroup(c1, c2);
        long start = h.now();
        h.send("c2", h.join(ids.get(1), null, Harness.SESSION_MS, Harness.REBALANCE_MS,
                Harness.protocols(List.of("orders", "payments"))));
        heartbeatUntil(c1, ids.get(0), 1, start + Harness.REBALANCE_MS + 100);

        assertThat(h.group().leaderId()).isEqualTo(ids.get(1));
        assertThat(h.last(c2, JoinGroupResponse.class).members()).extracting(JoinGroupMember::memberId)
                .containsExactly(ids.get(1));
    }

    @Test
    void aLeavingMemberMakesTheGroupRebalanceAndTheRestRejoin() {
        List<String> ids = h.formStableGroup(c1, c2);

        h.send("c2", h.leave(ids.get(1)));

        assertThat(h.last(c2, LeaveGroupResponse.class).memberErrors()).containsEntry(ids.get(1), Errors.NONE);
        assertThat(h.group().state()).isEqualTo(ClassicGroupState.PREPARING_REBALANCE);
        h.send("c1", h.heartbeat(1, ids.get(0)));
        assertThat(h.last(c1, HeartbeatResponse.class).error()).isEqualTo(Errors.REBALANCE_IN_PROGRESS);
        h.send("c1", h.join(ids.get(0)));
        assertThat(h.group().state()).isEqualTo(ClassicGroupState.COMPLETING_REBALANCE);
        assertThat(h.last(c1, JoinGroupResponse.class).members()).extracting(JoinGroupMember::memberId)
                .containsExactly(ids.get(0));
    }

    @Test
    void whenTheLastMemberLeavesTheGroupIsEmptyInANewGenerationAndSaysSoInTheLog() {
        List<String> ids = h.formStableGroup(c1);

        h.send("c1", h.leave(ids.get(0)));

        assertThat(h.group().state()).isEqualTo(ClassicGroupState.EMPTY);
        assertThat(h.group().generationId()).isEqualTo(2);
        assertThat(h.events("GroupMetadataRecord")).last().satisfies(event ->
                assertThat(event.fields()).containsEntry("generation", 2).containsEntry("members", List.of()));
        // Not "every member has sent JoinGroup (members: 0)": there was nobody to wait for.
        assertThat(h.events("GroupStateChange")).last().satisfies(event -> {
            assertThat(event.fields()).containsEntry("to", "Empty");
            assertThat(event.ruleKey()).isEqualTo("sim.coordinator.join.nobodyLeft");
        });
    }

    @Test
    void anAdminRemovesAStaticMemberByItsInstanceId() {
        String m1 = h.joinTwoStep(c1);
        h.send("c2", h.join("", "instance-2", Harness.SESSION_MS, Harness.REBALANCE_MS,
                Harness.protocols(List.of("orders"))));
        h.advance(6_100);
        Recorder admin = h.client("admin");

        h.send("admin", new LeaveGroupRequest(h.correlationId(), Harness.GROUP, List.of(
                new MemberIdentity("", "instance-2", "removed by admin"),
                new MemberIdentity("", "instance-9", null))));

        assertThat(h.last(admin, LeaveGroupResponse.class).memberErrors())
                .containsEntry("instance-2", Errors.NONE).containsEntry("instance-9", Errors.UNKNOWN_MEMBER_ID);
        assertThat(h.group().hasStaticMember("instance-2")).isFalse();
        assertThat(h.group().allMembers()).extracting(ClassicGroupMember::memberId).containsExactly(m1);
    }

    @Test
    void followersWaitForTheLeadersAssignmentAndMembersItLeftOutGetNone() {
        Recorder c3 = h.client("c3");
        List<String> ids = List.of(h.joinTwoStep(c1), h.joinTwoStep(c2), h.joinTwoStep(c3));
        h.advance(6_100);

        h.send("c2", h.sync(1, ids.get(1), Map.of()));
        assertThat(h.all(c2, SyncGroupResponse.class)).isEmpty();
        assertThat(h.events("SyncGroupParked")).hasSize(1);

        h.send("c1", h.sync(1, ids.get(0), Map.of(ids.get(0), List.of(new TopicPartition("orders", 0)),
                ids.get(1), List.of(new TopicPartition("orders", 1)))));

        assertThat(h.last(c2, SyncGroupResponse.class).assignment()).containsExactly(new TopicPartition("orders", 1));
        assertThat(h.group().member(ids.get(2)).assignment()).isEmpty();
        assertThat(h.group().state()).isEqualTo(ClassicGroupState.STABLE);
        h.send("c3", h.sync(1, ids.get(2), Map.of()));
        assertThat(h.last(c3, SyncGroupResponse.class).error()).isEqualTo(Errors.NONE);
        assertThat(h.last(c3, SyncGroupResponse.class).assignment()).isEmpty();
    }

    @Test
    void membersThatNeverSyncAreRemovedWhenTheSyncTimeoutExpires() {
        List<String> ids = List.of(h.joinTwoStep(c1), h.joinTwoStep(c2));
        h.advance(6_100);
        long joinCompleted = 6_010;
        h.send("c1", h.sync(1, ids.get(0), Map.of()));
        // Both keep their sessions alive, but c2 never sends SyncGroup.
        while (h.now() < joinCompleted + Harness.REBALANCE_MS + 100) {
            h.send("c1", h.heartbeat(1, ids.get(0)));
            h.send("c2", h.heartbeat(1, ids.get(1)));
            h.advance(2_980);
        }

        SimEvent expiry = h.events("SyncTimeout").get(0);
        assertThat(expiry.ruleKey()).isEqualTo("sim.coordinator.sync.expired");
        assertThat(h.group().hasMember(ids.get(1))).isFalse();
        assertThat(h.events("GroupStateChange")).last().satisfies(event ->
                assertThat(event.ruleKey()).isEqualTo("sim.coordinator.rebalance.syncExpired"));
    }

    @Test
    void syncGroupAnswersFollowKafkasChecks() {
        List<String> ids = h.formStableGroup(c1, c2);

        h.send("c2", h.sync(0, ids.get(1), Map.of()));
        assertThat(h.last(c2, SyncGroupResponse.class).error()).isEqualTo(Errors.ILLEGAL_GENERATION);
        h.send("c2", h.sync(1, "c2-unknown", Map.of()));
        assertThat(h.last(c2, SyncGroupResponse.class).error()).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
        h.send("c1", h.join(ids.get(0)));
        h.send("c2", h.sync(1, ids.get(1), Map.of()));
        assertThat(h.last(c2, SyncGroupResponse.class).error()).isEqualTo(Errors.REBALANCE_IN_PROGRESS);
    }

    private void heartbeatUntil(Recorder client, String memberId, int generation, long end) {
        while (h.now() < end) {
            h.send(client.id(), h.heartbeat(generation, memberId));
            h.advance(2_990);
        }
    }
}
