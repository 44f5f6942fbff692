package dev.groupscope.sim.broker;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.cluster.ClusterState;
import dev.groupscope.sim.cluster.PartitionLog;
import dev.groupscope.sim.coordinator.CoordinatorEnv;
import dev.groupscope.sim.coordinator.Rule;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.Requests.ListOffsetsRequest;
import dev.groupscope.sim.protocol.Responses.ListOffsetsResponse;
import dev.groupscope.sim.protocol.Responses.ListedOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A ListOffsets arriving at a broker, answered at once from the partitions' logs as Kafka's
 * {@code ReplicaManager.fetchOffset} does for a consumer ({@code fetchOnlyFromLeader}, read uncommitted): a broker
 * that does not lead a partition answers NOT_LEADER_OR_FOLLOWER for it, an unknown one UNKNOWN_TOPIC_OR_PARTITION.
 * EARLIEST is the log-start offset (logs here are never truncated: 0), LATEST the high watermark (every record is
 * replicated at once here: the log end), a timestamp the first record at or after it ({@code fetchOffsetByTimestamp})
 * — or, when every record is older, no offset at all (NONE with offset -1: Kafka does not fall back to the log end).
 */
public final class ListOffsetsHandler {

    private ListOffsetsHandler() {
    }

    /** Records the arrival and sends the answer back over the network. */
    static void handle(ClusterActor cluster, dev.groupscope.sim.engine.Context context, Deliver delivery,
                       ListOffsetsRequest request) {
        int broker = delivery.broker();
        ListOffsetsResponse response = answer(cluster.state, broker, request);
        cluster.sim.network().send(context, CoordinatorEnv.brokerActor(broker), delivery.from(), broker, response);
    }

    /**
     * The sentence for the request's arrival: who asks the leader what, partition by partition, and why (a position
     * to reset, or the application's offsetsForTimes()).
     */
    static Rule arrivalRule(Deliver delivery, ListOffsetsRequest request) {
        List<String> targets = new ArrayList<>();
        request.timestamps().forEach((tp, timestamp) -> targets.add(tp + " (" + target(timestamp) + ")"));
        String key = request.requireTimestamp() ? "sim.request.ListOffsets.forTimes" : "sim.request.ListOffsets";
        return Rule.of(key, "client", delivery.from(), "broker", delivery.broker(),
                "targets", String.join(", ", targets));
    }

    /** earliest, latest, or the timestamp searched for. */
    static String target(long timestamp) {
        if (timestamp == ListOffsetsRequest.EARLIEST_TIMESTAMP) {
            return "earliest";
        }
        // Grouped as every other number the sentences show: "≥ 40020 ms" read like an offset beside "@ 196".
        return timestamp == ListOffsetsRequest.LATEST_TIMESTAMP ? "latest"
                : String.format(java.util.Locale.ROOT, "≥ %,d ms", timestamp);
    }

    /** Broker {@code broker}'s answer to {@code request}, from the logs as they are now. */
    public static ListOffsetsResponse answer(ClusterState state, int broker, ListOffsetsRequest request) {
        Map<TopicPartition, ListedOffset> partitions = new TreeMap<>();
        request.timestamps().forEach((tp, timestamp) -> partitions.put(tp, answer(state, broker, tp, timestamp)));
        return new ListOffsetsResponse(request.correlationId(), partitions);
    }

    private static ListedOffset answer(ClusterState state, int broker, TopicPartition tp, long timestamp) {
        if (!state.hasTopic(tp.topic()) || tp.topic().equals(ClusterState.OFFSETS_TOPIC)
                || tp.partition() < 0 || tp.partition() >= state.partitionCount(tp.topic())) {
            return ListedOffset.failed(Errors.UNKNOWN_TOPIC_OR_PARTITION);
        }
        if (state.leaderOf(tp.topic(), tp.partition()) != broker) {
            return ListedOffset.failed(Errors.NOT_LEADER_OR_FOLLOWER);
        }
        PartitionLog log = state.log(tp.topic(), tp.partition());
        if (timestamp == ListOffsetsRequest.EARLIEST_TIMESTAMP) {
            return new ListedOffset(Errors.NONE, ListedOffset.UNKNOWN_TIMESTAMP, 0);
        }
        if (timestamp == ListOffsetsRequest.LATEST_TIMESTAMP) {
            return new ListedOffset(Errors.NONE, ListedOffset.UNKNOWN_TIMESTAMP, log.logEndOffset());
        }
        long found = log.offsetForTimestamp(timestamp);
        return found < 0 ? new ListedOffset(Errors.NONE, ListedOffset.UNKNOWN_TIMESTAMP, ListedOffset.UNKNOWN_OFFSET)
                : new ListedOffset(Errors.NONE, log.timestampAt(found), found);
    }
}
