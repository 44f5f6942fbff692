package dev.groupscope.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.clients.consumer.internals.SubscriptionState;
import org.apache.kafka.common.utils.LogContext;
import org.junit.jupiter.api.Test;

/** kafka-clients' own SubscriptionState is the oracle for the order of a consumer's assigned partitions. */
class AssignedPartitionOrderTest {

    private static final List<String> TOPICS = List.of("orders", "payments", "logs-web", "logs-api", "t", "clicks");

    @Property(tries = 500)
    void aGroupsAssignmentIsOrderedAsKafkaClientsOrdersIt(@ForAll("partitions") List<TopicPartition> partitions) {
        TreeSet<TopicPartition> assignment = new TreeSet<>(partitions);
        SubscriptionState kafka = new SubscriptionState(new LogContext(), AutoOffsetResetStrategy.EARLIEST);
        Set<String> topics = new TreeSet<>();
        assignment.forEach(tp -> topics.add(tp.topic()));
        kafka.subscribe(topics, Optional.empty());
        // ConsumerCoordinator hands it a TreeSet in (topic, partition) order, as our TopicPartition sorts.
        TreeSet<org.apache.kafka.common.TopicPartition> theirs = new TreeSet<>(
                java.util.Comparator.comparing(org.apache.kafka.common.TopicPartition::topic)
                        .thenComparingInt(org.apache.kafka.common.TopicPartition::partition));
        assignment.forEach(tp -> theirs.add(kafkas(tp)));
        kafka.assignFromSubscribed(theirs);

        assertThat(names(AssignedPartitionOrder.fromSubscribed(assignment)))
                .containsExactlyElementsOf(kafka.assignedPartitionsList().stream().map(Object::toString).toList());
    }

    @Property(tries = 500)
    void manuallyAssignedPartitionsAreOrderedAsKafkaClientsOrdersThem(
            @ForAll("partitions") List<TopicPartition> partitions) {
        List<TopicPartition> named = new ArrayList<>(new LinkedHashSet<>(partitions));
        SubscriptionState kafka = new SubscriptionState(new LogContext(), AutoOffsetResetStrategy.EARLIEST);
        kafka.assignFromUser(new java.util.HashSet<>(named.stream().map(AssignedPartitionOrderTest::kafkas).toList()));

        assertThat(names(AssignedPartitionOrder.fromUser(named)))
                .containsExactlyElementsOf(kafka.assignedPartitionsList().stream().map(Object::toString).toList());
    }

    @Property(tries = 500)
    void aSubsetIsOrderedAsAHashSetOfTheWholeIteratesIt(@ForAll("partitions") List<TopicPartition> partitions) {
        List<TopicPartition> inserted = new ArrayList<>(new LinkedHashSet<>(partitions));
        List<String> subset = new ArrayList<>();
        for (int i = 0; i < inserted.size(); i += 2) {
            subset.add(name(inserted.get(i)));
        }
        List<String> kafkas = new ArrayList<>();
        new java.util.HashSet<>(inserted.stream().map(AssignedPartitionOrderTest::kafkas).toList()).forEach(tp -> {
            if (subset.contains(tp.toString())) {
                kafkas.add(tp.toString());
            }
        });

        List<TopicPartition> everyOther = inserted.stream().filter(tp -> subset.contains(name(tp))).toList();
        assertThat(names(AssignedPartitionOrder.inHashSet(everyOther, inserted.size())))
                .containsExactlyElementsOf(kafkas);
    }

    private static String name(TopicPartition tp) {
        return tp.topic() + "-" + tp.partition();
    }

    @Test
    void hashesAsKafkasTopicPartitionDoes() {
        for (String topic : TOPICS) {
            for (int partition = 0; partition < 50; partition++) {
                assertThat(AssignedPartitionOrder.hashCode(new TopicPartition(topic, partition)))
                        .isEqualTo(new org.apache.kafka.common.TopicPartition(topic, partition).hashCode());
            }
        }
    }

    @Test
    void partitionsOfOneTopicNeedNotComeInNumberOrder() {
        // Kafka's hash of partition p + 1 is 31 more than p's, so in a small HashMap they may swap: range gives
        // the second of three consumers orders-2 and orders-3, and it fetches orders-3 first.
        assertThat(names(AssignedPartitionOrder.fromSubscribed(new TreeSet<>(List.of(
                new TopicPartition("orders", 2), new TopicPartition("orders", 3))))))
                .containsExactly("orders-3", "orders-2");
    }

    private static org.apache.kafka.common.TopicPartition kafkas(TopicPartition tp) {
        return new org.apache.kafka.common.TopicPartition(tp.topic(), tp.partition());
    }

    private static List<String> names(List<TopicPartition> order) {
        return order.stream().map(tp -> tp.topic() + "-" + tp.partition()).toList();
    }

    @Provide
    Arbitrary<List<TopicPartition>> partitions() {
        Arbitrary<TopicPartition> partition = net.jqwik.api.Combinators.combine(
                Arbitraries.of(TOPICS), Arbitraries.integers().between(0, 120)).as(TopicPartition::new);
        return partition.list().ofMinSize(1).ofMaxSize(60);
    }
}
