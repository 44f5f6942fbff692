package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.ScenarioReader;
import java.util.List;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.paint.Color;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Numbers tab in a lesson where nothing goes wrong (one poller, four workers by key: nothing lost or processed
 * again). Its ledger was a flat line on an axis with one label, "0.0" ("0.00" in Chinese), drawn in two oranges a
 * projector shows as one; the lag counted records in quarters ("2.5", "7.5").
 */
@ExtendWith(ApplicationExtension.class)
class NumbersChartsTest {

    private GroupScopeWindow window;

    @Start
    void start(Stage stage) {
        PlaygroundViewModel lesson = PlaygroundViewModel.running(
                ScenarioReader.read(java.nio.file.Path.of("lessons/scenarios/worker-pool-by-key.json")));
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), lesson);
        window.show(UiLanguage.ENGLISH);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @Test
    void aLedgerWithNothingLostOrRepeatedStillHasAScaleOfWholeRecords(FxRobot robot) {
        showNumbersAt(robot, 10_000);

        List<String> labels = tickLabels(chart(robot, "#ledger-chart").getYAxis());

        assertThat(labels).as("the ledger's record axis").hasSizeGreaterThanOrEqualTo(3).startsWith("0")
                .allSatisfy(label -> assertThat(label).doesNotContain("."));
    }

    @Test
    void theLagCountsWholeRecords(FxRobot robot) {
        showNumbersAt(robot, 10_000);

        assertThat(tickLabels(chart(robot, "#lag-chart").getYAxis())).as("the lag axis").isNotEmpty()
                .allSatisfy(label -> assertThat(label).doesNotContain("."));
    }

    @Test
    void theLedgersTwoLinesAreToldApartInEveryTheme(FxRobot robot) {
        showNumbersAt(robot, 10_000);
        for (Theme theme : Theme.values()) {
            robot.interact(() -> window.useTheme(theme));
            FxWait.settle(robot, window);

            LineChart<Number, Number> ledger = chart(robot, "#ledger-chart");
            Color again = stroke(ledger.getData().get(0));
            Color lost = stroke(ledger.getData().get(1));

            assertThat(distance(again, lost)).as(theme + ": " + again + " against " + lost).isGreaterThan(0.45);
        }
    }

    @Test
    void theLagsFirstPartitionsAreToldApartInEveryTheme(FxRobot robot) {
        showNumbersAt(robot, 10_000);
        for (Theme theme : Theme.values()) {
            robot.interact(() -> window.useTheme(theme));
            FxWait.settle(robot, window);

            LineChart<Number, Number> lag = chart(robot, "#lag-chart");
            assertThat(lag.getData()).hasSizeGreaterThanOrEqualTo(3);
            for (int i = 0; i < 2; i++) {
                Color one = stroke(lag.getData().get(i));
                Color next = stroke(lag.getData().get(i + 1));
                assertThat(distance(one, next)).as(theme + ": partition line " + i + " " + one + " against " + next)
                        .isGreaterThan(0.45);
            }
        }
    }

    /** Two series' colours as a projector keeps them apart (Modena's first two, both orange, are 0.29 apart). */
    static boolean toldApart(XYChart.Series<?, ?> a, XYChart.Series<?, ?> b) {
        return distance((Color) ((Path) a.getNode()).getStroke(), (Color) ((Path) b.getNode()).getStroke()) > 0.45;
    }

    @Test
    void theThroughputChartDrawsTheGroupsRecordsASecondAsTheChartDataHasThem(FxRobot robot) {
        showNumbersAt(robot, 10_000);
        ChartData data = ChartData.of(window.playground().metricsProperty().get());

        LineChart<Number, Number> throughput = chart(robot, "#throughput-chart");
        assertThat(throughput.getData()).extracting(XYChart.Series::getName).containsExactly("clicks-by-key");
        List<ChartData.Point> drawn = throughput.getData().get(0).getData().stream()
                .map(point -> new ChartData.Point(point.getXValue().doubleValue(), point.getYValue().longValue()))
                .toList();
        assertThat(drawn).isEqualTo(data.throughput().get("clicks-by-key")).isNotEmpty();
        assertThat(drawn).anySatisfy(point -> assertThat(point.value()).isPositive());
        assertThat(tickLabels(throughput.getYAxis())).allSatisfy(label -> assertThat(label).doesNotContain("."));
    }

    @Test
    void aStopTheWorldChartWithoutBarsSaysWhy(FxRobot robot) {
        showNumbersAt(robot, 10_000);
        ChartData data = ChartData.of(window.playground().metricsProperty().get());
        // One consumer joining an empty group: the rebalance took nothing from anybody.
        assertThat(data.rebalances()).isNotEmpty();
        assertThat(data.members()).isEmpty();

        javafx.scene.control.Label note = robot.lookup("#pause-note").query();
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).isEqualTo("Nobody stopped: no member that held partitions was left without any");
    }

    @Test
    void aRebalanceInProgressIsNotCalledNobodyStopped() {
        // crash-and-rebalance at 30 s: C2's session ran out at 28 s and the rebalance is going on (C1 and C3 have yet
        // to rejoin and, eager, give up their partitions); the chart had no bar yet and said "Nobody stopped".
        PlaygroundViewModel run = new PlaygroundViewModel(dev.groupscope.scenario.ScenarioReader.read(
                java.nio.file.Path.of("lessons/scenarios/crash-and-rebalance.json")), Runnable::run, Runnable::run);
        run.scrubTo(30_000);
        ChartData data = ChartData.of(run.metricsProperty().get());
        assertThat(data.members()).as("no bar yet").isEmpty();
        assertThat(data.rebalances()).last().extracting(ChartData.RebalanceBar::ongoing).isEqualTo(true);

        assertThat(NumbersView.pauseNote(data, dev.groupscope.i18n.Messages.english())).isEqualTo(
                "Rebalance #" + data.rebalances().size() + " is in progress: a member's pause is drawn once it has "
                        + "its new partitions");
        // Once it is over the bars are there, and no note.
        run.scrubTo(40_000);
        ChartData after = ChartData.of(run.metricsProperty().get());
        assertThat(after.members()).isNotEmpty();
        assertThat(NumbersView.pauseNote(after, dev.groupscope.i18n.Messages.english())).isEmpty();
        // The first join took nothing from anybody: its place under the bars says so instead of looking like a gap.
        assertThat(after.rebalances())
                .extracting(bar -> NumbersView.category(bar, dev.groupscope.i18n.Messages.english()))
                .containsExactly("#1 at 0.0 s: nobody stopped", "#2 at 28.0 s");
    }

    @Test
    void aCountAxisEndsAboveItsHighestPointSoALineThereIsNotTheBorder() {
        // network-partition's one group processes a steady 30 records/s; two-threading-schemes' pool-app 150
        for (double max : new double[] {30, 150, 120, 11, 44, 0}) {
            long unit = NumbersView.countUnit(max);
            double top = NumbersView.countUpperBound(max, unit);

            assertThat(top).as("the axis above " + max).isGreaterThan(max);
            assertThat(top % unit).as("whole ticks up to " + top).isZero();
            assertThat(top - max).as("no more than a tick of room above " + max).isLessThanOrEqualTo(Math.max(5, unit));
        }
    }

    private void showNumbersAt(FxRobot robot, long time) {
        showNumbersAt(robot, window, time);
    }

    /** Moves {@code window} to {@code time} and shows its Numbers tab, drawn. */
    static void showNumbersAt(FxRobot robot, GroupScopeWindow window, long time) {
        waitFor(() -> window.playground().getFrame() != null);
        robot.interact(() -> window.playground().scrubTo(time));
        waitFor(() -> window.playground().getFrame().time() == time);
        robot.interact(() -> window.showTab("numbersTab"));
        waitFor(() -> robot.lookup("#ledger-chart").tryQuery().isPresent());
        FxWait.settle(robot, window);
    }

    @SuppressWarnings("unchecked")
    private static LineChart<Number, Number> chart(FxRobot robot, String query) {
        return (LineChart<Number, Number>) robot.lookup(query).query();
    }

    /** The labels the axis draws at its ticks (its own Text nodes: a TickMark's label property stays unset). */
    private static List<String> tickLabels(Axis<Number> axis) {
        return axis.getChildrenUnmodifiable().stream().filter(node -> node instanceof Text && node.isVisible())
                .map(node -> ((Text) node).getText()).toList();
    }

    private static Color stroke(XYChart.Series<Number, Number> series) {
        return (Color) ((Path) series.getNode()).getStroke();
    }

    /** How far apart two colours are, 0 (the same) to about 1.7 (black against white), in red, green and blue. */
    private static double distance(Color a, Color b) {
        return Math.sqrt(Math.pow(a.getRed() - b.getRed(), 2) + Math.pow(a.getGreen() - b.getGreen(), 2)
                + Math.pow(a.getBlue() - b.getBlue(), 2));
    }
}
