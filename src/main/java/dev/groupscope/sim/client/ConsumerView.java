package dev.groupscope.sim.client;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a consumer looks like at one moment: member state, generation, the partitions it owns with their positions,
 * the offsets it knows are committed, what its application processed, and where its poll loop is. Immutable.
 *
 * @param processed per partition, runs of processed offsets as {@code [first, last]} pairs, in processing order
 * @param subscription how it asks for partitions: {@code topics [a, b]}, {@code pattern logs-.*} (with the topics it
 *                     matches now), {@code assign [t-0]}, or {@code none} after unsubscribe()
 * @param paused the partitions its application paused
 */
public record ConsumerView(String clientId, MemberState state, int generation, String memberId, String protocolName,
                           boolean leader, int coordinator, List<String> assigned, Map<String, Object> positions,
                           Map<String, Object> committed, Map<String, List<List<Long>>> processed,
                           String loopPhase, String failure, int inFlightRequests, int unreadResponses,
                           int bufferedRecords, int restarts, String subscription, List<String> paused) {

    public ConsumerView {
        // Sorted copies: Map.copyOf iterates in a per-JVM order, and views are exported.
        assigned = List.copyOf(assigned);
        paused = List.copyOf(paused);
        positions = Collections.unmodifiableMap(new TreeMap<>(positions));
        committed = Collections.unmodifiableMap(new TreeMap<>(committed));
        processed = Collections.unmodifiableMap(new TreeMap<>(processed));
    }
}
