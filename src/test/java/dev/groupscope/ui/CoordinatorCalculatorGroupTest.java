package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.ScenarioReader;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The calculator tab computes the group on screen, whenever it is opened: made with the window, before the run's
 * first frame (held here until the test lets it go), it still starts from the playground's group, and it follows
 * the group choice (Ctrl+G) unless the learner has typed an id of their own. Scenario: billing (B1) and shipping
 * (S1, S2) on one topic.
 */
@ExtendWith(ApplicationExtension.class)
class CoordinatorCalculatorGroupTest {

    private final HeldWorker worker = new HeldWorker(true);
    private GroupScopeWindow window;

    @Start
    void start(Stage stage) {
        PlaygroundViewModel twoGroups = new PlaygroundViewModel(
                ScenarioReader.read(Path.of("lessons/scenarios/two-groups-one-topic.json")), worker,
                Platform::runLater);
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), twoGroups);
        window.show(UiLanguage.ENGLISH);
    }

    @AfterEach
    void stop() {
        worker.shutdown();
    }

    @Test
    void openedBeforeTheFirstFrameItShowsThePlaygroundsGroupComputedOnceTheFrameArrives(FxRobot robot) {
        openCalculator(robot);
        assertThat(window.playground().getFrame()).isNull();
        assertThat(groupId(robot)).isEqualTo("billing");
        assertThat(text(robot, "#calcResult")).isEqualTo(
                "Computing the cluster at t = 0 s… the steps for \"billing\" follow.");

        worker.release();

        waitFor(() -> robot.lookup("#calc-step-LEADER").tryQuery().isPresent());
        assertThat(robot.lookup(".calc-step").queryAll()).hasSize(4);
        assertThat(text(robot, "#calcResult")).startsWith("→ Broker ").contains("coordinates \"billing\"");
    }

    @Test
    void choosingTheOtherGroupComputesThatGroup(FxRobot robot) {
        worker.release();
        showTwentySeconds(robot);
        openCalculator(robot);

        robot.push(KeyCode.CONTROL, KeyCode.G);
        waitFor(() -> window.playground().getFrame().group().groupId().equals("shipping"));
        WaitForAsyncUtils.waitForFxEvents();

        PlaygroundFrame frame = window.playground().getFrame();
        assertThat(groupId(robot)).isEqualTo("shipping");
        assertThat(text(robot, "#calcResult")).isEqualTo("→ Broker " + frame.group().coordinatorBroker()
                + " coordinates \"shipping\" (it leads __consumer_offsets-" + frame.group().offsetsPartition() + ").");
    }

    @Test
    void anIdTheLearnerTypedStaysWhenTheGroupChanges(FxRobot robot) {
        worker.release();
        showTwentySeconds(robot);
        openCalculator(robot);
        robot.interact(() -> robot.lookup("#calcGroupId").<TextField>query().setText("my-app"));

        robot.interact(() -> window.playground().showNextGroup());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(groupId(robot)).isEqualTo("my-app");

        robot.clickOn("#calcUsePlayground");
        assertThat(groupId(robot)).isEqualTo("shipping");
    }

    private void showTwentySeconds(FxRobot robot) {
        robot.interact(() -> window.playground().scrubTo(20_000));
        waitFor(() -> window.playground().getFrame() != null && window.playground().getFrame().time() == 20_000);
    }

    private void openCalculator(FxRobot robot) {
        robot.interact(() -> window.showTab("coordinatorTab"));
        waitFor(() -> robot.lookup("#calcGroupId").tryQuery().isPresent());
    }



    private static String groupId(FxRobot robot) {
        return robot.lookup("#calcGroupId").<TextField>query().getText();
    }

    private static String text(FxRobot robot, String query) {
        return WholeNames.read(robot.lookup(query).<Labeled>query().getText());
    }
}
