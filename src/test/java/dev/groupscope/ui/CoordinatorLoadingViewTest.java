package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.ScenarioReader;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The coordinator-slow-load lesson between 20 s and 23 s: broker 3 still reads __consumer_offsets-13. The group panel
 * shows the group as the partition stores it (Stable, generation 1, its committed offsets on the partitions) and says
 * that its coordinator is still reading and refusing requests until 23.0 s; once the read is over it says nothing of
 * it.
 */
@ExtendWith(ApplicationExtension.class)
class CoordinatorLoadingViewTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void whileTheNewCoordinatorReadsThePartitionTheGroupPanelSaysUntilWhen(FxRobot robot) {
        PlaygroundFrame.GroupRow loading = LessonFrames.at("coordinator-slow-load.json", 21_500).group();
        assertThat(loading.loading()).isTrue();
        assertThat(loading.loadEndsAt()).isEqualTo(23_000);
        assertThat(loading.state()).isEqualTo("Stable");
        assertThat(loading.generation()).isEqualTo(1);
        assertThat(LessonFrames.at("coordinator-slow-load.json", 21_500).partitions())
                .allSatisfy(partition -> assertThat(partition.committed()).isNotNull());
        assertThat(LessonFrames.at("coordinator-slow-load.json", 23_000).group().loading()).isFalse();

        GroupScopeWindow window = open(robot);
        robot.interact(() -> window.playground().scrubTo(21_500));
        waitFor(() -> window.playground().getFrame() != null && window.playground().getFrame().time() == 21_500);
        FxWait.settle(robot, window);
        assertThat(summary(robot)).isEqualTo("Generation 1 · range · leader C1 · coordinator: broker 3, still reading "
                + "__consumer_offsets-13 until 23.0 s: requests refused");

        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        FxWait.settle(robot, window);
        assertThat(summary(robot)).contains("仍在读取 __consumer_offsets-13", "23.0 秒");

        robot.interact(() -> window.switchTo(UiLanguage.ENGLISH));
        robot.interact(() -> window.playground().scrubTo(23_500));
        waitFor(() -> window.playground().getFrame() != null && window.playground().getFrame().time() == 23_500);
        FxWait.settle(robot, window);
        assertThat(summary(robot)).doesNotContain("reading").contains("coordinator: broker 3 (__consumer_offsets-13)");
    }

    private GroupScopeWindow open(FxRobot robot) {
        GroupScopeWindow[] made = new GroupScopeWindow[1];
        robot.interact(() -> {
            made[0] = new GroupScopeWindow(stage, new AssignorLabViewModel(), PlaygroundViewModel.running(
                    ScenarioReader.read(Path.of("lessons/scenarios/coordinator-slow-load.json"))));
            made[0].show(UiLanguage.ENGLISH);
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        return made[0];
    }

    private static String summary(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = WholeNames.read(robot.lookup("#groupSummary").<Label>query().getText()));
        return text[0];
    }
}
