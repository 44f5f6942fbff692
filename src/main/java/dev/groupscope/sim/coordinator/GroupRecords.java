package dev.groupscope.sim.coordinator;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.offsets.GroupMetadataValue;
import dev.groupscope.sim.offsets.OffsetCommitValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values the coordinator writes to {@code __consumer_offsets}, built as Kafka's record helpers build them. */
final class GroupRecords {

    private GroupRecords() {
    }

    /**
     * Kafka's {@code newGroupMetadataRecord}: members in the HashMap order of the group, each with its metadata for
     * the selected protocol and its assignment from {@code assignment} (none if absent).
     */
    static GroupMetadataValue metadata(ClassicGroup group, Map<String, List<TopicPartition>> assignment) {
        List<GroupMetadataValue.Member> members = new ArrayList<>();
        for (ClassicGroupMember member : group.allMembers()) {
            members.add(new GroupMetadataValue.Member(member.memberId(), member.groupInstanceId(),
                    member.clientId(), member.rebalanceTimeoutMs(), member.sessionTimeoutMs(),
                    member.metadata(group.protocolName()), assignment.getOrDefault(member.memberId(), List.of())));
        }
        return new GroupMetadataValue(group.protocolType() == null ? "" : group.protocolType(),
                group.generationId(), group.protocolName(), group.leaderId(), group.currentStateTimestamp(), members);
    }

    /** Kafka's {@code newEmptyGroupMetadataRecord}: generation 0, no protocol, no members. */
    static GroupMetadataValue empty(ClassicGroup group) {
        return new GroupMetadataValue("", 0, null, null, group.currentStateTimestamp(), List.of());
    }

    /** Event fields summarising a record value. */
    static Map<String, Object> describe(Object value) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (value == null) {
            fields.put("tombstone", true);
        } else if (value instanceof OffsetCommitValue commit) {
            fields.put("committedOffset", commit.offset());
            fields.put("leaderEpoch", commit.leaderEpoch()); // Kafka's OffsetCommitValue: -1 without one
        } else if (value instanceof GroupMetadataValue metadata) {
            fields.put("generation", metadata.generation());
            ShardCall.putIfPresent(fields, "protocol", metadata.protocol());
            ShardCall.putIfPresent(fields, "leader", metadata.leader());
            fields.put("members", metadata.members().stream().map(GroupMetadataValue.Member::memberId).toList());
        }
        return fields;
    }
}
