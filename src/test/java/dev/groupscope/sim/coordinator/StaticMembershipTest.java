package dev.groupscope.sim.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.protocol.JoinGroupProtocol;
import dev.groupscope.sim.protocol.Requests.HeartbeatRequest;
import dev.groupscope.sim.protocol.Requests.JoinGroupRequest;
import dev.groupscope.sim.protocol.Requests.SyncGroupRequest;
import dev.groupscope.sim.protocol.Responses.HeartbeatResponse;
import dev.groupscope.sim.protocol.Responses.JoinGroupMember;
import dev.groupscope.sim.protocol.Responses.JoinGroupResponse;
import dev.groupscope.sim.protocol.Responses.SyncGroupResponse;
import dev.groupscope.sim.protocol.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** KIP-345 static membership: a restarted instance takes its place back, often without a rebalance. */
class StaticMembershipTest {

    private final Harness h = Harness.oneBroker();

    private JoinGroupRequest staticJoin(String memberId, String instanceId) {
        return h.join(memberId, instanceId, Harness.SESSION_MS, Harness.REBALANCE_MS,
                Harness.protocols(List.of("orders")));
    }

    /** A Stable group of static members i1 (the leader), i2... with one partition each. */
    private List<String> formStaticGroup(Recorder... clients) {
        for (int i = 0; i < clients.length; i++) {
            h.send(clients[i].id(), staticJoin("", "i" + (i + 1)));
        }
        h.advance(6_100);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < clients.length; i++) {
            ids.add(h.group().staticMemberId("i" + (i + 1)));
        }
        Map<String, List<TopicPartition>> assignment = new TreeMap<>();
        for (int i = 0; i < ids.size(); i++) {
            assignment.put(ids.get(i), List.of(new TopicPartition("orders", i)));
        }
        for (int i = 0; i < clients.length; i++) {
            h.send(clients[i].id(), new SyncGroupRequest(h.correlationId(), Harness.GROUP, 1, ids.get(i),
                    "i" + (i + 1), "consumer", "range", i == 0 ? assignment : Map.of()));
        }
        return ids;
    }

    @AfterEach
    void everyEventIsExplainedAndJsonFriendly() {
        EventChecks.assertWellFormed(h.events());
    }

    @Test
    void aRestartedStaticFollowerTakesItsPlaceBackWithoutARebalanceAndItsOldIdIsFenced() {
        Recorder c1 = h.client("c1");
        Recorder c2 = h.client("c2");
        List<String> ids = formStaticGroup(c1, c2);
        Recorder restarted = h.client("c2-restarted");

        h.send("c2-restarted", staticJoin("", "i2"));

        JoinGroupResponse answer = h.last(restarted, JoinGroupResponse.class);
        assertThat(answer.error()).isEqualTo(Errors.NONE);
        assertThat(answer.generationId()).isEqualTo(1);
        assertThat(answer.memberId()).startsWith("i2-").isNotEqualTo(ids.get(1));
        assertThat(answer.members()).isEmpty();
        assertThat(answer.skipAssignment()).isFalse();
        assertThat(h.group().state()).isEqualTo(ClassicGroupState.STABLE);
        assertThat(h.events("GroupStateChange")).noneMatch(event -> event.time() >= h.now() - 10);
        assertThat(h.events("GroupMetadataRecord")).last()
                .satisfies(event -> assertThat(event.fields().get("members").toString()).contains(answer.memberId()));

        h.send("c2-restarted", new SyncGroupRequest(h.correlationId(), Harness.GROUP, 1, answer.memberId(), "i2",
                "consumer", "range", Map.of()));
        assertThat(h.last(restarted, SyncGroupResponse.class).assignment())
                .containsExactly(new TopicPartition("orders", 1));

        h.send("c2", new HeartbeatRequest(h.correlationId(), Harness.GROUP, 1, ids.get(1), "i2"));
        assertThat(h.last(c2, HeartbeatResponse.class).error()).isEqualTo(Errors.FENCED_INSTANCE_ID);
    }

    @Test
    void aRestartedStaticLeaderGetsTheMemberListButMustNotAssignAgain() {
        Recorder c1 = h.client("c1");
        Recorder c2 = h.client("c2");
        formStaticGroup(c1, c2);
        Recorder restarted = h.client("c1-restarted");

        h.send("c1-restarted", staticJoin("", "i1"));

        JoinGroupResponse answer = h.last(restarted, JoinGroupResponse.class);
        assertThat(answer.skipAssignment()).isTrue();
        assertThat(answer.leader()).isEqualTo(answer.memberId());
        assertThat(answer.members()).extracting(JoinGroupMember::groupInstanceId).containsExactlyInAnyOrder("i1", "i2");
        assertThat(h.group().state()).isEqualTo(ClassicGroupState.STABLE);
    }

    @Test
    void aRestartedStaticMemberOfferingOnlyAnotherProtocolMakesTheGroupRebalance() {
        Recorder c1 = h.client("c1");
        Recorder c2 = h.client("c2");
        formStaticGroup(c1, c2);
        h.client("c2-restarted");
        Subscription subscription = new Subscription(List.of("orders"), List.of(), -1, List.of());

        h.send("c2-restarted", h.join("", "i2", Harness.SESSION_MS, Harness.REBALANCE_MS,
                List.of(new JoinGroupProtocol("cooperative-sticky", subscription))));

        assertThat(h.group().state()).isEqualTo(ClassicGroupState.PREPARING_REBALANCE);
        assertThat(h.events("GroupStateChange")).last().satisfies(event ->
                assertThat(event.ruleKey()).isEqualTo("sim.coordinator.rebalance.staticProtocolChange"));
    }

    @Test
    void aStaticMemberReplacedWhileTheLeaderAssignsMakesTheGroupRebalance() {
        Recorder c1 = h.client("c1");
        Recorder c2 = h.client("c2");
        h.send("c1", staticJoin("", "i1"));
        h.send("c2", staticJoin("", "i2"));
        h.advance(6_100);
        assertThat(h.group().state()).isEqualTo(ClassicGroupState.COMPLETING_REBALANCE);
        h.client("c2-restarted");

        h.send("c2-restarted", staticJoin("", "i2"));

        assertThat(h.group().state()).isEqualTo(ClassicGroupState.PREPARING_REBALANCE);
        assertThat(h.events("GroupStateChange")).last().satisfies(event ->
                assertThat(event.ruleKey()).isEqualTo("sim.coordinator.rebalance.staticDuringCompleting"));
    }

    @Test
    void theOldIncarnationsParkedJoinIsAnsweredWithFencedInstanceId() {
        Recorder c1 = h.client("c1");
        Recorder c2 = h.client("c2");
        Recorder c3 = h.client("c3");
        List<String> ids = formStaticGroup(c1, c2, c3);
        h.send("c1", staticJoin(ids.get(0), "i1")); // the leader rejoins: a rebalance
        h.send("c2", staticJoin(ids.get(1), "i2")); // i2's old incarnation waits in the join
        Recorder restarted = h.client("c2-restarted");

        h.send("c2-restarted", staticJoin("", "i2"));

        JoinGroupResponse fenced = h.last(c2, JoinGroupResponse.class);
        assertThat(fenced.error()).isEqualTo(Errors.FENCED_INSTANCE_ID);
        assertThat(fenced.memberId()).isEqualTo(ids.get(1));
        assertThat(h.all(restarted, JoinGroupResponse.class)).isEmpty(); // it waits for i3 like everyone

        h.send("c3", staticJoin(ids.get(2), "i3"));
        JoinGroupResponse answer = h.last(restarted, JoinGroupResponse.class);
        assertThat(answer.error()).isEqualTo(Errors.NONE);
        assertThat(answer.generationId()).isEqualTo(2);
        assertThat(answer.memberId()).isEqualTo(h.group().staticMemberId("i2"));
    }
}
