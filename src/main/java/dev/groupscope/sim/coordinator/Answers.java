package dev.groupscope.sim.coordinator;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.protocol.Responses.JoinGroupMember;
import dev.groupscope.sim.protocol.Responses.JoinGroupResponse;
import dev.groupscope.sim.protocol.Responses.SyncGroupResponse;
import java.util.List;

/** The response shapes the coordinator answers with, filled as Kafka fills the response data's defaults. */
final class Answers {

    /** Kafka's JoinGroupResponse default generation id. */
    static final int NO_GENERATION = -1;
    /** Kafka's {@code ClassicGroup.NO_LEADER}. */
    static final String NO_LEADER = "";

    private Answers() {
    }

    static JoinGroupResponse joinError(long correlationId, Errors error, String memberId) {
        return new JoinGroupResponse(correlationId, error, NO_GENERATION, null, null, NO_LEADER, false, memberId,
                List.of());
    }

    /** The current generation's answer to a member; the leader ({@code members} non-empty) runs the assignor. */
    static JoinGroupResponse joinSuccess(long correlationId, ClassicGroup group, String memberId,
                                         List<JoinGroupMember> members, boolean skipAssignment) {
        return new JoinGroupResponse(correlationId, Errors.NONE, group.generationId(), group.protocolType(),
                group.protocolName(), group.leaderId(), skipAssignment, memberId, members);
    }

    static SyncGroupResponse syncError(long correlationId, Errors error) {
        return new SyncGroupResponse(correlationId, error, null, null, List.of());
    }

    static SyncGroupResponse syncSuccess(long correlationId, ClassicGroup group, List<TopicPartition> assignment) {
        return new SyncGroupResponse(correlationId, Errors.NONE, group.protocolType(), group.protocolName(),
                assignment);
    }
}
