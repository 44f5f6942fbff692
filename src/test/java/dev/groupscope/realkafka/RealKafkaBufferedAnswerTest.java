package dev.groupscope.realkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The oracle for a fetch answer without records: kafka-clients buffers it like one with records, and until poll()
 * collects it, neither its partition nor its leader is fetched again. Here a quiet partition's first (full) answer
 * comes back empty behind a big answer of a busy partition led by the other broker; a record then written to the
 * quiet partition reaches poll() only after every buffered record of the busy one, however long that takes. The
 * model's {@code BufferedAnswerHoldsFetchTest} shows the same hold in a simulated run.
 */
class RealKafkaBufferedAnswerTest {

    private static final int BUSY_RECORDS = 3_000;
    private static final int MAX_POLL_RECORDS = 5;

    @Test
    @Timeout(120)
    void aRecordOfAPartitionAnsweredEmptyWaitsUntilPollHasReturnedTheRecordsBufferedBeforeIt() throws Exception {
        try (RealKafkaCluster cluster = RealKafkaCluster.start(2);
             KafkaProducer<String, String> producer = new KafkaProducer<>(cluster.stringProducerConfig())) {
            cluster.createTopic("busy", 2);
            cluster.createTopic("quiet", 2);
            TopicPartition busy = new TopicPartition("busy", 0);
            int busyLeader = cluster.leaderOf("busy", 0).orElseThrow();
            TopicPartition quiet = cluster.leaderOf("quiet", 0).orElseThrow() != busyLeader
                    ? new TopicPartition("quiet", 0) : new TopicPartition("quiet", 1);
            assertThat(cluster.leaderOf(quiet.topic(), quiet.partition())).as("led by the other broker")
                    .isNotEqualTo(java.util.Optional.of(busyLeader));
            for (int i = 0; i < BUSY_RECORDS; i++) {
                producer.send(new ProducerRecord<>(busy.topic(), busy.partition(), "k", "v" + i));
            }
            producer.flush();

            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(cluster))) {
                consumer.assign(List.of(busy, quiet));
                int busyReturned = pollUntilRecords(consumer).count();
                // quiet's full fetch waits fetch.max.wait.ms (100) for data, then answers it empty, unread yet.
                Thread.sleep(1_000);
                producer.send(new ProducerRecord<>(quiet.topic(), quiet.partition(), "k", "late")).get(15,
                        TimeUnit.SECONDS);

                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() < deadline) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(100));
                    if (!records.records(quiet).isEmpty()) {
                        assertThat(busyReturned + records.records(busy).size())
                                .as("busy records poll() returned up to the one of quiet's record")
                                .isEqualTo(BUSY_RECORDS);
                        return;
                    }
                    busyReturned += records.records(busy).size();
                    Thread.sleep(2); // ~1.2 s for the busy records: ample time to fetch quiet, were it fetched
                }
                throw new AssertionError("quiet's record never came; busy records returned: " + busyReturned);
            }
        }
    }

    private static ConsumerRecords<String, String> pollUntilRecords(KafkaConsumer<String, String> consumer) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
            if (!records.isEmpty()) {
                return records;
            }
        }
        throw new AssertionError("no records within 60 s");
    }

    private static Map<String, Object> consumerConfig(RealKafkaCluster cluster) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    }
}
