package dev.groupscope.realkafka;

import java.util.Collection;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * Records every rebalance callback. {@code onPartitionsLost} is overridden on purpose: its default forwards to
 * {@code onPartitionsRevoked}, which would record a loss as a graceful revocation.
 */
final class RecordingListener implements ConsumerRebalanceListener {

    private final MemberRecorder recorder;
    private final Supplier<ConsumerGroupMetadata> groupMetadata;

    /** The metadata supplier must be the consumer's own {@code groupMetadata()}; callbacks run on its thread. */
    RecordingListener(MemberRecorder recorder, Supplier<ConsumerGroupMetadata> groupMetadata) {
        this.recorder = recorder;
        this.groupMetadata = groupMetadata;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        recorder.callback(ListenerCallback.Kind.REVOKED, partitions, groupMetadata.get());
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        recorder.callback(ListenerCallback.Kind.ASSIGNED, partitions, groupMetadata.get());
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        recorder.callback(ListenerCallback.Kind.LOST, partitions, groupMetadata.get());
    }
}
