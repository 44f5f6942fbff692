package dev.groupscope.sim.client;

import dev.groupscope.kafka.Errors;
import dev.groupscope.sim.engine.SortedArrayMap;
import dev.groupscope.sim.protocol.PartitionLeaders;
import dev.groupscope.sim.protocol.Responses.MetadataResponse;
import dev.groupscope.sim.protocol.Responses.TopicMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a consumer's last Metadata answer said (kafka-clients' {@code MetadataSnapshot}): the live brokers, and per
 * topic known its partitions' leaders and leader epochs. Immutable: each answer makes a new one, so copies of the
 * consumer (every snapshot) share it.
 */
final class MetadataCache {

    static final MetadataCache EMPTY = new MetadataCache(List.of(), Map.of());

    private final List<Integer> brokers;
    private final Map<String, PartitionLeaders> topics;
    /** Partition count per topic, by name: what the assignor and the pattern read. Derived, made once. */
    private final SortedMap<String, Integer> partitionCounts;

    private MetadataCache(List<Integer> brokers, Map<String, PartitionLeaders> topics) {
        this.brokers = List.copyOf(brokers);
        this.topics = topics.isEmpty() ? Map.of() : Collections.unmodifiableMap(new SortedArrayMap<>(topics));
        TreeMap<String, Integer> counts = new TreeMap<>();
        this.topics.forEach((topic, leaders) -> counts.put(topic, leaders.count()));
        this.partitionCounts = Collections.unmodifiableSortedMap(counts);
    }

    /** The cache an answer makes: it replaces the old one whole; topics the answer says are unknown are left out. */
    static MetadataCache of(MetadataResponse response) {
        Map<String, PartitionLeaders> known = new TreeMap<>();
        response.topics().forEach((topic, metadata) -> {
            if (metadata.error() == Errors.NONE) {
                known.put(topic, metadata.partitions());
            }
        });
        return new MetadataCache(response.brokers(), known);
    }

    List<Integer> brokers() {
        return brokers;
    }

    /** The leader the cache names for the partition, or -1 (unknown topic or partition, or no leader). */
    int leader(String topic, int partition) {
        PartitionLeaders leaders = topics.get(topic);
        return leaders == null ? -1 : leaders.leader(partition);
    }

    /** The leader epoch the cache has for the partition, or -1 (unknown topic or partition). */
    int leaderEpoch(String topic, int partition) {
        PartitionLeaders leaders = topics.get(topic);
        return leaders == null || partition >= leaders.count() ? -1 : leaders.leaderEpoch(partition);
    }

    SortedMap<String, Integer> partitionCounts() {
        return partitionCounts;
    }

    boolean isEmpty() {
        return topics.isEmpty() && brokers.isEmpty();
    }

    /**
     * Kafka's "equivalent response" ({@code Metadata.updateLatestMetadata}): no partition is new and no leader epoch
     * grew. Repeated equivalent answers to requested updates back off exponentially.
     */
    boolean equivalentTo(MetadataCache before) {
        for (Map.Entry<String, PartitionLeaders> entry : topics.entrySet()) {
            PartitionLeaders old = before.topics.get(entry.getKey());
            PartitionLeaders now = entry.getValue();
            if (old == null || old.count() < now.count()) {
                return false;
            }
            for (int p = 0; p < now.count(); p++) {
                if (now.leaderEpoch(p) > old.leaderEpoch(p)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * This cache with one partition's leader moved, if {@code epoch} is newer than the one it has and it knows the
     * partition ({@code Metadata.updatePartitionLeadership}, whose nodes are the answer's endpoints and the cache's);
     * else this cache. The topic's arrays are copied: it happens only on a NOT_LEADER_OR_FOLLOWER answer.
     */
    MetadataCache withLeader(String topic, int partition, int leader, int epoch) {
        PartitionLeaders old = topics.get(topic);
        if (old == null || partition >= old.count() || epoch <= old.leaderEpoch(partition)) {
            return this;
        }
        int[] leaders = new int[old.count()];
        int[] epochs = new int[old.count()];
        for (int p = 0; p < old.count(); p++) {
            leaders[p] = old.leader(p);
            epochs[p] = old.leaderEpoch(p);
        }
        leaders[partition] = leader;
        epochs[partition] = epoch;
        Map<String, PartitionLeaders> moved = new TreeMap<>(topics);
        moved.put(topic, PartitionLeaders.of(leaders, epochs));
        // The answer carries the new leader's endpoint (NodeEndpoints): a broker the cache lost track of (it was down
        // at the last Metadata answer) is known again.
        List<Integer> known = brokers;
        if (!brokers.contains(leader)) {
            known = new ArrayList<>(brokers);
            known.add(leader);
            Collections.sort(known);
        }
        return new MetadataCache(known, moved);
    }

    /** The partitions whose leader this cache names differently from {@code before}: "orders-0 → 2". */
    List<String> movedSince(MetadataCache before) {
        List<String> moved = new ArrayList<>();
        topics.forEach((topic, now) -> {
            PartitionLeaders old = before.topics.get(topic);
            if (old == null) {
                return;
            }
            for (int p = 0; p < Math.min(old.count(), now.count()); p++) {
                if (old.leader(p) != now.leader(p)) {
                    moved.add(topic + "-" + p + " → " + (now.leader(p) < 0 ? "none" : now.leader(p)));
                }
            }
        });
        return List.copyOf(moved);
    }
}
