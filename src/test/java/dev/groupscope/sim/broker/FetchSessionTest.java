package dev.groupscope.sim.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.coordinator.EventChecks;
import dev.groupscope.sim.coordinator.Harness;
import dev.groupscope.sim.coordinator.Recorder;
import dev.groupscope.sim.protocol.Requests.FetchRequest;
import dev.groupscope.sim.protocol.Responses.FetchResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Incremental fetch sessions on the broker (KIP-227, Kafka's FetchManager): a full fetch at epoch 0 opens one,
 * later fetches name only changes and are answered only for partitions with something new.
 */
class FetchSessionTest {

    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final TopicPartition P1 = new TopicPartition("orders", 1);

    // One broker leads both partitions, so one session holds them.
    private final Harness h = new Harness(ClusterSetup.of(1).withTopic("orders", 2, 1), 11);
    private final Recorder consumer = h.client("consumer");

    {
        h.world.addActor(new FetchTest.Producer());
    }

    @AfterEach
    void everyEventIsExplainedAndJsonFriendly() {
        EventChecks.assertWellFormed(h.events());
    }

    private void produce(int partition, int records) {
        for (int i = 0; i < records; i++) {
            h.schedule(new FetchTest.Produce("producer", "orders", partition, "k" + i));
        }
        h.advance(1);
    }

    private FetchResponse fetch(int sessionId, int epoch, Map<TopicPartition, Long> offsets,
                                List<TopicPartition> forgotten) {
        // fetch.min.bytes 0: answered at once, so each call sees its own answer.
        h.deliver("consumer", 1, new FetchRequest(h.correlationId(), sessionId, epoch, offsets, forgotten, 10_000, 0,
                500, 10_000));
        h.advance(5);
        return h.last(consumer, FetchResponse.class);
    }

    private FetchResponse open() {
        return fetch(FetchRequest.NO_SESSION, FetchRequest.INITIAL_EPOCH, Map.of(P0, 0L, P1, 0L), List.of());
    }

    @Test
    void aFullFetchAtEpochZeroOpensASessionAndListsEveryPartition() {
        produce(0, 3);

        FetchResponse response = open();

        assertThat(response.sessionId()).isPositive();
        assertThat(response.partitions()).containsOnlyKeys(P0, P1);
        assertThat(response.partitions().get(P0).count()).isEqualTo(3);
    }

    @Test
    void anIncrementalFetchAnswersOnlyPartitionsWithSomethingNew() {
        produce(0, 3);
        int session = open().sessionId();

        // The consumer took P0's three records: it names P0's new offset, P1 is implied at offset 0.
        FetchResponse nothingNew = fetch(session, 1, Map.of(P0, 3L), List.of());
        assertThat(nothingNew.error()).isEqualTo(Errors.NONE);
        assertThat(nothingNew.partitions()).isEmpty();

        produce(1, 2);
        FetchResponse p1Grew = fetch(session, 2, Map.of(), List.of());

        assertThat(p1Grew.partitions()).containsOnlyKeys(P1);
        assertThat(p1Grew.partitions().get(P1).fetchOffset()).isZero();
        assertThat(p1Grew.partitions().get(P1).count()).isEqualTo(2);
    }

    @Test
    void aNewSessionAnswersInTheOrderItsFullFetchNamedThePartitions() {
        produce(0, 1);
        produce(1, 1);
        Map<TopicPartition, Long> secondFirst = new java.util.LinkedHashMap<>();
        secondFirst.put(P1, 0L);
        secondFirst.put(P0, 0L);

        FetchResponse response = fetch(FetchRequest.NO_SESSION, FetchRequest.INITIAL_EPOCH, secondFirst, List.of());

        assertThat(response.partitions().keySet()).containsExactly(P1, P0);
    }

    @Test
    void aPartitionThatReturnedRecordsMovesToTheEndOfTheSession() {
        int session = open().sessionId(); // the session's order: P0, P1
        produce(0, 2);
        assertThat(fetch(session, 1, Map.of(), List.of()).partitions().keySet()).containsExactly(P0);

        // IncrementalFetchContext's rotation: P0 returned records, so P1 now comes first.
        produce(0, 1);
        produce(1, 1);
        FetchResponse both = fetch(session, 2, Map.of(P0, 2L), List.of());

        assertThat(both.partitions().keySet()).containsExactly(P1, P0);
        assertThat(both.partitions().get(P0).fetchOffset()).isEqualTo(2);
    }

    @Test
    void aPartitionWithUnreadRecordsIsAnsweredAgainUntilTheConsumerMovesOn() {
        produce(0, 3);
        int session = open().sessionId();

        // The consumer has not moved P0 (its records are still buffered): the broker still has them to give.
        assertThat(fetch(session, 1, Map.of(), List.of()).partitions()).containsOnlyKeys(P0);
        assertThat(fetch(session, 2, Map.of(P0, 3L), List.of()).partitions()).isEmpty();
    }

    @Test
    void aForgottenPartitionIsNoLongerRead() {
        int session = open().sessionId();

        fetch(session, 1, Map.of(), List.of(P1));
        produce(1, 2);

        assertThat(fetch(session, 2, Map.of(), List.of()).partitions()).isEmpty();
    }

    @Test
    void aConsumersCloseOfItsSessionIsAnsweredAtOnceAndFreesTheSession() {
        int session = open().sessionId();

        // Fetcher.close: epoch -1 names the session and no partition. fetch.min.bytes 1 and 500 ms of wait would
        // park any other fetch with nothing to read; KafkaApis answers one that reads no partition at once.
        h.deliver("consumer", 1, new FetchRequest(h.correlationId(), session, FetchRequest.FINAL_EPOCH, Map.of(),
                List.of(), 10_000, 1, 500, 10_000));
        h.advance(5);
        FetchResponse closed = h.last(consumer, FetchResponse.class);

        assertThat(closed.error()).isEqualTo(Errors.NONE);
        assertThat(closed.sessionId()).isEqualTo(FetchRequest.NO_SESSION);
        assertThat(closed.partitions()).isEmpty();
        assertThat(fetch(session, 1, Map.of(), List.of()).error()).isEqualTo(Errors.FETCH_SESSION_ID_NOT_FOUND);
    }

    @Test
    void anUnknownSessionOrAWrongEpochIsAnErrorWithoutPartitions() {
        produce(0, 1);
        int session = open().sessionId();

        FetchResponse wrongEpoch = fetch(session, 5, Map.of(), List.of());
        FetchResponse unknown = fetch(session + 100, 1, Map.of(), List.of());

        assertThat(wrongEpoch.error()).isEqualTo(Errors.INVALID_FETCH_SESSION_EPOCH);
        assertThat(unknown.error()).isEqualTo(Errors.FETCH_SESSION_ID_NOT_FOUND);
        assertThat(unknown.partitions()).isEmpty();
        assertThat(unknown.sessionId()).isEqualTo(FetchRequest.NO_SESSION);
    }

    @Test
    void aFullFetchNamingASessionClosesItAndOpensANewOne() {
        int first = open().sessionId();

        int second = fetch(first, FetchRequest.INITIAL_EPOCH, Map.of(P0, 0L), List.of()).sessionId();

        assertThat(second).isNotEqualTo(first).isPositive();
        assertThat(fetch(first, 1, Map.of(), List.of()).error()).isEqualTo(Errors.FETCH_SESSION_ID_NOT_FOUND);
    }

    @Test
    void aFetchWithoutSessionOpensNone() {
        FetchResponse response = fetch(FetchRequest.NO_SESSION, FetchRequest.FINAL_EPOCH, Map.of(P0, 0L), List.of());

        assertThat(response.sessionId()).isEqualTo(FetchRequest.NO_SESSION);
        assertThat(response.partitions()).containsOnlyKeys(P0);
    }

    @Test
    void aRestartedBrokerHasForgottenItsSessions() {
        int session = open().sessionId();

        h.schedule(new ClusterActions.StopBroker(1));
        h.advance(10);
        h.schedule(new ClusterActions.StartBroker(1));
        h.advance(10);

        assertThat(fetch(session, 1, Map.of(), List.of()).error()).isEqualTo(Errors.FETCH_SESSION_ID_NOT_FOUND);
    }

    @Test
    void anIncrementalFetchWaitsForRecordsOnAnyPartitionOfItsSession() {
        int session = open().sessionId();
        h.deliver("consumer", 1, new FetchRequest(h.correlationId(), session, 1, Map.of(), List.of(), 10_000, 1,
                500, 10_000));
        h.advance(50);
        assertThat(h.events("FetchParked")).hasSize(1);

        produce(1, 1);
        h.advance(5);

        FetchResponse released = h.last(consumer, FetchResponse.class);
        assertThat(released.partitions()).containsOnlyKeys(P1);
        assertThat(h.events("FetchReleased")).hasSize(1);
    }
}
