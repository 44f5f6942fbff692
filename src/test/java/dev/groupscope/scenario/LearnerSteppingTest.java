package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.LearnerFilter;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stepping through a run one meaningful event at a time, forwards and back, as a learner does. */
class LearnerSteppingTest {

    private final Simulation run = ScenarioRun.of("crash-and-rebalance").simulation;

    @Test
    void steppingForwardSkipsTheSteadyBackgroundButKeepsEveryProtocolStep() {
        List<SimEvent> steps = new ArrayList<>();
        for (long seq = run.nextEvent(-1, LearnerFilter.INSTANCE); seq >= 0;
             seq = run.nextEvent(seq, LearnerFilter.INSTANCE)) {
            steps.add(run.log().get((int) seq));
        }

        assertThat(steps.size()).isLessThan(run.log().size() / 10);
        assertThat(steps).extracting(SimEvent::type)
                .contains("JoinGroupRequest", "SyncGroupResponse", "GroupStateChange", "onPartitionsAssigned",
                        "CrashConsumer", "onPartitionsRevoked")
                .doesNotContain("Poll", "ProcessRecords", "FetchRequest", "Produce");
        assertThat(steps).filteredOn(event -> event.type().equals("HeartbeatResponse"))
                .allMatch(event -> !"NONE".equals(event.fields().get("error")))
                .isNotEmpty();
    }

    @Test
    void steppingBackReturnsToThePreviousMeaningfulEventAndItsState() {
        long crash = run.log().stream().filter(event -> event.type().equals("CrashConsumer")).findFirst()
                .orElseThrow().seq();
        long before = run.previousEvent(crash, LearnerFilter.INSTANCE);
        long after = run.nextEvent(before, LearnerFilter.INSTANCE);

        assertThat(before).isLessThan(crash);
        assertThat(after).isEqualTo(crash);
        assertThat(run.stateAtEvent(after).views().get("C2").toString()).contains("CRASHED");
        assertThat(run.stateAtEvent(before).views().get("C2").toString()).doesNotContain("CRASHED");
    }

    @Test
    void aWorkerPoolsDispatchesAreOneStepEachPoolNotOneEveryLoopRound() {
        Simulation pools = ScenarioRun.of("window-commit").simulation;
        List<SimEvent> steps = pools.log().stream().filter(LearnerFilter.INSTANCE).toList();

        assertThat(steps).filteredOn(event -> event.type().equals("DispatchRecords"))
                .extracting(SimEvent::actor).containsExactly("C1", "C2");
        // What the lesson is about stays a step: the slow worker, the full window, the crash.
        assertThat(steps).extracting(SimEvent::type).contains("SlowWorker", "PausePartitions", "CrashConsumer");
    }

    @Test
    void routineCommitsAreStepsOnlyAtTheStartOfARunButEveryFailureAndTheCommitsAfterItAreSteps() {
        Simulation async = ScenarioRun.of("commit-async-failure").simulation;
        List<SimEvent> all = async.log();
        List<SimEvent> steps = all.stream().filter(LearnerFilter.INSTANCE).toList();

        long commits = all.stream().filter(event -> event.type().equals("CommitAsync")).count();
        assertThat(steps).filteredOn(event -> event.type().equals("CommitAsync")).hasSizeLessThan(10);
        assertThat(commits).isGreaterThan(1_000);
        // Every failed callback is a step, and the two commits after the failures, whose success the lesson is about.
        assertThat(steps).filteredOn(event -> event.type().equals("CommitAsyncCallback")
                && !"NONE".equals(event.fields().get("error"))).hasSize((int) all.stream()
                .filter(event -> event.type().equals("CommitAsyncCallback")
                        && !"NONE".equals(event.fields().get("error"))).count()).isNotEmpty();
        SimEvent lastFailure = steps.stream().filter(event -> event.type().equals("CommitAsyncCallback")
                && !"NONE".equals(event.fields().get("error"))).reduce((a, b) -> b).orElseThrow();
        assertThat(steps).filteredOn(event -> event.seq() > lastFailure.seq()
                        && event.type().equals("CommitAsyncCallback")).first()
                .satisfies(event -> assertThat(event.fields()).containsEntry("error", "NONE"));
        assertThat(steps).extracting(SimEvent::type).contains("CommitFailureInjected", "CommitDelayInjected");

        // A listener's commit is always a step: it is what commit-on-revoke is about.
        List<SimEvent> revoke = ScenarioRun.of("commit-on-revoke").simulation.log();
        assertThat(revoke.stream().filter(event -> event.type().equals("CommitSync")
                && "commitOnRevoke".equals(event.fields().get("policy")))).isNotEmpty()
                .allMatch(LearnerFilter.INSTANCE);
    }

    @Test
    void aProducerWhoseTopicIsDeletedHoldsOneRecordAndThenBlocksInSend() {
        // pattern-new-topic deletes logs-app at 45 s. P1's next record still goes by its old metadata and is refused
        // (UNKNOWN_TOPIC_OR_PARTITION, retriable: held); the refreshed metadata has no logs-app, so its next send()
        // blocks for max.block.ms, past the lesson's end. It used to fail ten times a second, 250 times.
        Simulation deleted = ScenarioRun.of("pattern-new-topic").simulation;
        List<SimEvent> afterDeletion = deleted.log().stream()
                .filter(event -> event.actor().equals("P1") && event.time() >= 45_000).toList();

        assertThat(afterDeletion).extracting(SimEvent::type).containsExactly("ProduceHeld", "ProduceBlocked");
        assertThat(afterDeletion.get(0).time()).isEqualTo(45_000L);
        assertThat(afterDeletion.get(0).fields()).containsEntry("error", "UNKNOWN_TOPIC_OR_PARTITION");
        assertThat(afterDeletion).allMatch(LearnerFilter.INSTANCE);
    }
}
