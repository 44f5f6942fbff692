package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.diagram.SequenceDiagram;
import dev.groupscope.scenario.ActionType;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Right-click an arrow of the Protocol tab: "What if this request never arrived?" forks the run just before the
 * message left, with that one message lost, and the diagram draws it lost.
 */
@ExtendWith(ApplicationExtension.class)
class LoseMessageViewTest {

    private GroupScopeWindow window;

    @Start
    void start(Stage stage) {
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), PlaygroundViewModel.playground());
        window.show(UiLanguage.ENGLISH);
        window.showTab("protocolTab");
    }

    @Test
    void rightClickingARequestLosesItInANewBranch(FxRobot robot) {
        robot.interact(() -> window.playground().scrubTo(12_000));
        waitFor(() -> window.sequence().getDiagram() != null && window.playground().getTime() == 12_000
                && window.sequence().readUntil() >= 12_000);
        SequenceDiagram.Row sync = window.sequence().getDiagram().rows().stream()
                .filter(row -> robot.lookup("#" + row.id()).tryQuery()
                        .filter(node -> node.getStyleClass().contains("api-SyncGroup")).isPresent())
                .filter(row -> window.sequence().lossOf(row.id()).filter(loss -> !loss.answer()).isPresent())
                .findFirst().orElseThrow();
        ModelCommand.LoseMessage loss = window.sequence().lossOf(sync.id()).orElseThrow();

        robot.interact(() -> SequenceScroll.toRow(robot, sync));
        robot.rightClickOn("#hit-" + sync.id());
        waitFor(() -> robot.lookup("#lose-message").tryQuery().isPresent());
        assertThat(robot.lookup("#lose-message").<javafx.scene.Node>query()).isNotNull();
        robot.clickOn("What if this request never arrived? (lose it)");

        waitFor(() -> window.playground().branchesProperty().get().size() == 2);
        assertThat(window.playground().whatIfActions()).singleElement().satisfies(action -> {
            assertThat(action.type()).isEqualTo(ActionType.LOSE_MESSAGE);
            assertThat(action.atMs()).isEqualTo(loss.sentAtMs() - 1);
            assertThat(action.target()).isEqualTo(loss.consumer());
            assertThat(action.params()).containsEntry("api", "SyncGroup")
                    .containsEntry("correlationId", loss.correlationId()).containsEntry("sentAtMs", loss.sentAtMs());
        });
        robot.interact(() -> window.playground().scrubTo(12_000));
        waitFor(() -> window.sequence().readUntil() >= 12_000 && window.playground().getTime() == 12_000);
        waitFor(() -> robot.lookup(".lost").tryQuery().isPresent());
    }

    @Test
    void theHintSaysArrowsCanBeLost(FxRobot robot) {
        assertThat(WholeNames.read(robot.lookup("#sequenceHint").<Labeled>query().getText()))
                .isEqualTo("Click an arrow to go to that moment, right-click to lose it");
    }

}
