package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import dev.groupscope.sim.engine.SimEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The explanation panel at a lesson's assignment: the leader's assignor, one step at a time, and the partitions the
 * step shown places marked in the cluster.
 */
@ExtendWith(ApplicationExtension.class)
class ExplanationTraceViewTest {

    /** eager-join: C1 leads the first rebalance at 6.012 s and runs range (5 steps) over six partitions. */
    private static final long FIRST_ASSIGNMENT_MS = 6_012;

    private GroupScopeWindow window;

    @Start
    void start(Stage stage) {
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), PlaygroundViewModel.running(
                ScenarioReader.read(Path.of("lessons/scenarios/eager-join.json"))));
        window.show(UiLanguage.ENGLISH);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @Test
    void atTheAssignmentTheExplanationShowsStepOneAndNextMarksThePartitionsAStepPlaces(FxRobot robot) {
        showFirstAssignment(robot);

        assertThat(text(robot, "#traceTitle")).isEqualTo("1 / 5");
        assertThat(robot.lookup("#traceBox").query().getAccessibleText()).isEqualTo("How range decided: step 1 of 5");
        assertThat(sentence(robot)).startsWith("Range lines up each topic's subscribers in member-id order: C1, C2, C3");
        assertThat(placed(robot)).isEmpty();
        assertThat(robot.lookup("#tracePrevious").queryAs(Button.class).isDisabled()).isTrue();

        robot.clickOn("#traceNext");
        waitFor(() -> text(robot, "#traceTitle").equals("2 / 5"));
        assertThat(placed(robot)).as("the quota step places nothing").isEmpty();

        robot.clickOn("#traceNext");
        waitFor(() -> text(robot, "#traceTitle").equals("3 / 5"));
        assertThat(sentence(robot)).isEqualTo("C1 takes clicks-0..clicks-1: P / C = 2, no extra.");
        assertThat(placed(robot)).containsExactly("partition-clicks-0", "partition-clicks-1");
    }

    @Test
    void theBracketKeysStepThroughTheTraceAndTheNextEventHidesIt(FxRobot robot) {
        showFirstAssignment(robot);

        robot.type(KeyCode.CLOSE_BRACKET, 3);
        waitFor(() -> text(robot, "#traceTitle").equals("4 / 5"));
        assertThat(placed(robot)).containsExactly("partition-clicks-2", "partition-clicks-3");
        robot.type(KeyCode.OPEN_BRACKET);
        waitFor(() -> text(robot, "#traceTitle").equals("3 / 5"));
        assertThat(placed(robot)).containsExactly("partition-clicks-0", "partition-clicks-1");

        robot.clickOn("#next");
        waitFor(() -> !robot.lookup("#traceBox").query().isVisible());
        assertThat(placed(robot)).isEmpty();
    }

    @Test
    void theHelpListsTheTraceKeys(FxRobot robot) {
        assertThat(window.actions().require("trace.next").keyText()).isEqualTo("]");
        assertThat(window.actions().require("trace.previous").keyText()).isEqualTo("[");
    }

    private void showFirstAssignment(FxRobot robot) {
        waitFor(() -> window.playground().getFrame() != null);
        robot.interact(() -> window.playground().scrubTo(FIRST_ASSIGNMENT_MS));
        waitFor(() -> window.playground().getFrame().time() == FIRST_ASSIGNMENT_MS);
        // The other members' JoinGroup answers arrive in the same millisecond, after the leader's AssignorRun (their
        // order follows the order they joined in): step back to it, as a learner would.
        for (int i = 0; i < 8 && !currentType().equals("AssignorRun"); i++) {
            long seq = currentSeq();
            robot.interact(() -> window.playground().stepPrevious());
            waitFor(() -> currentSeq() != seq);
        }
        waitFor(() -> robot.lookup("#traceBox").query().isVisible());
    }

    private String currentType() {
        return window.playground().getFrame().current().map(SimEvent::type).orElse("");
    }

    private long currentSeq() {
        return window.playground().getFrame().current().map(SimEvent::seq).orElse(-1L);
    }

    private static List<String> placed(FxRobot robot) {
        return robot.lookup(".partition-row").queryAll().stream()
                .filter(node -> node.getStyleClass().contains("step-placed")).map(Node::getId).toList();
    }

    private static String sentence(FxRobot robot) {
        Node flow = robot.lookup("#trace-step .step-sentence").query();
        return ((TextFlow) flow).getAccessibleText();
    }

    private static String text(FxRobot robot, String query) {
        return ((Labeled) robot.lookup(query).query()).getText();
    }
}
