package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Compare assignors tab on a 1280×800 projector at the text sizes presenters use (1.5, and 2.0), in Chinese and
 * English, with four consumers: five columns shared the width and each was squeezed to a strip that showed C0's row
 * in a box with scroll bars, chips cut in half and a step trace one line tall. Now each column keeps a width its
 * chips fit in, shows every member whole, and has a few lines of its trace; the columns wrap into rows and the
 * area scrolls as a whole. At the normal text the five stay side by side as before, reaching down to the legend
 * (the headless test screen is 1280×800: a 1920×1080 window at its normal text has more room still).
 */
@ExtendWith(ApplicationExtension.class)
class CompareColumnsAtLargeTextTest {


    private GroupScopeWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = ProjectorWindow.open(stage);
    }

    @Test
    void everyColumnShowsItsMembersWholeAndSomeOfItsTraceAtLargeText(FxRobot robot) {
        fourConsumers(robot);
        for (UiLanguage language : List.of(UiLanguage.SIMPLIFIED_CHINESE, UiLanguage.ENGLISH)) {
            for (double factor : new double[] {1.5, 2.0}) {
                robot.interact(() -> window.switchTo(language));
                robot.interact(() -> window.zoomTo(new TextZoom(factor)));
                showCompare(robot);
                String when = language + " at " + factor;
                double em = new TextZoom(factor).fontPixels(language);

                for (String assignor : ProjectorWindow.COMPARE_COLUMNS) {
                    Region column = robot.lookup("#compare-" + assignor).query();
                    String what = when + ": " + assignor;
                    assertThat(column.getWidth()).as(what + " column's width").isGreaterThanOrEqualTo(11 * em);
                    assertThat(shownScrollBars(column)).as(what + ": scroll bars inside the column")
                            .allSatisfy(bar -> assertThat(bar).isEqualTo("trace"));
                    for (String member : List.of("C0", "C1", "C2", "C3")) {
                        Region row = robot.lookup("#compare-" + assignor + "-" + member).query();
                        assertThat(row.getHeight()).as(what + " " + member + "'s row: all its chips")
                                .isGreaterThanOrEqualTo(row.prefHeight(row.getWidth()) - 0.5);
                        Bounds shown = row.localToScene(row.getLayoutBounds());
                        Bounds inside = column.localToScene(column.getLayoutBounds());
                        assertThat(shown.getMaxY()).as(what + " " + member + "'s row inside its column")
                                .isLessThanOrEqualTo(inside.getMaxY() + 0.5);
                    }
                    Region trace = (Region) owner(column.lookup(".compare-steps"));
                    Font step = robot.lookup("#compare-" + assignor + "-step-0").<javafx.scene.control.Label>query()
                            .getFont();
                    assertThat(trace.getHeight()).as(what + ": the trace's height, in its lines")
                            .isGreaterThanOrEqualTo(4 * step.getSize());
                }
                assertThat(TruncatedText.in(robot.lookup("#compareRoot").<javafx.scene.Parent>query()))
                        .as(when + ": text cut short").isEmpty();
            }
        }
    }

    @Test
    void atTheNormalTextTheFiveColumnsStandSideBySide(FxRobot robot) {
        robot.interact(() -> window.zoomTo(new TextZoom(1.0)));
        fourConsumers(robot);
        showCompare(robot);

        double top = robot.lookup("#compare-range").<Region>query().localToScene(0, 0).getY();
        for (String assignor : ProjectorWindow.COMPARE_COLUMNS) {
            Region column = robot.lookup("#compare-" + assignor).query();
            assertThat(column.localToScene(0, 0).getY()).as(assignor + "'s top").isEqualTo(top);
            // The columns still reach down to the legend: the trace has the height that is left.
            Region legend = robot.from(robot.lookup("#compareRoot").<Node>query()).lookup(".legend").query();
            assertThat(legend.localToScene(0, 0).getY() - column.localToScene(0, column.getHeight()).getY())
                    .as(assignor + ": room left under the column").isLessThan(40);
        }
    }

    private void fourConsumers(FxRobot robot) {
        robot.interact(() -> window.compare().addConsumer());
    }

    private void showCompare(FxRobot robot) {
        robot.interact(() -> window.showTab("compareTab"));
        waitFor(() -> robot.lookup("#compare-range-C3").tryQuery().isPresent());
        FxWait.settle(robot, window);
        // The headings are fitted once the columns have their widths: one more layout for the fitted sizes.
        FxWait.settle(robot, window);
    }

    /** The scroll bars showing under {@code column}: "trace" for its step trace's, "members" for any other. */
    private static List<String> shownScrollBars(Node column) {
        return column.lookupAll(".scroll-bar").stream()
                .filter(bar -> bar instanceof ScrollBar && FxWait.visibleUpTo(bar, column))
                .map(bar -> owner(bar).lookup(".compare-steps") != null ? "trace" : "members").toList();
    }

    /** The scroll pane {@code inside} is in. */
    private static Node owner(Node inside) {
        Node up = inside.getParent();
        while (!(up instanceof ScrollPane)) {
            up = up.getParent();
        }
        return up;
    }
}
