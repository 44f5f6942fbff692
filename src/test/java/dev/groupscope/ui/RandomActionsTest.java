package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A class left alone with the window: every action of its registry (each key, menu item and toolbar button) and the
 * mouse's what-ifs and scrubbing, in a random order, with the run playing in between. Nothing may throw, on the FX
 * thread or on the simulation's, and the window must still show the moment it says it shows.
 */
@ExtendWith(ApplicationExtension.class)
class RandomActionsTest {

    /** Actions that open a file chooser or leave the window: a person answers those, not the test. */
    private static final Set<String> NEEDS_A_PERSON = Set.of("open", "save", "export.topologySvg",
            "export.topologyPng", "export.sequenceSvg", "quit", "fullScreen");
    private static final int MOVES = 120;

    private final List<Throwable> thrown = Collections.synchronizedList(new ArrayList<>());
    private Thread.UncaughtExceptionHandler before;
    private Stage stage;
    private GroupScopeWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> thrown.add(error));
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> thrown.add(error));
    }

    @AfterEach
    void restore(FxRobot robot) {
        robot.interact(() -> {
            if (window != null) {
                window.playground().close();
            }
        });
        Thread.setDefaultUncaughtExceptionHandler(before);
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @CsvSource({"playground, 1", "coordinator-failover, 2", "worker-pool-by-key, 3", "two-groups-one-topic, 4"})
    void anyActionInAnyOrderLeavesTheWindowWorking(String lesson, long seed, FxRobot robot) {
        robot.interact(() -> {
            window = new GroupScopeWindow(stage, new AssignorLabViewModel(),
                    PlaygroundViewModel.running(PlaygroundViewModel.readLesson(lesson)));
            window.show(UiLanguage.ENGLISH);
        });
        Random random = new Random(seed);
        List<UiAction> actions = window.actions().all().stream()
                .filter(action -> !NEEDS_A_PERSON.contains(action.id())).toList();
        List<String> done = new ArrayList<>();
        for (int move = 0; move < MOVES && thrown.isEmpty(); move++) {
            done.add(makeOne(random, actions, robot));
            if (random.nextInt(5) == 0) {
                WaitForAsyncUtils.sleep(random.nextInt(300), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            WaitForAsyncUtils.waitForFxEvents();
        }
        robot.interact(() -> window.playground().pause());
        FxWait.waitFor(() -> !window.playground().computingProperty().get());

        assertThat(thrown).as("thrown after %s", done).isEmpty();
        assertThat(window.playground().getFrame()).as("a frame is shown after %s", done).isNotNull();
        assertThat(window.playground().getFrame().time()).as("the frame shown is at t after %s", done)
                .isEqualTo(window.playground().getTime());
    }

    private String makeOne(Random random, List<UiAction> actions, FxRobot robot) {
        int kind = random.nextInt(10);
        if (kind < 6) {
            UiAction action = actions.get(random.nextInt(actions.size()));
            robot.interact(() -> action.handler().run());
            return action.id();
        }
        if (kind == 6) {
            long to = (long) (random.nextDouble() * Math.max(1, window.playground().horizonProperty().get()));
            robot.interact(() -> window.playground().scrubTo(to));
            return "scrub " + to;
        }
        if (kind == 7) {
            PlaygroundViewModel.WhatIf what = PlaygroundViewModel.WhatIf.values()[
                    random.nextInt(PlaygroundViewModel.WhatIf.values().length)];
            robot.interact(() -> window.playground().act(what, null));
            return "what-if " + what;
        }
        if (kind == 8) {
            UiLanguage next = window.language() == UiLanguage.ENGLISH ? UiLanguage.SIMPLIFIED_CHINESE : UiLanguage.ENGLISH;
            robot.interact(() -> window.switchTo(next));
            return "language " + next;
        }
        robot.interact(() -> window.playground().play());
        WaitForAsyncUtils.sleep(200 + random.nextInt(500), java.util.concurrent.TimeUnit.MILLISECONDS);
        return "play a while";
    }
}
