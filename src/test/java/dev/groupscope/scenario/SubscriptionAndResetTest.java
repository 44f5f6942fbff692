package dev.groupscope.scenario;

import static dev.groupscope.scenario.ClientScenarioTest.actor;
import static dev.groupscope.scenario.ClientScenarioTest.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.sim.engine.SimEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where a consumer starts again and what a subscription change asks for, as kafka-clients 4.1 does it: an
 * out-of-range fetch is acted on when poll() collects it; the reset then says so (not "nothing committed"); with no
 * reset policy poll() throws 4.1's OffsetOutOfRangeException; subscribe() to the topics already subscribed changes nothing; a pattern that matches a
 * new topic asks for metadata at once, and the rejoin waits for that answer.
 */
class SubscriptionAndResetTest {

    /** C1 reads t (2 partitions) from the start, committing every second; {@code actions} follow. */
    private static ScenarioRun run(String actions) {
        return ScenarioRun.of(ScenarioReader.read("reset.json", """
                {"name": "reset", "seed": 3, "durationMs": 16000,
                 "cluster": {"brokers": 1, "settings": {"group.initial.rebalance.delay.ms": 0}},
                 "topics": [{"name": "t", "partitions": 2, "replicationFactor": 1}],
                 "producers": [{"id": "P1", "topic": "t", "recordsPerSecond": 200}],
                 "consumers": [{"id": "C1", "groupId": "g", "topics": ["t"], "processingMsPerRecord": 5,
                                "settings": {"auto.offset.reset": "earliest", "auto.commit.interval.ms": 1000}}],
                 "actions": [%s]}
                """.formatted(actions)));
    }

    @Test
    void aResetAfterAnOutOfRangeFetchSaysTheFetchPositionWasOutsideTheLog() {
        ScenarioRun run = run("""
                {"atMs": 10000, "action": "seek", "consumer": "C1", "partition": "t-0", "offset": 100000}""");

        SimEvent reset = run.events(type("OffsetReset").and(e -> e.time() >= 10_000)).get(0);
        assertThat(reset.fields()).containsEntry("cause", "fetch offset out of range").containsEntry("offset", 0L);
        assertThat(Messages.english().format(reset.ruleKey(), reset.ruleArgs())).startsWith(
                "The fetch position in t-0 is outside the log (OFFSET_OUT_OF_RANGE): auto.offset.reset=earliest");
        // Acted on when poll() collects the answer (FetchCollector), not when it arrives: the ListOffsets goes after
        // a poll() that returned what came before it.
        SimEvent refused = run.events(type("FetchResponse").and(actor("C1"))
                .and(e -> e.fields().containsKey("errors"))).get(0);
        SimEvent asked = run.events(type("ListOffsetsRequest").and(e -> "C1".equals(e.peer()))
                .and(e -> e.seq() > refused.seq())).get(0);
        assertThat(run.events(type("Poll").and(actor("C1"))
                .and(e -> e.seq() > refused.seq() && e.time() <= (Long) asked.fields().get("sentAt")))).isNotEmpty();
        // The first reset of the run, on a new group, is the one with nothing committed.
        SimEvent first = run.events(type("OffsetReset")).get(0);
        assertThat(Messages.english().format(first.ruleKey(), first.ruleArgs()))
                .startsWith("Nothing committed for t-");
    }

    @Test
    void anOutOfRangeAnswerForAPartitionPausedSinceIsActedOnAtOnce() {
        // The fetch at the far offset goes out at 10,005 ms and is refused at 10,007; t-0 is paused in between.
        // Kafka 4.1's FetchCollector initializes an answer (handleInitializeErrors: the reset) before it looks at
        // pause, which only sets records aside: the reset's ListOffsets goes out while t-0 is still paused.
        ScenarioRun run = run("""
                {"atMs": 10000, "action": "seek", "consumer": "C1", "partition": "t-0", "offset": 100000},
                {"atMs": 10006, "action": "pause", "consumer": "C1", "partitions": ["t-0"]},
                {"atMs": 11000, "action": "resume", "consumer": "C1", "partitions": ["t-0"]}""");

        SimEvent refused = run.events(type("FetchResponse").and(actor("C1"))
                .and(e -> e.fields().containsKey("errors"))).get(0);
        assertThat(refused.time()).isBetween(10_006L, 11_000L);
        SimEvent asked = run.events(type("ListOffsetsRequest").and(e -> "C1".equals(e.peer()))
                .and(e -> e.seq() > refused.seq())).get(0);
        assertThat((Long) asked.fields().get("sentAt")).isBetween(refused.time(), 10_999L);
    }

    @Test
    void withNoResetPolicyPollThrowsTheOffsetOutOfRangeExceptionOfKafka41() {
        ScenarioRun run = withNoResetPolicySeekingPastTheEndAt(12_000);

        SimEvent failed = run.events(type("ConsumerFailed").and(actor("C1"))).get(0);
        SimEvent refused = run.events(type("FetchResponse").and(actor("C1"))
                .and(e -> e.fields().containsKey("errors"))).get(0);
        assertThat(refused.time()).isGreaterThanOrEqualTo(12_000);
        SimEvent batchInHand = run.events(type("ProcessRecords").and(actor("C1"))
                .and(e -> e.seq() < failed.seq())).stream().reduce((first, second) -> second).orElseThrow();
        assertThat(batchInHand.time()).as("the batch in hand when the answer came was processed first")
                .isGreaterThan((Long) refused.fields().get("sentAt"));
        assertThat(failed.time()).as("poll() throws when it collects the answer, after the batch in hand")
                .isEqualTo(batchInHand.time()).isGreaterThanOrEqualTo(refused.time());
        assertThat((String) failed.fields().get("error")).matches("OffsetOutOfRangeException: Fetch position "
                + "FetchPosition\\{offset=100000, offsetEpoch=Optional.empty, currentLeader=LeaderAndEpoch\\{leader="
                + "Optional\\[broker 1], epoch=(absent|\\d+)}} is out of range for partition t-0");
    }

    @Test
    void withNoResetPolicyTheRecordsCollectedBeforeTheRefusedPartitionComeFirstAndTheNextPollThrows() {
        // The refusal of t-0 comes in one answer with records of t-1 ahead of it. FetchCollector.collectFetch swallows
        // the exception once it holds records: poll() returns t-1's, and the answer, left in the buffer, makes the
        // next poll() throw.
        ScenarioRun run = withNoResetPolicySeekingPastTheEndAt(12_021);

        SimEvent refused = run.events(type("FetchResponse").and(actor("C1"))
                .and(e -> e.fields().containsKey("errors"))).get(0);
        assertThat(keys(refused, "records")).containsExactly("t-1", "t-0");
        List<SimEvent> polls = run.events(type("Poll").and(actor("C1")).and(e -> e.seq() > refused.seq()));
        assertThat(polls).isNotEmpty();
        assertThat(polls.get(0).time()).isEqualTo(refused.time());
        assertThat(keys(polls.get(0), "partitions")).containsExactly("t-1");
        int records = ((Number) polls.get(0).fields().get("records")).intValue();
        SimEvent failed = run.events(type("ConsumerFailed").and(actor("C1"))).get(0);
        assertThat(failed.time()).as("the next poll(), once its %d records are processed (5 ms each)", records)
                .isEqualTo(refused.time() + 5L * records);
    }

    /**
     * The new KafkaConsumer (auto.offset.reset = none from 8 s) starts from the offsets the first one committed, then
     * seeks t-0 past the log end at {@code seekAt}.
     */
    private static ScenarioRun withNoResetPolicySeekingPastTheEndAt(long seekAt) {
        return run("""
                {"atMs": 8000, "action": "changeSettings", "consumer": "C1",
                 "settings": {"auto.offset.reset": "none"}},
                {"atMs": %d, "action": "seek", "consumer": "C1", "partition": "t-0", "offset": 100000}"""
                .formatted(seekAt));
    }

    /** The partitions an event's per-partition field names, in its order. */
    private static List<Object> keys(SimEvent event, String field) {
        return List.copyOf(((java.util.Map<?, ?>) event.fields().get(field)).keySet());
    }

    @Test
    void subscribingToTheTopicsAlreadySubscribedAsksForNoMetadataAndSaysNothingChanges() {
        ScenarioRun run = run("""
                {"atMs": 12000, "action": "subscribe", "consumer": "C1", "topics": ["t"]}""");

        SimEvent call = run.events(type("Subscribe").and(actor("C1"))).get(0);
        assertThat(call.ruleKey()).isEqualTo("sim.client.call.subscribeSame");
        assertThat(run.events(type("MetadataResponse").and(actor("C1")).and(e -> e.time() > 12_000)
                .and(e -> "subscribe".equals(e.fields().get("why"))))).isEmpty();
        assertThat(run.events(type("JoinGroupRequest").and(e -> e.time() > 12_000))).isEmpty();
    }

    @Test
    void aPatternThatMatchesANewTopicAsksForMetadataAndRejoinsOnceItIsAnswered() {
        ScenarioRun run = ScenarioRun.of("pattern-new-topic");

        SimEvent matched = run.events(type("PatternMatched").and(actor("C2")).and(e -> e.time() > 20_000)).get(0);
        List<SimEvent> after = run.events(e -> e.seq() > matched.seq() && (("C2".equals(e.actor())
                && List.of("MetadataResponse", "AutoCommit", "onPartitionsRevoked").contains(e.type()))
                || ("C2".equals(e.peer()) && e.type().equals("JoinGroupRequest"))));
        assertThat(after).extracting(SimEvent::type).startsWith("MetadataResponse", "AutoCommit",
                "onPartitionsRevoked", "JoinGroupRequest");
        assertThat(after.get(0).fields()).containsEntry("why", "beforeJoin");
    }
}
