package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Compare assignors at 1.5x text on a 1280x800 projector, four consumers, the join's round (the tallest members,
 * revoked chips wrapping) and the next round. The columns wrap into rows of three; at their minimum each trace
 * kept a fixed five lines, sticky's first step showed cut through, and the first row ended above the window's
 * bottom with the second row's titles under it. Now, in both languages: no label cut short, each trace at least
 * its first step tall, each column's members (who owns what) and its first step fit the window together (so one scroll shows
 * both), a wrapped row fills the window, and the rows below are there to scroll to.
 */
@ExtendWith(ApplicationExtension.class)
class CompareAtProjectorZoomTest {

    private static final TextZoom PROJECTOR = new TextZoom(1.5);

    private GroupScopeWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = ProjectorWindow.open(stage);
    }

    @Test
    void eachColumnShowsItsMembersAndAWholeStepAtOneAndAHalfTimesTheTextInBothLanguages(FxRobot robot) {
        robot.interact(() -> window.showTab("compareTab"));
        waitFor(() -> robot.lookup("#compare-range-C0").tryQuery().isPresent());
        robot.interact(() -> window.compare().addConsumer());
        for (String round : List.of("the join", "the next round")) {
            if (round.equals("the next round")) {
                robot.interact(() -> window.compare().rebalance());
            }
            for (UiLanguage language : UiLanguage.values()) {
                robot.interact(() -> window.switchTo(language));
                robot.interact(() -> {
                    window.zoomTo(PROJECTOR);
                    stage.setWidth(1280);
                    stage.setHeight(800);
                });
                waitFor(() -> robot.lookup("#compare-range-C3").tryQuery().isPresent());
                FxWait.settle(robot, window);
                FxWait.settle(robot, window);
                String when = language + ", " + round;

                assertThat(TruncatedText.in(robot.lookup("#compareRoot").<Parent>query()))
                        .as("%s: labels cut short", when).isEmpty();

                ScrollPane scroll = robot.lookup("#compareScroll").query();
                double window = scroll.getViewportBounds().getHeight();
                Region content = (Region) scroll.getContent();
                assertThat(content.getHeight()).as("%s: the columns taller than the window", when)
                        .isGreaterThan(window);
                // The tab's own bar (a child of its scroll pane), not a trace's.
                assertThat(scroll.lookupAll(".scroll-bar")).filteredOn(bar -> bar.getParent() == scroll
                                && ((ScrollBar) bar).getOrientation() == Orientation.VERTICAL)
                        .as("%s: the scroll bar to the rows below", when).singleElement()
                        .satisfies(bar -> assertThat(bar.isVisible()).isTrue());

                double firstRowBottom = 0;
                double top = bounds(robot.lookup("#compare-range").query(), content).getMinY();
                for (String assignor : ProjectorWindow.COMPARE_COLUMNS) {
                    String what = when + ": " + assignor;
                    Region column = robot.lookup("#compare-" + assignor).query();
                    Bounds columnBounds = bounds(column, content);
                    if (Math.abs(columnBounds.getMinY() - top) < 0.5) {
                        firstRowBottom = Math.max(firstRowBottom, columnBounds.getMaxY());
                    }
                    Region step = robot.lookup("#compare-" + assignor + "-step-0").query();
                    ScrollPane trace = owner(step);
                    assertThat(trace.getViewportBounds().getHeight()).as("%s: the trace against its first step", what)
                            .isGreaterThanOrEqualTo(step.getHeight() - 0.5);
                    // From the column's members to its first step's bottom: one window at most (with the title and
                    // summary too for all but cooperative-sticky at the join, whose long first step is 44 px over).
                    double stepBottom = bounds(trace, content).getMinY() + trace.snappedTopInset()
                            + step.getBoundsInParent().getMaxY();
                    double membersTop = bounds(column.lookup(".compare-members"), content).getMinY();
                    assertThat(stepBottom - membersTop)
                            .as("%s: its members and first step in one window", what).isLessThanOrEqualTo(window);
                }
                // The first row reaches the window's bottom: its traces have what the members leave.
                assertThat(firstRowBottom + ((Region) content.getChildrenUnmodifiable().get(0)).snappedBottomInset())
                        .as("%s: the first row's bottom", when).isGreaterThanOrEqualTo(window - 1);
            }
        }
    }

    private static Bounds bounds(Node node, Node in) {
        return in.sceneToLocal(node.localToScene(node.getLayoutBounds()));
    }

    private static ScrollPane owner(Node inside) {
        Node up = inside.getParent();
        while (!(up instanceof ScrollPane)) {
            up = up.getParent();
        }
        return (ScrollPane) up;
    }
}
