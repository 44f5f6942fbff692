package dev.groupscope.sim.client;

import java.util.Objects;

/**
 * The application around the KafkaConsumer: how long each poll() may block ({@code poll(Duration)}), how long
 * each record takes, its rebalance listener, and where its assignors come from. Immutable.
 */
public record ConsumerBehavior(long pollTimeoutMs, RecordProcessor processor, RebalanceListener listener,
                               AssignorLookup assignors) {

    public ConsumerBehavior {
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(assignors, "assignors");
        if (pollTimeoutMs < 1) {
            throw new IllegalArgumentException("the poll timeout must be at least 1 ms");
        }
    }

    /** {@code poll(Duration.ofMillis(100))}, {@code perRecordMs} per record, no listener, Kafka's assignors. */
    public static ConsumerBehavior processing(long perRecordMs) {
        return new ConsumerBehavior(100, RecordProcessor.fixed(perRecordMs), RebalanceListener.NO_OP,
                AssignorLookup.BUILT_IN);
    }

    public ConsumerBehavior withAssignors(AssignorLookup lookup) {
        return new ConsumerBehavior(pollTimeoutMs, processor, listener, lookup);
    }

    public ConsumerBehavior withPollTimeout(long millis) {
        return new ConsumerBehavior(millis, processor, listener, assignors);
    }
}
