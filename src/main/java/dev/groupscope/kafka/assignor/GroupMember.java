package dev.groupscope.kafka.assignor;

import dev.groupscope.kafka.TopicPartition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the group leader knows about one member when it runs an assignor: its id, its static
 * {@code group.instance.id} if any, the topics it subscribes to, and its previous assignment with the generation
 * it was given in ({@link #NO_GENERATION} when it has none).
 *
 * <p>Each Kafka assignor reads the previous assignment its own way: Range and RoundRobin ignore it (they only use
 * the instance id to sort static members first); Sticky reads it as its user data (previous assignment plus
 * generation); CooperativeSticky reads it as the owned partitions and generation id of the subscription.
 *
 * <p>The order of members in the list handed to an assignor is the order the coordinator listed them in the
 * JoinGroup response, i.e. the insertion order of Kafka's subscription map.
 */
public record GroupMember(
        String memberId,
        Optional<String> groupInstanceId,
        List<String> topics,
        List<TopicPartition> ownedPartitions,
        int generation) {

    /** Kafka's {@code DEFAULT_GENERATION}: the member reports no generation. */
    public static final int NO_GENERATION = -1;

    public GroupMember {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(groupInstanceId, "groupInstanceId");
        topics = List.copyOf(topics);
        ownedPartitions = List.copyOf(ownedPartitions);
    }

    /** A dynamic member that owns nothing yet. */
    public static GroupMember of(String memberId, List<String> topics) {
        return new GroupMember(memberId, Optional.empty(), topics, List.of(), NO_GENERATION);
    }

    public boolean isStatic() {
        return groupInstanceId.isPresent();
    }

    public boolean hasGeneration() {
        return generation >= 0;
    }
}
