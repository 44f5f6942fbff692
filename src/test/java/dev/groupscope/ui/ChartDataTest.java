package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.report.MetricSample;
import dev.groupscope.sim.report.MetricsFrame;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the Numbers tab plots, read off the playground's run at t, without a window. */
class ChartDataTest {

    private PlaygroundViewModel viewModel;

    @BeforeEach
    void setUp() {
        viewModel = new PlaygroundViewModel(PlaygroundViewModel.readPlayground(), Runnable::run, Runnable::run);
    }

    private ChartData at(long time) {
        viewModel.scrubTo(time);
        MetricsFrame frame = viewModel.metricsProperty().get();
        assertThat(frame.timeMs()).isEqualTo(time);
        return ChartData.of(frame);
    }

    @Test
    void lagIsPlottedPerPartitionUpToNowAndEqualsWhatTheClusterShowsAtThatMoment() {
        ChartData data = at(30_000);

        assertThat(data.toSeconds()).isEqualTo(30.0);
        assertThat(data.fromSeconds()).isZero();
        assertThat(data.lag()).containsOnlyKeys("orders-0", "orders-1", "orders-2", "orders-3", "orders-4",
                "orders-5");
        data.lag().values().forEach(points -> assertThat(points)
                .allSatisfy(point -> assertThat(point.seconds()).isLessThanOrEqualTo(30.0)));
        for (PlaygroundFrame.PartitionRow row : viewModel.getFrame().partitions()) {
            ChartData.Point last = data.lag().get(row.name()).get(data.lag().get(row.name()).size() - 1);
            assertThat(last.seconds()).isEqualTo(30.0);
            assertThat(last.value()).as(row.name()).isEqualTo(row.lag().getAsLong());
        }
    }

    @Test
    void betweenTwoSamplesTheLagLinesEndAtTheMomentWithWhatThePartitionsShow() {
        ChartData data = at(30_250); // samples are taken every 500 ms: the last one was at 30 s

        for (PlaygroundFrame.PartitionRow row : viewModel.getFrame().partitions()) {
            List<ChartData.Point> line = data.lag().get(row.name());
            assertThat(line.get(line.size() - 1)).as(row.name())
                    .isEqualTo(new ChartData.Point(30.25, row.lag().getAsLong()));
            assertThat(line.get(line.size() - 2).seconds()).isEqualTo(30.0);
        }
        assertThat(data.duplicates().get(data.duplicates().size() - 1).seconds()).isEqualTo(30.25);
    }

    @Test
    void theWindowSlidesWithTimeSoTheChartAlwaysEndsAtNow() {
        ChartData data = at(200_000);

        assertThat(data.fromSeconds()).isEqualTo(80.0);
        assertThat(data.toSeconds()).isEqualTo(200.0);
        assertThat(data.duplicates()).first().extracting(ChartData.Point::seconds).isEqualTo(80.5);
    }

    @Test
    void aCrashShowsAsASecondRebalanceWithTheSurvivorsPausesAndDuplicatesAfterIt() {
        viewModel.scrubTo(20_000);
        viewModel.perform(new ModelCommand.CrashConsumer("C2"));
        ChartData before = at(25_000);
        assertThat(before.rebalances()).hasSize(1);
        assertThat(before.duplicatesNow()).isZero();

        ChartData after = at(60_000);

        assertThat(after.rebalances()).hasSize(2);
        ChartData.RebalanceBar takeover = after.rebalances().get(1);
        assertThat(takeover.number()).isEqualTo(2);
        assertThat(takeover.ongoing()).isFalse();
        assertThat(takeover.stopTheWorldMs()).containsOnlyKeys("C1", "C3").allSatisfy((member, ms) ->
                assertThat(ms).isPositive());
        assertThat(after.members()).containsExactly("C1", "C3");
        assertThat(after.duplicatesNow()).isPositive();
        assertThat(after.lostNow()).isZero();
    }

    @Test
    void aRebalanceStillGoingIsMarkedAsInProgress() {
        viewModel.scrubTo(20_000);
        viewModel.perform(new ModelCommand.CloseConsumer("C2"));
        viewModel.scrubTo(20_500);
        // The LeaveGroup arrives within milliseconds: the group is rebalancing half a second later.
        ChartData during = ChartData.of(viewModel.metricsProperty().get());

        assertThat(during.rebalances()).last().satisfies(bar -> assertThat(bar.ongoing()).isTrue());
    }

    @Test
    void throughputIsTheRecordsProcessedASecondOverTheThreeSecondsBeforeEachSample() {
        ChartData data = at(30_000);
        MetricsFrame frame = viewModel.metricsProperty().get();

        assertThat(data.throughput()).containsOnlyKeys(viewModel.getGroup());
        List<ChartData.Point> points = data.throughput().get(viewModel.getGroup());
        ChartData.Point last = points.get(points.size() - 1);
        MetricSample now = sampleAt(frame, 30_000);
        MetricSample before = sampleAt(frame, 27_000);
        assertThat(last).isEqualTo(new ChartData.Point(30.0,
                Math.round((now.processed() - before.processed()) / 3.0)));
        assertThat(points).first().satisfies(point -> assertThat(point.seconds()).isEqualTo(3.0));
    }

    @Test
    void bothThreadingSchemesThroughputsAreSideBySideAndBothStopWhileTheirProcessesAreDown() {
        PlaygroundViewModel schemes = new PlaygroundViewModel(PlaygroundViewModel.readLesson("two-threading-schemes"),
                Runnable::run, Runnable::run);
        schemes.scrubTo(24_000);
        ChartData threadsFirst = ChartData.of(schemes.metricsProperty().get());
        schemes.showGroup("pool-app");
        ChartData poolFirst = ChartData.of(schemes.metricsProperty().get());

        assertThat(threadsFirst.throughput().keySet()).containsExactly("threads-app", "pool-app");
        assertThat(poolFirst.throughput().keySet()).containsExactly("pool-app", "threads-app");
        // Both processes crashed at 20 s and restart at 25 s: nothing processed in the three seconds before 24 s.
        for (List<ChartData.Point> group : threadsFirst.throughput().values()) {
            assertThat(group).last().isEqualTo(new ChartData.Point(24.0, 0));
            assertThat(group).filteredOn(point -> point.seconds() <= 19.0)
                    .anySatisfy(point -> assertThat(point.value()).isGreaterThan(50));
        }
    }

    private static MetricSample sampleAt(MetricsFrame frame, long time) {
        return frame.window().stream().filter(sample -> sample.timeMs() == time).findFirst().orElseThrow();
    }
}
