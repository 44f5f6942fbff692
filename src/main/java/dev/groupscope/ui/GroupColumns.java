package dev.groupscope.ui;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.client.ConsumerActor;
import dev.groupscope.sim.cluster.ClusterView;
import dev.groupscope.sim.coordinator.CoordinatorShard;
import dev.groupscope.sim.offsets.OffsetCommitValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One group on every partition at one moment, copied out of the live model: per topic, indexed by partition number,
 * the owning consumer (the running member of the newest generation that has it assigned; the first in actor order of
 * those), that owner's position and the group's committed offset. Arrays, because a frame of 1,000 partitions is
 * read at every pulse: a map entry and two boxed numbers per partition were most of what a frame allocated. Immutable
 * once read (the arrays never leave), so a frame may keep it and be read on another thread.
 */
final class GroupColumns {

    /** No owner's position / no committed offset. */
    static final long NONE = Long.MIN_VALUE;

    private final String groupId;
    private final Map<String, Column> topics;

    /** {@code generations}: the owner's generation, while reading. */
    private record Column(String[] ownerIds, long[] positions, long[] committed, int[] generations) {
        Column(int partitions) {
            this(new String[partitions], new long[partitions], new long[partitions], new int[partitions]);
            java.util.Arrays.fill(positions, NONE);
            java.util.Arrays.fill(committed, NONE);
        }
    }

    private GroupColumns(String groupId, Map<String, Column> topics) {
        this.groupId = groupId;
        this.topics = topics;
    }

    /**
     * Reads {@code groupId} on the cluster's topics (not the internal {@code __} ones): owners among the running
     * {@code consumers} that {@code member} accepts, committed offsets from {@code offsets} (null: none committed).
     */
    static GroupColumns read(String groupId, ClusterView cluster, List<ConsumerActor> consumers,
                             Predicate<ConsumerActor> member, CoordinatorShard offsets) {
        Map<String, Column> topics = new HashMap<>();
        cluster.topics().forEach((topic, rows) -> {
            if (!topic.startsWith("__")) {
                topics.put(topic, new Column(rows.size()));
            }
        });
        for (ConsumerActor consumer : consumers) {
            if (!consumer.state().running() || !member.test(consumer)) {
                continue;
            }
            int generation = consumer.generationId();
            consumer.positions().forEach((tp, position) -> {
                Column column = topics.get(tp.topic());
                int p = tp.partition();
                // Two members hold a partition at once only when one of them is a zombie: cut off from its
                // coordinator, it keeps its old generation's partitions after the group has handed them on. The
                // group's owner is the member of the newer generation.
                if (column != null && p < column.ownerIds.length
                        && (column.ownerIds[p] == null || generation > column.generations[p])) {
                    column.ownerIds[p] = consumer.id();
                    column.positions[p] = position;
                    column.generations[p] = generation;
                }
            });
        }
        if (offsets != null) {
            for (Map.Entry<TopicPartition, OffsetCommitValue> commit : offsets.offsetsOf(groupId).entrySet()) {
                Column column = topics.get(commit.getKey().topic());
                if (column != null && commit.getKey().partition() < column.committed.length) {
                    column.committed[commit.getKey().partition()] = commit.getValue().offset();
                }
            }
        }
        return new GroupColumns(groupId, topics);
    }

    String groupId() {
        return groupId;
    }

    /** Its owner's client id, or null when nobody owns it. */
    String ownerId(String topic, int partition) {
        Column column = topics.get(topic);
        return column == null ? null : column.ownerIds[partition];
    }

    /** Its owner's position (-1 while the owner has none), or null when nobody owns it. */
    Long position(String topic, int partition) {
        Column column = topics.get(topic);
        return column == null || column.positions[partition] == NONE ? null : column.positions[partition];
    }

    /** The group's committed offset on it, or null. */
    Long committed(String topic, int partition) {
        Column column = topics.get(topic);
        return column == null || column.committed[partition] == NONE ? null : column.committed[partition];
    }

    /** The group's committed offsets on the topics it reads, by partition. */
    Map<TopicPartition, Long> committedOffsets() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        topics.forEach((topic, column) -> {
            for (int p = 0; p < column.committed.length; p++) {
                if (column.committed[p] != NONE) {
                    offsets.put(new TopicPartition(topic, p), column.committed[p]);
                }
            }
        });
        return offsets;
    }

    /** Whether the group has anything on it: an owner or a commit. */
    boolean on(String topic, int partition) {
        return ownerId(topic, partition) != null || committed(topic, partition) != null;
    }
}
