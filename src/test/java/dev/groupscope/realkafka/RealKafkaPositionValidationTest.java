package dev.groupscope.realkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The oracle for the model's position validation (KIP-320): a Kafka 4.1 classic consumer that has read records
 * sends OffsetForLeaderEpoch once its partition's leader changes, and keeps reading from its position afterwards;
 * positions from a reset (ListOffsets) that have not moved leader send none. Counted on the brokers' request
 * metrics (in-process brokers share one Yammer registry, so the test counts what it adds).
 */
class RealKafkaPositionValidationTest {

    private static final String TOPIC = "validated";
    private static final Duration OVERALL = Duration.ofSeconds(60);

    @Test
    @Timeout(120)
    void aConsumerValidatesItsPositionWithTheNewLeaderAfterAFailover() throws Exception {
        try (RealKafkaCluster cluster = RealKafkaCluster.start(3)) {
            cluster.createTopic(TOPIC, 1);
            int leader = cluster.leaderOf(TOPIC, 0).orElseThrow();
            TopicPartition tp = new TopicPartition(TOPIC, 0);
            long atStart = RealKafkaCluster.requestsReceived("OffsetForLeaderEpoch");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(cluster.stringProducerConfig());
                 KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                         ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                         ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                         ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                         ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                         ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
                consumer.assign(List.of(tp));
                send(producer, 10);
                readUntil(consumer, tp, 10);
                assertThat(RealKafkaCluster.requestsReceived("OffsetForLeaderEpoch") - atStart)
                        .as("no leader change yet: the position from the reset is not validated").isZero();

                cluster.stopBroker(leader);
                send(producer, 10);
                readUntil(consumer, tp, 20);
                assertThat(RealKafkaCluster.requestsReceived("OffsetForLeaderEpoch") - atStart)
                        .as("the position that read records of the old epoch is validated with the new leader")
                        .isPositive();
                assertThat(consumer.position(tp)).isEqualTo(20);
            }
        }
    }

    private static void send(KafkaProducer<String, String> producer, int records) throws Exception {
        for (int i = 0; i < records; i++) {
            producer.send(new ProducerRecord<>(TOPIC, 0, null, "r" + i)).get();
        }
    }

    private static void readUntil(KafkaConsumer<String, String> consumer, TopicPartition tp, long position) {
        long deadline = System.nanoTime() + OVERALL.toNanos();
        while (consumer.position(tp) < position) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("position " + consumer.position(tp) + " never reached " + position);
            }
            consumer.poll(Duration.ofMillis(200));
        }
    }

}
