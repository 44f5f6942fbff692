package dev.groupscope.realkafka;

import dev.groupscope.kafka.TopicPartition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One member's observations in the order it made them, and the member ids Kafka gave it (generated, so never
 * compared with the simulator; a static member keeps one id per incarnation).
 */
public record MemberLog(String member, List<Observation> observations, List<String> memberIds) {

    public MemberLog {
        observations = List.copyOf(observations);
        memberIds = List.copyOf(memberIds);
    }

    public List<ListenerCallback> callbacks() {
        List<ListenerCallback> result = new ArrayList<>();
        for (Observation observation : observations) {
            if (observation instanceof ListenerCallback callback) {
                result.add(callback);
            }
        }
        return result;
    }

    /** Every offset the member processed, per partition, in processing order (a re-read offset appears again). */
    public SortedMap<TopicPartition, List<Long>> processed() {
        SortedMap<TopicPartition, List<Long>> result = new TreeMap<>();
        for (Observation observation : observations) {
            if (observation instanceof RecordsProcessed batch) {
                result.computeIfAbsent(batch.partition(), p -> new ArrayList<>()).addAll(batch.offsets());
            }
        }
        return result;
    }

    /** The latest offset the broker accepted from this member, per partition. */
    public SortedMap<TopicPartition, Long> committed() {
        SortedMap<TopicPartition, Long> result = new TreeMap<>();
        for (Observation observation : observations) {
            if (observation instanceof OffsetsCommitted commit) {
                result.putAll(commit.offsets());
            }
        }
        return result;
    }

    /** The partitions the member owns after its last callback: assigned ones added, revoked or lost ones removed. */
    public SortedSet<TopicPartition> owned() {
        SortedSet<TopicPartition> owned = new TreeSet<>();
        for (ListenerCallback callback : callbacks()) {
            if (callback.kind() == ListenerCallback.Kind.ASSIGNED) {
                owned.addAll(callback.partitions());
            } else {
                owned.removeAll(callback.partitions());
            }
        }
        return Collections.unmodifiableSortedSet(owned);
    }

    /** The generation of the member's latest {@code onPartitionsAssigned}, or -1 before its first. */
    public int lastAssignedGeneration() {
        int generation = -1;
        for (ListenerCallback callback : callbacks()) {
            if (callback.kind() == ListenerCallback.Kind.ASSIGNED) {
                generation = callback.generation();
            }
        }
        return generation;
    }
}
