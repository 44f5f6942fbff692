package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.scene.Node;
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
 * The assignor lab at 1.5x text on a 1280x800 projector, the tour's tallest round (six cooperative members, the last
 * join withholding a partition). Stacked, the group's rows and the trace shared what the set-up and the legend left:
 * two member rows and a single step showed, both cut through. Side by side in a split pane, in both languages: no
 * label cut short, every member row (C0 to C5) whole in the rows' viewport without a scroll, a whole first step in
 * view, the withheld notice whole inside the group's column, and the legend in the window. (With the round's summary
 * over both columns and the idle member's reason six lines tall, C4 and C5 needed a scroll.)
 */
@ExtendWith(ApplicationExtension.class)
class LabAtProjectorZoomTest {

    private static final TextZoom PROJECTOR = new TextZoom(1.5);

    private GroupScopeWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = ProjectorWindow.open(stage);
    }

    @Test
    void theTallestRoundReadsAtOneAndAHalfTimesTheTextInBothLanguages(FxRobot robot) {
        ProjectorWindow.labSixWithheld(robot, window);
        assertThat(window.lab().getRound().withheld()).as("partitions withheld in this round").isNotEmpty();

        for (UiLanguage language : UiLanguage.values()) {
            ProjectorWindow.showAt(robot, window, stage, language, PROJECTOR);
            Parent lab = robot.lookup("#labRoot").query();

            assertThat(TruncatedText.in(lab)).as("%s: labels cut short", language).isEmpty();

            // Every member row, C0 to C5, whole in the rows' viewport with the scroll bar at the top: none needs a
            // scroll to be seen.
            Parent members = robot.lookup("#consumers").query();
            ScrollPane rows = (ScrollPane) members.getParent().getParent().getParent();
            assertThat(rows.getVvalue()).as("%s: the rows scrolled", language).isEqualTo(rows.getVmin());
            Bounds viewport = scene(rows.lookup(".viewport"));
            assertThat(members.getChildrenUnmodifiable()).as("%s: the member rows", language).hasSize(6);
            for (Node row : members.getChildrenUnmodifiable()) {
                Bounds bounds = scene(row);
                assertThat(bounds.getMinY()).as("%s: %s's top", language, row.getId())
                        .isGreaterThanOrEqualTo(viewport.getMinY() - 0.5);
                assertThat(bounds.getMaxY()).as("%s: %s's bottom against the viewport's", language, row.getId())
                        .isLessThanOrEqualTo(viewport.getMaxY() + 0.5);
            }

            assertFirstStepWhole(robot, language);

            // The notice whole, its chips inside the group's column (not past the divider).
            Region notice = robot.lookup("#withheldBox").query();
            Region group = robot.lookup(".assignor-lab .group-panel").query();
            Bounds noticeBounds = scene(notice);
            Bounds groupBounds = scene(group);
            assertThat(notice.getHeight()).as("%s: the notice's height", language)
                    .isGreaterThanOrEqualTo(notice.minHeight(notice.getWidth()) - 0.5);
            for (Node chip : robot.lookup("#withheld .chip").queryAll()) {
                assertThat(scene(chip).getMaxX()).as("%s: a withheld chip's right edge", language)
                        .isLessThanOrEqualTo(groupBounds.getMaxX() + 0.5);
            }
            assertThat(noticeBounds.getMaxY()).as("%s: the notice's bottom", language)
                    .isLessThanOrEqualTo(groupBounds.getMaxY() + 0.5);

            Region legend = robot.lookup(".assignor-lab .legend").query();
            assertThat(groupBounds.getMaxY()).as("%s: the group's bottom", language)
                    .isLessThanOrEqualTo(scene(legend).getMinY() + 0.5);
            assertThat(scene(legend).getMaxY()).as("%s: the legend's bottom", language)
                    .isLessThanOrEqualTo(stage.getScene().getHeight() + 0.5);
            // The divider a teacher can drag between the group's rows and the trace.
            assertThat(robot.lookup("#labSplit").tryQuery()).as("%s: the split pane", language).isPresent();
        }
    }

    /**
     * At the largest text (1.6x on 1280x800) the same round's first step, "Branch" and its five lines, showed cut
     * through in both languages: the set-up took three rows, "Start over" alone on the second. At each text size a
     * class may choose, the whole first step is in the trace's viewport, and the lab still fits the window.
     */
    @Test
    void theFirstStepIsWholeAtEveryTextSizeUpToTheLargestInBothLanguages(FxRobot robot) {
        ProjectorWindow.labSixWithheld(robot, window);
        TextZoom largest = TextZoom.largestFor(1280, 800);
        for (TextZoom zoom : java.util.List.of(new TextZoom(1.0), PROJECTOR, largest)) {
            for (UiLanguage language : UiLanguage.values()) {
                ProjectorWindow.showAt(robot, window, stage, language, zoom);
                String where = language + " at " + zoom.factor();

                assertThat(TruncatedText.in(robot.lookup("#labRoot").<Parent>query())).as("%s: labels cut short",
                        where).isEmpty();
                assertFirstStepWhole(robot, where);
                Region legend = robot.lookup(".assignor-lab .legend").query();
                assertThat(scene(legend).getMaxY()).as("%s: the legend's bottom", where)
                        .isLessThanOrEqualTo(stage.getScene().getHeight() + 0.5);
            }
        }
    }

    /** The trace's first step whole in its viewport, the scroll bar at the top: no scroll needed to read it. */
    private static void assertFirstStepWhole(FxRobot robot, Object where) {
        Parent steps = robot.lookup("#steps").query();
        ScrollPane trace = (ScrollPane) steps.getParent().getParent().getParent();
        assertThat(trace.getVvalue()).as("%s: the trace scrolled", where).isEqualTo(trace.getVmin());
        Region firstStep = robot.lookup("#step-0").query();
        Bounds viewport = scene(trace.lookup(".viewport"));
        assertThat(scene(firstStep).getMinY()).as("%s: the first step's top", where)
                .isGreaterThanOrEqualTo(viewport.getMinY() - 0.5);
        assertThat(scene(firstStep).getMaxY()).as("%s: the first step's bottom against the trace's viewport's",
                where).isLessThanOrEqualTo(viewport.getMaxY() + 0.5);
    }

    private static Bounds scene(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }
}
