package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Seven consumers and two brokers are nine lanes: at 1280x800 the Protocol tab showed six of them, the coordinator's
 * off to the right, so every arrow to it ran out of the window. The lanes now share the tab's width.
 */
@ExtendWith(ApplicationExtension.class)
class SequenceLanesFitTest {

    private GroupScopeWindow window;

    @Start
    void start(Stage stage) {
        window = ProjectorWindow.openLesson(stage, "seven-consumers-six-partitions");
    }

    @Test
    void everyLaneTheCoordinatorsIncludedIsInSightAt1280x800(FxRobot robot) {
        waitFor(() -> window.playground().getFrame() != null);
        robot.interact(() -> window.playground().scrubTo(15_000));
        robot.interact(() -> window.showTab("protocolTab"));
        waitFor(() -> robot.lookup("#lane-C7").tryQuery().isPresent());
        FxWait.settle(robot, window);

        assertEveryLaneInSight(robot);
        assertThat(robot.lookup("#sequenceScroll").<ScrollPane>query().getHvalue()).isZero();
    }

    @Test
    void atTheLargestTextCtrlPlusReachesTheCoordinatorsLaneIsStillInSight(FxRobot robot) {
        // Nine lanes at 1.6 on 1280x800: their minimum width at that scale is more than the tab has.
        waitFor(() -> window.playground().getFrame() != null);
        robot.interact(() -> window.playground().scrubTo(15_000));
        robot.interact(() -> window.zoomTo(new TextZoom(1.6)));
        robot.interact(() -> window.showTab("protocolTab"));
        waitFor(() -> robot.lookup("#lane-C7").tryQuery().isPresent());
        FxWait.settle(robot, window);

        assertEveryLaneInSight(robot);
    }

    private static void assertEveryLaneInSight(FxRobot robot) {
        ScrollPane scroll = robot.lookup("#sequenceScroll").query();
        Bounds viewport = scroll.localToScene(scroll.getViewportBounds());
        for (String lane : new String[] {"#lane-C1", "#lane-C7", "#lane-broker-1", "#lane-broker-2"}) {
            Node head = robot.lookup(lane).query();
            Bounds bounds = head.localToScene(head.getBoundsInLocal());
            assertThat(bounds.getMaxX()).as(lane).isLessThanOrEqualTo(viewport.getMinX() + scroll.getWidth());
        }
    }
}
