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
import dev.groupscope.sim.protocol.JoinGroupProtocol;
import dev.groupscope.sim.protocol.Requests.JoinGroupRequest;
import dev.groupscope.sim.protocol.Responses.JoinGroupMember;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JoinGroup as Kafka's {@code classicGroupJoinToClassicGroup} and the methods it calls handle it: the two-step join
 * of new dynamic members, static members replacing their previous incarnation, existing members rejoining — and
 * whether the request is answered at once or parked until the join phase completes.
 */
final class JoinGroupHandler {

    /** Kafka's {@code GroupCoordinatorConfig.CLASSIC_GROUP_NEW_MEMBER_JOIN_TIMEOUT_MS}: a constant, not a setting. */
    static final int NEW_MEMBER_JOIN_TIMEOUT_MS = 5 * 60 * 1000;

    private final ShardCall call;
    private final Rebalancer rebalancer;
    private final Deliver delivery;
    private final JoinGroupRequest request;
    private final ParkedRequest parked;
    /** The member id this request's JoinGroup now waits under, if it was parked. */
    private String parkedAs;

    JoinGroupHandler(ShardCall call, Deliver delivery, JoinGroupRequest request) {
        this.call = call;
        this.rebalancer = new Rebalancer(call);
        this.delivery = delivery;
        this.request = request;
        this.parked = new ParkedRequest(delivery.from(), request.correlationId(), call.now());
    }

    void handle() {
        String groupId = request.groupId();
        boolean unknownMember = request.memberId().isEmpty();
        boolean newGroup = !call.shard.groups.containsKey(groupId);
        if (newGroup && !unknownMember) {
            // Only a member without an id may create a group.
            reject(Errors.UNKNOWN_MEMBER_ID, request.memberId());
            return;
        }
        ClassicGroup group = newGroup ? createGroup(groupId) : call.shard.groups.get(groupId);
        int recordsBefore = call.recordsAppended();
        if (!acceptJoiningMember(group, request.memberId())) {
            if (group.hasMember(request.memberId()) || group.isPendingMember(request.memberId())) {
                call.membership.remove(group, request.memberId(), Rule.of("sim.coordinator.join.groupFull",
                        "groupMaxSize", call.settings().groupMaxSize()));
            }
            reject(Errors.GROUP_MAX_SIZE_REACHED, "");
        } else if (unknownMember) {
            joinNewMember(group);
        } else {
            joinExistingMember(group);
        }
        if (newGroup && call.recordsAppended() == recordsBefore) {
            call.appendEmptyGroupMetadata(group, Rule.of("sim.coordinator.record.newGroup", "groupId", groupId));
        }
        reportIfParked(group);
    }

    private ClassicGroup createGroup(String groupId) {
        ClassicGroup group = new ClassicGroup(groupId, EMPTY, call.now());
        call.shard.groups.put(groupId, group);
        call.emitGroup(EventKind.STATE, "GroupCreated", groupId, ShardCall.fields("state", EMPTY.kafkaName()),
                Rule.of("sim.coordinator.groupCreated", "groupId", groupId, "partition", call.partition()));
        return group;
    }

    /** Kafka's {@code acceptJoiningMember}: group.max.size counts awaiting joins while preparing, members after. */
    private boolean acceptJoiningMember(ClassicGroup group, String memberId) {
        int maxSize = call.settings().groupMaxSize();
        return switch (group.state()) {
            case EMPTY, DEAD -> true;
            case PREPARING_REBALANCE -> (group.hasMember(memberId) && group.member(memberId).isAwaitingJoin())
                    || group.numAwaitingJoinResponse() < maxSize;
            case COMPLETING_REBALANCE, STABLE -> group.hasMember(memberId) || group.numMembers() < maxSize;
        };
    }

    /** Kafka's {@code classicGroupJoinNewMember}. */
    private void joinNewMember(ClassicGroup group) {
        if (group.isInState(DEAD)) {
            reject(Errors.COORDINATOR_NOT_AVAILABLE, "");
        } else if (!group.supportsProtocols(request.protocolType(), protocolNames())) {
            reject(Errors.INCONSISTENT_GROUP_PROTOCOL, "");
        } else {
            String newMemberId = MemberIds.generate(delivery.from(), request.groupInstanceId(),
                    call.context().random());
            if (request.groupInstanceId() != null) {
                joinNewStaticMember(group, newMemberId);
            } else {
                joinNewDynamicMember(group, newMemberId);
            }
        }
    }

    /** Kafka's {@code classicGroupJoinNewStaticMember}: a known instance id replaces its previous member id. */
    private void joinNewStaticMember(ClassicGroup group, String newMemberId) {
        String existingMemberId = group.staticMemberId(request.groupInstanceId());
        if (existingMemberId != null) {
            updateStaticMemberThenRebalanceOrCompleteJoin(group, existingMemberId, newMemberId);
        } else {
            addMemberThenRebalanceOrCompleteJoin(group, newMemberId);
        }
    }

    /**
     * Kafka's {@code classicGroupJoinNewDynamicMember} for JoinGroup v4+ (KIP-394): the new id is only reserved,
     * with the session timeout to come back with it, and returned with MEMBER_ID_REQUIRED.
     */
    private void joinNewDynamicMember(ClassicGroup group, String newMemberId) {
        call.membership.addPending(group, newMemberId, request.sessionTimeoutMs(), Rule.of(
                "sim.coordinator.join.memberIdRequired", "memberId", newMemberId,
                "sessionTimeoutMs", request.sessionTimeoutMs()));
        call.armHeartbeat(group, newMemberId, request.sessionTimeoutMs(), SessionRenewal.JOIN_GROUP);
        reject(Errors.MEMBER_ID_REQUIRED, newMemberId);
    }

    /** Kafka's {@code classicGroupJoinExistingMember}. */
    private void joinExistingMember(ClassicGroup group) {
        String memberId = request.memberId();
        if (group.isInState(DEAD)) {
            reject(Errors.COORDINATOR_NOT_AVAILABLE, memberId);
        } else if (!group.supportsProtocols(request.protocolType(), protocolNames())) {
            reject(Errors.INCONSISTENT_GROUP_PROTOCOL, memberId);
        } else if (group.isPendingMember(memberId)) {
            if (request.groupInstanceId() != null) {
                // Kafka throws IllegalStateException here (a pending id is never given to a static member), and
                // the failed write operation answers UNKNOWN_SERVER_ERROR.
                reject(Errors.UNKNOWN_SERVER_ERROR, memberId);
            } else {
                addMemberThenRebalanceOrCompleteJoin(group, memberId);
            }
        } else {
            Errors error = group.validateMember(memberId, request.groupInstanceId());
            if (error != Errors.NONE) {
                reject(error, memberId);
            } else {
                rejoin(group, group.member(memberId));
            }
        }
    }

    private void rejoin(ClassicGroup group, ClassicGroupMember member) {
        String memberId = member.memberId();
        if (group.isInState(PREPARING_REBALANCE)) {
            updateMemberThenRebalanceOrCompleteJoin(group, member, Rule.of("sim.coordinator.rebalance.rejoined",
                    "memberId", memberId));
        } else if (group.isInState(COMPLETING_REBALANCE)) {
            if (member.matches(request.protocols())) {
                // The member probably lost the JoinGroup answer: send the current generation's answer again.
                answer(group, memberId, group.isLeader(memberId) ? group.currentMembersForLeader() : List.of(),
                        false);
            } else {
                updateMemberThenRebalanceOrCompleteJoin(group, member, Rule.of(
                        "sim.coordinator.rebalance.metadataChanged", "memberId", memberId));
            }
        } else if (group.isInState(STABLE)) {
            if (group.isLeader(memberId)) {
                // The leader's JoinGroup always rebalances: it is how a leader reacts to metadata changes. Its
                // reason (KIP-800) says why it rejoined, e.g. to hand over partitions in a cooperative rebalance.
                String reason = request.reason() == null ? "" : request.reason();
                updateMemberThenRebalanceOrCompleteJoin(group, member, reason.isEmpty()
                        ? Rule.of("sim.coordinator.rebalance.leaderRejoinedNoReason", "memberId", memberId)
                        : Rule.of("sim.coordinator.rebalance.leaderRejoined", "memberId", memberId, "reason", reason));
            } else if (!member.matches(request.protocols())) {
                updateMemberThenRebalanceOrCompleteJoin(group, member, Rule.of(
                        "sim.coordinator.rebalance.metadataChanged", "memberId", memberId));
            } else {
                answer(group, memberId, List.of(), false);
            }
        } else {
            reject(Errors.UNKNOWN_MEMBER_ID, memberId);
        }
    }

    /** Kafka's {@code addMemberThenRebalanceOrCompleteJoin}. */
    private void addMemberThenRebalanceOrCompleteJoin(ClassicGroup group, String memberId) {
        ClassicGroupMember member = new ClassicGroupMember(memberId, request.groupInstanceId(), delivery.from(),
                request.protocolType(), request.rebalanceTimeoutMs(), request.sessionTimeoutMs(),
                request.protocols(), List.of());
        member.setIsNew(true);
        if (group.isInState(PREPARING_REBALANCE) && group.previousState() == EMPTY) {
            // A member arriving during the initial delay extends it.
            group.setNewMemberAdded(true);
        }
        call.membership.add(group, member, parked, Rule.of("sim.coordinator.join.memberAdded", "memberId", memberId));
        parkedAs = memberId;
        // A new member cannot heartbeat while its JoinGroup is parked, so it gets the long new-member join timeout.
        call.armHeartbeat(group, memberId, NEW_MEMBER_JOIN_TIMEOUT_MS, SessionRenewal.JOIN_GROUP);
        rebalancer.maybePrepareRebalanceOrCompleteJoin(group, Rule.of("sim.coordinator.rebalance.newMember",
                "memberId", memberId));
    }

    /** Kafka's {@code updateMemberThenRebalanceOrCompleteJoin}. */
    private void updateMemberThenRebalanceOrCompleteJoin(ClassicGroup group, ClassicGroupMember member,
                                                         Rule reason) {
        group.updateMember(member, request.protocols(), request.rebalanceTimeoutMs(), request.sessionTimeoutMs(),
                parked);
        parkedAs = member.memberId();
        rebalancer.maybePrepareRebalanceOrCompleteJoin(group, reason);
    }

    /**
     * Kafka's {@code updateStaticMemberThenRebalanceOrCompleteJoin} (KIP-345): the instance's previous member id is
     * fenced. A Stable group whose protocol would not change keeps its generation and assignment — no rebalance;
     * during CompletingRebalance the leader may have assigned to the old id, so the group rebalances.
     */
    private void updateStaticMemberThenRebalanceOrCompleteJoin(ClassicGroup group, String oldMemberId,
                                                               String newMemberId) {
        String instanceId = request.groupInstanceId();
        ClassicGroupMember old = call.membership.replaceStatic(group, instanceId, oldMemberId, newMemberId);
        fence(group, old);
        ClassicGroupMember member = group.member(newMemberId);
        call.rescheduleHeartbeat(group, member, SessionRenewal.JOIN_GROUP);
        group.updateMember(member, request.protocols(), request.rebalanceTimeoutMs(), request.sessionTimeoutMs(),
                parked);
        parkedAs = newMemberId;
        if (group.isInState(STABLE)) {
            keepStableOrRebalance(group, member);
        } else if (group.isInState(COMPLETING_REBALANCE)) {
            rebalancer.prepareRebalance(group, Rule.of("sim.coordinator.rebalance.staticDuringCompleting",
                    "groupInstanceId", instanceId));
        } else if (group.isInState(EMPTY) || group.isInState(DEAD)) {
            throw new IllegalStateException("Group " + group.groupId() + " was not supposed to be in the state "
                    + group.state() + " when the unknown static member " + instanceId + " rejoins.");
        } else {
            rebalancer.maybeCompleteJoinPhase(group);
        }
    }

    private void keepStableOrRebalance(ClassicGroup group, ClassicGroupMember member) {
        String selected = group.selectProtocol().protocol();
        if (!selected.equals(group.protocolName())) {
            rebalancer.maybePrepareRebalanceOrCompleteJoin(group, Rule.of(
                    "sim.coordinator.rebalance.staticProtocolChange", "groupInstanceId", member.groupInstanceId(),
                    "protocol", selected));
            return;
        }
        call.appendGroupMetadata(group, currentAssignment(group), Rule.of("sim.coordinator.record.staticReplaced",
                "groupInstanceId", member.groupInstanceId()));
        boolean leader = group.isLeader(member.memberId());
        member.setGenerationId(group.generationId());
        // JoinGroup v9+: a static leader gets the member list but must not assign again (skipAssignment).
        List<JoinGroupMember> members = leader ? group.currentMembersForLeader() : List.of();
        call.completeJoin(group, member, correlationId -> Answers.joinSuccess(correlationId, group,
                member.memberId(), members, leader), Rule.of("sim.coordinator.static.noRebalance",
                "groupInstanceId", member.groupInstanceId(), "generation", group.generationId()));
    }

    private static Map<String, List<TopicPartition>> currentAssignment(ClassicGroup group) {
        Map<String, List<TopicPartition>> assignment = new TreeMap<>();
        group.allMembers().forEach(member -> assignment.put(member.memberId(), member.assignment()));
        return assignment;
    }

    /** The replaced member's parked JoinGroup and SyncGroup learn they were fenced. */
    private void fence(ClassicGroup group, ClassicGroupMember old) {
        Rule rule = Rule.of("sim.coordinator.static.fenced", "memberId", old.memberId(),
                "groupInstanceId", old.groupInstanceId());
        if (old.awaitingJoin() != null) {
            call.answerParkedJoin(group, old.memberId(), old.awaitingJoin(),
                    Answers.joinError(old.awaitingJoin().correlationId(), Errors.FENCED_INSTANCE_ID, old.memberId()),
                    rule);
        }
        if (old.awaitingSync() != null) {
            call.answerParkedSync(group, old.memberId(), old.awaitingSync(),
                    Answers.syncError(old.awaitingSync().correlationId(), Errors.FENCED_INSTANCE_ID), rule);
        }
    }

    private void answer(ClassicGroup group, String memberId, List<JoinGroupMember> members, boolean skip) {
        call.reply(delivery.from(), Answers.joinSuccess(request.correlationId(), group, memberId, members, skip));
    }

    private void reject(Errors error, String memberId) {
        call.reply(delivery.from(), Answers.joinError(request.correlationId(), error, memberId));
    }

    private void reportIfParked(ClassicGroup group) {
        if (parkedAs == null) {
            return;
        }
        ClassicGroupMember member = group.member(parkedAs);
        if (member == null || !parked.equals(member.awaitingJoin())) {
            return;
        }
        Rule rule = group.isInState(PREPARING_REBALANCE) && group.previousState() == EMPTY
                ? Rule.of("sim.coordinator.join.parkedInitialDelay", "memberId", parkedAs)
                : Rule.of("sim.coordinator.join.parked", "memberId", parkedAs,
                        "waitingFor", group.numMembers() - group.numAwaitingJoinResponse()
                                + group.pendingJoinMembers().size(),
                        "rebalanceTimeoutMs", group.rebalanceTimeoutMs());
        call.parked("JoinGroup", group, parkedAs, parked, rule);
    }

    private List<String> protocolNames() {
        return request.protocols().stream().map(JoinGroupProtocol::name).toList();
    }
}
