package dev.groupscope.kafka.assignor.sticky;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Kafka's record of the moves made while balancing on the general path, kept so that partitions of one topic do
 * not travel back and forth between two members: when member B should take a partition from A but a partition of
 * the same topic already went from B to A, that one goes back instead.
 *
 * <p>Which one goes back is the first element of a {@code HashSet<TopicPartition>}, so the set holds keys with
 * the hash code of Kafka's {@code TopicPartition}: the same hash and the same sequence of adds and removes give
 * the same iteration order as Kafka's.
 */
final class PartitionMovements {

    private record Move(int from, int to) {
    }

    /** A partition with the hash code of Kafka's {@code TopicPartition(topic, partition)}. */
    private static final class KafkaHashed {
        private final int index;
        private final int hash;

        KafkaHashed(int index, String topic, int partition) {
            this.index = index;
            this.hash = 31 * (31 + partition) + topic.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof KafkaHashed && ((KafkaHashed) other).index == index;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final PartitionIndex index;
    private final Map<Integer, Map<Move, Set<KafkaHashed>>> movesByTopic = new HashMap<>();
    private final Map<Integer, Move> moves = new HashMap<>();

    PartitionMovements(PartitionIndex index) {
        this.index = index;
    }

    /**
     * The partition that should actually move when {@code newOwner} takes {@code partition} from its
     * {@code owner}: the partition itself, or one of its topic that earlier moved the opposite way.
     */
    int partitionToMove(int partition, int owner, int newOwner) {
        int topic = index.topicOf(partition);
        Map<Move, Set<KafkaHashed>> topicMoves = movesByTopic.get(topic);
        if (topicMoves == null) {
            return partition;
        }
        Move earlier = moves.get(partition);
        int from = earlier != null ? earlier.from() : owner;
        Set<KafkaHashed> reverse = topicMoves.get(new Move(newOwner, from));
        return reverse == null ? partition : reverse.iterator().next().index;
    }

    void record(int partition, int from, int to) {
        Move earlier = moves.containsKey(partition) ? remove(partition) : null;
        if (earlier == null) {
            add(partition, new Move(from, to));
        } else if (earlier.from() != to) {
            add(partition, new Move(earlier.from(), to));
        }
    }

    private Move remove(int partition) {
        Move move = moves.remove(partition);
        int topic = index.topicOf(partition);
        Map<Move, Set<KafkaHashed>> topicMoves = movesByTopic.get(topic);
        Set<KafkaHashed> partitions = topicMoves.get(move);
        partitions.remove(hashed(topic, partition));
        if (partitions.isEmpty()) {
            topicMoves.remove(move);
        }
        if (topicMoves.isEmpty()) {
            movesByTopic.remove(topic);
        }
        return move;
    }

    private void add(int partition, Move move) {
        moves.put(partition, move);
        int topic = index.topicOf(partition);
        movesByTopic.computeIfAbsent(topic, t -> new HashMap<>())
                .computeIfAbsent(move, m -> new HashSet<>())
                .add(hashed(topic, partition));
    }

    private KafkaHashed hashed(int topic, int partition) {
        return new KafkaHashed(partition, index.topicName(topic), partition - index.first(topic));
    }
}
