package dev.groupscope.ui;

import dev.groupscope.sim.report.MetricSample;
import dev.groupscope.sim.report.MetricsFrame;
import dev.groupscope.sim.report.Rebalance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The charts' points at one moment, from the model's {@link MetricsFrame}: plain numbers in seconds and counts, in a
 * stable order, with no JavaFX and no words, so a test can read exactly what each chart plots. It copies the
 * model's numbers; it computes nothing Kafka would.
 *
 * @param fromSeconds   the left edge of the time axis (the window's start, never below 0)
 * @param toSeconds     the right edge: now
 * @param lag           per partition, its lag at each sample in the window
 * @param rebalances    each rebalance that had started by now, oldest first, with each member's stop-the-world time
 * @param members       every member that paused in any of them, in name order (one bar series each)
 * @param duplicates    the group's duplicate processings so far, at each sample
 * @param lost          the group's lost records so far, at each sample
 * @param throughput    per group of the run (the shown one first), the records its consumers processed a second,
 *                      averaged over the {@link #THROUGHPUT_MS} before each sample (a record processed again counts
 *                      again: it is work done)
 */
public record ChartData(double fromSeconds, double toSeconds, Map<String, List<Point>> lag,
                        List<RebalanceBar> rebalances, List<String> members, List<Point> duplicates,
                        List<Point> lost, long processedNow, long duplicatesNow, long lostNow,
                        Map<String, List<Point>> throughput) {

    /**
     * What a throughput point averages over: long enough to smooth the batches of a poll loop (a sample every 500 ms
     * sees whole batches or none), short enough to show a rebalance's stop-the-world as a dip.
     */
    public static final long THROUGHPUT_MS = 3_000;

    /** One point of a time series: {@code seconds} of virtual time, {@code value}. */
    public record Point(double seconds, long value) {
    }

    /**
     * One rebalance: its number (1 = the group's first), when it started, whether it was still going at the moment
     * shown, and each member's stop-the-world time in ms.
     */
    public record RebalanceBar(int number, double startSeconds, boolean ongoing, Map<String, Long> stopTheWorldMs) {
    }

    public static final ChartData EMPTY = new ChartData(0, 0, Map.of(), List.of(), List.of(), List.of(), List.of(),
            0, 0, 0, Map.of());

    public static ChartData of(MetricsFrame frame) {
        double to = frame.timeMs() / 1000.0;
        double from = Math.max(0, (frame.timeMs() - frame.windowMs()) / 1000.0);
        Map<String, List<Point>> lag = new TreeMap<>();
        List<Point> duplicates = new ArrayList<>();
        List<Point> lost = new ArrayList<>();
        for (MetricSample sample : lines(frame)) {
            double at = sample.timeMs() / 1000.0;
            sample.lag().forEach((partition, value) ->
                    lag.computeIfAbsent(partition, key -> new ArrayList<>()).add(new Point(at, value)));
            duplicates.add(new Point(at, sample.duplicates()));
            lost.add(new Point(at, sample.lost()));
        }
        List<RebalanceBar> bars = new ArrayList<>();
        TreeSet<String> members = new TreeSet<>();
        List<Rebalance> rebalances = frame.rebalances();
        for (int i = 0; i < rebalances.size(); i++) {
            Rebalance rebalance = rebalances.get(i);
            // Shown as it stood then: one still going ends "now" and has not reached its new generation yet.
            boolean ongoing = rebalance.endMs() >= frame.latest().map(MetricSample::timeMs).orElse(0L)
                    && rebalance.toGeneration() == rebalance.fromGeneration();
            bars.add(new RebalanceBar(i + 1, rebalance.startMs() / 1000.0, ongoing,
                    new LinkedHashMap<>(rebalance.stopTheWorldMs())));
            members.addAll(rebalance.stopTheWorldMs().keySet());
        }
        // The totals above the charts are the moment's, as the playground counts them.
        MetricSample now = frame.atMoment().orElse(null);
        return new ChartData(from, to, lag, bars, List.copyOf(members), duplicates, lost,
                now == null ? 0 : now.processed(), now == null ? 0 : now.duplicates(),
                now == null ? 0 : now.lost(), throughput(frame));
    }

    /**
     * The samples the lines are drawn through: the window's, and the moment's own numbers where they were measured, so
     * that a line ends where the playground stands (a commit just after a sample had the lag chart half a second behind
     * the partitions beside it).
     */
    private static List<MetricSample> lines(MetricsFrame frame) {
        List<MetricSample> samples = new ArrayList<>(frame.window());
        MetricSample last = samples.isEmpty() ? null : samples.get(samples.size() - 1);
        if (frame.now() != null && (last == null || frame.now().timeMs() > last.timeMs())) {
            samples.add(frame.now());
        }
        return samples;
    }

    /** Each group's throughput over the frame's window, in the frame's order (the shown group first). */
    private static Map<String, List<Point>> throughput(MetricsFrame frame) {
        Map<String, List<Point>> throughput = new LinkedHashMap<>();
        frame.groups().forEach((group, samples) -> throughput.put(group, rates(samples)));
        return throughput;
    }

    /** At each sample with one {@link #THROUGHPUT_MS} or more before it in the window: processings a second since. */
    private static List<Point> rates(List<MetricSample> samples) {
        List<Point> rates = new ArrayList<>();
        int from = 0;
        for (MetricSample sample : samples) {
            while (from + 1 < samples.size() && samples.get(from + 1).timeMs() <= sample.timeMs() - THROUGHPUT_MS) {
                from++;
            }
            MetricSample before = samples.get(from);
            long elapsed = sample.timeMs() - before.timeMs();
            if (elapsed >= THROUGHPUT_MS) {
                rates.add(new Point(sample.timeMs() / 1000.0,
                        Math.round((sample.processed() - before.processed()) * 1000.0 / elapsed)));
            }
        }
        return rates;
    }
}
