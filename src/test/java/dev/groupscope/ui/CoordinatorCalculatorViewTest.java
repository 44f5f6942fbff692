package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.CoordinatorLookup;
import dev.groupscope.kafka.GroupCoordinatorPartitioning;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The coordinator calculator tab: type a group id and read every step down to its coordinator broker. */
@ExtendWith(ApplicationExtension.class)
class CoordinatorCalculatorViewTest {

    private GroupScopeWindow window;

    @Start
    void start(Stage stage) {
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), PlaygroundViewModel.playground());
        window.show(UiLanguage.ENGLISH);
    }

    @Test
    void theIntegerMinValueGroupGoesToPartitionZeroAndItsLeader(FxRobot robot) {
        openCalculatorAt(robot, 20_000);

        robot.interact(() -> robot.lookup("#calcGroupId").<TextField>query().setText("polygenelubricants"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(sentence(robot, "HASH")).contains("\"polygenelubricants\".hashCode() = -2,147,483,648");
        assertThat(sentence(robot, "ABS")).contains("Integer.MIN_VALUE").contains("= 0");
        assertThat(sentence(robot, "MODULO")).contains("0 mod 50").contains("__consumer_offsets-0");
        CoordinatorLookup expected = GroupCoordinatorPartitioning.findCoordinator("polygenelubricants", 50,
                window.playground().getFrame().details().offsetsTopic());
        assertThat(expected.isFound()).isTrue();
        assertThat(text(robot, "#calcResult")).isEqualTo("→ Broker " + expected.coordinator().getAsInt()
                + " coordinates \"polygenelubricants\" (it leads __consumer_offsets-0).");
    }

    @Test
    void thePlaygroundsGroupLandsOnTheBrokerTheClusterMarksAsCoordinator(FxRobot robot) {
        openCalculatorAt(robot, 20_000);
        robot.clickOn("#calcUsePlayground");

        PlaygroundFrame frame = window.playground().getFrame();
        assertThat(robot.lookup("#calcGroupId").<TextField>query().getText()).isEqualTo("orders-app");
        assertThat(text(robot, "#calcResult")).startsWith("→ Broker " + frame.group().coordinatorBroker() + " ");
        assertThat(sentence(robot, "MODULO")).endsWith("__consumer_offsets-" + frame.group().offsetsPartition() + ".");
    }

    @Test
    void anEmptyIdIsRefusedAsKafkaRefusesIt(FxRobot robot) {
        openCalculatorAt(robot, 20_000);

        robot.interact(() -> robot.lookup("#calcGroupId").<TextField>query().setText(""));

        assertThat(robot.lookup(".calc-step").queryAll()).isEmpty();
        assertThat(text(robot, "#calcResult")).contains("empty");
    }

    @Test
    void withNoIdTypedTheClusterLineStillFollowsTheTime(FxRobot robot) {
        openCalculatorAt(robot, 20_000);
        robot.interact(() -> robot.lookup("#calcGroupId").<TextField>query().setText(""));

        robot.interact(() -> window.playground().scrubTo(30_000));
        waitFor(() -> window.playground().getFrame().time() == 30_000);

        assertThat(text(robot, "#calcContext")).startsWith("Cluster at t = 30.0 s: brokers up 1, 2, 3;");
    }

    private void openCalculatorAt(FxRobot robot, long time) {
        robot.interact(() -> window.playground().scrubTo(time));
        waitFor(() -> window.playground().getFrame() != null && window.playground().getFrame().time() == time);
        robot.interact(() -> robot.lookup("#tabs").<TabPane>query().getSelectionModel().select(2));
        waitFor(() -> robot.lookup("#calcGroupId").tryQuery().isPresent());
    }

    private static String sentence(FxRobot robot, String kind) {
        HBox row = robot.lookup("#calc-step-" + kind).query();
        return WholeNames.read(((Labeled) row.getChildren().get(1)).getText());
    }

    private static String text(FxRobot robot, String query) {
        return WholeNames.read(robot.lookup(query).<Labeled>query().getText());
    }
}
