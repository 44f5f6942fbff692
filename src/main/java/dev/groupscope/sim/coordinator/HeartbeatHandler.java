package dev.groupscope.sim.coordinator;

import dev.groupscope.kafka.Errors;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.Requests.HeartbeatRequest;
import dev.groupscope.sim.protocol.Responses.HeartbeatResponse;

/**
 * Heartbeat as Kafka's {@code classicGroupHeartbeatToClassicGroup} answers it. The code, not the state's Javadoc,
 * decides: CompletingRebalance answers NONE like Stable (a member heartbeats between its JoinGroup and SyncGroup
 * answers), and a Dead group answers COORDINATOR_NOT_AVAILABLE.
 */
final class HeartbeatHandler {

    private final ShardCall call;
    private final Deliver delivery;
    private final HeartbeatRequest request;

    HeartbeatHandler(ShardCall call, Deliver delivery, HeartbeatRequest request) {
        this.call = call;
        this.delivery = delivery;
        this.request = request;
    }

    void handle() {
        call.reply(delivery.from(), new HeartbeatResponse(request.correlationId(), answer()));
    }

    private Errors answer() {
        ClassicGroup group = call.shard.groups.get(request.groupId());
        if (group == null) {
            return Errors.UNKNOWN_MEMBER_ID;
        }
        Errors error = validate(group);
        if (error != Errors.NONE) {
            return error;
        }
        return switch (group.state()) {
            case EMPTY -> Errors.UNKNOWN_MEMBER_ID;
            case PREPARING_REBALANCE -> {
                call.rescheduleHeartbeat(group, group.member(request.memberId()), SessionRenewal.HEARTBEAT);
                yield Errors.REBALANCE_IN_PROGRESS;
            }
            case COMPLETING_REBALANCE, STABLE -> {
                call.rescheduleHeartbeat(group, group.member(request.memberId()), SessionRenewal.HEARTBEAT);
                yield Errors.NONE;
            }
            case DEAD -> throw new IllegalStateException("validated groups are not Dead");
        };
    }

    /** Kafka's {@code validateClassicGroupHeartbeat}. */
    private Errors validate(ClassicGroup group) {
        if (group.isInState(ClassicGroupState.DEAD)) {
            return Errors.COORDINATOR_NOT_AVAILABLE;
        }
        Errors memberError = group.validateMember(request.memberId(), request.groupInstanceId());
        if (memberError != Errors.NONE) {
            return memberError;
        }
        return request.generationId() != group.generationId() ? Errors.ILLEGAL_GENERATION : Errors.NONE;
    }
}
