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
import java.util.Map;
import java.util.TreeMap;

/** Hands a group request to the handler of its API. */
final class RequestDispatcher {

    private final ShardCall call;

    RequestDispatcher(ShardCall call) {
        this.call = call;
    }

    void dispatch(Deliver delivery) {
        Message message = delivery.message();
        if (message instanceof JoinGroupRequest join) {
            new JoinGroupHandler(call, delivery, join).handle();
        } else if (message instanceof SyncGroupRequest sync) {
            new SyncGroupHandler(call, delivery, sync).handle();
        } else if (message instanceof HeartbeatRequest heartbeat) {
            new HeartbeatHandler(call, delivery, heartbeat).handle();
        } else if (message instanceof LeaveGroupRequest leave) {
            new LeaveGroupHandler(call, delivery, leave).handle();
        } else if (message instanceof OffsetCommitRequest commit) {
            commit(delivery, commit);
        } else if (message instanceof OffsetFetchRequest fetch) {
            call.reply(delivery.from(), new OffsetHandler(call).fetch(fetch));
        } else {
            throw new IllegalArgumentException("not a group request: " + message.api());
        }
    }

    /** The partitions the broker knows reach the coordinator (see {@link #unknownPartitions}). */
    private void commit(Deliver delivery, OffsetCommitRequest request) {
        Map<TopicPartition, Errors> errors = unknownPartitions(request, call.env);
        Map<TopicPartition, Long> known = new TreeMap<>(request.offsets());
        known.keySet().removeAll(errors.keySet());
        if (!known.isEmpty()) {
            errors.putAll(new OffsetHandler(call).commit(delivery, request, known));
        }
        call.reply(delivery.from(), OffsetHandler.response(request.correlationId(), errors));
    }

    /**
     * KafkaApis answers UNKNOWN_TOPIC_OR_PARTITION for each partition its metadata does not have, before the group
     * coordinator sees the request; only the rest reaches it, and nothing does when nothing is left.
     */
    static Map<TopicPartition, Errors> unknownPartitions(OffsetCommitRequest request, CoordinatorEnv env) {
        Map<TopicPartition, Errors> errors = new TreeMap<>();
        request.offsets().keySet().stream().filter(partition -> !env.partitionExists().test(partition))
                .forEach(partition -> errors.put(partition, Errors.UNKNOWN_TOPIC_OR_PARTITION));
        return errors;
    }
}
