package dev.groupscope.sim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The buffer of fetched records poll() has not returned yet, as kafka-clients' FetchCollector reads it: a fetch is
 * drained only when asked for a record it no longer has, so one whose last record filled poll() exactly stays
 * buffered (its leader gets no new fetch) until the next poll().
 */
class FetchBufferTest {

    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final TopicPartition P1 = new TopicPartition("orders", 1);

    private static final java.util.function.Predicate<TopicPartition> UNSUBSCRIBED_NONE = tp -> false;
    /** No error answer is expected here: one would fail the test. */
    private static final FetchBuffer.ErrorCollector NO_ERRORS = (tp, error, fetchOffset, recordsInHand) -> {
        throw new AssertionError(error + " collected for " + tp);
    };

    private final FetchBuffer buffer = new FetchBuffer();
    private final Assignment assignment = new Assignment();

    FetchBufferTest() {
        assignment.assign(new TreeSet<>(java.util.List.of(P0, P1)));
        assignment.seek(P0, 0);
        assignment.seek(P1, 0);
    }

    private java.util.List<FetchBuffer.Slice> collect(int maxRecords) {
        return buffer.collect(maxRecords, assignment, UNSUBSCRIBED_NONE, NO_ERRORS);
    }

    @Test
    void anErrorAnswerIsBufferedAndHandedOverOnlyWhenPollCollectsIt() {
        buffer.add(P1, 0, 2, 0);
        buffer.addError(P0, 0, Errors.OFFSET_OUT_OF_RANGE);
        assertThat(buffer.holds(P0)).as("buffered: its partition is not fetched meanwhile").isTrue();
        java.util.List<String> collected = new java.util.ArrayList<>();

        assertThat(buffer.collect(5, assignment, UNSUBSCRIBED_NONE, (tp, error, fetchOffset, recordsInHand) -> {
            collected.add(tp + " " + error + " @" + fetchOffset + (recordsInHand ? " after records" : ""));
            return FetchBuffer.Collected.DONE;
        })).extracting(FetchBuffer.Slice::partition).containsExactly(P1);
        assertThat(collected).containsExactly("orders-0 OFFSET_OUT_OF_RANGE @0 after records");
        assertThat(buffer.holds(P0)).isFalse();
    }

    @Test
    void anAnswerWithoutRecordsIsBufferedToo_behindRecordsThatFillPollItWaitsForTheNextPoll() {
        buffer.add(P1, 0, 3, 0);
        buffer.add(P0, 0, 0, -1); // a new high watermark, no records

        assertThat(collect(3)).extracting(FetchBuffer.Slice::partition).containsExactly(P1);
        assertThat(buffer.holds(P0)).as("still buffered: neither it nor its leader is fetched").isTrue();

        assertThat(collect(3)).isEmpty();
        assertThat(buffer.partitions()).isEmpty();
    }

    @Test
    void anAnswerWithoutRecordsDrainsWithoutMovingItsPartitionInTheFetchOrder() {
        java.util.List<TopicPartition> before = assignment.fetchOrder();
        buffer.add(before.get(0), 0, 0, -1);

        assertThat(collect(5)).isEmpty();
        assertThat(buffer.holds(before.get(0))).isFalse();
        assertThat(assignment.fetchOrder()).isEqualTo(before);
    }

    @Test
    void anErrorAnswerOfAPausedPartitionIsActedOnNotSetAside() {
        assignment.pause(P0);
        buffer.addError(P0, 0, Errors.NOT_LEADER_OR_FOLLOWER);
        java.util.List<TopicPartition> collected = new java.util.ArrayList<>();

        buffer.collect(5, assignment, UNSUBSCRIBED_NONE, (tp, error, fetchOffset, recordsInHand) -> {
            collected.add(tp);
            return FetchBuffer.Collected.DONE;
        });

        assertThat(collected).containsExactly(P0);
        assertThat(buffer.holds(P0)).isFalse();
    }

    @Test
    void recordsOfAPausedPartitionWaitForResume_unlessASeekMadeThemStale() {
        assignment.pause(P0);
        buffer.add(P0, 0, 2, 0);
        assertThat(collect(5)).isEmpty();
        assertThat(buffer.holds(P0)).as("set aside while paused").isTrue();
        assignment.resume(P0);
        assertThat(collect(5)).extracting(FetchBuffer.Slice::partition, FetchBuffer.Slice::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(P0, 2));

        assignment.pause(P1);
        buffer.add(P1, 0, 2, 0);
        assignment.seek(P1, 1);
        assertThat(collect(5)).isEmpty();
        assertThat(buffer.holds(P1)).as("FetchCollector.initialize discards it, paused or not").isFalse();
    }

    @Test
    void anErrorThatMakesPollThrowStopsCollecting() {
        buffer.addError(P0, 0, Errors.OFFSET_OUT_OF_RANGE);
        buffer.add(P1, 0, 2, 0);

        assertThat(buffer.collect(5, assignment, UNSUBSCRIBED_NONE,
                (tp, error, fetchOffset, recordsInHand) -> FetchBuffer.Collected.THREW)).isEmpty();
        assertThat(buffer.holds(P0)).isFalse();
        assertThat(buffer.holds(P1)).isTrue();
    }

    @Test
    void anErrorThatWouldMakePollThrowAfterRecordsStaysFirstAndThrowsAtTheNextPoll() {
        // FetchCollector.collectFetch swallows a KafkaException once it has records: it returns them, and the
        // answer, never polled off the buffer, throws at the next collectFetch.
        buffer.add(P1, 0, 2, 0);
        buffer.addError(P0, 0, Errors.OFFSET_OUT_OF_RANGE);
        FetchBuffer.ErrorCollector noResetPolicy = (tp, error, fetchOffset, recordsInHand) ->
                recordsInHand ? FetchBuffer.Collected.KEPT : FetchBuffer.Collected.THREW;

        assertThat(buffer.collect(5, assignment, UNSUBSCRIBED_NONE, noResetPolicy))
                .extracting(FetchBuffer.Slice::partition).containsExactly(P1);
        assertThat(buffer.holds(P0)).isTrue();

        assertThat(buffer.collect(5, assignment, UNSUBSCRIBED_NONE, noResetPolicy)).isEmpty();
        assertThat(buffer.holds(P0)).isFalse();
    }

    @Test
    void aPartitionWhoseRecordsPollUsedUpGoesLastInTheFetchOrderWhenItsFetchDrains() {
        java.util.List<TopicPartition> before = assignment.fetchOrder();
        TopicPartition first = before.get(0);
        TopicPartition second = before.get(1);
        buffer.add(first, 0, 2, 0);

        collect(2); // the fetch's last record fills poll(): not drained yet, so the order stands
        assertThat(assignment.fetchOrder()).containsExactly(first, second);
        collect(5); // asked for one more: drained, having returned records (CompletedFetch.drain)
        assertThat(assignment.fetchOrder()).containsExactly(second, first);
    }

    @Test
    void aFetchDroppedBeforePollReturnedAnyOfItsRecordsLeavesTheOrderAlone() {
        java.util.List<TopicPartition> before = assignment.fetchOrder();
        buffer.add(before.get(0), 0, 2, 0);
        assignment.seek(before.get(0), 1); // a seek since: the data is for another position

        assertThat(collect(5)).isEmpty();
        assertThat(assignment.fetchOrder()).isEqualTo(before);
    }

    @Test
    void aCopyKeepsItsFetchOrderWhenTheOriginalMovesAPartition() {
        java.util.List<TopicPartition> before = assignment.fetchOrder();
        Assignment copy = assignment.copy();

        assignment.moveToEnd(before.get(0));

        assertThat(copy.fetchOrder()).isEqualTo(before);
        assertThat(assignment.fetchOrder()).containsExactly(before.get(1), before.get(0));
    }

    @Test
    void aFetchWhoseLastRecordFillsPollExactlyStaysBufferedUntilTheNextPoll() {
        buffer.add(P0, 0, 3, 0);

        assertThat(collect(3)).extracting(FetchBuffer.Slice::count).containsExactly(3);
        assertThat(buffer.holds(P0)).as("not drained yet: no new fetch for its leader").isTrue();

        assertThat(collect(3)).isEmpty();
        assertThat(buffer.holds(P0)).isFalse();
    }

    @Test
    void aFetchUsedUpWithRoomLeftInPollIsDrainedAndTheNextOneRead() {
        buffer.add(P0, 0, 3, 0);
        buffer.add(P1, 0, 2, 0);

        assertThat(collect(4)).extracting(FetchBuffer.Slice::partition, FetchBuffer.Slice::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(P0, 3), org.assertj.core.groups.Tuple.tuple(P1, 1));
        assertThat(buffer.holds(P0)).isFalse();
        assertThat(buffer.holds(P1)).isTrue();
    }

    @Test
    void theDrainedFetchDoesNotKeepTheNextPollFromReadingTheOthers() {
        buffer.add(P0, 0, 2, 0);
        buffer.add(P1, 0, 2, 0);
        collect(2);

        assertThat(collect(5)).extracting(FetchBuffer.Slice::partition, FetchBuffer.Slice::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(P1, 2));
    }
}
