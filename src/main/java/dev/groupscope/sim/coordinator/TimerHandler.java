package dev.groupscope.sim.coordinator;

import static dev.groupscope.sim.coordinator.ClassicGroupState.COMPLETING_REBALANCE;
import static dev.groupscope.sim.coordinator.ClassicGroupState.DEAD;
import static dev.groupscope.sim.coordinator.ClassicGroupState.STABLE;

import dev.groupscope.sim.engine.EventKind;
import java.util.List;
import java.util.Map;

/** What each classic group timer does when it fires, as Kafka's scheduled operations do it. */
final class TimerHandler {

    private final ShardCall call;
    private final Rebalancer rebalancer;

    TimerHandler(ShardCall call) {
        this.call = call;
        this.rebalancer = new Rebalancer(call);
    }

    void fire(GroupTimer timer) {
        ClassicGroup group = call.shard.groups.get(timer.groupId());
        if (group == null) {
            fired(timer, typeOf(timer), Map.of(), Rule.of("sim.coordinator.timer.groupGone",
                    "groupId", timer.groupId()));
            return;
        }
        if (timer instanceof GroupTimer.Heartbeat heartbeat) {
            expireHeartbeat(group, heartbeat);
        } else if (timer instanceof GroupTimer.InitialJoin initial) {
            fired(initial, "InitialRebalanceDelay", ShardCall.fields("delayMs", initial.delayMs(),
                    "remainingMs", initial.remainingMs(), "newMemberAdded", group.newMemberAdded()),
                    Rule.of("sim.coordinator.timer.initialDelay", "delayMs", initial.delayMs()));
            rebalancer.tryCompleteInitialRebalance(group, initial.delayMs(), initial.remainingMs());
        } else if (timer instanceof GroupTimer.Join join) {
            fired(join, "RebalanceTimeout", ShardCall.fields("rebalanceTimeoutMs", join.timeoutMs()),
                    Rule.of("sim.coordinator.timer.rebalanceTimeout", "rebalanceTimeoutMs", join.timeoutMs()));
            rebalancer.completeJoin(group, Rule.of("sim.coordinator.join.timedOut",
                    "rebalanceTimeoutMs", join.timeoutMs()));
        } else if (timer instanceof GroupTimer.Sync sync) {
            expirePendingSync(group, sync);
        }
    }

    /** Kafka's {@code expireClassicGroupMemberHeartbeat}. */
    private void expireHeartbeat(ClassicGroup group, GroupTimer.Heartbeat timer) {
        String memberId = timer.memberId();
        Map<String, Object> fields = ShardCall.fields("memberId", memberId, "sessionRenewedMs", timer.armedAt(),
                "renewedBy", timer.renewedBy().name, "timeoutMs", timer.timeoutMs());
        if (group.isInState(DEAD)) {
            fired(timer, "HeartbeatExpiration", fields, Rule.of("sim.coordinator.heartbeat.groupDead",
                    "memberId", memberId));
        } else if (group.isPendingMember(memberId)) {
            Rule rule = Rule.of("sim.coordinator.heartbeat.pendingExpired", "memberId", memberId,
                    "sessionTimeoutMs", timer.timeoutMs());
            fired(timer, "HeartbeatExpiration", fields, rule);
            rebalancer.removePendingMemberAndUpdateGroup(group, memberId, rule);
        } else if (!group.hasMember(memberId)) {
            fired(timer, "HeartbeatExpiration", fields, Rule.of("sim.coordinator.heartbeat.alreadyGone",
                    "memberId", memberId));
        } else {
            expireMember(group, group.member(memberId), timer, fields);
        }
    }

    private void expireMember(ClassicGroup group, ClassicGroupMember member, GroupTimer.Heartbeat timer,
                              Map<String, Object> fields) {
        if (member.hasSatisfiedHeartbeat()) {
            fired(timer, "HeartbeatExpiration", fields, Rule.of("sim.coordinator.heartbeat.satisfied",
                    "memberId", member.memberId(), "waitingFor", member.isAwaitingJoin() ? "JoinGroup" : "SyncGroup"));
            return;
        }
        Rule rule = member.isNew() && member.isAwaitingJoin()
                ? Rule.of("sim.coordinator.heartbeat.newMemberJoinTimeout", "memberId", member.memberId(),
                        "joinTimeoutMs", timer.timeoutMs())
                : Rule.of("sim.coordinator.heartbeat.sessionExpired" + timer.renewedBy().ruleSuffix,
                        "memberId", member.memberId(), "sessionRenewedMs", timer.armedAt(),
                        "sessionTimeoutMs", timer.timeoutMs());
        fired(timer, "HeartbeatExpiration", fields, rule);
        rebalancer.removeMemberAndUpdateGroup(group, member, rule);
    }

    /** Kafka's {@code expirePendingSync}: members of the generation that never sent SyncGroup are removed. */
    private void expirePendingSync(ClassicGroup group, GroupTimer.Sync timer) {
        Map<String, Object> fields = ShardCall.fields("generation", timer.generationId(),
                "rebalanceTimeoutMs", timer.timeoutMs(), "pendingSync", List.copyOf(group.pendingSyncMembers()));
        boolean current = timer.generationId() == group.generationId()
                && (group.isInState(COMPLETING_REBALANCE) || group.isInState(STABLE));
        if (!current || group.hasReceivedSyncFromAllMembers()) {
            fired(timer, "SyncTimeout", fields, Rule.of("sim.coordinator.sync.timerNoEffect",
                    "generation", timer.generationId()));
            return;
        }
        List<String> missing = List.copyOf(group.pendingSyncMembers());
        Rule rule = Rule.of("sim.coordinator.sync.expired", "members", missing,
                "rebalanceTimeoutMs", timer.timeoutMs());
        fired(timer, "SyncTimeout", fields, rule);
        for (String memberId : missing) {
            call.membership.remove(group, memberId, rule);
            call.cancelHeartbeat(group, memberId);
        }
        rebalancer.prepareRebalance(group, Rule.of("sim.coordinator.rebalance.syncExpired", "members", missing));
    }

    /** The TIMER event type of each timer: what Kafka's timer would be called in a log line. */
    static String typeOf(GroupTimer timer) {
        if (timer instanceof GroupTimer.Heartbeat) {
            return "HeartbeatExpiration";
        } else if (timer instanceof GroupTimer.InitialJoin) {
            return "InitialRebalanceDelay";
        } else if (timer instanceof GroupTimer.Join) {
            return "RebalanceTimeout";
        }
        return "SyncTimeout";
    }

    private void fired(GroupTimer timer, String type, Map<String, Object> fields, Rule rule) {
        call.emitGroup(EventKind.TIMER, type, timer.groupId(), fields, rule);
    }
}
