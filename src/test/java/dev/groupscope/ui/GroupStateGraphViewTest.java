package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The group panel's state machine: every allowed transition an arrow, the one just taken lit, with its reason. */
@ExtendWith(ApplicationExtension.class)
class GroupStateGraphViewTest {

    private GroupScopeWindow window;

    @Start
    void start(Stage stage) {
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), PlaygroundViewModel.playground());
        window.show(UiLanguage.ENGLISH);
    }

    @Test
    void everyAllowedTransitionHasAnArrow(FxRobot robot) {
        waitFor(() -> robot.lookup("#transition-Empty-PreparingRebalance").tryQuery().isPresent());

        for (GroupStateGraph.Edge edge : GroupStateGraph.edges()) {
            assertThat(robot.lookup("#" + edge.id()).tryQuery()).as(edge.id()).isPresent();
        }
        assertThat(taken(robot)).as("nothing has happened at t = 0").isEmpty();
    }

    @Test
    void afterAMemberCrashesTheArrowFromStableToPreparingRebalanceIsLitWithItsReason(FxRobot robot) {
        showAt(robot, 20_000);
        assertThat(taken(robot)).containsExactly("transition-CompletingRebalance-Stable");

        robot.interact(() -> window.playground().act(PlaygroundViewModel.WhatIf.CRASH_CONSUMER, "C2"));
        showAt(robot, 29_000);

        waitFor(() -> taken(robot).equals(List.of("transition-Stable-PreparingRebalance")));
        Label arrow = robot.lookup("#transition-Stable-PreparingRebalance").queryAs(Label.class);
        assertThat(arrow.getTooltip().getText()).startsWith("The transition just taken: Stable → PreparingRebalance at 28.")
                .contains("C2");
        assertThat(robot.lookup("#group-state-Stable").query().getStyleClass()).contains("previous");
        assertThat(robot.lookup("#group-state-PreparingRebalance").query().getStyleClass()).contains("lit")
                .doesNotContain("previous");
    }

    private void showAt(FxRobot robot, long at) {
        waitFor(() -> window.playground().getFrame() != null);
        robot.interact(() -> window.playground().scrubTo(at));
        waitFor(() -> window.playground().getFrame().time() == at);
    }

    private static List<String> taken(FxRobot robot) {
        return robot.lookup(".state-edge").queryAll().stream().filter(node -> node.getStyleClass().contains("taken"))
                .map(Node::getId).toList();
    }
}
