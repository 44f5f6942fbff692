package dev.groupscope.sim.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.Errors;
import dev.groupscope.sim.protocol.Responses.JoinGroupResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** group.initial.rebalance.delay.ms: a new group waits for more members before its first generation. */
class InitialDelayTest {

    private final Harness h = Harness.oneBroker();

    @AfterEach
    void everyEventIsExplainedAndJsonFriendly() {
        EventChecks.assertWellFormed(h.events());
    }

    @Test
    void aLoneMemberOfANewGroupWaitsTheFullInitialDelay() {
        Recorder c1 = h.client("c1");
        h.joinTwoStep(c1); // added to the group at t=10

        h.advanceTo(3_009);
        assertThat(h.all(c1, JoinGroupResponse.class)).hasSize(1); // only MEMBER_ID_REQUIRED so far
        assertThat(h.group().state()).isEqualTo(ClassicGroupState.PREPARING_REBALANCE);

        h.advanceTo(3_012);
        JoinGroupResponse answer = h.last(c1, JoinGroupResponse.class);
        assertThat(answer.error()).isEqualTo(Errors.NONE);
        assertThat(answer.generationId()).isEqualTo(1);
        assertThat(h.events("InitialRebalanceDelay")).singleElement()
                .satisfies(event -> assertThat(event.time()).isEqualTo(3_010));
    }

    @Test
    void theDelayIsExtendedWhileMembersKeepArrivingButNeverPastTheRebalanceTimeout() {
        List<Recorder> clients = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            clients.add(h.client("c" + i));
        }
        // A member every 2 s, for 40 s: each firing of the delay finds a newcomer and extends it.
        for (int i = 0; i < 20; i++) {
            h.advanceTo(2_000L * i);
            h.joinTwoStep(clients.get(i));
        }
        h.advanceTo(40_000);

        // The first member was added at t=10; 3000 ms, then nine extensions of 3000 ms use up the 30000 ms
        // rebalance timeout, and the join completes even though members are still arriving.
        assertThat(h.events("GroupStateChange")).filteredOn(event -> event.fields().get("to")
                .equals("CompletingRebalance")).first().satisfies(event -> assertThat(event.time()).isEqualTo(30_010));
        assertThat(h.events("InitialDelayScheduled")).hasSize(10);
    }

    @Test
    void theLastExtensionIsCutToWhatIsLeftOfTheRebalanceTimeout() {
        Recorder c1 = h.client("c1");
        h.send("c1", h.join("", null, Harness.SESSION_MS, 10_000, Harness.protocols(List.of("orders"))));
        String m1 = h.last(c1, JoinGroupResponse.class).memberId();
        h.send("c1", h.join(m1, null, Harness.SESSION_MS, 10_000, Harness.protocols(List.of("orders"))));
        // A new consumer joins every 2500 ms, each with a connection and a member id of its own: the delay never runs
        // quiet. (One client's second JoinGroup would wait unread behind its first, which the coordinator holds.)
        for (long t = 1_000; t < 12_000; t += 2_500) {
            h.advanceTo(t);
            Recorder joiner = h.client("c2-" + t);
            h.send(joiner.id(), h.join("", null, Harness.SESSION_MS, 10_000, Harness.protocols(List.of("orders"))));
            h.send(joiner.id(), h.join(h.last(joiner, JoinGroupResponse.class).memberId(), null, Harness.SESSION_MS,
                    10_000, Harness.protocols(List.of("orders"))));
        }
        h.advanceTo(12_000);

        // Delays of 3000, 3000, 3000 and then only the 1000 ms left of the 10000 ms rebalance timeout.
        assertThat(h.events("InitialRebalanceDelay")).extracting(event -> event.time())
                .containsExactly(3_010L, 6_010L, 9_010L, 10_010L);
        assertThat(h.group().generationId()).isEqualTo(1);
    }

    @Test
    void aGroupWhoseMembersAllJoinedStillWaitsOutTheInitialDelay() {
        Recorder c1 = h.client("c1");
        Recorder c2 = h.client("c2");
        h.joinTwoStep(c1);
        h.joinTwoStep(c2);

        h.advanceTo(3_000);

        assertThat(h.group().hasAllMembersJoined()).isTrue();
        assertThat(h.group().state()).isEqualTo(ClassicGroupState.PREPARING_REBALANCE);
    }
}
