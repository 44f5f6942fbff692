package dev.groupscope.sim.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the charts and the timeline show at one moment {@code timeMs}: the samples of the last {@code windowMs} up
 * to it (oldest first) and the timeline's marks over the whole computed run, both of the group shown; and the same
 * window of samples of every group the run follows ({@code groups}: the shown one first, then the others), so a
 * chart can set the groups of a scenario side by side (two threading schemes on one load); and {@code now}, the
 * shown group's numbers at the moment itself, or null where they were not measured (see {@link #atMoment}). Immutable.
 */
public record MetricsFrame(long timeMs, long windowMs, List<MetricSample> window, List<TimelineMark> marks,
                           Map<String, List<MetricSample>> groups, MetricSample now) {

    public MetricsFrame {
        window = List.copyOf(window);
        marks = List.copyOf(marks);
        Map<String, List<MetricSample>> copy = new LinkedHashMap<>();
        groups.forEach((group, samples) -> copy.put(group, List.copyOf(samples)));
        groups = Collections.unmodifiableMap(copy);
    }

    /** A frame of one group alone. */
    public MetricsFrame(long timeMs, long windowMs, List<MetricSample> window, List<TimelineMark> marks) {
        this(timeMs, windowMs, window, marks, Map.of());
    }

    /** A frame whose group's numbers at the moment shown are its newest sample's. */
    public MetricsFrame(long timeMs, long windowMs, List<MetricSample> window, List<TimelineMark> marks,
                        Map<String, List<MetricSample>> groups) {
        this(timeMs, windowMs, window, marks, groups, null);
    }

    /**
     * The group's numbers at the very moment shown (its ledger and commits then), where it was measured; else the
     * newest sample, up to a sample interval older (the playground counted a crash's records processed again while
     * the Numbers tab, half a second behind, still said none).
     */
    public Optional<MetricSample> atMoment() {
        return now != null ? Optional.of(now) : latest();
    }

    /** The newest sample at or before the moment shown. */
    public Optional<MetricSample> latest() {
        return window.isEmpty() ? Optional.empty() : Optional.of(window.get(window.size() - 1));
    }

    /** The rebalances that had started by the moment shown. */
    public List<Rebalance> rebalances() {
        return latest().map(MetricSample::rebalances).orElse(List.of());
    }
}
