package dev.groupscope.realkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.broker.ListOffsetsHandler;
import dev.groupscope.sim.cluster.ClusterState;
import dev.groupscope.sim.cluster.PartitionLog;
import dev.groupscope.sim.engine.DeterministicRandom;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.protocol.Requests.ListOffsetsRequest;
import dev.groupscope.sim.protocol.Responses.ListedOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The oracle for the model's offsetsForTimes(): on the same logs (the same record times, relative to a base), real
 * Kafka 4.1.1 and the model's leader answer every target alike, per partition the earliest offset whose timestamp is
 * at or after it, or null where every record is older; and the call blocks as the model's does: an answerable call
 * returns as soon as the leader answered, while one naming a partition that has no leader (it does not exist) waits
 * the whole default.api.timeout.ms and then throws TimeoutException, returning not even the partitions answered.
 * Measured on the project's machine: the answered calls took 1–5 ms (the first 37 ms, fetching metadata), the
 * unanswerable one 3,002 ms of a 3,000 ms timeout; the model's took 2 network delays, and exactly 3,000 ms.
 */
class RealKafkaOffsetsForTimesTest {

    private static final String TOPIC = "sales";
    private static final int DEFAULT_API_TIMEOUT_MS = 3_000;
    /** Record times per partition, in ms after the base: p0 a record a second, p1 five, two of them at one time. */
    private static final List<List<Long>> TIMES = List.of(
            List.of(0L, 1_000L, 2_000L, 3_000L, 4_000L, 5_000L, 6_000L, 7_000L, 8_000L, 9_000L),
            List.of(0L, 1_500L, 1_500L, 3_000L, 4_000L));
    private static final List<Long> TARGETS = List.of(0L, 1L, 999L, 1_000L, 1_500L, 1_501L, 4_000L, 4_001L,
            8_999L, 9_000L, 9_001L, 60_000L);

    @Test
    @Timeout(120)
    void answersMatchTheModelsLeaderAndAnUnanswerableCallBlocksForDefaultApiTimeout() throws Exception {
        try (RealKafkaCluster cluster = RealKafkaCluster.start(1);
             KafkaProducer<String, String> producer = new KafkaProducer<>(cluster.stringProducerConfig())) {
            cluster.createTopic(TOPIC, 2);
            // A minute in the past, so no record is "from the future" for the broker.
            long base = System.currentTimeMillis() - 60_000;
            for (int p = 0; p < TIMES.size(); p++) {
                for (long time : TIMES.get(p)) {
                    producer.send(new ProducerRecord<>(TOPIC, p, base + time, "k", "v")).get(15, TimeUnit.SECONDS);
                }
            }
            ClusterState model = modelWithTheSameLogs();
            int leader = model.leaderOf(TOPIC, 0);
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(cluster))) {
                for (long target : TARGETS) {
                    Map<TopicPartition, Long> asked = Map.of(new TopicPartition(TOPIC, 0), base + target,
                            new TopicPartition(TOPIC, 1), base + target);
                    long start = System.nanoTime();
                    Map<TopicPartition, OffsetAndTimestamp> real = consumer.offsetsForTimes(asked);
                    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    assertThat(tookMs).as("answered at once, not after a timeout").isLessThan(DEFAULT_API_TIMEOUT_MS);
                    for (int p = 0; p < TIMES.size(); p++) {
                        ListedOffset modelled = modelAnswer(model, leader, p, target);
                        OffsetAndTimestamp found = real.get(new TopicPartition(TOPIC, p));
                        if (modelled.offset() == ListedOffset.UNKNOWN_OFFSET) {
                            assertThat(found).as("p%d ≥ %d: null, as the model", p, target).isNull();
                        } else {
                            assertThat(found).as("p%d ≥ %d", p, target).isNotNull();
                            assertThat(found.offset()).as("p%d ≥ %d", p, target).isEqualTo(modelled.offset());
                            assertThat(found.timestamp() - base).isEqualTo(modelled.timestamp());
                        }
                    }
                }

                // sales-7 does not exist: no leader to ask, so the call waits out default.api.timeout.ms.
                Map<TopicPartition, Long> unanswerable = Map.of(new TopicPartition(TOPIC, 0), base,
                        new TopicPartition(TOPIC, 7), base);
                long start = System.nanoTime();
                // Kafka's message gives the time its timer measured, on the real clock: the timeout or a little more.
                assertThatThrownBy(() -> consumer.offsetsForTimes(unanswerable))
                        .isInstanceOf(TimeoutException.class)
                        .hasMessageMatching("Failed to get offsets by times in \\d+ms")
                        .satisfies(thrown -> assertThat(Long.parseLong(thrown.getMessage().replaceAll("\\D", "")))
                                .isBetween((long) DEFAULT_API_TIMEOUT_MS, DEFAULT_API_TIMEOUT_MS + 1_500L));
                // Kafka times the call on the wall clock, this test on the monotonic one: they may differ by a few ms.
                long blockedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertThat(blockedMs).isBetween(DEFAULT_API_TIMEOUT_MS - 100L, DEFAULT_API_TIMEOUT_MS + 1_500L);
            }
        }
        SimEvent modelled = modelledTimeout();
        assertThat(modelled.fields()).containsEntry("durationMs", (long) DEFAULT_API_TIMEOUT_MS)
                .containsEntry("exception", "TimeoutException")
                .containsEntry("message", "Failed to get offsets by times in " + DEFAULT_API_TIMEOUT_MS + "ms");
    }

    /** The model's cluster with the logs written above, times relative to the base. */
    private static ClusterState modelWithTheSameLogs() {
        ClusterState state = new ClusterState();
        state.addBroker(1);
        state.createTopic(TOPIC, 2, 1, new DeterministicRandom(1));
        for (int p = 0; p < TIMES.size(); p++) {
            for (long time : TIMES.get(p)) {
                state.append(TOPIC, p, time, PartitionLog.NO_KEY);
            }
        }
        return state;
    }

    /** What the model's leader answers an offsetsForTimes() ListOffsets for partition {@code p}. */
    private static ListedOffset modelAnswer(ClusterState state, int leader, int p, long target) {
        Map<dev.groupscope.kafka.TopicPartition, Long> timestamps = new TreeMap<>();
        timestamps.put(new dev.groupscope.kafka.TopicPartition(TOPIC, p), target);
        return ListOffsetsHandler.answer(state, leader, new ListOffsetsRequest(0, timestamps, true)).partitions()
                .values().iterator().next();
    }

    /** The same unanswerable call in the model: its OffsetsForTimesFailed event. */
    private static SimEvent modelledTimeout() {
        Scenario scenario = ScenarioReader.read("oracle.json", """
                {"name": "oracle", "seed": 1, "durationMs": 10000,
                 "cluster": {"brokers": 1, "settings": {"group.initial.rebalance.delay.ms": 0}},
                 "topics": [{"name": "sales", "partitions": 2, "replicationFactor": 1}],
                 "consumers": [{"id": "C1", "groupId": "g", "topics": ["sales"],
                                "settings": {"default.api.timeout.ms": %d}}],
                 "actions": [{"atMs": 2000, "action": "offsetsForTimes", "consumer": "C1",
                              "partitions": ["sales-0", "sales-7"], "timestampMs": 0}]}
                """.formatted(DEFAULT_API_TIMEOUT_MS));
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(scenario.durationMs());
        return simulation.log().stream().filter(e -> e.type().equals("OffsetsForTimesFailed")).findFirst()
                .orElseThrow();
    }

    private static Map<String, Object> consumerConfig(RealKafkaCluster cluster) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "replay",
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, DEFAULT_API_TIMEOUT_MS,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    }
}
