package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.ScenarioReader;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * In the pattern-new-topic lesson logs-app is deleted at 45 s, but C1 and C2 keep its partitions until the group
 * rebalances (their auto commit of them fails with UNKNOWN_TOPIC_OR_PARTITION meanwhile, KAFKA-13310). The cluster
 * no longer draws logs-app, so a chip of it on a card is marked as a deleted topic's, and says so in its tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class DeletedTopicChipsTest {

    private GroupScopeWindow window;
    private PlaygroundViewModel lesson;

    @Start
    void start(Stage stage) {
        lesson = PlaygroundViewModel.running(ScenarioReader.read(Path.of("lessons/scenarios/pattern-new-topic.json")));
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), lesson);
        window.show(UiLanguage.ENGLISH);
    }

    @Test
    void aChipOfADeletedTopicIsMarkedAndSaysWhy(FxRobot robot) {
        showAt(robot, 50_000);

        Label gone = chip(robot, "#owned-C1-logs-app-0");
        assertThat(gone.getStyleClass()).contains("deleted-partition");
        assertThat(gone.getTooltip()).isNotNull();
        assertThat(gone.getTooltip().getText()).contains("logs-app", "deleted", "C1");
        assertThat(chip(robot, "#owned-C1-logs-web-0").getStyleClass()).doesNotContain("deleted-partition");
    }

    @Test
    void theSameChipIsPlainWhileItsTopicExists(FxRobot robot) {
        showAt(robot, 50_000);
        waitFor(() -> chip(robot, "#owned-C1-logs-app-0").getStyleClass().contains("deleted-partition"));

        showAt(robot, 40_000);

        Label chip = chip(robot, "#owned-C1-logs-app-0");
        assertThat(chip.getStyleClass()).doesNotContain("deleted-partition");
        assertThat(chip.getTooltip()).isNull();
    }

    @Test
    void theTooltipIsInChineseInTheChineseWindow(FxRobot robot) {
        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        showAt(robot, 50_000);

        assertThat(chip(robot, "#owned-C1-logs-app-0").getTooltip().getText()).contains("logs-app", "已删除");
    }

    private void showAt(FxRobot robot, long time) {
        waitFor(() -> lesson.getFrame() != null);
        robot.interact(() -> lesson.scrubTo(time));
        waitFor(() -> lesson.getFrame().time() == time && robot.lookup("#owned-C1-logs-app-0").tryQuery().isPresent());
        FxWait.waitFor(() -> true);
    }

    private static Label chip(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return (Label) node;
    }
}
