package dev.groupscope.sim.coordinator;

import static dev.groupscope.sim.coordinator.ClassicGroupState.COMPLETING_REBALANCE;
import static dev.groupscope.sim.coordinator.ClassicGroupState.DEAD;
import static dev.groupscope.sim.coordinator.ClassicGroupState.PREPARING_REBALANCE;
import static dev.groupscope.sim.coordinator.ClassicGroupState.STABLE;

import dev.groupscope.kafka.Errors;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.Requests.LeaveGroupRequest;
import dev.groupscope.sim.protocol.Requests.MemberIdentity;
import dev.groupscope.sim.protocol.Responses.LeaveGroupResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * LeaveGroup as Kafka's {@code classicGroupLeaveToClassicGroup} handles it: a batch of members, each by member id
 * or — for an admin removing a static member — by group.instance.id with an empty member id. Anyone leaving makes a
 * Stable or CompletingRebalance group rebalance, and lets a join phase complete that was waiting for them.
 *
 * <p>The response's per-member errors are keyed by member id, or by instance id when the member id is empty.
 */
final class LeaveGroupHandler {

    private final ShardCall call;
    private final Rebalancer rebalancer;
    private final Deliver delivery;
    private final LeaveGroupRequest request;

    LeaveGroupHandler(ShardCall call, Deliver delivery, LeaveGroupRequest request) {
        this.call = call;
        this.rebalancer = new Rebalancer(call);
        this.delivery = delivery;
        this.request = request;
    }

    void handle() {
        ClassicGroup group = call.shard.groups.get(request.groupId());
        if (group == null) {
            reply(Errors.NONE, allFailed(Errors.UNKNOWN_MEMBER_ID));
        } else if (group.isInState(DEAD)) {
            reply(Errors.COORDINATOR_NOT_AVAILABLE, Map.of());
        } else {
            leave(group);
        }
    }

    private void leave(ClassicGroup group) {
        Map<String, Errors> errors = new TreeMap<>();
        List<String> left = new ArrayList<>();
        for (MemberIdentity identity : request.members()) {
            errors.put(responseKey(identity), leaveOne(group, identity, left));
        }
        if (!left.isEmpty()) {
            Rule reason = Rule.of("sim.coordinator.rebalance.memberLeft", "members", List.copyOf(left));
            if (group.isInState(STABLE) || group.isInState(COMPLETING_REBALANCE)) {
                rebalancer.maybePrepareRebalanceOrCompleteJoin(group, reason);
            } else if (group.isInState(PREPARING_REBALANCE)) {
                rebalancer.maybeCompleteJoinPhase(group);
            }
        }
        reply(Errors.NONE, errors);
    }

    /** Removes one member if the request may; adds the removed member's id to {@code left}. */
    private Errors leaveOne(ClassicGroup group, MemberIdentity identity, List<String> left) {
        String memberId = identity.memberId();
        if (memberId.isEmpty()) {
            String instanceId = identity.groupInstanceId();
            if (instanceId == null || !group.hasStaticMember(instanceId)) {
                return Errors.UNKNOWN_MEMBER_ID;
            }
            String staticMemberId = group.staticMemberId(instanceId);
            removeCurrentMember(group, staticMemberId, Rule.of(
                    "sim.coordinator.leave.staticRemoved", "groupInstanceId", instanceId));
            left.add(staticMemberId);
            return Errors.NONE;
        }
        if (group.isPendingMember(memberId)) {
            call.membership.remove(group, memberId, Rule.of("sim.coordinator.leave.pending", "memberId", memberId));
            call.cancelHeartbeat(group, memberId);
            left.add(memberId);
            return Errors.NONE;
        }
        Errors error = group.validateMember(memberId, identity.groupInstanceId());
        if (error == Errors.NONE) {
            removeCurrentMember(group, memberId, Rule.of("sim.coordinator.leave.left", "memberId", memberId));
            left.add(memberId);
        }
        return error;
    }

    /** Kafka's {@code removeCurrentMemberFromClassicGroup}: a parked JoinGroup is answered UNKNOWN_MEMBER_ID. */
    private void removeCurrentMember(ClassicGroup group, String memberId, Rule rule) {
        ClassicGroupMember member = group.member(memberId);
        call.cancelHeartbeat(group, memberId);
        call.completeJoin(group, member, correlationId ->
                Answers.joinError(correlationId, Errors.UNKNOWN_MEMBER_ID, ""), rule);
        call.membership.remove(group, memberId, rule);
    }

    private Map<String, Errors> allFailed(Errors error) {
        Map<String, Errors> errors = new TreeMap<>();
        request.members().forEach(identity -> errors.put(responseKey(identity), error));
        return errors;
    }

    private static String responseKey(MemberIdentity identity) {
        boolean byInstance = identity.memberId().isEmpty() && identity.groupInstanceId() != null;
        return byInstance ? identity.groupInstanceId() : identity.memberId();
    }

    private void reply(Errors error, Map<String, Errors> memberErrors) {
        call.reply(delivery.from(), new LeaveGroupResponse(request.correlationId(), error, memberErrors));
    }
}
