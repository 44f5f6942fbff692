package dev.groupscope.sim.coordinator;

import static dev.groupscope.sim.coordinator.ClassicGroupState.DEAD;
import static dev.groupscope.sim.coordinator.ClassicGroupState.EMPTY;
import static dev.groupscope.sim.coordinator.ClassicGroupState.PREPARING_REBALANCE;
import static dev.groupscope.sim.coordinator.ClassicGroupState.STABLE;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.offsets.OffsetCommitValue;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.Requests.OffsetCommitRequest;
import dev.groupscope.sim.protocol.Requests.OffsetFetchRequest;
import dev.groupscope.sim.protocol.Responses.OffsetCommitResponse;
import dev.groupscope.sim.protocol.Responses.OffsetFetchResponse;
import dev.groupscope.sim.engine.SortedArrayMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** OffsetCommit and OffsetFetch as Kafka's {@code OffsetMetadataManager} handles them for classic groups. */
final class OffsetHandler {

    private final ShardCall call;

    OffsetHandler(ShardCall call) {
        this.call = call;
    }

    /**
     * Kafka's {@code commitOffset}: the request is validated against the group (see
     * {@link ClassicGroup#validateOffsetCommit}); a commit to a group that does not exist creates it only from
     * outside group management (generation -1). An accepted commit writes one record per partition and, in Stable
     * or PreparingRebalance, counts as the member's heartbeat.
     *
     * @param offsets the partitions to commit, those of unknown topics already answered by the broker
     */
    Map<TopicPartition, Errors> commit(Deliver delivery, OffsetCommitRequest request,
                                       Map<TopicPartition, Long> offsets) {
        ClassicGroup group = call.shard.groups.get(request.groupId());
        Errors error;
        if (group == null && request.generationId() >= 0) {
            // OffsetCommit v9+ says so; older versions answered ILLEGAL_GENERATION.
            error = Errors.GROUP_ID_NOT_FOUND;
        } else {
            if (group == null) {
                group = createSimpleGroup(request.groupId(), delivery.from());
            }
            error = group.validateOffsetCommit(request.memberId(), request.groupInstanceId(), request.generationId());
        }
        Map<TopicPartition, Errors> errors = new TreeMap<>();
        if (error != Errors.NONE) {
            offsets.keySet().forEach(partition -> errors.put(partition, error));
            return errors;
        }
        if (group.isInState(STABLE) || group.isInState(PREPARING_REBALANCE)) {
            call.rescheduleHeartbeat(group, group.member(request.memberId()), SessionRenewal.OFFSET_COMMIT);
        }
        // A consumer outside group management (assign()) commits with no member id: name its client instead.
        Rule rule = request.memberId().isEmpty()
                ? Rule.of("sim.coordinator.offsets.committedSimple", "groupId", request.groupId(), "client",
                        delivery.from())
                : Rule.of("sim.coordinator.offsets.committed", "groupId", request.groupId(),
                        "generation", request.generationId(), "memberId", request.memberId());
        offsets.forEach((partition, offset) -> {
            call.appendOffsetCommit(request.groupId(), partition, offset, request.leaderEpoch(partition), rule);
            errors.put(partition, Errors.NONE);
        });
        return errors;
    }

    private ClassicGroup createSimpleGroup(String groupId, String client) {
        ClassicGroup group = new ClassicGroup(groupId, EMPTY, call.now());
        call.shard.groups.put(groupId, group);
        call.emitGroup(EventKind.STATE, "GroupCreated", groupId, ShardCall.fields("state", EMPTY.kafkaName()),
                Rule.of("sim.coordinator.groupCreatedByCommit", "groupId", groupId, "client", client));
        return group;
    }

    /**
     * Kafka's {@code fetchOffsets}: -1 for a partition never committed, and each commit's leader epoch where it
     * carried one. A group that does not exist (or is Dead) is not an error here: Kafka catches its
     * GROUP_ID_NOT_FOUND and answers -1 for every partition.
     */
    OffsetFetchResponse fetch(OffsetFetchRequest request) {
        ClassicGroup group = call.shard.groups.get(request.groupId());
        boolean failAll = group == null || group.isInState(DEAD);
        Map<TopicPartition, Long> offsets = new TreeMap<>();
        Map<TopicPartition, Integer> epochs = new TreeMap<>();
        for (TopicPartition partition : request.partitions()) {
            OffsetCommitValue committed = failAll ? null : call.shard.committed(request.groupId(), partition);
            offsets.put(partition, committed == null ? -1L : committed.offset());
            if (committed != null && committed.leaderEpoch() >= 0) {
                epochs.put(partition, committed.leaderEpoch());
            }
        }
        return new OffsetFetchResponse(request.correlationId(), Errors.NONE, offsets, epochs);
    }

    /** Kafka's {@code onPartitionsDeleted}: every group's offsets of the deleted topic get tombstones. */
    void deleteTopicOffsets(String topic) {
        Rule rule = Rule.of("sim.coordinator.offsets.topicDeleted", "topic", topic);
        for (Map.Entry<String, SortedArrayMap<TopicPartition, OffsetCommitValue>> entry
                : List.copyOf(call.shard.offsets.entrySet())) {
            for (TopicPartition partition : List.copyOf(entry.getValue().keySet())) {
                if (partition.topic().equals(topic)) {
                    call.appendOffsetTombstone(entry.getKey(), partition, rule);
                }
            }
        }
    }

    static OffsetCommitResponse response(long correlationId, Map<TopicPartition, Errors> errors) {
        return new OffsetCommitResponse(correlationId, errors);
    }
}
