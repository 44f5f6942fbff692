package dev.groupscope.realkafka;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Sees every successful commit, manual or automatic: an interceptor is the only public hook the client calls
 * for auto-commits. Kafka instantiates it by class name; its {@link MemberRecorder} arrives through the
 * consumer's own config map under {@link #RECORDER_CONFIG}.
 */
public final class CommitRecorder implements ConsumerInterceptor<String, String> {

    static final String RECORDER_CONFIG = "groupscope.test.member.recorder";

    private MemberRecorder recorder;

    @Override
    public void configure(Map<String, ?> configs) {
        recorder = (MemberRecorder) configs.get(RECORDER_CONFIG);
        if (recorder == null) {
            throw new IllegalStateException(RECORDER_CONFIG + " must carry the member's recorder");
        }
    }

    @Override
    public ConsumerRecords<String, String> onConsume(ConsumerRecords<String, String> records) {
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        recorder.committed(offsets);
    }

    @Override
    public void close() {
        // Nothing to release: the recorder belongs to the run.
    }
}
