package dev.groupscope.realkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The oracle for the model's heartbeat thread with retry.backoff.ms = 0 ({@code ZeroBackoffHeartbeatTest} runs the
 * same stall in the simulator). kafka-clients' thread waits {@code AbstractCoordinator.this.wait(retryBackoffMs)}
 * between turns, and {@code wait(0)} lasts until something wakes it. So an application busy for 15 s, with
 * session.timeout.ms at 10 s, sends no heartbeat meanwhile: the coordinator removes the member and, back in poll(),
 * it learns so and its partitions are lost. With the default 100 ms the thread heartbeats through the same stall
 * and nothing happens to the group.
 */
class RealKafkaZeroBackoffHeartbeatTest {

    private static final String TOPIC = "t";
    private static final long STALL_MS = 15_000;

    private static RealKafkaCluster cluster;

    @BeforeAll
    static void start() {
        cluster = RealKafkaCluster.start(1);
        cluster.createTopic(TOPIC, 2);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Timeout(120)
    void withNoBackoffTheThreadSleepsThroughTheStallAndTheMemberLosesItsPartitions() {
        List<String> callbacks = stallFor("no-backoff", 0);
        assertThat(callbacks).as("the coordinator removed the member during the stall")
                .contains("lost [t-0, t-1]")
                .endsWith("assigned [t-0, t-1]");
    }

    @Test
    @Timeout(120)
    void withTheDefaultBackoffTheThreadKeepsTheMemberInTheGroupThroughTheSameStall() {
        List<String> callbacks = stallFor("default-backoff", 100);
        assertThat(callbacks).as("no callback after the first assignment").isEmpty();
    }

    @Test
    @Timeout(120)
    void withNoBackoffAHeartbeatDueWhilePollWaitsStillGoesOutOnTime() {
        // One poll(10 s) on a quiet topic whose fetches the broker holds 5 s: nothing but a heartbeat falling due
        // ends poll()'s network wait sooner (timeToNextPoll), and the pass that follows wakes the sleeping thread.
        Map<String, Object> config = new HashMap<>(config("idle-in-poll", 0));
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5_000);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPIC));
            Bounded.pollUntilAssigned(consumer);
            long before = RealKafkaCluster.requestsReceived("Heartbeat");
            assertThat(consumer.poll(Duration.ofSeconds(10)).isEmpty()).isTrue();
            assertThat(RealKafkaCluster.requestsReceived("Heartbeat") - before)
                    .as("a heartbeat every heartbeat.interval.ms, not only at the 5 s fetch answers")
                    .isBetween(8L, 11L);
        }
    }

    /** Joins, then does not poll for {@link #STALL_MS}; the listener's calls from then on, until close(). */
    private static List<String> stallFor(String groupId, long retryBackoffMs) {
        List<String> callbacks = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config(groupId, retryBackoffMs))) {
            consumer.subscribe(List.of(TOPIC), recording(callbacks));
            Bounded.pollUntilAssigned(consumer);
            Bounded.pollFor(consumer, Duration.ofSeconds(1));
            callbacks.clear();
            Bounded.sleep(STALL_MS); // the application processing a batch: no poll()
            Bounded.pollFor(consumer, Duration.ofSeconds(8));
            return List.copyOf(callbacks); // before close(), which revokes
        }
    }

    private static ConsumerRebalanceListener recording(List<String> callbacks) {
        return new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                if (!partitions.isEmpty()) {
                    callbacks.add("revoked " + sorted(partitions));
                }
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                if (!partitions.isEmpty()) {
                    callbacks.add("assigned " + sorted(partitions));
                }
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                callbacks.add("lost " + sorted(partitions));
            }
        };
    }

    private static List<String> sorted(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::toString).sorted().toList();
    }

    private static Map<String, Object> config(String groupId, long retryBackoffMs) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
                ConsumerConfig.RETRY_BACKOFF_MS_CONFIG, retryBackoffMs,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    }
}
