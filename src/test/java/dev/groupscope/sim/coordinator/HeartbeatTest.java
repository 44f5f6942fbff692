package dev.groupscope.sim.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.protocol.Requests.HeartbeatRequest;
import dev.groupscope.sim.protocol.Responses.HeartbeatResponse;
import dev.groupscope.sim.protocol.Responses.JoinGroupResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Heartbeat answers in each state, and which members a session timeout removes. */
class HeartbeatTest {

    private final Harness h = Harness.oneBroker();
    private final Recorder c1 = h.client("c1");
    private final Recorder c2 = h.client("c2");

    private Errors heartbeat(Recorder client, int generation, String memberId) {
        h.send(client.id(), h.heartbeat(generation, memberId));
        return h.last(client, HeartbeatResponse.class).error();
    }

    /** c1 heartbeats every 2,990 ms for 15 s, c2 not at all: the first session to expire is c2's. */
    private SimEvent firstExpiryWhileOnlyC1Heartbeats(String c1MemberId) {
        for (int i = 0; i < 5; i++) {
            h.advance(2_990);
            heartbeat(c1, 1, c1MemberId);
        }
        return h.events("HeartbeatExpiration").get(0);
    }

    @AfterEach
    void everyEventIsExplainedAndJsonFriendly() {
        EventChecks.assertWellFormed(h.events());
    }

    @Test
    void stableAnswersNone() {
        List<String> ids = h.formStableGroup(c1, c2);

        assertThat(heartbeat(c2, 1, ids.get(1))).isEqualTo(Errors.NONE);
    }

    @Test
    void preparingRebalanceAnswersRebalanceInProgress() {
        List<String> ids = h.formStableGroup(c1, c2);
        h.send("c1", h.join(ids.get(0)));

        assertThat(heartbeat(c2, 1, ids.get(1))).isEqualTo(Errors.REBALANCE_IN_PROGRESS);
    }

    @Test
    void completingRebalanceAnswersNoneAsKafkasCodeDoesNotAsItsJavadocSays() {
        List<String> ids = List.of(h.joinTwoStep(c1), h.joinTwoStep(c2));
        h.advance(6_100);
        assertThat(h.group().state()).isEqualTo(ClassicGroupState.COMPLETING_REBALANCE);

        assertThat(heartbeat(c2, 1, ids.get(1))).isEqualTo(Errors.NONE);
    }

    @Test
    void anEmptyGroupHasNoMemberToHeartbeat() {
        List<String> ids = h.formStableGroup(c1);
        h.send("c1", h.leave(ids.get(0)));
        assertThat(h.group().state()).isEqualTo(ClassicGroupState.EMPTY);

        assertThat(heartbeat(c1, 2, ids.get(0))).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
    }

    @Test
    void anUnknownGroupOrMemberAndAnOldGenerationAreRefused() {
        List<String> ids = h.formStableGroup(c1, c2);

        assertThat(heartbeat(c2, 0, ids.get(1))).isEqualTo(Errors.ILLEGAL_GENERATION);
        assertThat(heartbeat(c2, 1, "c2-gone")).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
        h.send("c2", new HeartbeatRequest(h.correlationId(), "no-such-group", 1, ids.get(1), null));
        assertThat(h.last(c2, HeartbeatResponse.class).error()).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
    }

    @Test
    void aMemberThatStopsHeartbeatingIsRemovedOneSessionTimeoutAfterItsLastHeartbeat() {
        List<String> ids = h.formStableGroup(c1, c2);
        h.advance(1_000);
        long sent = h.now();
        heartbeat(c2, 1, ids.get(1));
        long answered = h.now();
        SimEvent expiry = firstExpiryWhileOnlyC1Heartbeats(ids.get(0));
        assertThat(expiry.ruleKey()).isEqualTo("sim.coordinator.heartbeat.sessionExpired");
        assertThat(expiry.ruleArgs()).containsEntry("memberId", ids.get(1))
                .containsEntry("sessionTimeoutMs", (long) Harness.SESSION_MS);
        long c2LastHeartbeat = (long) expiry.ruleArgs().get("sessionRenewedMs");
        assertThat(c2LastHeartbeat).isBetween(sent, answered);
        assertThat(expiry.time()).isEqualTo(c2LastHeartbeat + Harness.SESSION_MS);
        assertThat(h.group().hasMember(ids.get(1))).isFalse();
        assertThat(h.group().state()).isEqualTo(ClassicGroupState.PREPARING_REBALANCE);
    }

    /**
     * c2's SyncGroup comes after the leader's, when the group is already Stable: Kafka answers it at once and does not
     * restart the session ({@code classicGroupSyncToClassicGroup}), so c2's session last restarted with its JoinGroup.
     */
    @Test
    void aMemberThatNeverHeartbeatsExpiresOneSessionAfterItsJoinGroup() {
        List<String> ids = h.formStableGroup(c1, c2);
        long syncAnswered = h.now();
        SimEvent expiry = firstExpiryWhileOnlyC1Heartbeats(ids.get(0));
        assertThat(expiry.ruleKey()).isEqualTo("sim.coordinator.heartbeat.sessionExpired.join");
        assertThat(expiry.ruleArgs()).containsEntry("memberId", ids.get(1));
        long renewed = (long) expiry.ruleArgs().get("sessionRenewedMs");
        assertThat(renewed).isLessThanOrEqualTo(syncAnswered);
        assertThat(expiry.time()).isEqualTo(renewed + Harness.SESSION_MS);
    }

    /**
     * Kafka's {@code OffsetMetadataManager.commitOffset} restarts a classic member's session as a heartbeat does: a
     * member whose last word was a commit is removed one session after the commit, and the sentence says so rather
     * than calling the commit a heartbeat.
     */
    @Test
    void anOffsetCommitRestartsTheSessionAndTheExpirySaysItWasTheCommit() {
        List<String> ids = h.formStableGroup(c1, c2);
        h.advance(1_000);
        heartbeat(c2, 1, ids.get(1));
        h.advance(2_000);
        long sent = h.now();
        h.send("c2", h.commit(1, ids.get(1), Map.of(new TopicPartition("orders", 0), 5L)));
        long answered = h.now();
        SimEvent expiry = firstExpiryWhileOnlyC1Heartbeats(ids.get(0));
        assertThat(expiry.ruleKey()).isEqualTo("sim.coordinator.heartbeat.sessionExpired.commit");
        long c2Commit = (long) expiry.ruleArgs().get("sessionRenewedMs");
        assertThat(c2Commit).isBetween(sent, answered);
        assertThat(expiry.fields()).containsEntry("renewedBy", "OffsetCommit");
        assertThat(expiry.time()).isEqualTo(c2Commit + Harness.SESSION_MS);
        assertThat(Messages.english().format(expiry.ruleKey(), expiry.ruleArgs()))
                .contains("since its offset commit at " + String.format(Locale.ENGLISH, "%,d", c2Commit) + " ms");
    }

    @Test
    void aMemberWaitingInARebalanceCountsAsAliveButASilentOneExpires() {
        List<String> ids = h.formStableGroup(c1, c2);
        long joinAt = h.now() + 2_000;
        h.advanceTo(joinAt - 1_000);
        heartbeat(c2, 1, ids.get(1)); // c2's session now runs until joinAt + 9000, c1's until ~joinAt + 8000
        h.advanceTo(joinAt);
        h.send("c1", h.join(ids.get(0))); // c1 waits for c2, which neither rejoins nor heartbeats

        h.advance(15_000); // past c2's session, before c1's new one (from generation 2) runs out

        List<SimEvent> expirations = h.events("HeartbeatExpiration");
        assertThat(expirations).extracting(SimEvent::ruleKey)
                .containsExactly("sim.coordinator.heartbeat.satisfied", "sim.coordinator.heartbeat.sessionExpired");
        assertThat(expirations.get(0).ruleArgs()).containsEntry("memberId", ids.get(0));
        assertThat(expirations.get(1).ruleArgs()).containsEntry("memberId", ids.get(1));
        // With c2 gone everyone left has rejoined: generation 2 starts then, long before the rebalance timeout.
        assertThat(h.group().generationId()).isEqualTo(2);
        assertThat(h.group().allMembers()).extracting(ClassicGroupMember::memberId).containsExactly(ids.get(0));
    }

    @Test
    void aNewMemberStuckInItsFirstJoinExpiresAfterTheNewMemberJoinTimeout() {
        // A static member with a long max.poll.interval.ms keeps the join phase open by never rejoining.
        h.send("c1", h.join("", "i1", Harness.SESSION_MS, 600_000, Harness.protocols(List.of("orders"))));
        h.advance(3_100);
        String m1 = h.group().staticMemberId("i1");
        h.send("c1", h.sync(1, m1, Map.of()));
        String m2 = h.joinTwoStep(c2); // parked: the group waits for c1 to rejoin
        long parkedAt = h.now() - 10;
        while (h.now() < parkedAt + JoinGroupHandler.NEW_MEMBER_JOIN_TIMEOUT_MS + 100) {
            heartbeat(c1, 1, m1);
            h.advance(2_990);
        }

        JoinGroupResponse answer = h.last(c2, JoinGroupResponse.class);
        assertThat(answer.error()).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
        assertThat(h.group().hasMember(m2)).isFalse();
        assertThat(h.events("HeartbeatExpiration")).singleElement().satisfies(event -> {
            assertThat(event.ruleKey()).isEqualTo("sim.coordinator.heartbeat.newMemberJoinTimeout");
            assertThat(event.time()).isEqualTo(parkedAt + JoinGroupHandler.NEW_MEMBER_JOIN_TIMEOUT_MS);
        });
    }

    @Test
    void aPendingMemberThatNeverComesBackWithItsIdIsForgottenAfterItsSessionTimeout() {
        h.send("c1", h.join(""));
        String pending = h.last(c1, JoinGroupResponse.class).memberId();

        h.advance(Harness.SESSION_MS);

        assertThat(h.group().isPendingMember(pending)).isFalse();
        assertThat(h.events("PendingMemberRemoved")).singleElement()
                .satisfies(event -> assertThat(event.ruleKey()).isEqualTo("sim.coordinator.heartbeat.pendingExpired"));
        h.send("c1", h.join(pending));
        assertThat(h.last(c1, JoinGroupResponse.class).error()).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
    }
}
