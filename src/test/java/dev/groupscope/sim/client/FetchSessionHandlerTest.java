package dev.groupscope.sim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.protocol.Requests.FetchRequest;
import dev.groupscope.sim.protocol.Responses.FetchResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The consumer's side of a fetch session, as kafka-clients' FetchSessionHandler builds requests and reads answers. */
class FetchSessionHandlerTest {

    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final TopicPartition P1 = new TopicPartition("orders", 1);
    private static final TopicPartition P2 = new TopicPartition("orders", 2);

    private final FetchSessionHandler handler = new FetchSessionHandler();

    private FetchSessionHandler.Built build(Map<TopicPartition, Long> next) {
        handler.begin();
        new java.util.TreeMap<>(next).forEach(handler::add);
        return handler.build(16, assignment());
    }

    /** The consumer's assignment: every partition these tests name. */
    private static Assignment assignment() {
        Assignment assignment = new Assignment();
        assignment.assign(new java.util.TreeSet<>(java.util.List.of(P0, P1, P2)));
        return assignment;
    }

    private boolean answer(Errors error, int sessionId) {
        return handler.handleResponse(new FetchResponse(1, error, sessionId, Map.of()));
    }

    @Test
    void theFirstRequestIsFullAtEpochZero() {
        FetchSessionHandler.Built first = build(Map.of(P0, 5L, P1, 7L));

        assertThat(first.sessionId()).isEqualTo(FetchRequest.NO_SESSION);
        assertThat(first.epoch()).isEqualTo(FetchRequest.INITIAL_EPOCH);
        assertThat(first.toSend()).containsExactly(Map.entry(P0, 5L), Map.entry(P1, 7L));
    }

    @Test
    void aFullRequestNamesThePartitionsAsFetchablePartitionsHashSetIteratesThem() {
        handler.begin();
        handler.add(P2, 3L);
        handler.add(P0, 5L);
        handler.add(P1, 7L);

        // AbstractFetch.fetchablePartitions: new HashSet<>(the fetchable partitions in assignment order).
        java.util.List<String> kafkas = new java.util.ArrayList<>();
        new java.util.HashSet<>(java.util.List.of(new org.apache.kafka.common.TopicPartition("orders", 2),
                new org.apache.kafka.common.TopicPartition("orders", 0),
                new org.apache.kafka.common.TopicPartition("orders", 1))).forEach(tp -> kafkas.add(tp.toString()));
        assertThat(handler.build(3, assignment()).toSend().keySet().stream().map(tp -> tp.topic() + "-" + tp.partition()))
                .containsExactlyElementsOf(kafkas);
    }

    @Test
    void afterTheSessionOpensOnlyChangesAreSentAndMissingPartitionsForgotten() {
        build(Map.of(P0, 5L, P1, 7L));
        assertThat(answer(Errors.NONE, 42)).isTrue();

        FetchSessionHandler.Built second = build(Map.of(P0, 9L, P2, 0L));

        assertThat(second.sessionId()).isEqualTo(42);
        assertThat(second.epoch()).isEqualTo(1);
        // Kafka's Builder.build: the partitions new to the session first (the broker puts them last in its order),
        // then those whose offset moved.
        assertThat(second.toSend()).containsExactly(Map.entry(P2, 0L), Map.entry(P0, 9L));
        assertThat(second.toForget()).containsExactly(P1);

        assertThat(answer(Errors.NONE, 42)).isTrue();
        FetchSessionHandler.Built third = build(Map.of(P0, 9L, P2, 0L));
        assertThat(third.epoch()).isEqualTo(2);
        assertThat(third.toSend()).isEmpty();
        assertThat(third.toForget()).isEmpty();
    }

    @Test
    void aCopySharesTheSessionUntilEitherSideChangesIt() {
        build(Map.of(P0, 5L, P1, 7L));
        answer(Errors.NONE, 42);
        FetchSessionHandler copy = handler.copy();

        // The original moves P0, forgets P1 and adds P2; the copy must still hold P0 at 5 and P1 at 7.
        FetchSessionHandler.Built moved = build(Map.of(P0, 9L, P2, 0L));
        assertThat(moved.toSend()).containsExactly(Map.entry(P2, 0L), Map.entry(P0, 9L));
        assertThat(moved.toForget()).containsExactly(P1);

        copy.begin();
        copy.add(P0, 5L);
        copy.add(P1, 8L);
        FetchSessionHandler.Built fromCopy = copy.build(16, assignment());
        assertThat(fromCopy.toSend()).containsExactly(Map.entry(P1, 8L));
        assertThat(fromCopy.toForget()).isEmpty();

        // And the copy's change did not reach the original: P2 at 0 and P0 at 9 are still its session.
        FetchSessionHandler.Built again = build(Map.of(P0, 9L, P2, 0L));
        assertThat(again.toSend()).isEmpty();
        assertThat(again.toForget()).isEmpty();
    }

    @Test
    void aLostSessionStartsOverWithAFullFetch() {
        build(Map.of(P0, 5L));
        answer(Errors.NONE, 42);
        build(Map.of(P0, 5L));

        assertThat(answer(Errors.FETCH_SESSION_ID_NOT_FOUND, 0)).isFalse();

        FetchSessionHandler.Built next = build(Map.of(P0, 5L));
        assertThat(next.sessionId()).isEqualTo(FetchRequest.NO_SESSION);
        assertThat(next.epoch()).isEqualTo(FetchRequest.INITIAL_EPOCH);
        assertThat(next.toSend()).containsOnlyKeys(P0);
    }

    @Test
    void aFailedSendClosesTheSessionWithTheNextFullFetch() {
        build(Map.of(P0, 5L));
        answer(Errors.NONE, 42);
        build(Map.of(P0, 5L));

        handler.handleError();

        FetchSessionHandler.Built next = build(Map.of(P0, 5L));
        assertThat(next.sessionId()).isEqualTo(42); // named so that the broker closes it
        assertThat(next.epoch()).isEqualTo(FetchRequest.INITIAL_EPOCH);
        assertThat(next.toSend()).containsOnlyKeys(P0);
    }

    @Test
    void aBrokerWithoutRoomForASessionLeavesEveryFetchFull() {
        build(Map.of(P0, 5L));
        answer(Errors.NONE, FetchRequest.NO_SESSION);

        assertThat(build(Map.of(P0, 6L)).epoch()).isEqualTo(FetchRequest.INITIAL_EPOCH);
    }
}
