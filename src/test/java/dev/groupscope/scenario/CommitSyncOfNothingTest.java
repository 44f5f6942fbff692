package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * kafka-clients' {@code commitOffsetsSync} with nothing to commit sends nothing, but does not return at once while
 * commitAsync() calls are in flight ({@code invokePendingAsyncCommits}): Kafka promises that every earlier
 * commitAsync()'s callback has run when commitSync() returns. C commits with commitAsync() after every batch; at 5 s
 * its next commit is held up for 2 s on its way to the coordinator, and at 5,010 ms the application calls
 * seekToBeginning() and then close(). The seek leaves no position to commit, so the final commitSync() before close()
 * commits nothing, and has to wait for the held-up commitAsync() before close() can leave the group.
 */
class CommitSyncOfNothingTest {

    private static final String SCENARIO = """
            {"name": "inline", "seed": 5, "durationMs": 12000,
             "cluster": {"brokers": 1, "settings": {"group.initial.rebalance.delay.ms": 0},
                         "network": {"delayMs": 2}},
             "topics": [{"name": "t", "partitions": 1, "replicationFactor": 1}],
             "producers": [{"id": "P1", "topic": "t", "recordsPerSecond": 100}],
             "consumers": [
               {"id": "C", "groupId": "g", "topics": ["t"],
                "settings": {"enable.auto.commit": false, "auto.offset.reset": "earliest"%s},
                "commitPolicy": {"type": "asyncAfterBatch"}}],
             "actions": [{"atMs": 5000, "action": "delayCommits", "consumer": "C", "count": 1, "delayMs": 2000},
                         {"atMs": 5010, "action": "seekToBeginning", "consumer": "C"},
                         {"atMs": 5010, "action": "closeConsumer", "consumer": "C"}]}
            """;

    @Test
    void theFinalCommitSyncOfNothingWaitsForTheCommitAsyncInFlightBeforeCloseLeaves() {
        List<SimEvent> log = run("");
        SimEvent held = first(log, e -> e.type().equals("CommitAsync") && e.time() >= 5000);
        assertThat(held.time()).as("the held-up commitAsync() goes out before close() is called").isLessThan(5010);

        SimEvent waits = first(log, e -> e.type().equals("CommitSyncAwaitsAsync"));
        assertThat(waits.time()).isBetween(5010L, 5100L);
        assertThat(waits.fields()).containsEntry("policy", "commitSyncOnClose").containsEntry("inFlight", 1);
        assertThat(waits.ruleKey()).isEqualTo("sim.client.commitSync.awaitsAsync");

        SimEvent callback = first(log, e -> e.type().equals("CommitAsyncCallback") && e.seq() > waits.seq());
        assertThat(callback.fields()).containsEntry("error", "NONE");
        assertThat(callback.time()).as("answered once the 2 s hold is over").isGreaterThanOrEqualTo(held.time() + 2000);
        SimEvent leave = first(log, e -> e.type().equals("LeaveGroup") && "C".equals(e.actor()));
        assertThat(leave.seq()).as("close() leaves only after commitSync() returned, its callback run")
                .isGreaterThan(callback.seq());
        assertThat(log).noneMatch(e -> e.type().equals("CommitSyncFailed"));
    }

    @Test
    void itThrowsTimeoutExceptionWhenTheCommitAsyncIsNotAnsweredWithinDefaultApiTimeoutMs() {
        List<SimEvent> log = run(", \"default.api.timeout.ms\": 1000");
        SimEvent waits = first(log, e -> e.type().equals("CommitSyncAwaitsAsync"));
        assertThat(waits.fields()).containsEntry("timeoutMs", 1000L);
        SimEvent failed = first(log, e -> e.type().equals("CommitSyncFailed"));
        assertThat(failed.time()).isEqualTo(waits.time() + 1000);
        assertThat(failed.fields()).containsEntry("exception", "TimeoutException").containsEntry("asyncInFlight", 1);
        assertThat(failed.ruleKey()).isEqualTo("sim.client.commitSync.asyncTimedOut");
        SimEvent leave = first(log, e -> e.type().equals("LeaveGroup") && "C".equals(e.actor()));
        assertThat(leave.seq()).as("the application catches it and closes").isGreaterThan(failed.seq());
        assertThat(leave.time()).as("without waiting for the held-up answer").isLessThan(waits.time() + 2000);
    }

    @Test
    void closeWithAutoCommitWaitsForTheAutoCommitInFlightWhenItHasNothingToCommit() {
        // maybeAutoCommitOffsetsSync is commitOffsetsSync of allConsumed(): empty here, so it waits for the interval's
        // commits (commitOffsetsAsync): the one held up on its way and the next, queued behind it on the connection
        // to the coordinator. Only once both are answered does close() leave.
        String auto = SCENARIO.formatted(", \"auto.commit.interval.ms\": 5")
                .replace("\"enable.auto.commit\": false, ", "")
                .replace("\"commitPolicy\": {\"type\": \"asyncAfterBatch\"}", "\"commitPolicy\": {\"type\": \"auto\"}");
        List<SimEvent> log = run(ScenarioReader.read("inline.json", auto));
        SimEvent held = first(log, e -> e.type().equals("AutoCommit") && e.time() >= 5000);
        SimEvent waits = first(log, e -> e.type().equals("CommitSyncAwaitsAsync"));
        assertThat(waits.fields()).containsEntry("policy", "autoCommitOnClose").containsEntry("inFlight", 2);
        assertThat(waits.ruleKey()).isEqualTo("sim.client.autoCommit.onClose.awaitsAsync");
        List<SimEvent> answered = log.stream().filter(e -> e.type().equals("OffsetCommitResponse")
                && e.seq() > waits.seq()).toList();
        assertThat(answered).hasSize(2).allMatch(e -> e.time() >= held.time() + 2000);
        SimEvent leave = first(log, e -> e.type().equals("LeaveGroup") && "C".equals(e.actor()));
        assertThat(leave.seq()).isGreaterThan(answered.get(1).seq());
    }

    @Test
    void withNothingInFlightItReturnsAtOnce() {
        String quiet = SCENARIO.formatted("").replace(
                "{\"atMs\": 5000, \"action\": \"delayCommits\", \"consumer\": \"C\", \"count\": 1, \"delayMs\": 2000},",
                "").replace("\"recordsPerSecond\": 100", "\"recordsPerSecond\": 0.5");
        List<SimEvent> log = run(ScenarioReader.read("inline.json", quiet));
        assertThat(log).noneMatch(e -> e.type().equals("CommitSyncAwaitsAsync"));
        SimEvent close = first(log, e -> e.type().equals("CloseConsumer"));
        SimEvent leave = first(log, e -> e.type().equals("LeaveGroup") && "C".equals(e.actor()));
        assertThat(leave.time()).isEqualTo(close.time());
    }

    private static List<SimEvent> run(String settings) {
        return run(ScenarioReader.read("inline.json", SCENARIO.formatted(settings)));
    }

    private static List<SimEvent> run(Scenario scenario) {
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(scenario.durationMs());
        return simulation.log();
    }

    private static SimEvent first(List<SimEvent> log, Predicate<SimEvent> which) {
        return log.stream().filter(which).findFirst().orElseThrow(() -> new AssertionError("no such event"));
    }
}
