package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * With two groups the Protocol tab's bar names the group drawn and chooses it. When the bar wraps at large text on a
 * 1280x800 projector, the word "Group" stayed at the end of the first line and its choice started the second.
 */
@ExtendWith(ApplicationExtension.class)
class SequenceGroupChoiceTest {

    private GroupScopeWindow window;

    @Start
    void start(Stage stage) {
        window = ProjectorWindow.openLesson(stage, "two-groups-one-topic");
    }

    @Test
    void theGroupChoiceStaysOnItsLabelsLineAtEveryTextSize(FxRobot robot) {
        waitFor(() -> window.playground().getFrame() != null);
        robot.interact(() -> window.showTab("protocolTab"));
        waitFor(() -> robot.lookup("#sequence-group-choice").tryQuery().isPresent());
        for (UiLanguage language : UiLanguage.values()) {
            robot.interact(() -> window.switchTo(language));
            for (double zoom = 1.0; zoom <= TextZoom.MAX + 1e-9; zoom += 0.1) {
                double factor = zoom;
                robot.interact(() -> window.zoomTo(new TextZoom(factor)));
                FxWait.settle(robot, window);

                Bounds title = scene(robot.lookup(".group-choice-title").match(node -> node.getScene() != null
                        && node.getParent() != null && isInSequenceBar(node)).query());
                Bounds choice = scene(robot.lookup("#sequence-group-choice").query());
                assertThat(title.getCenterY()).as("%s at %.1f×: the label against its choice", language, factor)
                        .isBetween(choice.getMinY(), choice.getMaxY());
                assertThat(title.getMaxX()).as("%s at %.1f×: the label left of its choice", language, factor)
                        .isLessThanOrEqualTo(choice.getMinX());
            }
        }
    }

    private static boolean isInSequenceBar(Node node) {
        for (Node up = node; up != null; up = up.getParent()) {
            if (up.getStyleClass().contains("sequence-bar")) {
                return true;
            }
        }
        return false;
    }

    private static Bounds scene(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }
}
