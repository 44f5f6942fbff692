package dev.groupscope.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * The order in which kafka-clients keeps a consumer's assigned partitions ({@code SubscriptionState}'s
 * {@code PartitionStates}), and the order in which a fetch names them ({@link #inHashSet}): a new session's full
 * fetch lists them so, the broker's session keeps that order, and so the answer does, and poll() returns their
 * records in it.
 *
 * <p>{@code assignFromSubscribed} puts the (sorted) assignment into a {@code HashMap} sized to it, and
 * {@code assignFromUser} puts {@code new HashSet<>(partitions)} into a default {@code HashMap}; either way
 * {@code PartitionStates.set} then groups the map's iteration order by topic, each topic where it was first seen.
 * So the order follows Kafka's {@code TopicPartition.hashCode}, not the partition numbers. The map is built here
 * with keys that hash as Kafka's do, so its iteration order is the JDK's own.
 */
public final class AssignedPartitionOrder {

    private AssignedPartitionOrder() {
    }

    /** {@code assignFromSubscribed(assignment)}: what a group's assignment gives (a sorted set in kafka-clients). */
    public static List<TopicPartition> fromSubscribed(SortedSet<TopicPartition> assignment) {
        Map<KafkaKey, TopicPartition> states = new HashMap<>(assignment.size());
        assignment.forEach(tp -> states.put(new KafkaKey(tp), tp));
        return groupedByTopic(states.values());
    }

    /** {@code assign(partitions)}: the consumer's own partitions, in the order the application named them. */
    public static List<TopicPartition> fromUser(Collection<TopicPartition> partitions) {
        List<KafkaKey> keys = new ArrayList<>();
        partitions.forEach(tp -> keys.add(new KafkaKey(tp)));
        Collection<KafkaKey> asSet = new HashSet<>(keys); // KafkaConsumer.assign: new HashSet<>(partitions)
        Map<KafkaKey, TopicPartition> states = new HashMap<>();
        asSet.forEach(key -> states.put(key, key.partition()));
        return groupedByTopic(states.values());
    }

    /**
     * The order in which {@code new HashSet<>(partitions)} iterates {@code subset} (elements of {@code partitions}, in
     * the order they are in it), where {@code partitions} has {@code setSize} elements: by bucket of Kafka's hash,
     * and within a bucket in insertion order. kafka-clients' {@code AbstractFetch.fetchablePartitions} puts the
     * fetchable partitions (in the assignment order) into such a set, and a fetch request names them in its order.
     */
    public static List<TopicPartition> inHashSet(List<TopicPartition> subset, int setSize) {
        // HashSet(Collection): a table of tableSizeFor(max(size / .75f + 1, 16)) buckets, never resized.
        int capacity = Integer.highestOneBit(Math.max((int) (setSize / .75f) + 1, 16) - 1) << 1;
        List<TopicPartition> ordered = new ArrayList<>(subset);
        ordered.sort(java.util.Comparator.comparingInt(tp -> bucket(tp, capacity))); // stable: insertion order kept
        return ordered;
    }

    private static int bucket(TopicPartition tp, int capacity) {
        int h = hashCode(tp);
        return (h ^ (h >>> 16)) & (capacity - 1);
    }

    /** Kafka's {@code TopicPartition.hashCode}. */
    public static int hashCode(TopicPartition tp) {
        return 31 * (31 + tp.partition()) + tp.topic().hashCode();
    }

    /** {@code PartitionStates.update}: each topic's partitions together, topics in the order first met. */
    private static List<TopicPartition> groupedByTopic(Collection<TopicPartition> inMapOrder) {
        Map<String, List<TopicPartition>> byTopic = new LinkedHashMap<>();
        inMapOrder.forEach(tp -> byTopic.computeIfAbsent(tp.topic(), topic -> new ArrayList<>()).add(tp));
        List<TopicPartition> order = new ArrayList<>(inMapOrder.size());
        byTopic.values().forEach(order::addAll);
        return order;
    }

    /** A partition as a key of kafka-clients' maps: equal as ours, hashed as Kafka's. */
    private record KafkaKey(TopicPartition partition) {
        @Override
        public int hashCode() {
            return AssignedPartitionOrder.hashCode(partition);
        }
    }
}
