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
 * chart can set the groups of a scenario side by side (two threading schemes on one load). Immutable.
 */
public record MetricsFrame(long timeMs, long windowMs, List<MetricSample> window, List<TimelineMark> marks,
                           Map<String, List<MetricSample>> groups) {

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

    /** The newest sample at or before the moment shown. */
    public Optional<MetricSample> latest() {
        return window.isEmpty() ? Optional.empty() : Optional.of(window.get(window.size() - 1));
    }

    /** The rebalances that had started by the moment shown. */
    public List<Rebalance> rebalances() {
        return latest().map(MetricSample::rebalances).orElse(List.of());
    }
}
