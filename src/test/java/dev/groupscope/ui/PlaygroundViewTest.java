package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window on Monocle: the playground's nodes show the model at t; play, step and crash as a teacher would. */
@ExtendWith(ApplicationExtension.class)
class PlaygroundViewTest {

    private GroupScopeWindow window;

    @Start
    void start(Stage stage) {
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), PlaygroundViewModel.playground());
        window.show(UiLanguage.ENGLISH);
    }

    @Test
    void showsBrokersPartitionsAndTheGroupAtTimeZero(FxRobot robot) {
        waitFor(() -> robot.lookup("#partition-orders-5").tryQuery().isPresent());

        assertThat(robot.lookup("#broker-1").tryQuery()).isPresent();
        assertThat(robot.lookup("#broker-3").tryQuery()).isPresent();
        assertThat(robot.lookup("#group-state-Empty").tryQuery()).isPresent();
        assertThat(text(robot, "#clock")).isEqualTo("t = 0.0 s");
    }

    @Test
    void playingMovesTimeAndPausingStopsIt(FxRobot robot) {
        robot.clickOn("#play");
        waitFor(() -> window.playground().getTime() > 300);
        assertThat(text(robot, "#play")).contains("Pause");

        robot.clickOn("#play");
        long paused = window.playground().getTime();
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        assertThat(window.playground().getTime()).isEqualTo(paused);
    }

    @Test
    void steppingReachesAStableGroupWithThreeConsumersAndALeader(FxRobot robot) {
        stepUntil(robot, () -> lit(robot, "Stable"));

        assertThat(robot.lookup("#consumer-C1").tryQuery()).isPresent();
        assertThat(robot.lookup("#consumer-C2").tryQuery()).isPresent();
        assertThat(robot.lookup("#consumer-C3").tryQuery()).isPresent();
        assertThat(robot.lookup(".leader-badge").queryAll().stream().filter(Node::isVisible).count()).isEqualTo(1);
        assertThat(robot.lookup(".broker.coordinator").queryAll()).hasSize(1);
        assertThat(text(robot, "#explanation")).isNotBlank();
        assertThat(text(robot, "#groupSummary")).startsWith("Generation 1");
    }

    @Test
    void crashingAConsumerBringsARebalanceAfterSteppingOn(FxRobot robot) {
        stepUntil(robot, () -> lit(robot, "Stable"));
        robot.interact(() -> window.playground().scrubTo(window.playground().getTime() + 5_000));
        waitFor(() -> window.playground().getFrame().time() == window.playground().getTime());

        robot.clickOn("#crash-C2");
        waitFor(() -> text(robot, "#member-state-C2").equals("crashed"));

        stepUntil(robot, () -> text(robot, "#groupSummary").startsWith("Generation 2") && lit(robot, "Stable"));
        stepUntil(robot, () -> robot.lookup(".part-chip").queryAll().stream().map(Node::getId)
                .filter(id -> id != null && (id.startsWith("owned-C1-") || id.startsWith("owned-C3-"))).count() == 6);
        assertThat(robot.lookup("#owned-C2-orders-2").tryQuery()).isEmpty();
    }

    @Test
    void aPartitionWhoseRecordsWereProcessedAgainSaysSoUnderItsStrip(FxRobot robot) {
        // C2 crashes at 20 s with records processed since its last auto commit; its session ends at 30 s.
        robot.interact(() -> window.playground().scrubTo(20_000));
        waitFor(() -> window.playground().getFrame().time() == 20_000);
        robot.clickOn("#crash-C2");
        robot.interact(() -> window.playground().scrubTo(50_000));
        waitFor(() -> window.playground().getFrame().time() == 50_000);

        // What C2 processed after its last auto commit, the partitions' next owner processed again.
        PlaygroundFrame frame = window.playground().getFrame();
        Map<String, Long> again = new java.util.TreeMap<>();
        for (String partition : List.of("orders-2", "orders-3")) {
            again.put(partition, frame.details().partition(partition).orElseThrow().groups().get(0).processedAgain());
        }
        assertThat(again.values()).anyMatch(count -> count > 0);
        again.forEach((partition, count) -> assertThat(text(robot, "#partition-" + partition + " .partition-numbers"))
                .as(partition).satisfies(numbers -> {
                    if (count > 0) {
                        assertThat(numbers).endsWith(" · ↻ " + count + " again");
                    } else {
                        assertThat(numbers).doesNotContain("↻");
                    }
                }));
    }

    @Test
    void aPartitionThatChangesOwnerFliesToItsNewConsumerOnTheSameNode(FxRobot robot) {
        stepUntil(robot, () -> lit(robot, "Stable"));
        robot.interact(() -> window.playground().scrubTo(window.playground().getTime() + 5_000));
        waitFor(() -> window.playground().getFrame().time() == window.playground().getTime());
        Node before = robot.lookup("#owned-C2-orders-2").query();
        boolean[] flew = new boolean[1];
        robot.interact(() -> before.translateYProperty().addListener((value, was, now) -> {
            if (now.doubleValue() != 0) {
                flew[0] = true;
            }
        }));

        robot.clickOn("#crash-C2");
        stepUntil(robot, () -> robot.lookup(".part-chip").queryAll().stream().map(Node::getId)
                .anyMatch(id -> id != null && id.matches("owned-C[13]-orders-2")));

        Node after = robot.lookup(".part-chip").queryAll().stream()
                .filter(node -> node.getId() != null && node.getId().matches("owned-C[13]-orders-2")).findFirst()
                .orElseThrow();
        assertThat(after).as("the chip is the partition's node, reused, not a new one").isSameAs(before);
        assertThat(flew[0]).as("the chip started at C2's card and moved (C2 is above its new owner or below)")
                .isTrue();
        waitFor(() -> after.getTranslateX() == 0 && after.getTranslateY() == 0);
    }

    private static boolean lit(FxRobot robot, String state) {
        return robot.lookup("#group-state-" + state).query().getStyleClass().contains("lit");
    }

    private static void stepUntil(FxRobot robot, BooleanSupplier done) {
        for (int i = 0; i < 300 && !done.getAsBoolean(); i++) {
            robot.clickOn("#next");
            WaitForAsyncUtils.waitForFxEvents();
            sleepBriefly(robot);
        }
        assertThat(done.getAsBoolean()).as("reached after stepping").isTrue();
    }

    private static void sleepBriefly(FxRobot robot) {
        WaitForAsyncUtils.sleep(30, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).<Labeled>query().getText();
    }
}
