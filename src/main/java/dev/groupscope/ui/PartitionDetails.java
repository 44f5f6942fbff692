package dev.groupscope.ui;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.cluster.ClusterView;
import dev.groupscope.sim.ledger.Ledger;
import dev.groupscope.ui.FrameDetails.GroupOnPartition;
import dev.groupscope.ui.FrameDetails.PartitionDetail;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every partition's {@link PartitionDetail} in a frame, made when asked for: a tooltip or a strip asks for a few,
 * and a frame of 1,000 partitions read at every pulse would otherwise build 1,000 of them to throw away. It holds
 * only what the frame read (the immutable cluster metadata and each group's {@link GroupColumns}), so it gives the
 * same answer on any thread, at any time.
 */
public final class PartitionDetails {

    /** How many of a partition's repeated ranges a group's details list (the newest). */
    static final int REPEATS_SHOWN = 3;

    /** No partitions (frames built by hand, without a world). */
    static final PartitionDetails NONE = new PartitionDetails(new ClusterView(Map.of(), Map.of()), List.of(), Map.of());

    private final ClusterView cluster;
    private final List<GroupColumns> groups;
    private final Map<String, Map<TopicPartition, LedgerSays>> ledgerSays;

    /**
     * What the ledger says of a group's processing of a partition: its repeated ranges (the newest), how many
     * processings in all were repeats, how many records were processed out of the partition's order and of their
     * key's, and how many the group committed past without processing them (lost).
     */
    record LedgerSays(List<Ledger.Repeat> newest, long processedAgain, long outOfOrder, long keyOutOfOrder,
                      long lost) {
        static final LedgerSays NONE = new LedgerSays(List.of(), 0, 0, 0, 0);
    }

    /**
     * {@code groups} in the order a partition's details list them; {@code ledgerSays}: per group, the partitions it
     * processed a record of more than once (with up to {@link #REPEATS_SHOWN} + 1 ranges each), out of order, or lost.
     */
    PartitionDetails(ClusterView cluster, List<GroupColumns> groups,
                     Map<String, Map<TopicPartition, LedgerSays>> ledgerSays) {
        this.cluster = cluster;
        this.groups = List.copyOf(groups);
        this.ledgerSays = Map.copyOf(ledgerSays);
    }

    /**
     * What {@code ledger} says each of {@code groups} processed more than once or out of order, and lost below its
     * committed offsets (read on the model's thread).
     */
    static Map<String, Map<TopicPartition, LedgerSays>> ledgerSays(Ledger ledger, List<GroupColumns> groups) {
        Map<String, Map<TopicPartition, LedgerSays>> byGroup = new HashMap<>();
        if (ledger == null) {
            return byGroup;
        }
        for (GroupColumns columns : groups) {
            String group = columns.groupId();
            Map<TopicPartition, Long> lost = ledger.lostByPartition(group, columns.committedOffsets());
            Ledger.Counts counts = ledger.counts(group);
            if (lost.isEmpty() && counts.duplicates() == 0 && counts.orderBreaks() == 0) {
                continue; // most frames of most runs: nothing to read
            }
            Map<TopicPartition, Long> outOfOrder = ledger.orderBreaksByPartition(group);
            java.util.Set<TopicPartition> partitions = new java.util.HashSet<>(outOfOrder.keySet());
            partitions.addAll(lost.keySet());
            if (ledger.hasRepeats(group)) {
                partitions.addAll(ledger.partitionsWithRepeats(group));
            }
            Map<TopicPartition, LedgerSays> byPartition = new HashMap<>();
            partitions.forEach(tp -> byPartition.put(tp, new LedgerSays(ledger.repeats(group, tp, REPEATS_SHOWN + 1),
                    ledger.processedAgain(group, tp), outOfOrder.getOrDefault(tp, 0L),
                    ledger.keyOrderBreaks(group, tp), lost.getOrDefault(tp, 0L))));
            byGroup.put(group, Map.copyOf(byPartition));
        }
        return byGroup;
    }

    /** The details of partition {@code name} ({@code topic-partition}); empty for an internal topic's or none. */
    public Optional<PartitionDetail> partition(String name) {
        TopicPartition tp;
        try {
            tp = TopicPartition.parse(name);
        } catch (IllegalArgumentException notAPartition) {
            return Optional.empty();
        }
        List<ClusterView.PartitionView> rows = cluster.topics().get(tp.topic());
        if (!tp.toString().equals(name) || tp.topic().startsWith("__") || rows == null || tp.partition() >= rows.size()) {
            return Optional.empty();
        }
        return Optional.of(detail(tp.topic(), rows.get(tp.partition())));
    }

    private PartitionDetail detail(String topic, ClusterView.PartitionView row) {
        int p = row.partition();
        List<GroupOnPartition> onIt = new ArrayList<>();
        for (GroupColumns group : groups) {
            if (group.on(topic, p)) {
                LedgerSays says = ledgerSays.getOrDefault(group.groupId(), Map.of())
                        .getOrDefault(new TopicPartition(topic, p), LedgerSays.NONE);
                onIt.add(new GroupOnPartition(group.groupId(), group.ownerId(topic, p), group.committed(topic, p),
                        group.position(topic, p), says.newest(), says.processedAgain(), says.outOfOrder(),
                        says.keyOutOfOrder(), says.lost()));
            }
        }
        return new PartitionDetail(topic + "-" + p, row.leader(), row.leaderEpoch(), row.replicas(),
                row.logEndOffset(), onIt);
    }

    /** Every partition's details, in the cluster's order: what the frame says, to the last field. */
    @Override
    public String toString() {
        List<PartitionDetail> all = new ArrayList<>();
        cluster.topics().forEach((topic, rows) -> {
            if (!topic.startsWith("__")) {
                rows.forEach(row -> all.add(detail(topic, row)));
            }
        });
        return all.toString();
    }
}
