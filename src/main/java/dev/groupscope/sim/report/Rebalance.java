package dev.groupscope.sim.report;

import java.util.List;
import java.util.Map;

/**
 * One rebalance of a group, from the moment the coordinator prepared it to the moment its members had their new
 * partitions: what triggered it (the coordinator's rule and its arguments), how many join/sync rounds it took (a
 * cooperative rebalance takes two when partitions move: revoke, then assign), the generations it went through, the
 * partitions that changed owner, and each member's stop-the-world time — how long a member that had partitions
 * held none, so processed nothing, because of the rebalance.
 */
public record Rebalance(String groupId, long startMs, long endMs, String trigger, Map<String, Object> triggerArgs,
                        int rounds, int fromGeneration, int toGeneration, List<Move> moved,
                        Map<String, Long> stopTheWorldMs) {

    public Rebalance {
        triggerArgs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(triggerArgs));
        moved = List.copyOf(moved);
        stopTheWorldMs = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(stopTheWorldMs));
    }

    /** A partition that changed owner; {@code from} or {@code to} is null when it had or got no owner. */
    public record Move(String partition, String from, String to) {
    }
}
