package dev.groupscope.realkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The oracle for when a consumer reads its answers ({@code HeartbeatThreadTurnsTest} shows the same in the
 * simulator). While the application processes records, only the heartbeat thread reads the network, with
 * {@code client.pollNoWakeup()} at the top of each turn, and its turns come every retry.backoff.ms. A heartbeat it
 * sends is answered within a millisecond or two, but the answer is read at the next turn, about 100 ms later.
 * Inside poll() the application thread waits on the network itself and reads the answer as it arrives.
 *
 * <p>kafka-clients measures a heartbeat's response time from creating the request to reading its answer
 * ({@code ClientResponse.requestLatencyMs}) and keeps the largest as {@code heartbeat-response-time-max}.
 */
class RealKafkaHeartbeatReadOnTurnsTest {

    private static final String TOPIC = "t";
    private static final Duration BUSY = Duration.ofSeconds(6);
    private static final String BACKLOG = "backlog";

    private static RealKafkaCluster cluster;

    @BeforeAll
    static void start() {
        cluster = RealKafkaCluster.start(1);
        cluster.createTopic(TOPIC, 2);
        cluster.createTopic(BACKLOG, 1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(cluster.stringProducerConfig())) {
            for (int i = 0; i < 1_000; i++) {
                producer.send(new ProducerRecord<>(BACKLOG, "k", "v" + i));
            }
            producer.flush();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Timeout(120)
    void whileTheApplicationProcessesAHeartbeatAnswerWaitsForTheThreadsNextTurn() {
        double slowest = slowestHeartbeatAnswer("processing", consumer -> Bounded.sleep(BUSY.toMillis()));
        assertThat(slowest).as("read a retry.backoff.ms wait after the heartbeat went out").isBetween(80.0, 250.0);
    }

    @Test
    @Timeout(120)
    void insidePollAHeartbeatAnswerIsReadAsItArrives() {
        double slowest = slowestHeartbeatAnswer("polling", consumer -> Bounded.pollFor(consumer, BUSY));
        assertThat(slowest).as("read by the application thread waiting in poll()").isLessThan(50.0);
    }

    @Test
    @Timeout(120)
    void aPollThatReturnsBufferedRecordsRunsNoAnswerHandlerSoACommitCallbackWaitsForTheThread() {
        // retry.backoff.ms = 0: the heartbeat thread wakes only when poll() finds a heartbeat due, every 10 s here.
        // Every poll() returns one record of the thousand buffered by the first fetch, without waiting on the
        // network, so the commit's answer, in the socket within milliseconds, has its handler fired only by the
        // thread's next heartbeat; the poll() after that runs the callback.
        long delay = commitCallbackDelay("buffered", 1, poll -> assertThat(poll).as("a buffered record").isEqualTo(1));
        assertThat(delay).as("ms from commitAsync() to its callback").isGreaterThan(2_000);
    }

    @Test
    @Timeout(120)
    void aPollThatWaitsOnTheNetworkRunsTheHandlerAndThePassAfterItTheCallback() {
        // The same, but the first poll() took every record: the next one waits on the network, which fires the
        // commit answer's handler, and poll()'s loop goes round to the coordinator's poll, which runs the callback.
        long delay = commitCallbackDelay("waiting", 5_000, poll -> { });
        assertThat(delay).as("ms from commitAsync() to its callback").isLessThan(1_000);
    }

    /** Reads a first batch, calls commitAsync(), then polls every 50 ms until its callback runs: how long, in ms. */
    private static long commitCallbackDelay(String groupId, int maxPollRecords,
                                            java.util.function.IntConsumer eachPoll) {
        Map<String, Object> config = new java.util.HashMap<>(config(groupId));
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.RETRY_BACKOFF_MS_CONFIG, 0);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(BACKLOG));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (consumer.poll(Duration.ofMillis(100)).isEmpty()) {
                assertThat(System.nanoTime()).as("records within 30 s").isLessThan(deadline);
            }
            long[] calledBack = {0};
            long committed = System.nanoTime();
            consumer.commitAsync((offsets, exception) -> calledBack[0] = System.nanoTime());
            while (calledBack[0] == 0 && System.nanoTime() - committed < TimeUnit.SECONDS.toNanos(30)) {
                Bounded.sleep(50); // the record being processed
                eachPoll.accept(consumer.poll(Duration.ofMillis(1_000)).count());
            }
            assertThat(calledBack[0]).as("the callback ran within 30 s").isNotZero();
            return TimeUnit.NANOSECONDS.toMillis(calledBack[0] - committed);
        }
    }

    /**
     * Joins, lets the heartbeats of the join's own polls age out of nothing (the metric keeps a maximum), then
     * spends {@link #BUSY} as {@code busy} says with heartbeats every second; the slowest answer read, in ms.
     */
    private static double slowestHeartbeatAnswer(String groupId,
                                                 java.util.function.Consumer<KafkaConsumer<String, String>> busy) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config(groupId))) {
            consumer.subscribe(List.of(TOPIC));
            Bounded.pollUntilAssigned(consumer);
            busy.accept(consumer);
            return heartbeatResponseTimeMax(consumer);
        }
    }

    private static double heartbeatResponseTimeMax(KafkaConsumer<String, String> consumer) {
        for (Map.Entry<MetricName, ? extends Metric> metric : consumer.metrics().entrySet()) {
            if (metric.getKey().name().equals("heartbeat-response-time-max")) {
                double value = (Double) metric.getValue().metricValue();
                assertThat(value).as("at least one heartbeat answered").isGreaterThan(0.0);
                return value;
            }
        }
        throw new AssertionError("no heartbeat-response-time-max metric");
    }

    private static Map<String, Object> config(String groupId) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    }
}
