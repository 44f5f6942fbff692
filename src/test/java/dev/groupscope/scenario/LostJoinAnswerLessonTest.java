package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.report.RunSummary;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lost-join-answer lesson: C3 joins at 15 s and the coordinator's answer to its JoinGroup is lost. The group
 * goes on without knowing: C3's partitions sit unread until the coordinator removes it for its missing heartbeats,
 * and C3 waits for the answer as long as kafka-clients waits for a JoinGroup before it tries again.
 */
class LostJoinAnswerLessonTest {

    private static final String LESSON = "lost-join-answer";
    private static final long SESSION_TIMEOUT_MS = 10_000;
    private static final long MAX_POLL_INTERVAL_MS = 30_000;
    /** kafka-clients' JOIN_GROUP_TIMEOUT_LAPSE: what it adds to the rebalance timeout to wait for a JoinGroup. */
    private static final long JOIN_LAPSE_MS = 5_000;

    private static ScenarioRun run;
    private static SimEvent lostAnswer;
    private static long joinSentAt;

    @BeforeAll
    static void runTheLesson() {
        run = ScenarioRun.of(LESSON);
        lostAnswer = only(event -> event.type().equals("ResponseLost"));
        // A request's event is the broker's (it logs the request as it arrives); the consumer sent it at sentAt.
        SimEvent join = only(event -> event.type().equals("JoinGroupRequest") && "C3".equals(event.peer())
                && event.fields().get("correlationId").equals(lostAnswer.fields().get("correlationId")));
        joinSentAt = ((Number) join.fields().get("sentAt")).longValue();
    }

    @Test
    void c3sNextJoinGroupsNameTheExceptionsTheirPredecessorsFailedWithAsKafkasReasonDoes() {
        // joinGroupIfNeeded: "rebalance failed due to " + the exception's simple name. The timed-out JoinGroup fails
        // with a DisconnectException (its connection is closed); the one after it with UnknownMemberIdException.
        List<Object> reasons = run.events(event -> event.type().equals("JoinGroupRequest") && "C3".equals(event.peer())
                        && event.time() > joinSentAt).stream().map(event -> event.fields().get("reason"))
                .filter(reason -> reason.toString().startsWith("rebalance failed")).toList();
        assertThat(reasons).containsExactly("rebalance failed due to DisconnectException",
                "rebalance failed due to UnknownMemberIdException");
    }

    @Test
    void theOneLostMessageIsTheCoordinatorsJoinGroupAnswerToC3() {
        assertThat(lostAnswer.actor()).isEqualTo("C3");
        assertThat(lostAnswer.fields()).containsEntry("api", "JoinGroup").containsEntry("whatIf", true);
        assertThat(run.events(event -> event.type().equals("RequestLost"))).isEmpty();
    }

    @Test
    void theGroupIsStableWithC3sPartitionsWhileC3StillWaitsToJoin() {
        RunSummary at20s = run.summaryAt(20_000);
        RunSummary.GroupSummary group = at20s.groups().get(0);
        RunSummary.ConsumerSummary c3 = at20s.consumers().stream()
                .filter(consumer -> consumer.clientId().equals("C3")).findFirst().orElseThrow();

        assertThat(group.state()).isEqualTo("Stable");
        assertThat(group.generation()).isEqualTo(2);
        assertThat(group.members()).filteredOn(member -> member.clientId().equals("C3")).singleElement()
                .satisfies(member -> assertThat(member.assignment()).containsExactly("orders-4", "orders-5"));
        assertThat(c3.state()).isEqualTo("PREPARING_REBALANCE");
        assertThat(c3.assigned()).isEmpty();
        // Nobody reads them: the group's committed offsets stand still while the producer keeps writing.
        RunSummary at25s = run.summaryAt(25_000);
        for (String partition : List.of("orders-4", "orders-5")) {
            assertThat(at25s.groups().get(0).committed().get(partition)).as(partition)
                    .isEqualTo(group.committed().get(partition));
            assertThat(at25s.groups().get(0).lag().get(partition)).as(partition)
                    .isGreaterThan(group.lag().get(partition));
        }
    }

    @Test
    void theCoordinatorRemovesC3ASessionTimeoutAfterTheJoinPhaseEnded() {
        long joinPhaseEnded = ((Number) lostAnswer.fields().get("sentAt")).longValue();

        SimEvent removed = only(event -> event.type().equals("MemberRemoved"));

        assertThat(removed.time()).isEqualTo(joinPhaseEnded + SESSION_TIMEOUT_MS);
        assertThat(String.valueOf(removed.fields().get("memberId"))).startsWith("C3-");
    }

    @Test
    void c3GivesUpOnTheAnswerAfterMaxPollIntervalPlusFiveSecondsAndJoinsAgainAsANewMember() {
        SimEvent disconnected = only(event -> event.type().equals("Disconnected") && event.actor().equals("C3"));

        assertThat(disconnected.fields()).containsEntry("api", "JoinGroup");
        assertThat(disconnected.time()).isEqualTo(joinSentAt + MAX_POLL_INTERVAL_MS + JOIN_LAPSE_MS);
        // Its member id was removed meanwhile: the coordinator no longer knows it.
        assertThat(run.events(event -> event.type().equals("JoinGroupResponse") && event.actor().equals("C3")
                && event.time() > disconnected.time()))
                .extracting(event -> event.fields().get("error"))
                .containsExactly("UNKNOWN_MEMBER_ID", "MEMBER_ID_REQUIRED", "NONE");
        RunSummary.ConsumerSummary c3 = run.consumer("C3");
        assertThat(c3.state()).isEqualTo("STABLE");
        assertThat(c3.assigned()).containsExactly("orders-4", "orders-5");
        assertThat(c3.recordsProcessed()).isPositive();
    }

    @Test
    void theCoordinatorFoundWhileItsConnectionIsInReconnectBackoffIsUnavailableAndLookedUpAgainLater() {
        SimEvent disconnected = only(event -> event.type().equals("Disconnected") && event.actor().equals("C3"));
        List<SimEvent> found = run.events(event -> event.type().equals("CoordinatorFound") && event.actor().equals("C3")
                && event.time() > disconnected.time());

        // Only the coordinator's connection closed: the FindCoordinator goes out on the other one at once, and its
        // answer names broker 3 again within that connection's reconnect backoff (reconnect.backoff.ms, 50 ms).
        SimEvent unavailable = only(event -> "sim.client.coordinatorUnavailable".equals(event.ruleKey()));
        assertThat(unavailable.time()).isEqualTo(found.get(0).time()).isLessThan(disconnected.time() + 50);
        assertThat(unavailable.fields()).containsEntry("cause", "coordinator unavailable")
                .containsEntry("coordinator", found.get(0).fields().get("coordinator"));
        assertThat(((Number) unavailable.fields().get("backoffEndsAt")).longValue())
                .isBetween(disconnected.time() + 40, disconnected.time() + 60);
        // ensureCoordinatorReady sleeps retryBackoff.backoff(0), retry.backoff.ms (100 ms) with 20 % jitter, and asks
        // again; then the connection may be opened.
        long slept = ((Number) unavailable.fields().get("retryBackoffMs")).longValue();
        assertThat(slept).isBetween(80L, 120L);
        assertThat(run.scenario.description()).contains("looks again after retry.backoff.ms (100 ms, give or take its "
                + "20 % jitter: " + slept + " ms here)");
        SimEvent lookedUpAgain = run.events(event -> event.type().equals("FindCoordinatorRequest")
                && "C3".equals(event.peer()) && event.time() > unavailable.time()).get(0);
        assertThat(((Number) lookedUpAgain.fields().get("sentAt")).longValue()).isEqualTo(unavailable.time() + slept);
        assertThat(found).hasSize(2);
        assertThat(run.events(event -> event.type().equals("JoinGroupRequest") && "C3".equals(event.peer())
                && event.time() > disconnected.time())).allSatisfy(join ->
                assertThat(join.time()).isGreaterThan(found.get(1).time()));
    }

    @Test
    void nothingIsReadTwiceOrSkipped() {
        RunSummary.GroupSummary group = run.group("orders-app");

        assertThat(group.duplicates()).isZero();
        assertThat(group.lost()).isZero();
        assertThat(group.rebalances()).extracting(rebalance -> rebalance.toGeneration()).containsExactly(1, 2, 3, 4);
    }


    private static SimEvent only(java.util.function.Predicate<SimEvent> filter) {
        List<SimEvent> found = run.events(filter);
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
