package dev.groupscope.realkafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Writes one member's observations to the run's timeline until the member dies. A crashed process runs no more
 * code, so after {@link #die()} nothing the real client still does while it is shut down is recorded.
 */
final class MemberRecorder {

    private final String member;
    private final Timeline timeline;
    private volatile boolean alive = true;

    MemberRecorder(String member, Timeline timeline) {
        this.member = member;
        this.timeline = timeline;
    }

    String member() {
        return member;
    }

    void die() {
        alive = false;
    }

    /** Called inside the listener, on the consumer's thread, so reading the group metadata there is safe. */
    void callback(ListenerCallback.Kind kind, Collection<TopicPartition> partitions, ConsumerGroupMetadata metadata) {
        if (alive) {
            timeline.memberIdSeen(member, metadata.memberId());
            timeline.add(new ListenerCallback(member, kind, Partitions.of(partitions), metadata.generationId()));
        }
    }

    void processed(ConsumerRecords<String, String> records) {
        if (!alive) {
            return;
        }
        for (TopicPartition partition : records.partitions()) {
            List<Long> offsets = new ArrayList<>();
            for (ConsumerRecord<String, String> record : records.records(partition)) {
                offsets.add(record.offset());
            }
            timeline.add(new RecordsProcessed(member, Partitions.of(partition), offsets));
        }
    }

    /** May be called on the client's heartbeat thread, for auto-commits that complete there. */
    void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (!alive || offsets.isEmpty()) {
            return;
        }
        SortedMap<dev.groupscope.kafka.TopicPartition, Long> committed = new TreeMap<>();
        offsets.forEach((partition, offset) -> committed.put(Partitions.of(partition), offset.offset()));
        timeline.add(new OffsetsCommitted(member, committed));
    }
}
