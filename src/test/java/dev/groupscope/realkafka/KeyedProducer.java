package dev.groupscope.realkafka;

import dev.groupscope.kafka.TopicPartition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes keyed records with Kafka's default partitioner (murmur2 of the key), so which partition a key lands on
 * is Kafka's own answer, and reports where the records ended up.
 */
final class KeyedProducer {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

    private KeyedProducer() {
    }

    /**
     * Sends records with keys {@code k<first>} .. {@code k<first+count-1>}, waits until all are acknowledged by every
     * in-sync replica, and returns, per partition written, the offset after the last record (its end offset).
     */
    static SortedMap<TopicPartition, Long> produce(String bootstrapServers, String topic, int first, int count) {
        KafkaProducer<String, String> producer = new KafkaProducer<>(config(bootstrapServers));
        try {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = first; i < first + count; i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)));
            }
            producer.flush();
            SortedMap<TopicPartition, Long> endOffsets = new TreeMap<>();
            for (Future<RecordMetadata> future : sent) {
                RecordMetadata written = Bounded.get(future, SEND_TIMEOUT, "producing to " + topic);
                endOffsets.merge(new TopicPartition(written.topic(), written.partition()), written.offset() + 1, Math::max);
            }
            return endOffsets;
        } finally {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static Map<String, Object> config(String bootstrapServers) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "groupscope-test-producer",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    }
}
