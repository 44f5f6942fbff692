package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.ScenarioReader;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A lesson whose partitions have longer names than the playground's (close-during-failover: transfers-0 to -3) on a
 * 1280x800 projector, before and after a partition loses its owner (the wider "no owner" chip) and after the other
 * group is chosen: every partition's name is whole, the strips take what the rows have left.
 */
@ExtendWith(ApplicationExtension.class)
class LongPartitionNamesTest {

    private GroupScopeWindow window;

    @Start
    void start(Stage stage) {
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), PlaygroundViewModel.running(
                ScenarioReader.read(Path.of("lessons/scenarios/close-during-failover.json"))));
        window.show(UiLanguage.ENGLISH);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @Test
    void noPartitionNameIsCutShortWhicheverGroupIsShown(FxRobot robot) {
        for (long at : new long[] {15_000, 21_000, 30_000}) {
            robot.interact(() -> window.playground().scrubTo(at));
            waitFor(() -> window.playground().getFrame().time() == at);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(TruncatedText.in(window.stageRoot())).as("payments at %d ms", at).isEmpty();
        }
        robot.interact(() -> window.playground().showGroup("reports"));
        waitFor(() -> robot.lookup("#consumer-R1").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(TruncatedText.in(window.stageRoot())).as("reports").isEmpty();
    }
}
