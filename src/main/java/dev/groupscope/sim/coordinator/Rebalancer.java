package dev.groupscope.sim.coordinator;

import static dev.groupscope.sim.coordinator.ClassicGroupState.COMPLETING_REBALANCE;
import static dev.groupscope.sim.coordinator.ClassicGroupState.DEAD;
import static dev.groupscope.sim.coordinator.ClassicGroupState.EMPTY;
import static dev.groupscope.sim.coordinator.ClassicGroupState.PREPARING_REBALANCE;
import static dev.groupscope.sim.coordinator.ClassicGroupState.STABLE;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.protocol.Responses.JoinGroupMember;
import java.util.List;
import java.util.Map;

/**
 * The rebalance mechanics of Kafka's {@code GroupMetadataManager}: preparing a rebalance, the initial delay,
 * completing the join phase into a new generation, propagating the leader's assignment, and removing members that
 * failed — each as the Kafka method of the same name does it.
 */
final class Rebalancer {

    private final ShardCall call;

    Rebalancer(ShardCall call) {
        this.call = call;
    }

    /** Kafka's {@code maybePrepareRebalanceOrCompleteJoin}. */
    void maybePrepareRebalanceOrCompleteJoin(ClassicGroup group, Rule reason) {
        if (group.canRebalance()) {
            prepareRebalance(group, reason);
        } else {
            maybeCompleteJoinPhase(group);
        }
    }

    /**
     * Kafka's {@code prepareRebalance}: parked syncs of a CompletingRebalance group get REBALANCE_IN_PROGRESS, the
     * sync deadline goes, and the join phase starts — for a group that was Empty, with the initial rebalance delay
     * instead of completing as soon as everyone has joined.
     */
    void prepareRebalance(ClassicGroup group, Rule reason) {
        if (group.isInState(COMPLETING_REBALANCE)) {
            resetAndPropagateAssignmentWithError(group, Errors.REBALANCE_IN_PROGRESS,
                    Rule.of("sim.coordinator.sync.rebalanceAgain", "groupId", group.groupId()));
        }
        removeSyncExpiration(group);
        boolean initialRebalance = group.isInState(EMPTY);
        if (initialRebalance) {
            int delayMs = call.settings().groupInitialRebalanceDelayMs();
            int remainingMs = Math.max(group.rebalanceTimeoutMs() - delayMs, 0);
            call.armInitialJoin(group, delayMs, remainingMs);
            call.transition(group, PREPARING_REBALANCE, reason);
            call.emitGroup(EventKind.STATE, "InitialDelayScheduled", group.groupId(),
                    ShardCall.fields("delayMs", delayMs, "remainingMs", remainingMs),
                    Rule.of("sim.coordinator.initialDelay.started", "delayMs", delayMs, "remainingMs", remainingMs,
                            "rebalanceTimeoutMs", group.rebalanceTimeoutMs()));
        } else {
            call.transition(group, PREPARING_REBALANCE, reason);
            maybeCompleteJoinElseSchedule(group);
        }
    }

    private void maybeCompleteJoinElseSchedule(ClassicGroup group) {
        if (group.hasAllMembersJoined()) {
            completeJoin(group, allJoined(group));
        } else {
            call.armJoin(group, group.rebalanceTimeoutMs());
        }
    }

    /**
     * Kafka's {@code maybeCompleteJoinPhase}: only in PreparingRebalance, never during the initial delay of a group
     * that was Empty, and only once every member has rejoined.
     */
    void maybeCompleteJoinPhase(ClassicGroup group) {
        if (group.isInState(PREPARING_REBALANCE) && group.previousState() != EMPTY && group.hasAllMembersJoined()) {
            completeJoin(group, allJoined(group));
        }
    }

    /**
     * Kafka's {@code tryCompleteInitialRebalanceElseSchedule}: while members keep arriving the delay is extended by
     * up to group.initial.rebalance.delay.ms again, until the group rebalance timeout is used up.
     */
    void tryCompleteInitialRebalance(ClassicGroup group, int delayMs, int remainingMs) {
        if (group.newMemberAdded() && remainingMs != 0) {
            group.setNewMemberAdded(false);
            int newDelayMs = Math.min(call.settings().groupInitialRebalanceDelayMs(), remainingMs);
            int newRemainingMs = Math.max(remainingMs - delayMs, 0);
            call.armInitialJoin(group, newDelayMs, newRemainingMs);
            call.emitGroup(EventKind.STATE, "InitialDelayScheduled", group.groupId(),
                    ShardCall.fields("delayMs", newDelayMs, "remainingMs", newRemainingMs),
                    Rule.of("sim.coordinator.initialDelay.extended", "delayMs", newDelayMs,
                            "remainingMs", newRemainingMs));
        } else {
            completeJoin(group, remainingMs == 0
                    ? Rule.of("sim.coordinator.initialDelay.exhausted", "rebalanceTimeoutMs", group.rebalanceTimeoutMs())
                    : Rule.of("sim.coordinator.initialDelay.quiet", "delayMs", delayMs));
        }
    }

    /**
     * Kafka's {@code completeClassicGroupJoin}: dynamic members that did not rejoin are removed (static ones stay),
     * a leader that did not rejoin is replaced, and the next generation begins: members get their JoinGroup answer
     * (the leader with everyone's metadata) and have the rebalance timeout to send SyncGroup.
     */
    void completeJoin(ClassicGroup group, Rule why) {
        call.cancelJoin(group);
        removeDynamicMembersNotRejoined(group);
        if (group.isInState(DEAD)) {
            return;
        }
        if (!call.membership.electJoinedLeader(group) && group.numMembers() > 0) {
            // Nobody rejoined: wait another rebalance timeout, until session timeouts remove the silent members.
            call.armJoin(group, group.rebalanceTimeoutMs());
            call.emitGroup(EventKind.STATE, "JoinPhaseExtended", group.groupId(),
                    ShardCall.fields("rebalanceTimeoutMs", group.rebalanceTimeoutMs()),
                    Rule.of("sim.coordinator.join.nobodyRejoined", "rebalanceTimeoutMs", group.rebalanceTimeoutMs()));
            return;
        }
        call.initNextGeneration(group, why);
        if (group.isInState(EMPTY)) {
            call.appendGroupMetadata(group, Map.of(),
                    Rule.of("sim.coordinator.record.emptyGeneration", "generation", group.generationId()));
            return;
        }
        startSyncPhase(group);
    }

    private void removeDynamicMembersNotRejoined(ClassicGroup group) {
        // Kafka collects them into a fresh HashMap; the order of removal changes nothing that is kept, so go by id.
        List<ClassicGroupMember> silent = group.allMembers().stream()
                .filter(member -> !member.isAwaitingJoin() && !member.isStatic())
                .sorted(java.util.Comparator.comparing(ClassicGroupMember::memberId))
                .toList();
        for (ClassicGroupMember member : silent) {
            call.membership.remove(group, member.memberId(), Rule.of("sim.coordinator.join.notRejoined",
                    "memberId", member.memberId(), "rebalanceTimeoutMs", group.rebalanceTimeoutMs()));
            call.cancelHeartbeat(group, member.memberId());
        }
    }

    private void startSyncPhase(ClassicGroup group) {
        Rule answered = Rule.of("sim.coordinator.join.completed", "generation", group.generationId(),
                "leader", group.leaderId(), "protocol", group.protocolName());
        for (ClassicGroupMember member : group.allMembers()) {
            List<JoinGroupMember> members = group.isLeader(member.memberId())
                    ? group.currentMembersForLeader() : List.of();
            call.completeJoin(group, member, correlationId ->
                    Answers.joinSuccess(correlationId, group, member.memberId(), members, false), answered);
            member.setGenerationId(group.generationId());
            call.rescheduleHeartbeat(group, member, SessionRenewal.JOIN_GROUP);
            member.setIsNew(false);
            group.addPendingSyncMember(member.memberId());
        }
        call.armSync(group);
    }

    /** Kafka's {@code resetAndPropagateAssignmentWithError}. */
    void resetAndPropagateAssignmentWithError(ClassicGroup group, Errors error, Rule rule) {
        requireCompletingRebalance(group);
        group.allMembers().forEach(member -> member.setAssignment(List.of()));
        propagateAssignment(group, error, rule);
    }

    /** Kafka's {@code setAndPropagateAssignment}: every member gets its part (none if the leader left it out). */
    void setAndPropagateAssignment(ClassicGroup group, Map<String, List<TopicPartition>> assignment) {
        requireCompletingRebalance(group);
        group.allMembers().forEach(member ->
                member.setAssignment(assignment.getOrDefault(member.memberId(), List.of())));
        propagateAssignment(group, Errors.NONE, Rule.of("sim.coordinator.sync.assignmentDelivered",
                "generation", group.generationId(), "leader", group.leaderId()));
    }

    /**
     * Kafka's {@code propagateAssignment}: parked SyncGroups are answered, and each answered member's session
     * starts again (its expiry was ignored while it waited).
     */
    private void propagateAssignment(ClassicGroup group, Errors error, Rule rule) {
        for (ClassicGroupMember member : group.allMembers()) {
            boolean answered = call.completeSync(group, member, correlationId -> error == Errors.NONE
                    ? Answers.syncSuccess(correlationId, group, member.assignment())
                    : Answers.syncError(correlationId, error), rule);
            if (answered) {
                call.rescheduleHeartbeat(group, member, SessionRenewal.SYNC_GROUP);
            }
        }
    }

    private static void requireCompletingRebalance(ClassicGroup group) {
        if (!group.isInState(COMPLETING_REBALANCE)) {
            throw new IllegalStateException("Group " + group.groupId() + " must be in CompletingRebalance state"
                    + " but is in " + group.state() + ".");
        }
    }

    /** Kafka's {@code removeSyncExpiration}. */
    void removeSyncExpiration(ClassicGroup group) {
        group.clearPendingSyncMembers();
        call.cancelSync(group);
    }

    /**
     * Kafka's {@code removeMemberAndUpdateClassicGroup}: a failed member's parked JoinGroup gets UNKNOWN_MEMBER_ID,
     * then the group rebalances (Stable, CompletingRebalance) or completes a join phase that waited only for it.
     */
    void removeMemberAndUpdateGroup(ClassicGroup group, ClassicGroupMember member, Rule why) {
        call.completeJoin(group, member, correlationId ->
                Answers.joinError(correlationId, Errors.UNKNOWN_MEMBER_ID, ""), why);
        call.membership.remove(group, member.memberId(), why);
        if (group.isInState(STABLE) || group.isInState(COMPLETING_REBALANCE)) {
            maybePrepareRebalanceOrCompleteJoin(group, Rule.of("sim.coordinator.rebalance.memberFailed",
                    "memberId", member.memberId()));
        } else if (group.isInState(PREPARING_REBALANCE) && group.hasAllMembersJoined()) {
            completeJoin(group, allJoined(group));
        }
    }

    /** Kafka's {@code removePendingMemberAndUpdateClassicGroup}. */
    void removePendingMemberAndUpdateGroup(ClassicGroup group, String memberId, Rule why) {
        call.membership.remove(group, memberId, why);
        if (group.isInState(PREPARING_REBALANCE) && group.hasAllMembersJoined()) {
            completeJoin(group, allJoined(group));
        }
    }

    /**
     * Why the join phase ends now: every member has sent JoinGroup. When the last member has just left there was
     * nobody to wait for, and the group, with no member in the new generation, becomes Empty.
     */
    private static Rule allJoined(ClassicGroup group) {
        return group.numMembers() == 0 ? Rule.of("sim.coordinator.join.nobodyLeft")
                : Rule.of("sim.coordinator.join.allJoined", "members", group.numMembers());
    }
}
