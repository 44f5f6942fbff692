package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A commitAsync() callback runs on the application thread, not when its answer arrives: kafka-clients queues the
 * finished commit ({@code completedOffsetCommits}) and runs its callback at the next
 * {@code invokeCompletedOffsetCommitCallbacks}, first thing in each pass of poll(), commitAsync() and commitSync().
 * A consumer that is busy with a batch when its answer comes hears of it only after the batch.
 */
class CommitCallbacksTest {

    /** A backlog: C1 processes 100 records a second of the 200 produced, so poll() always returns at once. */
    private static final String BUSY = """
            {"name": "busy async committer", "seed": 3, "durationMs": 20000,
             "cluster": {"brokers": 1, "settings": {"group.initial.rebalance.delay.ms": 0}},
             "topics": [{"name": "orders", "partitions": 2, "replicationFactor": 1}],
             "producers": [{"id": "P1", "topic": "orders", "recordsPerSecond": 200}],
             "consumers": [
               {"id": "C1", "groupId": "g", "topics": ["orders"], "processingMsPerRecord": 10,
                "settings": {"enable.auto.commit": false, "max.poll.records": 20, "auto.offset.reset": "earliest"},
                "commitPolicy": {"type": "asyncAfterBatch"}}]}
            """;

    @Test
    void aCallbackAnsweredDuringABatchRunsWhenTheNextCommitAsyncIsCalled() {
        Simulation run = ScenarioRun.of(ScenarioReader.read("busy.json", BUSY)).simulation;
        run.runUntil(20_000);
        List<SimEvent> c1 = run.log().stream().filter(e -> e.actor().equals("C1")).toList();

        // The heartbeat thread reads an answer that comes during a batch at its next turn (every 100 ms); one that
        // comes in the last turn's wait of a batch is read by the next commitAsync(), and its callback runs in the
        // poll() after that.
        List<SimEvent> callbacks = c1.stream().filter(e -> e.type().equals("CommitAsyncCallback"))
                .filter(e -> answerOf(run, e).time() < e.time()).toList();
        assertThat(callbacks).hasSizeGreaterThan(50);
        for (SimEvent callback : callbacks) {
            SimEvent answer = answerOf(run, callback);
            assertThat(callback.fields()).containsEntry("answeredAtMs", answer.time());
            SimEvent next = c1.get(c1.indexOf(callback) + 1);
            assertThat(next.type()).as("run by the next commitAsync(), before it sends").isEqualTo("CommitAsync");
            assertThat(next.time()).isEqualTo(callback.time());
        }
        List<SimEvent> readAtTheCall = c1.stream().filter(e -> e.type().equals("CommitAsyncCallback"))
                .filter(e -> answerOf(run, e).time() == e.time()).toList();
        assertThat(readAtTheCall).as("answers that came after the thread's last turn of a batch").isNotEmpty();
        for (SimEvent callback : readAtTheCall) {
            SimEvent next = c1.get(c1.indexOf(callback) + 1);
            assertThat(next.type()).as("run by the poll() after the commitAsync() that read it").isEqualTo("Poll");
            assertThat(answerOf(run, callback).fields()).containsEntry("readBy", "COMMIT_ASYNC");
        }
        assertThat(Messages.english().format(callbacks.get(0).ruleKey(), callbacks.get(0).ruleArgs()))
                .contains("Its answer came at " + String.format(java.util.Locale.ROOT, "%,d", answerOf(run, callbacks.get(0)).time()) + " ms");
    }

    @Test
    void answersWaitingWhenCommitSyncIsCalledAreReadByItBeforeItsOwnAnswer() {
        // commitSync() sends its OffsetCommit and then waits in client.poll(future, timer), which reads first
        // whatever arrived after the heartbeat thread's last turn of the batch.
        Simulation run = ScenarioRun.of(ScenarioReader.read("busy-sync.json",
                BUSY.replace("asyncAfterBatch", "syncAfterBatch"))).simulation;
        run.runUntil(20_000);
        List<SimEvent> c1 = run.log().stream().filter(e -> e.actor().equals("C1")).toList();
        List<SimEvent> readByTheCall = c1.stream().filter(e -> "COMMITTING".equals(e.fields().get("readBy"))).toList();
        assertThat(readByTheCall).isNotEmpty();
        for (SimEvent answer : readByTheCall) {
            SimEvent call = c1.stream().filter(e -> e.seq() < answer.seq() && e.type().equals("CommitSync"))
                    .reduce((first, second) -> second).orElseThrow();
            assertThat(answer.time()).as("read as commitSync() starts waiting").isEqualTo(call.time());
            SimEvent ownAnswer = c1.stream().filter(e -> e.seq() > call.seq()
                    && e.type().equals("OffsetCommitResponse")).findFirst().orElseThrow();
            assertThat(ownAnswer.seq()).isGreaterThan(answer.seq());
        }
    }

    /** The OffsetCommit answer for the callback's commit: the last one to C1 before it. */
    private static SimEvent answerOf(Simulation run, SimEvent callback) {
        return run.log().stream().filter(e -> e.seq() < callback.seq() && e.type().equals("OffsetCommitResponse")
                        && e.actor().equals("C1") && e.fields().get("offsets").equals(callback.fields().get("offsets")))
                .reduce((first, second) -> second).orElseThrow();
    }
}
