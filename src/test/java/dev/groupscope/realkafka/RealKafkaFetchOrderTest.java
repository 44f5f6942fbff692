package dev.groupscope.realkafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.AssignedPartitionOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
 * The oracle for the order in which poll() returns the records of several partitions: a consumer's first fetch is a
 * full one naming its partitions as a HashSet of them iterates (by Kafka's TopicPartition hash, not by partition
 * number), the broker answers in that order, and poll() returns the records in it. The model orders its consumers'
 * fetches with {@link AssignedPartitionOrder}; here real Kafka must agree with it.
 */
class RealKafkaFetchOrderTest {

    private static final String TOPIC = "clicks";
    private static final int PARTITIONS = 6;

    @Test
    @Timeout(120)
    void theFirstPollReturnsThePartitionsInKafkaClientsAssignmentOrder() throws Exception {
        try (RealKafkaCluster cluster = RealKafkaCluster.start(1);
             KafkaProducer<String, String> producer = new KafkaProducer<>(cluster.stringProducerConfig())) {
            cluster.createTopic(TOPIC, PARTITIONS);
            for (int partition = 0; partition < PARTITIONS; partition++) {
                for (int i = 0; i < 3; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, partition, "k" + i, "v" + i)).get(15, TimeUnit.SECONDS);
                }
            }
            List<TopicPartition> subscribed = firstPollOrder(cluster, true);
            List<TopicPartition> assigned = firstPollOrder(cluster, false);

            TreeSet<dev.groupscope.kafka.TopicPartition> all = new TreeSet<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                all.add(new dev.groupscope.kafka.TopicPartition(TOPIC, partition));
            }
            // The fetch names them as fetchablePartitions' HashSet of the assignment iterates them.
            assertThat(names(subscribed)).as("subscribe(): the group gives it all six")
                    .containsExactlyElementsOf(ours(AssignedPartitionOrder.inHashSet(
                            AssignedPartitionOrder.fromSubscribed(all), PARTITIONS)))
                    .isNotEqualTo(names(sorted(subscribed)));
            assertThat(names(assigned)).as("assign() of all six, named in partition order")
                    .containsExactlyElementsOf(ours(AssignedPartitionOrder.inHashSet(
                            AssignedPartitionOrder.fromUser(new ArrayList<>(all)), PARTITIONS)));
        }
    }

    /** The partitions of the first poll() that returns records, in the order it returns them. */
    private static List<TopicPartition> firstPollOrder(RealKafkaCluster cluster, boolean subscribe) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(cluster, subscribe))) {
            if (subscribe) {
                consumer.subscribe(List.of(TOPIC));
            } else {
                List<TopicPartition> all = new ArrayList<>();
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    all.add(new TopicPartition(TOPIC, partition));
                }
                consumer.assign(all);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    List<TopicPartition> order = new ArrayList<>();
                    for (ConsumerRecord<String, String> record : records) {
                        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                        if (!order.contains(tp)) {
                            order.add(tp);
                        }
                    }
                    return order;
                }
            }
            throw new AssertionError("no records within 60 s");
        }
    }

    private static List<TopicPartition> sorted(List<TopicPartition> partitions) {
        List<TopicPartition> sorted = new ArrayList<>(partitions);
        sorted.sort(java.util.Comparator.comparingInt(TopicPartition::partition));
        return sorted;
    }

    private static List<String> names(List<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::toString).toList();
    }

    private static List<String> ours(List<dev.groupscope.kafka.TopicPartition> partitions) {
        return partitions.stream().map(tp -> tp.topic() + "-" + tp.partition()).toList();
    }

    private static Map<String, Object> consumerConfig(RealKafkaCluster cluster, boolean subscribe) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        if (subscribe) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, "fetch-order");
        }
        return config;
    }
}
