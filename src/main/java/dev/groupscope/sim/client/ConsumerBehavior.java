package dev.groupscope.sim.client;

import java.util.Objects;

/**
 * The application around the KafkaConsumer: how long each poll() may block ({@code poll(Duration)}), how long
 * each record takes, its rebalance listener, and where its assignors come from. Immutable.
 */
public record ConsumerBehavior(long pollTimeoutMs, RecordProcessor processor, RebalanceListener listener,
                               AssignorLookup assignors, CommitPolicy commitPolicy, ListenerPolicy listenerPolicy) {

    public ConsumerBehavior {
        Objects.requireNonNull(commitPolicy, "commitPolicy");
        Objects.requireNonNull(listenerPolicy, "listenerPolicy");
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(assignors, "assignors");
        if (pollTimeoutMs < 1) {
            throw new IllegalArgumentException("the poll timeout must be at least 1 ms");
        }
    }

    public ConsumerBehavior(long pollTimeoutMs, RecordProcessor processor, RebalanceListener listener,
                            AssignorLookup assignors) {
        this(pollTimeoutMs, processor, listener, assignors, CommitPolicy.AUTO, ListenerPolicy.NONE);
    }

    /** {@code poll(Duration.ofMillis(100))}, {@code perRecordMs} per record, no listener, Kafka's assignors. */
    public static ConsumerBehavior processing(long perRecordMs) {
        return new ConsumerBehavior(100, RecordProcessor.fixed(perRecordMs), RebalanceListener.NO_OP,
                AssignorLookup.BUILT_IN);
    }

    public ConsumerBehavior withAssignors(AssignorLookup lookup) {
        return new ConsumerBehavior(pollTimeoutMs, processor, listener, lookup, commitPolicy, listenerPolicy);
    }

    public ConsumerBehavior withPollTimeout(long millis) {
        return new ConsumerBehavior(millis, processor, listener, assignors, commitPolicy, listenerPolicy);
    }

    /** The application's commit policy and what its rebalance listener does about commits. */
    public ConsumerBehavior withCommits(CommitPolicy policy, ListenerPolicy listenerPolicy) {
        return new ConsumerBehavior(pollTimeoutMs, processor, listener, assignors, policy, listenerPolicy);
    }
}
