package dev.groupscope.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.ui.GroupScopeWindow;
import dev.groupscope.ui.PlaygroundViewModel;
import java.util.List;
import java.util.Locale;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * How the window starts for a person: the playground already moving, and the shortcut to the day's lesson
 * ({@code --lesson}) paused under the card saying what the lesson shows, as File → Lessons opens it.
 */
@ExtendWith(ApplicationExtension.class)
class LiveStartTest {

    @Test
    void thePlaygroundStartsPlaying(FxRobot robot) {
        GroupScopeWindow window = start(robot, List.of());

        assertThat(window.aboutShown()).isFalse();
        assertThat(window.playground().playingProperty().get()).isTrue();
    }

    @Test
    void aLessonStartsPausedUnderItsCardUntilSpacePutsItAwayAndPlays(FxRobot robot) throws Exception {
        GroupScopeWindow window = start(robot, List.of("--lesson=crash-and-rebalance", "--lang=zh-CN"));

        assertThat(window.aboutShown()).isTrue();
        assertThat(window.playground().playingProperty().get()).isFalse();
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, window::complete);
        WaitForAsyncUtils.waitForFxEvents();

        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.aboutShown()).isFalse();
        assertThat(window.playground().playingProperty().get()).isTrue();
    }

    private static GroupScopeWindow start(FxRobot robot, List<String> args) {
        AppOptions options = AppOptions.parse(args, Locale.US);
        StartScenario start = StartScenario.of(options, 0);
        GroupScopeWindow[] window = new GroupScopeWindow[1];
        robot.interact(() -> {
            window[0] = new GroupScopeWindow(new Stage(), PlaygroundViewModel.running(start.scenario()));
            GroupScopeApp.showLive(window[0], options, start.startAtMs());
        });
        WaitForAsyncUtils.waitForFxEvents();
        return window[0];
    }
}
