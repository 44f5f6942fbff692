package dev.groupscope.sim.coordinator;

import static dev.groupscope.sim.coordinator.ClassicGroupState.COMPLETING_REBALANCE;
import static dev.groupscope.sim.coordinator.ClassicGroupState.DEAD;
import static dev.groupscope.sim.coordinator.ClassicGroupState.EMPTY;
import static dev.groupscope.sim.coordinator.ClassicGroupState.PREPARING_REBALANCE;
import static dev.groupscope.sim.coordinator.ClassicGroupState.STABLE;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.Requests.SyncGroupRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SyncGroup as Kafka's {@code classicGroupSyncToClassicGroup} handles it: followers wait for the leader, whose
 * assignment is written to {@code __consumer_offsets} before everyone gets their part and the group is Stable.
 */
final class SyncGroupHandler {

    private final ShardCall call;
    private final Rebalancer rebalancer;
    private final Deliver delivery;
    private final SyncGroupRequest request;

    SyncGroupHandler(ShardCall call, Deliver delivery, SyncGroupRequest request) {
        this.call = call;
        this.rebalancer = new Rebalancer(call);
        this.delivery = delivery;
        this.request = request;
    }

    void handle() {
        ClassicGroup group = call.shard.groups.get(request.groupId());
        if (group == null || group.isInState(EMPTY)) {
            reject(Errors.UNKNOWN_MEMBER_ID);
            return;
        }
        Errors error = validate(group);
        if (error != Errors.NONE) {
            reject(error);
        } else if (group.isInState(PREPARING_REBALANCE)) {
            reject(Errors.REBALANCE_IN_PROGRESS);
        } else if (group.isInState(COMPLETING_REBALANCE)) {
            syncDuringCompletingRebalance(group);
        } else if (group.isInState(STABLE)) {
            removePendingSyncMember(group, request.memberId());
            ClassicGroupMember member = group.member(request.memberId());
            call.reply(delivery.from(), Answers.syncSuccess(request.correlationId(), group, member.assignment()));
        }
    }

    /** Kafka's {@code validateSyncGroup}. */
    private Errors validate(ClassicGroup group) {
        if (group.isInState(DEAD)) {
            return Errors.COORDINATOR_NOT_AVAILABLE;
        }
        Errors memberError = group.validateMember(request.memberId(), request.groupInstanceId());
        if (memberError != Errors.NONE) {
            return memberError;
        }
        if (request.generationId() != group.generationId()) {
            return Errors.ILLEGAL_GENERATION;
        }
        if (isProtocolInconsistent(request.protocolType(), group.protocolType())
                || isProtocolInconsistent(request.protocolName(), group.protocolName())) {
            return Errors.INCONSISTENT_GROUP_PROTOCOL;
        }
        return Errors.NONE;
    }

    /** A SyncGroup may omit the protocol type and name (old versions); if it names them they must match. */
    private static boolean isProtocolInconsistent(String requested, String groups) {
        return requested != null && groups != null && !groups.equals(requested);
    }

    private void syncDuringCompletingRebalance(ClassicGroup group) {
        ClassicGroupMember member = group.member(request.memberId());
        ParkedRequest parked = new ParkedRequest(delivery.from(), request.correlationId(), call.now());
        member.setAwaitingSync(parked);
        removePendingSyncMember(group, member.memberId());
        if (!group.isLeader(member.memberId())) {
            call.parked("SyncGroup", group, member.memberId(), parked, Rule.of("sim.coordinator.sync.parked",
                    "memberId", member.memberId(), "leader", group.leaderId()));
            return;
        }
        Map<String, List<TopicPartition>> assignment = completedAssignment(group);
        call.appendGroupMetadata(group, assignment, Rule.of("sim.coordinator.record.assignment",
                "generation", group.generationId(), "leader", member.memberId()));
        // The write is synchronous here; Kafka checks the group did not move on while it waited for the write.
        if (group.isInState(COMPLETING_REBALANCE) && request.generationId() == group.generationId()) {
            rebalancer.setAndPropagateAssignment(group, assignment);
            call.transition(group, STABLE, Rule.of("sim.coordinator.stable", "generation", group.generationId(),
                    "leader", group.leaderId()));
        }
    }

    /** The leader's assignment, plus an empty one for every member it left out. */
    private Map<String, List<TopicPartition>> completedAssignment(ClassicGroup group) {
        Map<String, List<TopicPartition>> assignment = new TreeMap<>(request.assignments());
        List<String> missing = group.allMembers().stream().map(ClassicGroupMember::memberId)
                .filter(id -> !assignment.containsKey(id)).sorted().toList();
        missing.forEach(id -> assignment.put(id, List.of()));
        if (!missing.isEmpty()) {
            call.emitGroup(EventKind.STATE, "EmptyAssignmentsFilled", group.groupId(),
                    ShardCall.fields("members", missing),
                    Rule.of("sim.coordinator.sync.missingAssignment", "members", missing));
        }
        return assignment;
    }

    /** Kafka's {@code removePendingSyncMember}: the sync deadline goes once every member has synced. */
    private void removePendingSyncMember(ClassicGroup group, String memberId) {
        group.removePendingSyncMember(memberId);
        boolean syncPhase = group.isInState(COMPLETING_REBALANCE) || group.isInState(STABLE);
        if (!syncPhase || group.hasReceivedSyncFromAllMembers()) {
            call.cancelSync(group);
        }
    }

    private void reject(Errors error) {
        call.reply(delivery.from(), Answers.syncError(request.correlationId(), error));
    }
}
