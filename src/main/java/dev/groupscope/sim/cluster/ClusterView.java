package dev.groupscope.sim.cluster;

import java.util.List;
import java.util.Map;

/**
 * An immutable picture of the cluster for views, exports and equality checks: brokers and whether they are up,
 * and per topic, per partition the replicas, the leader and the log-end offset.
 */
public record ClusterView(Map<Integer, Boolean> brokersUp, Map<String, List<PartitionView>> topics) {

    /** One partition as seen from outside. */
    public record PartitionView(int partition, List<Integer> replicas, int leader, long logEndOffset) {
    }
}
