package dev.groupscope.realkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The oracle for what the model (and the by-duration lesson's text) says of {@code auto.offset.reset=by_duration}
 * when no record is that recent: the leader answers the ListOffsets with offset -1, kafka-clients keeps the partition
 * waiting for its reset (it does not fall back to the log end), and asks again only request.timeout.ms after it
 * asked. So a record written just after the first answer is read about request.timeout.ms after that answer — where
 * a fallback to "latest" would read it at once. Measured on the project's machine (request.timeout.ms 8,000): the
 * new record read 7.1 s after it was written, 8.1 s after the consumer joined.
 */
class RealKafkaByDurationResetTest {

    private static final String TOPIC = "clicks";
    private static final int REQUEST_TIMEOUT_MS = 8_000;

    @Test
    @Timeout(120)
    void withNoRecordThatRecentTheConsumerWaitsRequestTimeoutBeforeAskingAgain() throws Exception {
        try (RealKafkaCluster cluster = RealKafkaCluster.start(1);
             KafkaProducer<String, String> producer = new KafkaProducer<>(cluster.stringProducerConfig())) {
            cluster.createTopic(TOPIC, 1);
            // Five records a minute old: none is within the last 20 s.
            long minuteAgo = System.currentTimeMillis() - 60_000;
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(TOPIC, 0, minuteAgo, "k" + i, "old" + i)).get(15, TimeUnit.SECONDS);
            }
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(cluster))) {
                consumer.subscribe(List.of(TOPIC));
                long joined = pollUntilAssigned(consumer);
                // The first ListOffsets has been answered -1 by now (it follows the join within milliseconds).
                pollFor(consumer, Duration.ofMillis(1_000));
                long written = System.nanoTime();
                producer.send(new ProducerRecord<>(TOPIC, 0, "k-new", "new")).get(15, TimeUnit.SECONDS);

                ConsumerRecord<String, String> first = pollUntilRecord(consumer, Duration.ofSeconds(40));
                long readAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - written);
                long sinceJoinMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - joined);

                assertThat(first.value()).as("the old records are never read").isEqualTo("new");
                assertThat(first.offset()).isEqualTo(5);
                assertThat(readAfterMs).as("not at once, as a fallback to the log end would read it")
                        .isGreaterThan(3_000);
                assertThat(sinceJoinMs).as("about request.timeout.ms after the first ask")
                        .isBetween(REQUEST_TIMEOUT_MS - 1_000L, REQUEST_TIMEOUT_MS + 6_000L);
            }
        }
    }

    private static long pollUntilAssigned(KafkaConsumer<String, String> consumer) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (consumer.assignment().isEmpty()) {
            assertThat(consumer.poll(Duration.ofMillis(100)).isEmpty()).isTrue();
            assertThat(System.nanoTime()).as("joined within 30 s").isLessThan(deadline);
        }
        return System.nanoTime();
    }

    private static void pollFor(KafkaConsumer<String, String> consumer, Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < until) {
            assertThat(consumer.poll(Duration.ofMillis(100)).isEmpty()).as("nothing read yet").isTrue();
        }
    }

    private static ConsumerRecord<String, String> pollUntilRecord(KafkaConsumer<String, String> consumer,
                                                                  Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                return record;
            }
        }
        throw new AssertionError("no record within " + limit);
    }

    private static Map<String, Object> consumerConfig(RealKafkaCluster cluster) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "last-20s",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "by_duration:PT20S",
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    }
}
