package dev.groupscope.sim.coordinator;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.Message;
import dev.groupscope.sim.protocol.Requests.HeartbeatRequest;
import dev.groupscope.sim.protocol.Requests.JoinGroupRequest;
import dev.groupscope.sim.protocol.Requests.LeaveGroupRequest;
import dev.groupscope.sim.protocol.Requests.OffsetCommitRequest;
import dev.groupscope.sim.protocol.Requests.OffsetFetchRequest;
import dev.groupscope.sim.protocol.Requests.SyncGroupRequest;
import dev.groupscope.sim.protocol.Responses.HeartbeatResponse;
import dev.groupscope.sim.protocol.Responses.LeaveGroupResponse;
import dev.groupscope.sim.protocol.Responses.OffsetCommitResponse;
import dev.groupscope.sim.protocol.Responses.OffsetFetchResponse;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checks Kafka's {@code GroupCoordinatorService} makes before a request reaches a shard: an empty group id is
 * INVALID_GROUP_ID, a JoinGroup session timeout outside the broker's bounds is INVALID_SESSION_TIMEOUT, a group
 * whose {@code __consumer_offsets} partition this broker does not lead is NOT_COORDINATOR, and one whose partition it
 * is still loading is COORDINATOR_LOAD_IN_PROGRESS — except a Heartbeat, which Kafka answers NONE unchecked ("the
 * group is still loading, so blindly respond").
 */
public final class GroupCoordinatorService {

    private GroupCoordinatorService() {
    }

    /** Whether the message is one of the group coordinator's requests. */
    public static boolean isGroupRequest(Message message) {
        return groupId(message) != null;
    }

    /** The group a request is about, or null if the message is not a group request. */
    public static String groupId(Message message) {
        if (message instanceof JoinGroupRequest join) {
            return join.groupId();
        } else if (message instanceof SyncGroupRequest sync) {
            return sync.groupId();
        } else if (message instanceof HeartbeatRequest heartbeat) {
            return heartbeat.groupId();
        } else if (message instanceof LeaveGroupRequest leave) {
            return leave.groupId();
        } else if (message instanceof OffsetCommitRequest commit) {
            return commit.groupId();
        } else if (message instanceof OffsetFetchRequest fetch) {
            return fetch.groupId();
        }
        return null;
    }

    /**
     * Handles a group request that arrived at {@code env}'s broker.
     *
     * @param shard the shard of the group's partition if this broker leads it, else null
     */
    public static void handle(Deliver delivery, CoordinatorShard shard, CoordinatorEnv env) {
        Message message = delivery.message();
        Errors error = precheck(message, shard, env);
        if (error == Errors.COORDINATOR_LOAD_IN_PROGRESS && message instanceof HeartbeatRequest heartbeat) {
            // Kafka's GroupCoordinatorService.heartbeat: "blindly respond", and no session is renewed.
            env.network().send(env.context(), env.brokerActor(), delivery.from(), env.brokerId(),
                    new HeartbeatResponse(heartbeat.correlationId(), Errors.NONE));
        } else if (error == Errors.NONE) {
            shard.handle(delivery, env);
        } else if (refusedByCoordinator(error) && message instanceof OffsetCommitRequest commit) {
            // Unknown partitions are answered before the coordinator is asked, and the two answers merged.
            Map<TopicPartition, Errors> errors = RequestDispatcher.unknownPartitions(commit, env);
            Errors refusal = error;
            commit.offsets().keySet().forEach(partition -> errors.putIfAbsent(partition, refusal));
            env.network().send(env.context(), env.brokerActor(), delivery.from(), env.brokerId(),
                    new OffsetCommitResponse(commit.correlationId(), errors));
        } else {
            env.network().send(env.context(), env.brokerActor(), delivery.from(), env.brokerId(),
                    errorResponse(message, error));
        }
    }

    private static Errors precheck(Message message, CoordinatorShard shard, CoordinatorEnv env) {
        String groupId = groupId(message);
        // OffsetFetch accepts the empty group id, for compatibility with old clients.
        if (groupId.isEmpty() && !(message instanceof OffsetFetchRequest)) {
            return Errors.INVALID_GROUP_ID;
        }
        if (message instanceof JoinGroupRequest join) {
            Errors sessionError = env.settings().checkSessionTimeout(join.sessionTimeoutMs());
            if (sessionError != Errors.NONE) {
                return sessionError;
            }
        }
        if (shard == null) {
            return Errors.NOT_COORDINATOR;
        }
        return shard.loading() ? Errors.COORDINATOR_LOAD_IN_PROGRESS : Errors.NONE;
    }

    /** The errors of the coordinator runtime itself (not leading the partition, or still loading it). */
    private static boolean refusedByCoordinator(Errors error) {
        return error == Errors.NOT_COORDINATOR || error == Errors.COORDINATOR_LOAD_IN_PROGRESS;
    }

    /** The whole-request error answer of each API, shaped as Kafka shapes it. */
    static Message errorResponse(Message message, Errors error) {
        long correlationId = message.correlationId();
        if (message instanceof JoinGroupRequest join) {
            // Kafka echoes the member id for its own checks; a failed shard operation answers with none.
            return Answers.joinError(correlationId, error, refusedByCoordinator(error) ? "" : join.memberId());
        } else if (message instanceof SyncGroupRequest) {
            return Answers.syncError(correlationId, error);
        } else if (message instanceof HeartbeatRequest) {
            return new HeartbeatResponse(correlationId, error);
        } else if (message instanceof LeaveGroupRequest) {
            return new LeaveGroupResponse(correlationId, error, Map.of());
        } else if (message instanceof OffsetCommitRequest commit) {
            Map<TopicPartition, Errors> errors = new TreeMap<>();
            commit.offsets().keySet().forEach(partition -> errors.put(partition, error));
            return new OffsetCommitResponse(correlationId, errors);
        } else if (message instanceof OffsetFetchRequest) {
            return new OffsetFetchResponse(correlationId, error, Map.of());
        }
        throw new IllegalArgumentException("not a group request: " + message.api());
    }
}
