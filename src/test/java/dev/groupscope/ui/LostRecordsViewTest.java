package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A partition's row says how many of its records the group shown committed past without processing them. */
@ExtendWith(ApplicationExtension.class)
class LostRecordsViewTest {

    private GroupScopeWindow window;

    @Start
    void start(Stage stage) {
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(),
                PlaygroundViewModel.running(PlaygroundViewModel.readLesson("partitions-added")));
        window.show(UiLanguage.ENGLISH);
    }

    @Test
    void thePartitionsWhoseRecordsLatestSkippedAfterTheyWereAddedSayHowManyWereLost(FxRobot robot) {
        robot.interact(() -> window.playground().scrubTo(40_000));
        waitFor(() -> window.playground().getFrame() != null && window.playground().getFrame().time() == 40_000);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(numbers(robot, "logs-2")).endsWith(" · ✗ 11 lost"); // the lesson says so
        assertThat(numbers(robot, "logs-3")).endsWith(" · ✗ 7 lost");
        assertThat(numbers(robot, "logs-0")).doesNotContain("✗");

        robot.interact(() -> window.playground().showGroup("safe-indexer"));
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> !numbers(robot, "logs-2").contains("✗"));
    }

    private static String numbers(FxRobot robot, String partition) {
        return robot.lookup("#partition-" + partition + " .partition-numbers").<Labeled>query().getText();
    }
}
