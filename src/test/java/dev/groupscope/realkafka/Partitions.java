package dev.groupscope.realkafka;

import dev.groupscope.kafka.TopicPartition;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;

/** Conversions between Kafka's partition type and the project's, which the simulator uses. */
final class Partitions {

    private Partitions() {
    }

    static TopicPartition of(org.apache.kafka.common.TopicPartition kafka) {
        return new TopicPartition(kafka.topic(), kafka.partition());
    }

    static SortedSet<TopicPartition> of(Collection<org.apache.kafka.common.TopicPartition> kafka) {
        SortedSet<TopicPartition> result = new TreeSet<>();
        kafka.forEach(p -> result.add(of(p)));
        return result;
    }

    static org.apache.kafka.common.TopicPartition toKafka(TopicPartition partition) {
        return new org.apache.kafka.common.TopicPartition(partition.topic(), partition.partition());
    }

    static SortedSet<Integer> numbers(Collection<TopicPartition> partitions) {
        SortedSet<Integer> result = new TreeSet<>();
        partitions.forEach(p -> result.add(p.partition()));
        return result;
    }
}
