package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.chart.ValueAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Numbers tab's time axes on a 1280×800 projector. The axis labelled every tick from the window's start and then
 * "now" as well, so a moment just past a round second put "60 61.9" side by side at the right end, and at the largest
 * text "61.9" ran under the legend. Whatever the moment, the text size and the language, the labels a class reads
 * along a time axis stand apart, at least a letter's width from each other, and clear of the legend.
 */
@ExtendWith(ApplicationExtension.class)
class NumbersTimeAxisTest {

    /**
     * Moments just past a round tick (the old end label's worst case), on one, between two, and after the two-minute
     * window has slid (its start no longer a round second).
     */
    private static final List<Long> MOMENTS = List.of(20_600L, 21_300L, 40_800L, 61_900L, 60_000L, 75_000L, 100_900L,
            130_700L, 241_200L);

    private GroupScopeWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = ProjectorWindow.open(stage);
    }

    @Test
    void timeLabelsNeverCrowdAtAnyMomentTextSizeOrLanguage(FxRobot robot) {
        waitFor(() -> window.playground().getFrame() != null);
        robot.interact(() -> window.showTab("numbersTab"));
        waitFor(() -> robot.lookup("#ledger-chart").tryQuery().isPresent());
        List<String> crowded = new ArrayList<>();
        for (UiLanguage language : UiLanguage.values()) {
            robot.interact(() -> window.switchTo(language));
            for (TextZoom zoom : List.of(TextZoom.forWindow(1280, 800), TextZoom.largestFor(1280, 800))) {
                robot.interact(() -> window.zoomTo(zoom));
                for (long at : MOMENTS) {
                    showAt(robot, at);
                    for (String chart : List.of("#lag-chart", "#ledger-chart")) {
                        crowded.addAll(crowding(robot, chart, language + " at " + zoom.factor() + "x, "
                                + at + " ms, " + chart));
                    }
                }
            }
        }
        assertThat(crowded).as("time labels that crowd each other or the legend").isEmpty();
    }

    @Test
    void theTimeAxisStillSaysWhereTheWindowStartsAndWhereNowIs(FxRobot robot) {
        waitFor(() -> window.playground().getFrame() != null);
        robot.interact(() -> window.showTab("numbersTab"));
        waitFor(() -> robot.lookup("#lag-chart").tryQuery().isPresent());
        showAt(robot, 130_700);

        ValueAxis<Number> time = timeAxis(robot, "#lag-chart");
        assertThat(time.getLowerBound()).as("two minutes back").isEqualTo(10.7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(time.getUpperBound()).as("now").isEqualTo(130.7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(visibleLabels(time)).as("labels along two minutes").hasSizeGreaterThanOrEqualTo(4);
    }

    private void showAt(FxRobot robot, long at) {
        robot.interact(() -> window.playground().scrubTo(at));
        waitFor(() -> window.playground().getFrame().time() == at);
        // The charts redraw a moment later (NumbersView.REDRAW_MS): "now" on the axis says they have.
        waitFor(() -> timeAxis(robot, "#lag-chart").getUpperBound() == at / 1000.0
                && timeAxis(robot, "#ledger-chart").getUpperBound() == at / 1000.0);
        robot.interact(() -> {
            window.stageRoot().applyCss();
            window.stageRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Each pair of neighbouring labels on the chart's time axis closer than their font's size (about a letter's
     * width), and each label the legend covers.
     */
    private static List<String> crowding(FxRobot robot, String chart, String where) {
        List<Text> labels = visibleLabels(timeAxis(robot, chart));
        List<String> crowded = new ArrayList<>();
        javafx.scene.Node legend = robot.lookup(chart + " .chart-legend").query();
        double legendLeft = legend.localToScene(legend.getBoundsInLocal()).getMinX();
        for (Text label : labels) {
            if (bounds(label).getMaxX() > legendLeft) {
                crowded.add(String.format("%s: \"%s\" runs %.1f px under the legend", where, label.getText(),
                        bounds(label).getMaxX() - legendLeft));
            }
        }
        for (int i = 1; i < labels.size(); i++) {
            Text left = labels.get(i - 1);
            Text right = labels.get(i);
            double gap = bounds(right).getMinX() - bounds(left).getMaxX();
            if (gap < right.getFont().getSize()) {
                crowded.add(String.format("%s: \"%s\" and \"%s\" %.1f px apart", where, left.getText(),
                        right.getText(), gap));
            }
        }
        return crowded;
    }

    @SuppressWarnings("unchecked")
    private static ValueAxis<Number> timeAxis(FxRobot robot, String chart) {
        return (ValueAxis<Number>) robot.lookup(chart).<XYChart<Number, Number>>query().getXAxis();
    }

    private static List<Text> visibleLabels(ValueAxis<Number> axis) {
        return axis.getChildrenUnmodifiable().stream()
                .filter(node -> node instanceof Text && node.isVisible() && !((Text) node).getText().isEmpty())
                .map(Text.class::cast).filter(text -> !text.getStyleClass().contains("axis-label"))
                .sorted(Comparator.comparingDouble(text -> bounds(text).getMinX())).toList();
    }

    private static Bounds bounds(Text text) {
        return text.localToScene(text.getBoundsInLocal());
    }
}
