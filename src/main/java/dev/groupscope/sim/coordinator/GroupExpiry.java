package dev.groupscope.sim.coordinator;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.offsets.OffsetCommitValue;
import dev.groupscope.sim.engine.SortedArrayMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kafka's {@code cleanupGroupMetadata}: for each group, offsets past offsets.retention.minutes are deleted with
 * tombstones (see {@link ClassicGroup#offsetExpiry()} for which, counted from when); a group whose offsets are all
 * gone and that is Empty is deleted too, with a GroupMetadata tombstone.
 */
final class GroupExpiry {

    private final ShardCall call;

    GroupExpiry(ShardCall call) {
        this.call = call;
    }

    void run() {
        for (String groupId : List.copyOf(call.shard.groups.keySet())) {
            if (cleanupExpiredOffsets(groupId)) {
                maybeDeleteGroup(groupId);
            }
        }
    }

    /** Kafka's {@code cleanupExpiredOffsets}: true when the group has no offsets left. */
    private boolean cleanupExpiredOffsets(String groupId) {
        SortedArrayMap<TopicPartition, OffsetCommitValue> offsets = call.shard.offsets.get(groupId);
        if (offsets == null) {
            return true;
        }
        ClassicGroup group = call.shard.groups.get(groupId);
        ClassicGroup.OffsetExpiry expiry = group.offsetExpiry();
        if (expiry == null) {
            return false;
        }
        boolean allExpired = true;
        for (Map.Entry<TopicPartition, OffsetCommitValue> entry : List.copyOf(offsets.entrySet())) {
            TopicPartition partition = entry.getKey();
            long since = expiry == ClassicGroup.OffsetExpiry.SINCE_EMPTY
                    ? group.currentStateTimestamp() : entry.getValue().commitTimestamp();
            if (!group.isSubscribedToTopic(partition.topic()) && call.now() - since >= retentionMs()) {
                call.appendOffsetTombstone(groupId, partition, Rule.of(expiry == ClassicGroup.OffsetExpiry.SINCE_EMPTY
                        ? "sim.coordinator.offsets.expiredEmpty" : "sim.coordinator.offsets.expiredCommit",
                        "groupId", groupId, "topicPartition", partition.toString(), "since", since,
                        "retentionMinutes", call.settings().offsetsRetentionMinutes()));
            } else {
                allExpired = false;
            }
        }
        return allExpired;
    }

    /** Kafka's {@code maybeDeleteGroup}: only an Empty group is deleted. */
    private void maybeDeleteGroup(String groupId) {
        ClassicGroup group = call.shard.groups.get(groupId);
        if (!group.isInState(ClassicGroupState.EMPTY)) {
            return;
        }
        Rule rule = Rule.of("sim.coordinator.groupExpired", "groupId", groupId);
        call.appendGroupTombstone(group, rule);
        call.transition(group, ClassicGroupState.DEAD, rule);
        call.shard.groups.remove(groupId);
        call.emitGroup(EventKind.STATE, "GroupDeleted", groupId, ShardCall.fields("groupId", groupId), rule);
    }

    private long retentionMs() {
        return call.settings().offsetsRetentionMs();
    }
}
