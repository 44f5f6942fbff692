package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The assignor lab on a 1280x800 projector at the largest text: the trace kept its minimum height and the group's
 * rows, what the lab is about, got a sliver of about 30 px in which C0's chips were cut through the middle. And once
 * a cooperative join withheld a partition, its notice (a sentence above the chips) pushed the legend, the lab's
 * keys, out of the window. (The rows and the trace now stand side by side: {@link LabAtProjectorZoomTest}.)
 */
@ExtendWith(ApplicationExtension.class)
class LabRowsAtLargestZoomTest {

    private GroupScopeWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = ProjectorWindow.open(stage);
    }

    @Test
    void atLeastOneWholeMemberRowShowsAtTheLargestTextInBothLanguages(FxRobot robot) {
        robot.interact(() -> window.showTab("labTab"));
        waitFor(() -> robot.lookup("#consumers").tryQuery().isPresent());
        assertRowsAndTraceFit(robot);
    }

    @Test
    void withPartitionsWithheldTheNoticeRowsTraceAndLegendAllFitAtTheLargestText(FxRobot robot) {
        ProjectorWindow.labSixWithheld(robot, window);
        assertThat(window.lab().getRound().withheld()).as("partitions withheld in this round").isNotEmpty();
        assertRowsAndTraceFit(robot);
    }

    private void assertRowsAndTraceFit(FxRobot robot) {
        for (UiLanguage language : UiLanguage.values()) {
            robot.interact(() -> window.switchTo(language));
            robot.interact(() -> window.zoomTo(TextZoom.largestFor(stage.getScene().getWidth(),
                    stage.getScene().getHeight())));
            FxWait.settle(robot, window);

            Parent members = robot.lookup("#consumers").query();
            ScrollPane scroll = (ScrollPane) members.getParent().getParent().getParent();
            Region firstRow = (Region) members.getChildrenUnmodifiable().get(0);
            assertThat(scroll.getViewportBounds().getHeight()).as("%s: the rows' viewport against one row", language)
                    .isGreaterThanOrEqualTo(firstRow.getHeight());
            // Not by pushing the trace under the legend, or the legend out of the window.
            Region trace = robot.lookup(".assignor-lab .trace-panel").query();
            Region notice = robot.lookup("#withheldBox").query();
            if (notice.isVisible()) {
                // The notice whole, under the rows in the group's column (the trace is beside it).
                Region group = robot.lookup(".assignor-lab .group-panel").query();
                assertThat(notice.localToScene(notice.getLayoutBounds()).getMaxY()).as("%s: the notice's bottom",
                        language).isLessThanOrEqualTo(group.localToScene(group.getLayoutBounds()).getMaxY() + 0.5);
                assertThat(notice.getHeight()).as("%s: the notice's height", language)
                        .isGreaterThanOrEqualTo(notice.minHeight(notice.getWidth()) - 0.5);
            }
            Region legend = robot.lookup(".assignor-lab .legend").query();
            assertThat(trace.localToScene(trace.getLayoutBounds()).getMaxY()).as("%s: the trace's bottom", language)
                    .isLessThanOrEqualTo(legend.localToScene(legend.getLayoutBounds()).getMinY() + 0.5);
            assertThat(legend.localToScene(legend.getLayoutBounds()).getMaxY()).as("%s: the legend's bottom", language)
                    .isLessThanOrEqualTo(stage.getScene().getHeight() + 0.5);
        }
    }
}
