package dev.groupscope.sim.protocol;

import dev.groupscope.kafka.TopicPartition;
import java.util.List;

/**
 * A consumer's protocol metadata for one assignor in JoinGroup (Kafka's ConsumerProtocolSubscription): the topics,
 * the partitions it owns now and the generation it got them in (-1 when none). For EAGER rebalances the client
 * has already revoked everything, so {@code ownedPartitions} is empty, but the sticky assignor's user data still
 * carries the previous assignment: that is {@code previousAssignment} here.
 */
public record Subscription(List<String> topics, List<TopicPartition> ownedPartitions, int generationId,
                           List<TopicPartition> previousAssignment) {

    public Subscription {
        topics = List.copyOf(topics);
        ownedPartitions = List.copyOf(ownedPartitions);
        previousAssignment = List.copyOf(previousAssignment);
    }
}
