package dev.groupscope.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.ui.GroupScopeWindow;
import dev.groupscope.ui.PlaygroundViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * How the window starts for a person: the playground already moving, and the shortcut to the day's lesson
 * ({@code --lesson}) paused under the card saying what the lesson shows, as File → Lessons opens it.
 */
@ExtendWith(ApplicationExtension.class)
class LiveStartTest {

    private final List<GroupScopeWindow> started = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();

    @AfterEach
    void closeTheWindows(FxRobot robot) {
        // The test fork is shared: a window left open would go on playing, and take the keys of later tests.
        robot.interact(() -> {
            stages.forEach(Stage::close);
            started.forEach(window -> window.playground().close());
        });
    }

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
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, window::complete);
        WaitForAsyncUtils.waitForFxEvents();

        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.aboutShown()).isFalse();
        assertThat(window.playground().playingProperty().get()).isTrue();
    }

    @Test
    void aScenarioFileStartsUnderItsCardOnlyIfItSaysWhatItShows(FxRobot robot, @TempDir Path dir) throws Exception {
        String bare = """
                {"name": "Bare", "durationMs": 10000, "cluster": {"brokers": 1},
                 "topics": [{"name": "t", "partitions": 1}],
                 "consumers": [{"id": "C1", "groupId": "g", "topics": ["t"]}]}
                """;
        Path silent = Files.writeString(dir.resolve("silent.json"), bare);
        Path described = Files.writeString(dir.resolve("described.json"),
                bare.replace("\"name\": \"Bare\",", "\"name\": \"Bare\", \"description\": \"C1 reads t.\","));

        GroupScopeWindow withCard = start(robot, List.of("--scenario=" + described));
        GroupScopeWindow without = start(robot, List.of("--scenario=" + silent));

        assertThat(withCard.aboutShown()).isTrue();
        assertThat(withCard.playground().playingProperty().get()).isFalse();
        assertThat(without.aboutShown()).isFalse();
        assertThat(without.playground().playingProperty().get()).isTrue();
    }

    private GroupScopeWindow start(FxRobot robot, List<String> args) {
        AppOptions options = AppOptions.parse(args, Locale.US);
        StartScenario start = StartScenario.of(options, 0);
        GroupScopeWindow[] window = new GroupScopeWindow[1];
        robot.interact(() -> {
            Stage stage = new Stage();
            stages.add(stage);
            window[0] = new GroupScopeWindow(stage, PlaygroundViewModel.running(start.scenario()));
            GroupScopeApp.showLive(window[0], options, start.startAtMs());
        });
        WaitForAsyncUtils.waitForFxEvents();
        started.add(window[0]);
        return window[0];
    }
}
