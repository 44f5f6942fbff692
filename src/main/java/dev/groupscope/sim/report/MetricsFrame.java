package dev.groupscope.sim.report;

import java.util.List;
import java.util.Optional;

/**
 * What the charts and the timeline show at one moment {@code timeMs}: the samples of the last {@code windowMs} up
 * to it (oldest first) and the timeline's marks over the whole computed run. Immutable.
 */
public record MetricsFrame(long timeMs, long windowMs, List<MetricSample> window, List<TimelineMark> marks) {

    public MetricsFrame {
        window = List.copyOf(window);
        marks = List.copyOf(marks);
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
