package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The stop-the-world chart on a 1280×800 projector at the text sizes presenters use (1.5, and 2.0), in English and
 * Chinese, after three rebalances (the first join, C2's crash at 20 s, a consumer added at 60 s). Its rebalances were
 * named by whole sentences ("第 1 次，0.0 秒：无人停顿") that the axis turned on end: they took the plot's whole
 * height, so there were no bars, an axis with the one label "20", no axis name, and #2 missing.
 */
@ExtendWith(ApplicationExtension.class)
class PauseChartAtLargeTextTest {

    private GroupScopeWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = ProjectorWindow.open(stage);
    }

    @Test
    void everyRebalanceIsOnTheAxisAndThePlotHasRoomAtLargeText(FxRobot robot) {
        threeRebalances(robot);
        for (UiLanguage language : List.of(UiLanguage.SIMPLIFIED_CHINESE, UiLanguage.ENGLISH)) {
            for (double factor : new double[] {1.5, 2.0}) {
                robot.interact(() -> window.switchTo(language));
                robot.interact(() -> window.zoomTo(new TextZoom(factor)));
                robot.interact(() -> window.showTab("numbersTab"));
                waitFor(() -> robot.lookup("#pause-chart").tryQuery().isPresent());
                FxWait.settle(robot, window);
                String when = language + " at " + factor;

                BarChart<?, ?> chart = robot.lookup("#pause-chart").query();
                ChartData data = ChartData.of(window.playground().metricsProperty().get());
                assertThat(data.rebalances()).as(when).hasSize(3);
                assertThat(data.members()).as(when + ": members that paused").isNotEmpty();
                Region plot = robot.from(chart).lookup(".chart-plot-background").query();
                assertThat(plot.getHeight()).as(when + ": the plot's height").isGreaterThan(120);
                assertThat(shownCategories((CategoryAxis) chart.getXAxis())).as(when + ": rebalances on the axis")
                        .hasSize(data.rebalances().size());
                assertThat(TruncatedText.in(chart)).as(when + ": the chart's text cut short").isEmpty();
                assertThat(robot.from(chart).lookup(".chart-bar").<javafx.scene.Node>queryAll())
                        .as(when + ": bars drawn")
                        .anySatisfy(bar -> assertThat(bar.getLayoutBounds().getHeight()).isGreaterThan(10));
            }
        }
    }

    @Test
    void aRollingRestartsSevenRebalancesAreAllOnTheAxisAtZoom15(FxRobot robot) {
        robot.interact(() -> window = ProjectorWindow.openLesson(stage, "rolling-restart"));
        PlaygroundViewModel run = window.playground();
        waitFor(() -> run.getFrame() != null);
        robot.interact(() -> run.scrubTo(60_000));
        waitFor(() -> run.getFrame().time() == 60_000);
        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        robot.interact(() -> window.zoomTo(new TextZoom(1.5)));
        robot.interact(() -> window.showTab("numbersTab"));
        waitFor(() -> robot.lookup("#pause-chart").tryQuery().isPresent());
        FxWait.settle(robot, window);

        BarChart<?, ?> chart = robot.lookup("#pause-chart").query();
        ChartData data = ChartData.of(window.playground().metricsProperty().get());
        assertThat(data.rebalances()).hasSize(7);
        assertThat(shownCategories((CategoryAxis) chart.getXAxis())).as("rebalances on the axis").hasSize(7);
        assertThat(robot.from(chart).lookup(".chart-plot-background").<Region>query().getHeight())
                .as("the plot's height").isGreaterThan(100);
        assertThat(TruncatedText.in(chart)).as("the chart's text cut short").isEmpty();
    }

    @Test
    void theShortNamesLeaveNothingOutTheCaptionSaysWhichRebalanceStoppedNobody() {
        PlaygroundViewModel run = new PlaygroundViewModel(dev.groupscope.scenario.ScenarioReader.read(
                java.nio.file.Path.of("lessons/scenarios/crash-and-rebalance.json")), Runnable::run, Runnable::run);
        run.scrubTo(40_000);
        ChartData data = ChartData.of(run.metricsProperty().get());
        var english = dev.groupscope.i18n.Messages.english();
        var chinese = dev.groupscope.i18n.Messages.of(UiLanguage.SIMPLIFIED_CHINESE.locale());

        assertThat(data.rebalances()).extracting(bar -> NumbersView.shortCategory(bar, english))
                .containsExactly("#1\n0 s", "#2\n28 s");
        assertThat(data.rebalances()).extracting(bar -> NumbersView.shortCategory(bar, chinese))
                .containsExactly("#1\n0 秒", "#2\n28 秒");
        // The first join took nothing from anybody: under the chart, so its empty place is not read as a gap.
        assertThat(NumbersView.pauseCaption(data, english)).isEqualTo("#1 at 0.0 s: nobody stopped");
        assertThat(NumbersView.pauseCaption(data, chinese)).isEqualTo("第 1 次，0.0 秒：无人停顿");
    }

    /** C2 crashes at 20 s, a consumer is added at 60 s; shown at 75 s, as the screen tour pictures it. */
    private void threeRebalances(FxRobot robot) {
        PlaygroundViewModel run = window.playground();
        waitFor(() -> run.getFrame() != null);
        robot.interact(() -> run.scrubTo(20_000));
        waitFor(() -> run.getFrame().time() == 20_000);
        robot.interact(() -> run.perform(new ModelCommand.CrashConsumer("C2")));
        robot.interact(() -> run.scrubTo(60_000));
        waitFor(() -> run.getFrame().time() == 60_000);
        robot.interact(() -> run.act(PlaygroundViewModel.WhatIf.ADD_CONSUMER, null));
        robot.interact(() -> run.scrubTo(75_000));
        waitFor(() -> run.getFrame().time() == 75_000);
    }

    /** The category labels the axis draws (it hides those that would overlap). */
    private static List<String> shownCategories(CategoryAxis axis) {
        return axis.getChildrenUnmodifiable().stream().filter(node -> node instanceof Text && node.isVisible())
                .map(node -> ((Text) node).getText()).toList();
    }
}
