package dev.groupscope.sim.coordinator;

import dev.groupscope.sim.engine.EventKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Members joining, leaving and being replaced, through Kafka's {@code ClassicGroup} operations, each recorded as an
 * event — and the leader changes those operations cause, with the rule Kafka followed to pick the new leader.
 */
final class Membership {

    private final ShardCall call;

    Membership(ShardCall call) {
        this.call = call;
    }

    void add(ClassicGroup group, ClassicGroupMember member, ParkedRequest join, Rule rule) {
        String leaderBefore = group.leaderId();
        group.add(member, join);
        Map<String, Object> fields = memberFields(member);
        fields.put("protocols", member.protocolNames());
        fields.put("sessionTimeoutMs", member.sessionTimeoutMs());
        fields.put("rebalanceTimeoutMs", member.rebalanceTimeoutMs());
        call.emitGroup(EventKind.STATE, "MemberAdded", group.groupId(), fields, rule);
        if (leaderBefore == null && group.leaderId() != null) {
            leaderChanged(group, null, Rule.of("sim.coordinator.leader.firstJoiner", "leader", group.leaderId()));
        }
    }

    /** Kafka's {@code remove}; the caller has answered the member's parked JoinGroup if it had one. */
    void remove(ClassicGroup group, String memberId, Rule rule) {
        ClassicGroupMember member = group.member(memberId);
        String leaderBefore = group.leaderId();
        boolean pending = group.isPendingMember(memberId);
        group.remove(memberId);
        Map<String, Object> fields = member != null ? memberFields(member) : ShardCall.fields("memberId", memberId);
        call.emitGroup(EventKind.STATE, pending ? "PendingMemberRemoved" : "MemberRemoved", group.groupId(), fields,
                rule);
        if (leaderBefore != null && !leaderBefore.equals(group.leaderId())) {
            leaderChanged(group, leaderBefore, group.leaderId() == null
                    ? Rule.of("sim.coordinator.leader.none", "previous", leaderBefore)
                    : Rule.of("sim.coordinator.leader.leaderRemoved", "previous", leaderBefore,
                            "leader", group.leaderId()));
        }
    }

    void addPending(ClassicGroup group, String memberId, long sessionTimeoutMs, Rule rule) {
        group.addPendingMember(memberId);
        call.emitGroup(EventKind.STATE, "PendingMemberAdded", group.groupId(),
                ShardCall.fields("memberId", memberId, "sessionTimeoutMs", sessionTimeoutMs), rule);
    }

    /** Kafka's {@code maybeElectNewJoinedLeader}, with an event when the leader changes. */
    boolean electJoinedLeader(ClassicGroup group) {
        String before = group.leaderId();
        boolean elected = group.maybeElectNewJoinedLeader();
        if (elected && !before.equals(group.leaderId())) {
            leaderChanged(group, before, Rule.of("sim.coordinator.leader.notRejoined", "previous", before,
                    "leader", group.leaderId()));
        }
        return elected;
    }

    ClassicGroupMember replaceStatic(ClassicGroup group, String instanceId, String oldId, String newId) {
        boolean wasLeader = group.isLeader(oldId);
        ClassicGroupMember old = group.replaceStaticMember(instanceId, oldId, newId);
        call.emitGroup(EventKind.STATE, "StaticMemberReplaced", group.groupId(),
                ShardCall.fields("groupInstanceId", instanceId, "oldMemberId", oldId, "newMemberId", newId),
                Rule.of("sim.coordinator.static.replaced", "groupInstanceId", instanceId, "oldMemberId", oldId,
                        "newMemberId", newId));
        if (wasLeader) {
            leaderChanged(group, oldId, Rule.of("sim.coordinator.leader.staticReplaced", "previous", oldId,
                    "leader", newId, "groupInstanceId", instanceId));
        }
        return old;
    }

    private void leaderChanged(ClassicGroup group, String previous, Rule rule) {
        Map<String, Object> fields = new LinkedHashMap<>();
        ShardCall.putIfPresent(fields, "previous", previous);
        ShardCall.putIfPresent(fields, "leader", group.leaderId());
        call.emitGroup(EventKind.STATE, "LeaderChanged", group.groupId(), fields, rule);
    }

    private static Map<String, Object> memberFields(ClassicGroupMember member) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("memberId", member.memberId());
        ShardCall.putIfPresent(fields, "groupInstanceId", member.groupInstanceId());
        fields.put("clientId", member.clientId());
        return fields;
    }
}
