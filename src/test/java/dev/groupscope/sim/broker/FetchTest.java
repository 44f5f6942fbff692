package dev.groupscope.sim.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.coordinator.Harness;
import dev.groupscope.sim.coordinator.Recorder;
import dev.groupscope.sim.coordinator.EventChecks;
import dev.groupscope.sim.engine.Actor;
import dev.groupscope.sim.engine.Context;
import dev.groupscope.sim.engine.Task;
import dev.groupscope.sim.protocol.Requests.FetchRequest;
import dev.groupscope.sim.protocol.Responses.FetchResponse;
import dev.groupscope.sim.protocol.Responses.FetchedPartition;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fetch: records from the fetch offset, bounded by bytes, and the purgatory of fetches waiting for data. */
class FetchTest {

    private static final TopicPartition P0 = new TopicPartition("orders", 0);

    private final Harness h = new Harness(ClusterSetup.of(2).withTopic("orders", 2, 2)
            .withSim(SimSettings.DEFAULT.withLogCleanerBackoffMs(0)), 11);
    private final Recorder consumer = h.client("consumer");

    /** A producer that appends one keyed record whenever it is told to. */
    record Produce(String target, String topic, int partition, String key) implements Task {
    }

    static final class Producer implements Actor {
        @Override
        public String id() {
            return "producer";
        }

        @Override
        public Actor copy() {
            return this;
        }

        @Override
        public void handle(Task task, Context context) {
            Produce produce = (Produce) task;
            context.actor(ClusterActor.ID, ClusterActor.class).append(context, id(), produce.topic(),
                    produce.partition(), context.now(), produce.key());
        }

        @Override
        public Object view() {
            return "producer";
        }
    }

    private void produce(int records) {
        for (int i = 0; i < records; i++) {
            h.schedule(new Produce("producer", "orders", 0, "k" + i));
        }
        h.advance(1);
    }

    private int leader() {
        return h.cluster.leaderOf("orders", 0);
    }

    private FetchedPartition fetch(int broker, long offset, int maxBytes, int minBytes, int maxWaitMs, long wait) {
        h.deliver("consumer", broker, new FetchRequest(h.correlationId(), Map.of(P0, offset), maxBytes, minBytes,
                maxWaitMs));
        h.advance(wait);
        return h.last(consumer, FetchResponse.class).partitions().get(P0);
    }

    {
        h.world.addActor(new Producer());
    }

    @AfterEach
    void everyEventIsExplainedAndJsonFriendly() {
        EventChecks.assertWellFormed(h.events());
    }

    @Test
    void aFetchReturnsAsManyRecordsAsFitInItsMaxBytes() {
        produce(10);

        FetchedPartition fetched = fetch(leader(), 2, 350, 1, 500, 10);

        assertThat(fetched.error()).isEqualTo(Errors.NONE);
        assertThat(fetched.fetchOffset()).isEqualTo(2);
        assertThat(fetched.count()).isEqualTo(3); // 100 bytes a record
        assertThat(fetched.highWatermark()).isEqualTo(10);
        assertThat(h.cluster.keyAt("orders", 0, 2)).isEqualTo("k2");
    }

    @Test
    void theFirstRecordComesEvenWhenItIsLargerThanMaxBytes() {
        produce(3);

        assertThat(fetch(leader(), 0, 10, 1, 500, 10).count()).isEqualTo(1);
    }

    @Test
    void onlyThePartitionsLeaderServesIt() {
        produce(3);

        assertThat(fetch(leader() == 1 ? 2 : 1, 0, 1_000, 1, 500, 10).error())
                .isEqualTo(Errors.NOT_LEADER_OR_FOLLOWER);
    }

    @Test
    void anOffsetBeyondTheLogEndIsOutOfRange() {
        produce(3);

        assertThat(fetch(leader(), 4, 1_000, 1, 500, 10).error()).isEqualTo(Errors.OFFSET_OUT_OF_RANGE);
        assertThat(fetch(leader(), 3, 1_000, 0, 500, 10).error()).isEqualTo(Errors.NONE);
    }

    @Test
    void aFetchWithNothingToReadWaitsForTheNextRecord() {
        h.deliver("consumer", leader(), new FetchRequest(h.correlationId(), Map.of(P0, 0L), 1_000, 1, 500));
        h.advance(100);
        assertThat(h.all(consumer, FetchResponse.class)).isEmpty();
        assertThat(h.events("FetchParked")).hasSize(1);

        produce(1);
        h.advance(10);

        assertThat(h.last(consumer, FetchResponse.class).partitions().get(P0).count()).isEqualTo(1);
        assertThat(h.events("FetchReleased")).singleElement()
                .satisfies(event -> assertThat(event.ruleKey()).isEqualTo("sim.cluster.fetch.dataArrived"));
    }

    @Test
    void aWaitingFetchIsAnsweredEmptyAfterFetchMaxWait() {
        h.deliver("consumer", leader(), new FetchRequest(h.correlationId(), Map.of(P0, 0L), 1_000, 1, 500));
        h.advance(499);
        assertThat(h.all(consumer, FetchResponse.class)).isEmpty();

        h.advance(10);

        assertThat(h.last(consumer, FetchResponse.class).partitions().get(P0).count()).isZero();
        assertThat(h.events("FetchMaxWait")).singleElement()
                .satisfies(event -> assertThat(event.time()).isEqualTo(500));
    }

    @Test
    void aWaitingFetchIsReleasedWhenItsBrokerLosesTheLeadership() {
        int leader = leader();
        h.deliver("consumer", leader, new FetchRequest(h.correlationId(), Map.of(P0, 0L), 1_000, 1, 500));
        h.advance(10);

        h.schedule(new ClusterActions.StopBroker(leader));
        h.advance(10);

        assertThat(h.last(consumer, FetchResponse.class).partitions().get(P0).error())
                .isEqualTo(Errors.NOT_LEADER_OR_FOLLOWER);
    }

    @Test
    void aProducerCannotWriteToATopicThatDoesNotExist() {
        assertThat(h.cluster.append(h.world, "producer", "ghost", 0, 0, null)).isEqualTo(-1);
        assertThat(h.cluster.append(h.world, "producer", "orders", 5, 0, null)).isEqualTo(-1);
    }
}
