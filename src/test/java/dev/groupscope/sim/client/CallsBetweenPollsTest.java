package dev.groupscope.sim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.engine.SimEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A KafkaConsumer has one thread (a second one gets a ConcurrentModificationException): the application can call
 * pause(), seek() or subscribe() only while that thread is in its own code. A call scripted while it is inside
 * poll() or commitSync() is made when the method returns; one scripted while it processes records is made at once.
 * And a call Kafka refuses may still have done what its method does before the check that throws.
 */
class CallsBetweenPollsTest {

    private static final TopicPartition T0 = new TopicPartition("t", 0);

    private static ClientScenario run(ConsumerBehavior behavior) {
        return new ClientScenario(7, Map.of("t", 2))
                .consumer("C1", ClientScenario.quick().with("auto.offset.reset", "earliest"), behavior, "t")
                .producer("P1", ProducerConfig.of("t", 20, new KeyDistribution.Uniform(10)))
                .at(0, new ProducerActor.Start("P1")).at(0, new ConsumerTasks.Start("C1")).runUntil(6_000);
    }

    @Test
    void aCallScriptedWhileTheThreadWaitsInsidePollIsMadeAsPollReturnsItsRecords() {
        // poll(Duration.ofSeconds(1)): it returns when records come (a record every 50 ms).
        ClientScenario run = run(ConsumerBehavior.processing(5).withPollTimeout(1_000));
        // A batch processed after 3 s whose next poll() waits: one millisecond into that wait, C1 is inside poll().
        SimEvent processed = run.events("C1", "ProcessRecords").stream().filter(e -> e.time() > 3_000)
                .filter(e -> nextPoll(run, e).time() > e.time() + 1).findFirst().orElseThrow();
        SimEvent returned = nextPoll(run, processed);

        run.at(processed.time() + 1, new ApplicationCalls.Pause("C1", List.of(T0))).runUntil(6_000);

        SimEvent pause = run.events("C1", "Pause").get(0);
        assertThat(pause.time()).isEqualTo(returned.time()).isGreaterThan(processed.time() + 1);
        SimEvent sameReturn = run.events("C1", "Poll").stream().filter(e -> e.time() == returned.time())
                .findFirst().orElseThrow();
        assertThat(pause.seq()).as("after poll() returned").isGreaterThan(sameReturn.seq());
        SimEvent batchDone = run.events("C1", "ProcessRecords").stream().filter(e -> e.seq() > pause.seq())
                .findFirst().orElseThrow();
        assertThat(batchDone.fields().get("partitions")).as("the records in hand are still processed")
                .isEqualTo(sameReturn.fields().get("partitions"));
    }

    @Test
    void aCallStillWaitingInPollWhenTheApplicationClosesTheConsumerIsMadeBeforeClose() {
        ClientScenario run = run(ConsumerBehavior.processing(5).withPollTimeout(1_000));
        SimEvent processed = run.events("C1", "ProcessRecords").stream().filter(e -> e.time() > 3_000)
                .filter(e -> nextPoll(run, e).time() > e.time() + 2).findFirst().orElseThrow();

        // wakeup() then close(): poll() ends, and the pause scripted before the close is made first.
        run.at(processed.time() + 1, new ApplicationCalls.Pause("C1", List.of(T0)))
                .at(processed.time() + 2, new ConsumerTasks.Close("C1", true)).runUntil(6_000);

        assertThat(run.events("C1", "Pause")).as("made, not dropped by close()").hasSize(1);
        SimEvent pause = run.events("C1", "Pause").get(0);
        SimEvent closeCommit = run.events("C1", "AutoCommit").stream()
                .filter(e -> "ON_CLOSE".equals(e.fields().get("purpose"))).findFirst().orElseThrow();
        assertThat(pause.time()).isEqualTo(processed.time() + 2);
        assertThat(pause.seq()).isLessThan(closeCommit.seq());
    }

    @Test
    void aCallScriptedWhileTheThreadIsInCommitSyncIsMadeWhenTheCommitReturns() {
        ConsumerBehavior syncAfterBatch = ConsumerBehavior.processing(5)
                .withCommits(CommitPolicy.of(CommitPolicy.Kind.SYNC_AFTER_BATCH), ListenerPolicy.NONE);
        ClientScenario run = run(syncAfterBatch);
        SimEvent commit = run.events("C1", "CommitSync").stream().filter(e -> e.time() > 3_000).findFirst()
                .orElseThrow();
        SimEvent answered = run.events("C1", "OffsetCommitResponse").stream().filter(e -> e.seq() > commit.seq())
                .findFirst().orElseThrow();
        assertThat(answered.time()).isGreaterThan(commit.time() + 1);

        run.at(commit.time() + 1, new ApplicationCalls.Pause("C1", List.of(T0))).runUntil(6_000);

        SimEvent pause = run.events("C1", "Pause").get(0);
        assertThat(pause.time()).isEqualTo(answered.time());
        SimEvent sameAnswer = run.events("C1", "OffsetCommitResponse").stream()
                .filter(e -> e.time() == answered.time()).findFirst().orElseThrow();
        assertThat(pause.seq()).isGreaterThan(sameAnswer.seq());
    }

    @Test
    void aCallScriptedWhileTheApplicationProcessesRecordsIsMadeAtOnce() {
        ClientScenario run = run(ConsumerBehavior.processing(50));
        SimEvent returned = run.events("C1", "Poll").stream().filter(e -> e.time() > 3_000).findFirst()
                .orElseThrow();

        run.at(returned.time() + 1, new ApplicationCalls.Pause("C1", List.of(T0))).runUntil(6_000);

        assertThat(run.events("C1", "Pause").get(0).time()).isEqualTo(returned.time() + 1);
    }

    @Test
    void anAssignRejectedForASubscribedConsumerStillSendsTheAutoCommitThatIsDue() {
        // 400 ms a record: auto.commit.interval.ms runs out while C1 processes, so the commit waits for poll().
        ConsumerBehavior slow = ConsumerBehavior.processing(400).withPollTimeout(1_000);
        ClientScenario run = new ClientScenario(7, Map.of("t", 2))
                .consumer("C1", ClientScenario.quick().with("auto.offset.reset", "earliest")
                        .with("auto.commit.interval.ms", 1_000), slow, "t")
                .producer("P1", ProducerConfig.of("t", 20, new KeyDistribution.Uniform(10)))
                .at(0, new ProducerActor.Start("P1")).at(0, new ConsumerTasks.Start("C1")).runUntil(8_000);
        SimEvent due = run.events("C1", "AutoCommitInterval").stream()
                .filter(e -> e.time() > 3_000 && Boolean.FALSE.equals(e.fields().get("inPoll"))).findFirst()
                .orElseThrow();
        SimEvent waited = run.events("C1", "AutoCommit").stream().filter(e -> e.seq() > due.seq()).findFirst()
                .orElseThrow();
        assertThat(waited.time()).isGreaterThan(due.time() + 1);

        // assign() on a subscribed consumer throws IllegalStateException, but only after maybeAutoCommitOffsetsAsync.
        run.at(due.time() + 1, new ApplicationCalls.Assign("C1", List.of(T0))).runUntil(8_000);

        SimEvent commit = run.events("C1", "AutoCommit").stream().filter(e -> e.seq() > due.seq()).findFirst()
                .orElseThrow();
        SimEvent rejected = run.events("C1", "CallRejected").get(0);
        assertThat(commit.time()).isEqualTo(due.time() + 1).isEqualTo(rejected.time());
        assertThat(commit.seq()).isLessThan(rejected.seq());
        assertThat(rejected.fields()).containsEntry("method", "assign");
    }

    private static SimEvent nextPoll(ClientScenario run, SimEvent after) {
        return run.events("C1", "Poll").stream().filter(e -> e.seq() > after.seq()).findFirst().orElseThrow();
    }
}
