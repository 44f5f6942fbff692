package dev.groupscope.sim.report;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The numbers of one group at one moment of a run, read from the model's state at exactly {@code timeMs}.
 *
 * @param lag        per partition of the group's committed offsets ("orders-0"), log-end offset minus the committed
 *                   offset — the lag {@code kafka-consumer-groups --describe} prints; a partition the group has never
 *                   committed has no lag yet and is absent
 * @param processed  every processing by the group's consumers so far (a record processed twice counts twice)
 * @param duplicates processings of records the group had already processed (from the ledger)
 * @param lost       records below the committed offset that nobody processed (from the ledger)
 * @param rebalances the group's rebalances that had started by then; one still going is shown as it stands
 */
public record MetricSample(long timeMs, Map<String, Long> lag, long processed, long duplicates, long lost,
                           List<Rebalance> rebalances) {

    public MetricSample {
        lag = Collections.unmodifiableMap(new TreeMap<>(lag));
        rebalances = List.copyOf(rebalances);
    }

    public long totalLag() {
        return lag.values().stream().mapToLong(Long::longValue).sum();
    }
}
