package dev.groupscope.kafka.assignor;

import dev.groupscope.kafka.TopicPartition;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.consumer.RoundRobinAssignor;
import org.apache.kafka.clients.consumer.StickyAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;

/**
 * Runs kafka-clients 4.1.1's own assignor on the same input as ours, handing it exactly what a real
 * {@code ConsumerCoordinator} leader would: a {@link Cluster} with the topics' metadata and a {@link HashMap} of
 * subscriptions filled in JoinGroup-response order (the members list order).
 *
 * <p>How the previous assignment reaches each assignor, as the real client sends it:
 * <ul>
 *   <li>range, roundrobin, sticky run EAGER: {@code onJoinPrepare} revoked everything, so the subscription's
 *       owned partitions are empty; the generation is still the member's.</li>
 *   <li>sticky reads the previous assignment only from its user data, written by a StickyAssignor that was told
 *       {@code onAssignment(owned, generation)}.</li>
 *   <li>cooperative-sticky gets the owned partitions and generation id in the subscription, plus its own user data
 *       (the generation), written the same way.</li>
 * </ul>
 * A fresh assignor per call, because Kafka's sticky assignors remember the highest generation they have seen.
 */
public final class KafkaAssignorOracle {

    private static final String GROUP = "oracle-group";
    private static final Node BROKER = new Node(0, "localhost", 9092);

    private KafkaAssignorOracle() {
    }

    /** Kafka's answer: each member's partitions in the order Kafka returned them. */
    public static Map<String, List<TopicPartition>> assign(String strategy, Map<String, Integer> partitionsPerTopic,
                                                           List<GroupMember> members) {
        ConsumerPartitionAssignor assignor = newAssignor(strategy);
        Map<String, Assignment> result =
                assignor.assign(clusterOf(partitionsPerTopic), groupSubscription(strategy, members)).groupAssignment();
        Map<String, List<TopicPartition>> byMember = new LinkedHashMap<>();
        for (GroupMember member : members) {
            List<TopicPartition> partitions = new ArrayList<>();
            Assignment assignment = result.get(member.memberId());
            if (assignment != null) {
                assignment.partitions().forEach(tp -> partitions.add(new TopicPartition(tp.topic(), tp.partition())));
            }
            byMember.put(member.memberId(), partitions);
        }
        return byMember;
    }

    /** Kafka's answer as sorted sets, the form to compare (Kafka's list order follows HashMap iteration). */
    public static Map<String, Set<TopicPartition>> assignAsSets(String strategy,
                                                                Map<String, Integer> partitionsPerTopic,
                                                                List<GroupMember> members) {
        Map<String, Set<TopicPartition>> sets = new LinkedHashMap<>();
        assign(strategy, partitionsPerTopic, members).forEach((member, list) -> sets.put(member, new TreeSet<>(list)));
        return sets;
    }

    public static ConsumerPartitionAssignor newAssignor(String strategy) {
        switch (strategy) {
            case "range":
                return new RangeAssignor();
            case "roundrobin":
                return new RoundRobinAssignor();
            case "sticky":
                return new StickyAssignor();
            case "cooperative-sticky":
                return new CooperativeStickyAssignor();
            default:
                throw new IllegalArgumentException("kafka-clients has no assignor named " + strategy);
        }
    }

    /** The subscriptions a real leader would hand its assignor: a HashMap filled in JoinGroup order. */
    public static GroupSubscription groupSubscription(String strategy, List<GroupMember> members) {
        Map<String, Subscription> subscriptions = new HashMap<>();
        for (GroupMember member : members) {
            subscriptions.put(member.memberId(), subscriptionOf(strategy, member));
        }
        return new GroupSubscription(subscriptions);
    }

    static Subscription subscriptionOf(String strategy, GroupMember member) {
        List<String> topics = member.topics();
        List<org.apache.kafka.common.TopicPartition> owned = toKafka(member.ownedPartitions());
        int generation = member.generation();
        Subscription subscription;
        switch (strategy) {
            case "sticky":
                subscription = new Subscription(topics, stickyUserData(new StickyAssignor(), member, owned), List.of(),
                        generation, Optional.empty());
                break;
            case "cooperative-sticky":
                subscription = new Subscription(topics,
                        stickyUserData(new CooperativeStickyAssignor(), member, owned), owned, generation,
                        Optional.empty());
                break;
            default:
                subscription = new Subscription(topics, null, List.of(), generation, Optional.empty());
        }
        subscription.setGroupInstanceId(member.groupInstanceId());
        return subscription;
    }

    /**
     * The user data a sticky assignor writes after being handed {@code owned} in {@code generation}; none for a
     * member that has never been assigned anything (no generation and nothing owned), as on a first join.
     */
    private static ByteBuffer stickyUserData(ConsumerPartitionAssignor writer, GroupMember member,
                                             List<org.apache.kafka.common.TopicPartition> owned) {
        if (!member.hasGeneration() && owned.isEmpty()) {
            return null;
        }
        writer.onAssignment(new Assignment(owned),
                new ConsumerGroupMetadata(GROUP, member.generation(), member.memberId(), member.groupInstanceId()));
        return writer.subscriptionUserData(new HashSet<>(member.topics()));
    }

    /** Cluster metadata with one broker leading every partition of the given topics. */
    public static Cluster clusterOf(Map<String, Integer> partitionsPerTopic) {
        List<PartitionInfo> partitions = new ArrayList<>();
        Node[] replicas = {BROKER};
        partitionsPerTopic.forEach((topic, count) -> {
            for (int p = 0; p < count; p++) {
                partitions.add(new PartitionInfo(topic, p, BROKER, replicas, replicas));
            }
        });
        return new Cluster("oracle-cluster", List.of(BROKER), partitions, Set.of(), Set.of());
    }

    private static List<org.apache.kafka.common.TopicPartition> toKafka(List<TopicPartition> partitions) {
        List<org.apache.kafka.common.TopicPartition> kafka = new ArrayList<>();
        partitions.forEach(tp -> kafka.add(new org.apache.kafka.common.TopicPartition(tp.topic(), tp.partition())));
        return kafka;
    }
}
