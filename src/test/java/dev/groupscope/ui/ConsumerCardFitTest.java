package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.ScenarioReader;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A consumer's card keeps its Crash button inside the group panel at 1280×800 even when its top row is at its
 * fullest: the leader, "syncing" and no partitions yet (a cooperative group's first SyncGroup).
 */
@ExtendWith(ApplicationExtension.class)
class ConsumerCardFitTest {

    private GroupScopeWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), PlaygroundViewModel.running(
                ScenarioReader.read(Path.of("lessons/scenarios/cooperative-join.json"))));
        window.show(UiLanguage.ENGLISH);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @Test
    void theLeadersCrashButtonStaysInsideItsCardWhileItSyncsWithNoPartitionsInEitherLanguage(FxRobot robot) {
        showSyncingLeader(robot);
        assertCrashButtonInsideCard(robot);

        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        showSyncingLeader(robot);
        assertCrashButtonInsideCard(robot);
    }

    private void showSyncingLeader(FxRobot robot) {
        robot.interact(() -> window.playground().scrubTo(6_015));
        waitFor(() -> window.playground().getFrame() != null && window.playground().getFrame().time() == 6_015
                && robot.lookup("#crash-C1").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.getScene().getRoot().layout());
        PlaygroundFrame.ConsumerRow c1 = window.playground().getFrame().consumers().stream()
                .filter(row -> row.clientId().equals("C1")).findFirst().orElseThrow();
        assertThat(c1.leader()).isTrue();
        assertThat(c1.assigned()).as("the moment has the leader syncing with nothing yet").isEmpty();
    }

    private static void assertCrashButtonInsideCard(FxRobot robot) {
        Node card = robot.lookup("#consumer-C1").query();
        Node crash = robot.lookup("#crash-C1").query();
        Bounds cardBounds = card.localToScene(card.getLayoutBounds());
        Bounds crashBounds = crash.localToScene(crash.getLayoutBounds());
        assertThat(crashBounds.getMaxX()).as("the Crash button's right edge against its card's")
                .isLessThanOrEqualTo(cardBounds.getMaxX());
        // What the group panel's scroll pane shows of it: a card wider than the viewport is cut at its edge.
        Node parent = card.getParent();
        while (!(parent instanceof ScrollPane)) {
            parent = parent.getParent();
        }
        ScrollPane scroll = (ScrollPane) parent;
        Bounds shown = scroll.getContent().localToScene(scroll.getContent().getLayoutBounds());
        assertThat(shown.getWidth()).as("the group panel's content against its viewport's width")
                .isLessThanOrEqualTo(scroll.getViewportBounds().getWidth() + 0.5);
        assertThat(crashBounds.getMaxX()).as("the Crash button's right edge against what the panel shows")
                .isLessThanOrEqualTo(scroll.localToScene(scroll.getLayoutBounds()).getMaxX());
    }
}
