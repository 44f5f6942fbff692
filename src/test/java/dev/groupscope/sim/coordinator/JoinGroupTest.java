package dev.groupscope.sim.coordinator;

import static dev.groupscope.sim.coordinator.Harness.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.HashMapOrder;
import dev.groupscope.kafka.config.BrokerSettings;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.protocol.JoinGroupProtocol;
import dev.groupscope.sim.protocol.Requests.JoinGroupRequest;
import dev.groupscope.sim.protocol.Responses.JoinGroupMember;
import dev.groupscope.sim.protocol.Responses.JoinGroupResponse;
import dev.groupscope.sim.protocol.Subscription;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JoinGroupTest {

    private final Harness h = Harness.oneBroker();

    @AfterEach
    void everyEventIsExplainedAndJsonFriendly() {
        EventChecks.assertWellFormed(h.events());
    }

    @Test
    void aNewDynamicMemberFirstGetsAnIdWithMemberIdRequiredThenJoinsWithIt() {
        Recorder c1 = h.client("c1");

        h.send("c1", h.join(""));
        JoinGroupResponse first = h.last(c1, JoinGroupResponse.class);
        assertThat(first.error()).isEqualTo(Errors.MEMBER_ID_REQUIRED);
        assertThat(first.memberId()).startsWith("c1-").hasSize("c1-".length() + 36);
        assertThat(h.group().isPendingMember(first.memberId())).isTrue();
        assertThat(h.group().numMembers()).isZero();

        h.send("c1", h.join(first.memberId()));
        assertThat(h.group().hasMember(first.memberId())).isTrue();
        assertThat(h.group().isPendingMember(first.memberId())).isFalse();
        assertThat(h.group().state()).isEqualTo(ClassicGroupState.PREPARING_REBALANCE);
        assertThat(h.events("JoinGroupParked")).hasSize(1);
    }

    @Test
    void theFirstMemberToJoinLeadsAndOnlyTheLeaderGetsTheMemberList() {
        Recorder c1 = h.client("c1");
        Recorder c2 = h.client("c2");
        String m1 = h.joinTwoStep(c1);
        String m2 = h.joinTwoStep(c2);

        h.advanceTo(6_100); // the initial delay, extended once because members kept arriving

        JoinGroupResponse leader = h.last(c1, JoinGroupResponse.class);
        JoinGroupResponse follower = h.last(c2, JoinGroupResponse.class);
        assertThat(leader.error()).isEqualTo(Errors.NONE);
        assertThat(leader.leader()).isEqualTo(m1);
        assertThat(leader.generationId()).isEqualTo(1);
        assertThat(leader.protocolName()).isEqualTo("range");
        assertThat(leader.members()).extracting(JoinGroupMember::memberId).containsExactlyInAnyOrder(m1, m2);
        assertThat(follower.leader()).isEqualTo(m1);
        assertThat(follower.members()).isEmpty();
        assertThat(h.group().state()).isEqualTo(ClassicGroupState.COMPLETING_REBALANCE);
    }

    @Test
    void theLeadersMemberListFollowsKafkasHashMapOrderWithEachMembersMetadata() {
        List<Recorder> clients = List.of(h.client("c1"), h.client("c2"), h.client("c3"), h.client("c4"));
        HashMapOrder<String, String> expected = new HashMapOrder<>();
        for (Recorder client : clients) {
            String id = h.joinTwoStep(client);
            expected.put(id, id);
        }

        h.advanceTo(6_100); // the initial delay, extended once because members kept arriving

        JoinGroupResponse leader = h.last(clients.get(0), JoinGroupResponse.class);
        assertThat(leader.members()).extracting(JoinGroupMember::memberId).containsExactlyElementsOf(expected.keys());
        assertThat(leader.members()).extracting(member -> member.metadata().topics())
                .containsOnly(List.of("orders"));
    }

    @Test
    void aSessionTimeoutOutsideTheBrokersBoundsIsRefusedBeforeTheGroupIsLookedAt() {
        Recorder c1 = h.client("c1");

        h.send("c1", h.join("", null, 5_999, Harness.REBALANCE_MS, Harness.protocols(List.of("orders"))));
        assertThat(h.last(c1, JoinGroupResponse.class).error()).isEqualTo(Errors.INVALID_SESSION_TIMEOUT);
        h.send("c1", h.join("", null, 1_800_001, Harness.REBALANCE_MS, Harness.protocols(List.of("orders"))));
        assertThat(h.last(c1, JoinGroupResponse.class).error()).isEqualTo(Errors.INVALID_SESSION_TIMEOUT);

        assertThat(h.group()).isNull();
    }

    @Test
    void theBrokersOwnSessionBoundsApply() {
        Harness strict = Harness.withSettings(BrokerSettings.defaults().with("group.min.session.timeout.ms", 20_000));
        Recorder c1 = strict.client("c1");

        strict.send("c1", strict.join(""));

        assertThat(strict.last(c1, JoinGroupResponse.class).error()).isEqualTo(Errors.INVALID_SESSION_TIMEOUT);
    }

    @Test
    void aGroupOfGroupMaxSizeTurnsFurtherMembersAway() {
        Harness small = Harness.withSettings(BrokerSettings.defaults().with("group.max.size", 2));
        Recorder c1 = small.client("c1");
        Recorder c2 = small.client("c2");
        Recorder c3 = small.client("c3");
        small.joinTwoStep(c1);
        small.joinTwoStep(c2);

        small.send("c3", small.join(""));

        JoinGroupResponse answer = small.last(c3, JoinGroupResponse.class);
        assertThat(answer.error()).isEqualTo(Errors.GROUP_MAX_SIZE_REACHED);
        assertThat(answer.memberId()).isEmpty();
        assertThat(small.group().numMembers()).isEqualTo(2);
        assertThat(small.group().pendingJoinMembers()).isEmpty();
    }

    @Test
    void anEmptyGroupIdIsInvalid() {
        Recorder c1 = h.client("c1");
        JoinGroupRequest request = new JoinGroupRequest(h.correlationId(), "", Harness.SESSION_MS,
                Harness.REBALANCE_MS, "", null, "consumer", Harness.protocols(List.of("orders")), null);

        h.send("c1", request);

        assertThat(h.last(c1, JoinGroupResponse.class).error()).isEqualTo(Errors.INVALID_GROUP_ID);
    }

    @Test
    void aKnownMemberIdCannotCreateAGroup() {
        Recorder c1 = h.client("c1");

        h.send("c1", h.join("c1-made-up"));

        assertThat(h.last(c1, JoinGroupResponse.class).error()).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
        assertThat(h.group()).isNull();
    }

    @Test
    void aMemberSharingNoProtocolWithTheGroupIsRejected() {
        Recorder c1 = h.client("c1");
        Recorder c2 = h.client("c2");
        h.joinTwoStep(c1);

        Subscription subscription = new Subscription(List.of("orders"), List.of(), -1, List.of());
        h.send("c2", h.join("", null, Harness.SESSION_MS, Harness.REBALANCE_MS,
                List.of(new JoinGroupProtocol("roundrobin", subscription))));

        assertThat(h.last(c2, JoinGroupResponse.class).error()).isEqualTo(Errors.INCONSISTENT_GROUP_PROTOCOL);
    }

    @Test
    void theProtocolMostMembersPreferWins() {
        Recorder c1 = h.client("c1");
        Recorder c2 = h.client("c2");
        Recorder c3 = h.client("c3");
        Subscription subscription = new Subscription(List.of("orders"), List.of(), -1, List.of());
        List<JoinGroupProtocol> stickyFirst = List.of(new JoinGroupProtocol("cooperative-sticky", subscription),
                new JoinGroupProtocol("range", subscription));
        joinTwoStepWith(c1, Harness.protocols(List.of("orders")));
        joinTwoStepWith(c2, stickyFirst);
        joinTwoStepWith(c3, stickyFirst);

        h.advanceTo(6_100); // the initial delay, extended once because members kept arriving

        assertThat(h.last(c1, JoinGroupResponse.class).protocolName()).isEqualTo("cooperative-sticky");
        SimEvent vote = h.events("ProtocolSelected").get(0);
        assertThat(vote.fields().get("votes")).isEqualTo(Map.of("cooperative-sticky", 2, "range", 1));
    }

    @Test
    void aNewGroupIsWrittenToTheLogEvenBeforeItHasMembers() {
        h.client("c1");

        h.send("c1", h.join(""));

        List<SimEvent> records = h.events("GroupMetadataRecord");
        assertThat(records).hasSize(1);
        assertThat(records.get(0).fields()).containsEntry("groupId", GROUP).containsEntry("generation", 0);
    }

    private void joinTwoStepWith(Recorder client, List<JoinGroupProtocol> protocols) {
        h.send(client.id(), h.join("", null, Harness.SESSION_MS, Harness.REBALANCE_MS, protocols));
        String memberId = h.last(client, JoinGroupResponse.class).memberId();
        h.send(client.id(), h.join(memberId, null, Harness.SESSION_MS, Harness.REBALANCE_MS, protocols));
    }
}
