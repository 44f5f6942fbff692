package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * commitSync() blocks for at most default.api.timeout.ms ({@code ConsumerCoordinator.commitOffsetsSync}: the request's
 * future is polled with the call's timer, which returns at the deadline even with the OffsetCommit still in flight,
 * and a retry's backoff sleeps only what is left). It used to end only when its request failed: 115 ms late here,
 * and as late as request.timeout.ms allows elsewhere. The late answer of a call that gave up belongs to nobody: the
 * next commitSync() does not count it as its own.
 */
class CommitSyncDeadlineTest {

    /** C1 commits synchronously after each batch and is cut off from its coordinator at 10 s for 130 s. */
    private static final String SCENARIO = """
            {"name": "commitSync deadline", "seed": 3, "durationMs": 150000,
             "cluster": {"brokers": 3, "settings": {"group.initial.rebalance.delay.ms": 0}},
             "topics": [{"name": "orders", "partitions": 3, "replicationFactor": 1}],
             "producers": [{"id": "P1", "topic": "orders", "recordsPerSecond": 20}],
             "consumers": [{"id": "C1", "groupId": "g", "topics": ["orders"],
                            "commitPolicy": {"type": "syncAfterBatch"},
                            "settings": {"enable.auto.commit": false, "session.timeout.ms": 45000,
                                         "max.poll.interval.ms": 300000}}],
             "actions": [{"atMs": 10000, "action": "cutOffConsumer", "consumer": "C1", "durationMs": 130000}]}
            """;

    @Test
    void commitSyncThrowsTimeoutExceptionAtItsDeadlineWithItsOffsetCommitStillInFlight() {
        Simulation run = ScenarioRun.of(ScenarioReader.read("commit-sync-deadline.json", SCENARIO)).simulation;
        run.runUntil(150_000);

        List<SimEvent> log = run.log();
        SimEvent call = log.stream().filter(e -> e.type().equals("CommitSync") && e.time() >= 10_000).findFirst()
                .orElseThrow();
        SimEvent timedOut = log.stream().filter(e -> e.type().equals("CommitSyncFailed")).findFirst().orElseThrow();
        assertThat(timedOut.time()).isEqualTo(call.time() + 60_000);
        assertThat(timedOut.ruleKey()).isEqualTo("sim.client.commitSync.timeout");
        assertThat(timedOut.fields()).containsEntry("exception", "TimeoutException")
                .containsEntry("unanswered", true).containsEntry("error", "NETWORK_EXCEPTION");

        // The next call's first failure is its own request's: the old request failing beside it is not a retry of it.
        SimEvent next = log.stream().filter(e -> e.type().equals("CommitSync") && e.time() > timedOut.time())
                .findFirst().orElseThrow();
        List<SimEvent> retries = log.stream().filter(e -> e.type().equals("CommitSyncRetry")
                && e.seq() > next.seq() && e.time() < next.time() + 1_000).toList();
        assertThat(retries).hasSize(1);
        assertThat(retries.get(0).fields()).containsEntry("attempt", 1L);
    }
}
