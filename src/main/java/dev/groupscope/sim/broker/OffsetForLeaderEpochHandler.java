package dev.groupscope.sim.broker;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.cluster.ClusterState;
import dev.groupscope.sim.cluster.PartitionState;
import dev.groupscope.sim.coordinator.CoordinatorEnv;
import dev.groupscope.sim.coordinator.Rule;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.Requests.OffsetForLeaderEpochRequest;
import dev.groupscope.sim.protocol.Requests.OffsetForLeaderEpochRequest.EpochToValidate;
import dev.groupscope.sim.protocol.Responses.EpochEndOffset;
import dev.groupscope.sim.protocol.Responses.OffsetForLeaderEpochResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An OffsetForLeaderEpoch arriving at a broker (KIP-320), answered at once as Kafka's
 * {@code Partition.lastOffsetForLeaderEpoch} does for a consumer: a broker that does not lead the partition answers
 * NOT_LEADER_OR_FOLLOWER; a {@code currentLeaderEpoch} older than the leader's FENCED_LEADER_EPOCH, a newer one
 * UNKNOWN_LEADER_EPOCH; else the leader's epoch cache gives the end offset of the epoch asked for
 * ({@link PartitionState#endOffsetFor}). Every replica is in sync here, so the answer is never below an offset a
 * consumer read in that epoch: no unclean election, no truncation.
 */
public final class OffsetForLeaderEpochHandler {

    private OffsetForLeaderEpochHandler() {
    }

    static void handle(ClusterActor cluster, dev.groupscope.sim.engine.Context context, Deliver delivery,
                       OffsetForLeaderEpochRequest request) {
        int broker = delivery.broker();
        OffsetForLeaderEpochResponse response = answer(cluster.state, broker, request);
        cluster.sim.network().send(context, CoordinatorEnv.brokerActor(broker), delivery.from(), broker, response);
    }

    /** The arrival's sentence: who asks the leader for the end of which epoch, partition by partition. */
    static Rule arrivalRule(Deliver delivery, OffsetForLeaderEpochRequest request) {
        List<String> asked = new ArrayList<>();
        request.partitions().forEach((tp, epochs) -> asked.add(tp + " (epoch " + epochs.leaderEpoch() + ")"));
        return Rule.of("sim.request.OffsetForLeaderEpoch", "client", delivery.from(), "broker", delivery.broker(),
                "partitions", String.join(", ", asked));
    }

    /** Broker {@code broker}'s answer to {@code request}, from the partitions as they are now. */
    public static OffsetForLeaderEpochResponse answer(ClusterState state, int broker,
                                                      OffsetForLeaderEpochRequest request) {
        Map<TopicPartition, EpochEndOffset> partitions = new TreeMap<>();
        request.partitions().forEach((tp, epochs) -> partitions.put(tp, answer(state, broker, tp, epochs)));
        return new OffsetForLeaderEpochResponse(request.correlationId(), partitions);
    }

    private static EpochEndOffset answer(ClusterState state, int broker, TopicPartition tp, EpochToValidate epochs) {
        if (!state.hasTopic(tp.topic()) || tp.topic().equals(ClusterState.OFFSETS_TOPIC)
                || tp.partition() < 0 || tp.partition() >= state.partitionCount(tp.topic())) {
            return EpochEndOffset.failed(Errors.UNKNOWN_TOPIC_OR_PARTITION);
        }
        PartitionState partition = state.partition(tp.topic(), tp.partition());
        if (partition.leader() != broker) {
            return EpochEndOffset.failed(Errors.NOT_LEADER_OR_FOLLOWER);
        }
        if (epochs.currentLeaderEpoch() >= 0 && epochs.currentLeaderEpoch() < partition.leaderEpoch()) {
            return EpochEndOffset.failed(Errors.FENCED_LEADER_EPOCH);
        }
        if (epochs.currentLeaderEpoch() > partition.leaderEpoch()) {
            return EpochEndOffset.failed(Errors.UNKNOWN_LEADER_EPOCH);
        }
        long[] end = partition.endOffsetFor(epochs.leaderEpoch(),
                state.log(tp.topic(), tp.partition()).logEndOffset());
        return new EpochEndOffset(Errors.NONE, (int) end[0], end[1]);
    }
}
