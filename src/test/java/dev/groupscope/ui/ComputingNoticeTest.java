package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Jumping to 30 s of a large run: until the frame at 30 s is computed, the panels (an earlier moment) are dimmed
 * under a notice naming both moments; the frame at 30 s takes the notice away. The model's thread is held here, so
 * "until" lasts as long as the test needs.
 */
@ExtendWith(ApplicationExtension.class)
class ComputingNoticeTest {

    private final HeldWorker worker = new HeldWorker(false);
    private GroupScopeWindow window;

    @Start
    void start(Stage stage) {
        PlaygroundViewModel viewModel = new PlaygroundViewModel(LargeClusterViewTest.scenario(), worker,
                Platform::runLater);
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), viewModel);
        window.show(UiLanguage.ENGLISH);
    }

    @AfterEach
    void stop() {
        worker.shutdown();
    }

    @Test
    void theMomentShownIsNeverPresentedAsTheOneStillBeingComputed(FxRobot robot) {
        waitFor(() -> window.playground().getFrame() != null && window.playground().getFrame().time() == 0);
        worker.hold();

        robot.interact(() -> window.playground().scrubTo(30_000));

        waitFor(() -> robot.lookup("#computingNotice").query().isVisible());
        assertThat(robot.lookup("#computingNotice").<Labeled>query().getText())
                .isEqualTo("Computing t = 30.0 s… The panels still show t = 0.0 s, the latest moment computed so far.");
        assertThat(robot.lookup("#clock").<Labeled>query().getText()).isEqualTo("t = 30.0 s");
        Node panels = robot.lookup("#stagePanes").query();
        assertThat(panels.getStyleClass()).contains("provisional");

        worker.release();

        waitFor(30, () -> window.playground().getFrame().time() == 30_000);
        waitFor(() -> !robot.lookup("#computingNotice").query().isVisible());
        assertThat(panels.getStyleClass()).doesNotContain("provisional");
    }



}
