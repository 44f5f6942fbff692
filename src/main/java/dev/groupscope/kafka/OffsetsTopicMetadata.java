package dev.groupscope.kafka;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a broker knows about {@code __consumer_offsets} when it answers FindCoordinator: whether the topic exists,
 * the leader broker of each partition (a partition missing from the map has no leader), and which brokers are
 * alive.
 */
public record OffsetsTopicMetadata(boolean exists, Map<Integer, Integer> leaders, Set<Integer> liveBrokers) {

    public OffsetsTopicMetadata {
        leaders = Map.copyOf(leaders);
        liveBrokers = Set.copyOf(liveBrokers);
    }

    /** The topic has not been created yet: Kafka creates it on the first FindCoordinator. */
    public static OffsetsTopicMetadata missing() {
        return new OffsetsTopicMetadata(false, Map.of(), Set.of());
    }

    public static OffsetsTopicMetadata of(Map<Integer, Integer> leaders, Set<Integer> liveBrokers) {
        return new OffsetsTopicMetadata(true, leaders, liveBrokers);
    }

    /** The leader of a partition, if it has one. */
    public OptionalInt leaderOf(int partition) {
        Integer leader = leaders.get(partition);
        return leader == null ? OptionalInt.empty() : OptionalInt.of(leader);
    }

    public boolean isAlive(int brokerId) {
        return liveBrokers.contains(brokerId);
    }
}
