package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.report.RunSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rebalance listener's commitSync() in an EAGER onJoinPrepare is a commitSync like any other (kafka-clients'
 * {@code commitOffsetsSync}): it blocks the application thread inside onPartitionsRevoked, finds an unknown
 * coordinator first, retries a retriable error after retry.backoff.ms (growing), and gives up only when
 * default.api.timeout.ms runs out. Only then does the callback return and the member join.
 */
class ListenerCommitSyncTest {

    /**
     * C2 joins at 10 s, so C1 revokes everything (range) or half (cooperative-sticky); its commits fail with
     * NOT_COORDINATOR from 9 s, {@code failures} times.
     */
    private static String scenario(int failures) {
        return scenario(failures, "range");
    }

    private static String scenario(int failures, String assignor) {
        return """
                {"name": "listener commit", "seed": 3, "durationMs": 30000,
                 "cluster": {"brokers": 1, "settings": {"group.initial.rebalance.delay.ms": 0}},
                 "topics": [{"name": "orders", "partitions": 4, "replicationFactor": 1}],
                 "producers": [{"id": "P1", "topic": "orders", "recordsPerSecond": 20}],
                 "consumers": [
                   {"id": "C1", "groupId": "g", "topics": ["orders"], "processingMsPerRecord": 1,
                    "settings": {"enable.auto.commit": false, "auto.offset.reset": "earliest",
                                 "default.api.timeout.ms": 5000, "partition.assignment.strategy": "%2$s"},
                    "commitPolicy": {"type": "everyN", "records": 100000}, "listener": "commitOnRevoke"},
                   {"id": "C2", "groupId": "g", "topics": ["orders"], "processingMsPerRecord": 1, "startAtMs": 10000,
                    "settings": {"enable.auto.commit": false, "auto.offset.reset": "earliest",
                                 "partition.assignment.strategy": "%2$s"},
                    "commitPolicy": {"type": "everyN", "records": 100000}, "listener": "commitOnRevoke"}],
                 "actions": [{"atMs": 9000, "action": "failCommits", "consumer": "C1", "count": %1$d,
                              "error": "NOT_COORDINATOR"}]}
                """.formatted(failures, assignor);
    }

    @Test
    void aRetriableFailureIsRetriedInsideTheCallbackWhichReturnsOnceTheCommitIsStored() {
        ScenarioRun run = ran(scenario(2));
        Simulation simulation = run.simulation;
        List<SimEvent> inCallback = c1FromFirstListenerCommitToRevoked(simulation);

        assertThat(types(inCallback, "CommitSync")).extracting(e -> e.fields().get("attempt")).containsExactly(0L, 1L, 2L);
        assertThat(types(inCallback, "CommitSyncRetry")).extracting(e -> e.fields().get("error"))
                .containsExactly("NOT_COORDINATOR", "NOT_COORDINATOR");
        assertThat(types(inCallback, "CommitSyncFailed")).isEmpty();
        assertThat(types(inCallback, "Poll")).as("the thread is blocked in the listener, not polling").isEmpty();
        List<SimEvent> answers = types(inCallback, "OffsetCommitResponse");
        assertThat(answers).extracting(e -> e.fields().get("error"))
                .containsExactly("NOT_COORDINATOR", "NOT_COORDINATOR", "NONE");
        // The second attempt waited its backoff (at least retry.backoff.ms = 100) after the first answer.
        SimEvent firstRetry = types(inCallback, "CommitSyncRetry").get(0);
        SimEvent secondAttempt = types(inCallback, "CommitSync").get(1);
        assertThat(secondAttempt.time() - firstRetry.time()).isGreaterThanOrEqualTo(100);
        // The callback returns when the commit is stored, and only then does C1 join the new generation.
        SimEvent revoked = inCallback.get(inCallback.size() - 1);
        assertThat(revoked.time()).isEqualTo(answers.get(2).time());
        SimEvent joining = simulation.log().stream().filter(e -> e.seq() > revoked.seq() && e.actor().equals("C1")
                && e.type().equals("MemberStateChange") && "PREPARING_REBALANCE".equals(e.fields().get("to")))
                .findFirst().orElseThrow();
        assertThat(joining.time()).isEqualTo(revoked.time());
        assertThat(RunSummary.of(simulation, run.scenario.groupOfClient()).groups().get(0).duplicates())
                .as("C2 starts after what C1 processed").isZero();
    }

    @Test
    void aCommitThatKeepsFailingThrowsAtDefaultApiTimeoutAndOnlyThenTheMemberJoins() {
        ScenarioRun run = ran(scenario(1_000));
        Simulation simulation = run.simulation;
        List<SimEvent> inCallback = c1FromFirstListenerCommitToRevoked(simulation);
        SimEvent first = inCallback.get(0);

        List<SimEvent> failed = types(inCallback, "CommitSyncFailed");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).fields()).containsEntry("exception", "TimeoutException")
                .containsEntry("error", "NOT_COORDINATOR");
        assertThat(failed.get(0).time()).isEqualTo(first.time() + 5_000);
        assertThat(types(inCallback, "CommitSync")).hasSizeGreaterThan(5);
        SimEvent revoked = inCallback.get(inCallback.size() - 1);
        assertThat(revoked.time()).isEqualTo(failed.get(0).time());
    }

    @Test
    void inACooperativeRevocationTheRestOfTheJoinWaitsForTheListenersCommitSync() {
        ScenarioRun run = ran(scenario(2, "cooperative-sticky"));
        Simulation simulation = run.simulation;
        List<SimEvent> inCallback = c1FromFirstListenerCommitToRevoked(simulation);

        assertThat(types(inCallback, "CommitSync")).extracting(e -> e.fields().get("attempt")).containsExactly(0L, 1L, 2L);
        assertThat(types(inCallback, "CommitSync").get(0).fields().get("offsets")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsOnlyKeys("orders-2", "orders-3");
        assertThat(types(inCallback, "Poll")).isEmpty();
        SimEvent revoked = inCallback.get(inCallback.size() - 1);
        assertThat(revoked.fields()).containsEntry("protocol", "COOPERATIVE");
        assertThat(revoked.time()).isEqualTo(types(inCallback, "OffsetCommitResponse").get(2).time());
        // onJoinComplete goes on only now: the assignment callback, then the rejoin that hands the partitions over.
        List<SimEvent> after = simulation.log().stream().filter(e -> e.seq() > revoked.seq()
                && e.actor().equals("C1")).toList();
        assertThat(after.get(0).type()).isEqualTo("onPartitionsAssigned");
        assertThat(after.get(0).time()).isEqualTo(revoked.time());
        assertThat(after.stream().filter(e -> e.type().equals("MemberStateChange")
                && "PREPARING_REBALANCE".equals(e.fields().get("to"))).findFirst().orElseThrow().time())
                .isEqualTo(revoked.time());
        assertThat(RunSummary.of(simulation, run.scenario.groupOfClient()).groups().get(0).duplicates()).isZero();
    }

    /** The scenario, run to its end (30 s). */
    @Test
    void withAutoCommitOnTheListenersCommitSyncStillRunsAfterTheAutoCommitBeforeTheJoin() {
        // ConsumerCoordinator.onJoinPrepare: the auto commit, waited for; then invokePartitionsRevoked, whatever the
        // auto commit did. Both commit before C1 rejoins; it used to send only the auto commit.
        ScenarioRun run = ran(withAutoCommit(scenario(1).replaceAll("(?s)\"actions\": \\[.*]}", "\"actions\": []}")));
        SimEvent join = run.events(e -> e.type().equals("JoinGroupRequest") && "C1".equals(e.peer())
                && e.time() >= 10_000).get(0);
        List<SimEvent> beforeJoin = run.events(e -> "C1".equals(e.actor()) && e.time() >= 10_000
                && e.seq() < join.seq() && (List.of("CommitSync", "onPartitionsRevoked").contains(e.type())
                || e.type().equals("AutoCommit") && "BEFORE_REBALANCE".equals(e.fields().get("purpose"))));

        assertThat(beforeJoin).extracting(SimEvent::type).containsExactly("AutoCommit", "CommitSync",
                "onPartitionsRevoked");
        assertThat(beforeJoin.get(1).fields()).containsEntry("policy", "commitOnRevoke");
    }

    @Test
    void onCloseTheAutoCommitComesFirstThenTheListenersCommitSyncThenTheLeaveGroup() {
        // ConsumerCoordinator.close: maybeAutoCommitOffsetsSync; then AbstractCoordinator.close: the heartbeat thread
        // stops, onLeavePrepare calls onPartitionsRevoked (its commitSync), and the LeaveGroup goes.
        ScenarioRun run = ran(withAutoCommit(scenario(1).replaceAll("(?s)\"actions\": \\[.*]}",
                "\"actions\": [{\"atMs\": 20000, \"action\": \"closeConsumer\", \"consumer\": \"C1\"}]}")));
        List<SimEvent> closing = run.events(e -> "C1".equals(e.actor()) && e.time() >= 20_000
                && (List.of("CommitSync", "onPartitionsRevoked", "LeaveGroup").contains(e.type())
                || e.type().equals("AutoCommit") && "ON_CLOSE".equals(e.fields().get("purpose"))));

        assertThat(closing).extracting(SimEvent::type).containsExactly("AutoCommit", "CommitSync",
                "onPartitionsRevoked", "LeaveGroup");
    }

    @Test
    void onCloseTheListenersCommitSyncRunsWithTheHeartbeatThreadStoppedSoNothingLooksTheCoordinatorUpInItsBackoff() {
        // close-during-failover: C2's commit fails as its coordinator's broker stops. Only the commitSync's own retry,
        // after its backoff, looks the new coordinator up; the heartbeat thread used to do it at once.
        ScenarioRun run = ScenarioRun.of("close-during-failover");
        SimEvent retry = run.events(e -> e.type().equals("CommitSyncRetry") && "C2".equals(e.actor())
                && e.time() >= 20_000).get(0);
        SimEvent lookup = run.events(e -> e.type().equals("FindCoordinatorRequest") && "C2".equals(e.peer())
                && e.seq() > retry.seq()).get(0);

        assertThat((Long) lookup.fields().get("sentAt")).isGreaterThanOrEqualTo(retry.time()
                + (Long) retry.fields().get("backoffMs"));
    }

    /** C1 with auto commit on (the first consumer's settings) and no commit policy of its own. */
    private static String withAutoCommit(String scenario) {
        return scenario.replaceFirst("\"enable.auto.commit\": false, ", "").replaceFirst(
                java.util.regex.Pattern.quote("\"commitPolicy\": {\"type\": \"everyN\", \"records\": 100000}, "), "");
    }

    private static ScenarioRun ran(String scenario) {
        ScenarioRun run = ScenarioRun.of(ScenarioReader.read("listener.json", scenario));
        run.simulation.runUntil(30_000);
        return run;
    }

    /** C1's events from its listener's first commitSync() through the onPartitionsRevoked that returned. */
    private static List<SimEvent> c1FromFirstListenerCommitToRevoked(Simulation simulation) {
        List<SimEvent> c1 = simulation.log().stream().filter(e -> e.actor().equals("C1")).toList();
        SimEvent first = c1.stream().filter(e -> e.type().equals("CommitSync")
                && "commitOnRevoke".equals(e.fields().get("policy"))).findFirst().orElseThrow();
        SimEvent revoked = c1.stream().filter(e -> e.seq() > first.seq() && e.type().equals("onPartitionsRevoked"))
                .findFirst().orElseThrow();
        return c1.subList(c1.indexOf(first), c1.indexOf(revoked) + 1);
    }

    private static List<SimEvent> types(List<SimEvent> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }
}
