package dev.groupscope.sim.cluster;

import java.util.List;
import java.util.Map;

/**
 * An immutable picture of the cluster for views, exports and equality checks: brokers and whether they are up,
 * and per topic, per partition the replicas, the leader and the log-end offset.
 */
public record ClusterView(Map<Integer, Boolean> brokersUp, Map<String, List<PartitionView>> topics) {

    /** The leader of {@code topic}'s partition {@code partition}, or {@link PartitionState#NO_LEADER} if none. */
    public int leaderOf(String topic, int partition) {
        for (PartitionView row : topics.getOrDefault(topic, List.of())) {
            if (row.partition() == partition) {
                return row.leader();
            }
        }
        return PartitionState.NO_LEADER;
    }

    /** One partition as seen from outside. */
    /** {@code leaderEpoch}: bumped each time the partition's leadership moves (KIP-320 validates positions by it). */
    public record PartitionView(int partition, List<Integer> replicas, int leader, long logEndOffset,
                                int leaderEpoch) {
    }
}
