package dev.groupscope.sim.client;

import static org.assertj.core.api.Assertions.assertThat;

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

    private final FetchBuffer buffer = new FetchBuffer();
    private final Assignment assignment = new Assignment();

    FetchBufferTest() {
        assignment.assign(new TreeSet<>(java.util.List.of(P0, P1)));
        assignment.seek(P0, 0);
        assignment.seek(P1, 0);
    }

    @Test
    void aFetchWhoseLastRecordFillsPollExactlyStaysBufferedUntilTheNextPoll() {
        buffer.add(P0, 0, 3, 0);

        assertThat(buffer.collect(3, assignment, UNSUBSCRIBED_NONE)).extracting(FetchBuffer.Slice::count).containsExactly(3);
        assertThat(buffer.holds(P0)).as("not drained yet: no new fetch for its leader").isTrue();

        assertThat(buffer.collect(3, assignment, UNSUBSCRIBED_NONE)).isEmpty();
        assertThat(buffer.holds(P0)).isFalse();
    }

    @Test
    void aFetchUsedUpWithRoomLeftInPollIsDrainedAndTheNextOneRead() {
        buffer.add(P0, 0, 3, 0);
        buffer.add(P1, 0, 2, 0);

        assertThat(buffer.collect(4, assignment, UNSUBSCRIBED_NONE)).extracting(FetchBuffer.Slice::partition, FetchBuffer.Slice::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(P0, 3), org.assertj.core.groups.Tuple.tuple(P1, 1));
        assertThat(buffer.holds(P0)).isFalse();
        assertThat(buffer.holds(P1)).isTrue();
    }

    @Test
    void theDrainedFetchDoesNotKeepTheNextPollFromReadingTheOthers() {
        buffer.add(P0, 0, 2, 0);
        buffer.add(P1, 0, 2, 0);
        buffer.collect(2, assignment, UNSUBSCRIBED_NONE);

        assertThat(buffer.collect(5, assignment, UNSUBSCRIBED_NONE)).extracting(FetchBuffer.Slice::partition, FetchBuffer.Slice::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(P1, 2));
    }
}
