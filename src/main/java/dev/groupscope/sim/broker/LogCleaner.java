package dev.groupscope.sim.broker;

import dev.groupscope.sim.cluster.ClusterState;
import dev.groupscope.sim.cluster.PartitionState;
import dev.groupscope.sim.coordinator.CoordinatorEnv;
import dev.groupscope.sim.coordinator.Rule;
import dev.groupscope.sim.engine.Context;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.offsets.CompactedLog;
import dev.groupscope.sim.offsets.GroupMetadataKey;
import dev.groupscope.sim.offsets.OffsetCommitKey;
import dev.groupscope.sim.offsets.OffsetsLogEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The log cleaner's pass over {@code __consumer_offsets}: a partition whose dirty ratio has reached
 * min.cleanable.dirty.ratio is compacted to the latest record per key, and an event lists what went.
 */
final class LogCleaner {

    private LogCleaner() {
    }

    static void arm(Context context, SimSettings sim) {
        if (sim.logCleanerBackoffMs() > 0) {
            context.setTimer(CleanerTick.KEY, sim.logCleanerBackoffMs(), new CleanerTick(ClusterActor.ID));
        }
    }

    static void run(ClusterState state, SimSettings sim, Context context) {
        if (state.hasTopic(ClusterState.OFFSETS_TOPIC)) {
            for (int partition = 0; partition < state.offsetsPartitionCount(); partition++) {
                clean(state, partition, context);
            }
        }
        arm(context, sim);
    }

    private static void clean(ClusterState state, int partition, Context context) {
        if (!state.offsetsLog(partition).cleaningDue()) {
            return; // nothing to clean: the log stays shared with the snapshots that hold it
        }
        CompactedLog log = state.offsetsLogToChange(partition);
        double dirtyRatio = log.dirtyRatio();
        List<OffsetsLogEntry> before = List.copyOf(log.entries());
        int removed = log.maybeCompact(context.now());
        if (removed == 0) {
            return;
        }
        Set<Long> kept = new HashSet<>();
        log.entries().forEach(entry -> kept.add(entry.offset()));
        List<String> removedRecords = new ArrayList<>();
        for (OffsetsLogEntry entry : before) {
            if (!kept.contains(entry.offset())) {
                removedRecords.add(describe(entry));
            }
        }
        int leader = state.leaderOf(ClusterState.OFFSETS_TOPIC, partition);
        String actor = leader == PartitionState.NO_LEADER ? ClusterActor.ID : CoordinatorEnv.brokerActor(leader);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("partition", ClusterState.OFFSETS_TOPIC + "-" + partition);
        fields.put("dirtyRatio", dirtyRatio);
        fields.put("removed", removedRecords);
        fields.put("remaining", log.entries().size());
        Rule rule = Rule.of("sim.cluster.compaction", "partition", partition, "removedCount", removed,
                "dirtyPercent", Math.round(dirtyRatio * 100), "remaining", log.entries().size());
        context.emit(EventKind.STATE, "LogCompaction", actor, null, fields, rule.key(), rule.args());
    }

    /** A removed record as "offset key", e.g. {@code 12 OffsetCommit(g1, orders-0)}. */
    private static String describe(OffsetsLogEntry entry) {
        String key;
        if (entry.key() instanceof OffsetCommitKey commit) {
            key = "OffsetCommit(" + commit.group() + ", " + commit.topic() + "-" + commit.partition() + ")";
        } else if (entry.key() instanceof GroupMetadataKey metadata) {
            key = "GroupMetadata(" + metadata.group() + ")";
        } else {
            key = String.valueOf(entry.key());
        }
        return entry.offset() + " " + key + (entry.isTombstone() ? " tombstone" : "");
    }
}
