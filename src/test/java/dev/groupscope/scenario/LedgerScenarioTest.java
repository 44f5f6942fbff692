package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.broker.ClusterActorView;
import dev.groupscope.sim.coordinator.ShardView;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.World;
import dev.groupscope.sim.ledger.Ledger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The notes' claims about commit policies and the rebalance listener, as the ledger counts them. */
class LedgerScenarioTest {

    @Test
    void autoCommitAndACrashDuplicateExactlyWhatWasProcessedSinceTheLastCommit() {
        ScenarioRun run = ScenarioRun.of("auto-commit-crash-duplicates");
        SimEvent crash = run.events(e -> e.type().equals("CrashConsumer")).get(0);
        World atCrash = run.simulation.stateAtEvent(crash.seq());
        Map<TopicPartition, Long> committed = committed(atCrash, "ledger-app");
        Map<String, List<List<Long>>> byC2 = ScenarioRun.consumerAt(atCrash, "C2").processed();
        List<String> ownedAtCrash = ScenarioRun.consumerAt(atCrash, "C2").assigned();

        long expected = 0;
        for (String partition : ownedAtCrash) {
            List<List<Long>> runs = byC2.get(partition);
            long lastProcessed = runs.get(runs.size() - 1).get(1);
            expected += lastProcessed + 1 - committed.get(TopicPartition.parse(partition));
        }
        assertThat(expected).isPositive();
        assertThat(run.group("ledger-app").duplicates()).isEqualTo(expected);
        assertThat(run.consumer("C1").duplicates()).isEqualTo(expected);
        assertThat(run.consumer("C2").duplicates()).isZero();
        assertThat(run.group("ledger-app").lost()).isZero();
        assertThat(run.group("ledger-app").orderBreaks()).isZero();
    }

    @Test
    void committingBeforeProcessingLosesTheCrashedBatchAndDuplicatesNothing() {
        ScenarioRun run = ScenarioRun.of("before-processing-crash-loses");
        SimEvent crash = run.events(e -> e.type().equals("CrashConsumer")).get(0);
        long batchLeft = ((Number) crash.fields().get("batchLeft")).longValue();

        assertThat(batchLeft).isPositive();
        assertThat(run.group("alerting").lost()).isEqualTo(batchLeft);
        assertThat(run.consumer("C2").lost()).isEqualTo(batchLeft);
        assertThat(run.group("alerting").duplicates()).isZero();
        assertThat(run.group("alerting").orderBreaks()).isZero();
    }

    @Test
    void latestOnPartitionsAddedWhileTheGroupReadsLosesWhatWasWrittenThereBeforeItsFirstPoll() {
        ScenarioRun run = ScenarioRun.of("partitions-added");
        long skipped = run.events(e -> e.type().equals("OffsetReset") && e.actor().equals("C2") && e.time() > 15_000)
                .stream().mapToLong(reset -> ((Number) reset.fields().get("offset")).longValue()).sum();

        assertThat(skipped).as("the new partitions' logs start at 0").isPositive();
        assertThat(run.group("indexer").lost()).as("what latest skipped on logs-2 and logs-3, and nothing of the "
                + "first seconds it skipped on logs-0 and logs-1 as a new group").isEqualTo(skipped);
        assertThat(run.consumer("C2").lost()).as("poll() never returned them to anyone").isZero();
        assertThat(run.group("safe-indexer").lost()).isZero();
    }

    @Test
    void committingOnRevokeAvoidsDuplicatesOnGracefulRebalancesButNotOnACrash() {
        ScenarioRun run = ScenarioRun.of("commit-on-revoke");
        SimEvent crash = run.events(e -> e.type().equals("CrashConsumer")).get(0);
        Ledger beforeCrash = (Ledger) run.simulation.stateAtTime(crash.time() - 1).actors().get(Ledger.ID);

        assertThat(run.events(e -> e.type().equals("onPartitionsRevoked") && e.actor().startsWith("L")))
                .isNotEmpty();
        assertThat(beforeCrash.counts("with-listener").duplicates()).isZero();
        assertThat(beforeCrash.counts("no-listener").duplicates()).isPositive();
        assertThat(run.group("with-listener").duplicates()).isPositive();
        assertThat(run.group("with-listener").lost()).isZero();
        assertThat(run.group("no-listener").lost()).isZero();
    }

    @Test
    void aCloseDuringACoordinatorFailoverRetriesItsListenerCommitAtTheNewCoordinator() {
        ScenarioRun run = ScenarioRun.of("close-during-failover");

        assertThat(closeCommitAnswers(run, "C2", "CommitSyncRetry")).hasSize(1);
        List<SimEvent> commits = closeCommitAnswers(run, "C2", "OffsetCommitResponse");
        assertThat(commits).hasSize(1);
        // The listener's commit, in close()'s onPartitionsRevoked.
        assertThat(commits.get(0).fields()).containsEntry("error", "NONE").containsEntry("purpose", "REVOKE");
        assertThat(commits.get(0).peer()).isEqualTo("broker-3");
        assertThat(run.group("payments").duplicates()).isZero();
        assertThat(run.group("payments").lost()).isZero();
    }

    @Test
    void aCloseDuringACoordinatorFailoverRetriesItsAutoCommitUntilClosesTimer() {
        ScenarioRun run = ScenarioRun.of("close-during-failover");

        assertThat(closeCommitAnswers(run, "R2", "AutoCommit")).hasSize(2);
        assertThat(closeCommitAnswers(run, "R2", "CommitSyncRetry")).hasSize(1);
        List<SimEvent> commits = closeCommitAnswers(run, "R2", "OffsetCommitResponse");
        assertThat(commits).hasSize(1);
        assertThat(commits.get(0).fields()).containsEntry("error", "NONE").containsEntry("purpose", "ON_CLOSE");
        assertThat(run.group("reports").duplicates()).isZero();
        assertThat(run.group("reports").lost()).isZero();
    }

    @Test
    void closeClosesItsFetchSessionsOnceItsLeaveGroupIsAnsweredThenReturnsWithTheirAnswers() {
        ScenarioRun run = ScenarioRun.of("commit-on-revoke");

        for (String consumer : List.of("N2", "L2")) {
            List<SimEvent> answers = closeCommitAnswers(run, consumer, "LeaveGroupResponse");
            assertThat(answers).as(consumer).singleElement()
                    .satisfies(answer -> assertThat(answer.fields()).containsEntry("error", "NONE"));
            // AbstractCoordinator.close awaits the LeaveGroup's answer; only then does Fetcher.close send the
            // session closes (epoch -1, no partition), and close() returns when they are answered.
            List<SimEvent> sessionCloses = run.events(e -> e.type().equals("FetchRequest")
                    && consumer.equals(e.peer()) && Integer.valueOf(-1).equals(e.fields().get("sessionEpoch")));
            assertThat(sessionCloses).as(consumer).isNotEmpty().allSatisfy(request -> {
                assertThat(request.fields()).containsEntry("sentAt", answers.get(0).time())
                        .containsEntry("fetchOffsets", Map.of());
                assertThat(request.fields().get("sessionId")).isNotEqualTo(0);
            });
            List<SimEvent> sessionAnswers = closeCommitAnswers(run, consumer, "FetchResponse").stream()
                    .filter(answer -> sessionCloses.stream().anyMatch(request ->
                            request.fields().get("correlationId").equals(answer.fields().get("correlationId"))))
                    .toList();
            assertThat(sessionAnswers).as(consumer).hasSameSizeAs(sessionCloses);
            SimEvent stopped = run.events(e -> e.type().equals("MemberStateChange") && consumer.equals(e.actor())
                    && "STOPPED".equals(e.fields().get("to"))).get(0);
            assertThat(stopped.time()).isEqualTo(sessionAnswers.get(sessionAnswers.size() - 1).time());
        }
    }

    /** {@code consumer}'s events of {@code type} between its close and its stop. */
    private static List<SimEvent> closeCommitAnswers(ScenarioRun run, String consumer, String type) {
        SimEvent close = run.events(e -> e.type().equals("CloseConsumer") && consumer.equals(e.actor())).get(0);
        SimEvent stopped = run.events(e -> e.type().equals("MemberStateChange") && consumer.equals(e.actor())
                && "STOPPED".equals(e.fields().get("to"))).get(0);
        return run.events(e -> e.seq() > close.seq() && e.seq() < stopped.seq() && consumer.equals(e.actor())
                && e.type().equals(type));
    }

    @Test
    void aFailedCommitAsyncIsNotRetriedAndTheCommittedOffsetNeverMovesBack() {
        ScenarioRun run = ScenarioRun.of("async-commit-cooperative");

        List<SimEvent> failed = run.events(e -> e.type().equals("CommitAsyncCallback")
                && !"NONE".equals(e.fields().get("error")));
        assertThat(failed).isNotEmpty();
        SimEvent firstFailure = failed.get(0);
        assertThat(run.events(e -> e.type().equals("CommitAsyncCallback") && e.actor().equals(firstFailure.actor())
                && "NONE".equals(e.fields().get("error")) && e.seq() > firstFailure.seq())).isNotEmpty();
        assertThat(run.events(e -> e.type().equals("CommitSyncRetry"))).isEmpty();
        assertCommittedOffsetsNeverMoveBack(run.simulation.log());
        assertThat(run.group("events-app").lost()).isZero();
    }

    /** Successful OffsetCommit answers, in time order: per partition the offset never decreases. */
    static void assertCommittedOffsetsNeverMoveBack(List<SimEvent> log) {
        Map<String, Long> last = new HashMap<>();
        for (SimEvent event : log) {
            if (event.type().equals("OffsetCommitResponse") && "NONE".equals(event.fields().get("error"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> offsets = (Map<String, Object>) event.fields().get("offsets");
                offsets.forEach((partition, offset) -> {
                    long value = ((Number) offset).longValue();
                    Long before = last.put(partition, value);
                    assertThat(before == null || value >= before).as("%s at %d: %d after %s", partition,
                            event.time(), value, before).isTrue();
                });
            }
        }
    }

    static Map<TopicPartition, Long> committed(World world, String groupId) {
        ClusterActorView cluster = ScenarioRun.clusterAt(world);
        for (ShardView shard : cluster.coordinators().values()) {
            Map<TopicPartition, Long> offsets = shard.committedOffsets().get(groupId);
            if (offsets != null) {
                return offsets;
            }
        }
        return Map.of();
    }
}
