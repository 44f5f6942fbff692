package dev.groupscope.sim.client;

import dev.groupscope.kafka.TopicPartition;
import java.util.SortedSet;

/**
 * The application's {@code ConsumerRebalanceListener}. Callbacks run on the poll loop inside poll(), exactly when
 * kafka-clients runs them; the consumer records each call as a CLIENT event whatever the listener does.
 * Implementations must be immutable (the actor shares them between snapshots).
 */
public interface RebalanceListener {

    /** Kafka's {@code NoOpConsumerRebalanceListener}, what a consumer has when subscribe() is given none. */
    RebalanceListener NO_OP = new RebalanceListener() {
    };

    default void onPartitionsRevoked(SortedSet<TopicPartition> partitions) {
    }

    default void onPartitionsAssigned(SortedSet<TopicPartition> partitions) {
    }

    /** Kafka's default calls onPartitionsRevoked. */
    default void onPartitionsLost(SortedSet<TopicPartition> partitions) {
        onPartitionsRevoked(partitions);
    }
}
