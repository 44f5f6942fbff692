package dev.groupscope.sim.broker;

import dev.groupscope.sim.cluster.ClusterView;
import dev.groupscope.sim.coordinator.ShardView;
import dev.groupscope.sim.offsets.OffsetsLogEntry;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable picture of the cluster actor: brokers, topics and leaders; each loaded coordinator shard; the
 * records left in each {@code __consumer_offsets} partition; and the fetches the brokers hold.
 */
public record ClusterActorView(ClusterView cluster, Map<Integer, ShardView> coordinators,
                               Map<Integer, List<OffsetsLogEntry>> offsetsLogs, List<ParkedFetch> parkedFetches) {

    public ClusterActorView {
        coordinators = Collections.unmodifiableMap(new TreeMap<>(coordinators));
        offsetsLogs = Collections.unmodifiableMap(new TreeMap<>(offsetsLogs));
        parkedFetches = List.copyOf(parkedFetches);
    }
}
