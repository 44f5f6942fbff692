package dev.groupscope.sim.coordinator;

import dev.groupscope.kafka.TopicPartition;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable picture of one coordinator shard: the {@code __consumer_offsets} partition, the broker that leads
 * it, its groups, the offsets each group has committed (the next offset to read, per partition), and while the
 * broker still reads the partition, when that read ends ({@code loadEndsAt}; else -1).
 */
public record ShardView(int partition, int broker, Map<String, GroupView> groups,
                        Map<String, Map<TopicPartition, Long>> committedOffsets, long loadEndsAt) {

    public ShardView {
        groups = Collections.unmodifiableMap(new TreeMap<>(groups));
        Map<String, Map<TopicPartition, Long>> offsets = new TreeMap<>();
        committedOffsets.forEach((group, byPartition) ->
                offsets.put(group, Collections.unmodifiableMap(new TreeMap<>(byPartition))));
        committedOffsets = Collections.unmodifiableMap(offsets);
    }
}
