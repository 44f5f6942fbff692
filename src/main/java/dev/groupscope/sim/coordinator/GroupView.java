package dev.groupscope.sim.coordinator;

import dev.groupscope.kafka.TopicPartition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable picture of a classic group: what the UI draws and what time-travel tests compare. Members are listed
 * in the order of Kafka's members HashMap (the order the leader's assignor sees them in).
 */
public record GroupView(String groupId, String state, String previousState, long currentStateTimestamp,
                        int generationId, String protocolType, String protocolName, String leaderId,
                        List<MemberView> members, List<String> pendingJoinMembers, List<String> pendingSyncMembers,
                        Map<String, String> staticMembers, int awaitingJoin, boolean newMemberAdded) {

    public GroupView {
        members = List.copyOf(members);
        pendingJoinMembers = List.copyOf(pendingJoinMembers);
        pendingSyncMembers = List.copyOf(pendingSyncMembers);
        staticMembers = java.util.Collections.unmodifiableMap(new TreeMap<>(staticMembers));
    }

    public static GroupView of(ClassicGroup group) {
        List<MemberView> members = new ArrayList<>();
        for (ClassicGroupMember member : group.allMembers()) {
            members.add(MemberView.of(member));
        }
        return new GroupView(group.groupId(), group.state().kafkaName(), group.previousState().kafkaName(),
                group.currentStateTimestamp(), group.generationId(), group.protocolType(), group.protocolName(),
                group.leaderId(), members, List.copyOf(group.pendingJoinMembers()),
                List.copyOf(group.pendingSyncMembers()), group.staticMembers(), group.numAwaitingJoinResponse(),
                group.newMemberAdded());
    }

    /**
     * Who the assignment the coordinator stored gives each partition to ("orders-4" → its member's client id), while
     * the group is Stable; empty before (until the leader's SyncGroup the coordinator holds no assignment of this
     * generation). The member's client may not know it: its SyncGroup answer is on the way (or was lost), or it has
     * crashed and the coordinator has not yet noticed.
     */
    public Map<String, String> stableAssignment() {
        if (!"Stable".equals(state)) {
            return Map.of();
        }
        Map<String, String> owners = new TreeMap<>();
        for (MemberView member : members) {
            member.assignment().forEach(partition -> owners.put(partition.toString(), member.clientId()));
        }
        return owners;
    }

    /** One member as seen from outside. */
    public record MemberView(String memberId, String groupInstanceId, String clientId, int sessionTimeoutMs,
                             int rebalanceTimeoutMs, List<String> protocols, List<TopicPartition> assignment,
                             boolean awaitingJoin, boolean awaitingSync, boolean isNew, int generationId) {
        public MemberView {
            protocols = List.copyOf(protocols);
            assignment = List.copyOf(assignment);
        }

        static MemberView of(ClassicGroupMember member) {
            return new MemberView(member.memberId(), member.groupInstanceId(), member.clientId(),
                    member.sessionTimeoutMs(), member.rebalanceTimeoutMs(), member.protocolNames(),
                    member.assignment(), member.isAwaitingJoin(), member.isAwaitingSync(), member.isNew(),
                    member.generationId());
        }
    }
}
