package dev.groupscope.app;

import dev.groupscope.ui.GroupScopeWindow;
import dev.groupscope.ui.PlaygroundViewModel;
import dev.groupscope.ui.Snapshots;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The JavaFX application: parses the window's options ({@link AppOptions}) and opens {@link GroupScopeWindow}.
 * With {@code --snapshot=out.png} it shows the window, lets layout and CSS settle, writes the scene at 2× as
 * PNG and quits, so one command both smoke-tests the real start-up path and makes documentation images.
 */
public final class GroupScopeApp extends Application {

    static final double SNAPSHOT_SCALE = 2.0;
    static final long SNAPSHOT_AT_MS = 30_000;
    /**
     * How long a snapshot waits once the frame of its moment is shown: longer than a partition chip's move to its
     * new owner (ChipMotion, 0.9 s), which the frames shown on the way to the moment can start; at 0.5 s a snapshot
     * of commit-on-revoke at 46 s caught a chip in flight over a consumer's title.
     */
    private static final Duration SETTLE = Duration.millis(1_500);
    private static volatile int exitStatus;
    /** Options and scenario checked by {@link #launchApp} before the toolkit starts, handed to {@link #start}. */
    private static volatile Prepared prepared;
    /** Set when the toolkit has started and calls {@link #start}: a launch that fails before it had no display. */
    private static volatile boolean started;
    /**
     * JavaFX warns on every start that it runs from the class path ("Unsupported JavaFX configuration"): the jar
     * does so by design (one jar, no module path to set up), so a teacher need not read it. Held here because
     * java.util.logging keeps loggers only weakly, and a collected logger would forget the filter.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private record Prepared(AppOptions options, StartScenario start) {
    }

    /** Launches the window and returns the status to exit with: 0, or 1 if a snapshot failed, 2 for bad options. */
    static int launchApp(String[] args) {
        try {
            AppOptions options = AppOptions.parse(List.of(args), Locale.getDefault());
            prepared = new Prepared(options, StartScenario.of(options, defaultAt(options)));
        } catch (IllegalArgumentException e) {
            System.err.println("groupscope: " + e.getMessage());
            return 2;
        }
        JAVAFX_LOG.setFilter(message -> message.getMessage() == null
                || !message.getMessage().startsWith("Unsupported JavaFX configuration"));
        try {
            Application.launch(GroupScopeApp.class, args);
        } catch (RuntimeException | Error e) {
            if (started) {
                throw e; // the window itself failed: a bug, whose stack trace is worth having
            }
            System.err.println("groupscope: cannot open the window: " + rootMessage(e)
                    + " (the simulate, export and other commands need no display)");
            return 2;
        }
        return exitStatus;
    }

    /** The innermost message: glass says "Unable to open DISPLAY" under the launcher's wrappers. */
    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    @Override
    public void start(Stage stage) {
        started = true;
        Prepared ready = prepared;
        if (ready == null) {
            // Only through javafx:run, which starts this class without Launcher's check.
            try {
                AppOptions options = AppOptions.parse(getParameters().getRaw(), Locale.getDefault());
                ready = new Prepared(options, StartScenario.of(options, defaultAt(options)));
            } catch (IllegalArgumentException e) {
                System.err.println("groupscope: " + e.getMessage());
                exitStatus = 2;
                Platform.exit();
                return;
            }
        }
        AppOptions options = ready.options();
        long at = ready.start().startAtMs();
        PlaygroundViewModel run = PlaygroundViewModel.running(ready.start().scenario());
        options.group().ifPresent(run::showGroup);
        GroupScopeWindow window = new GroupScopeWindow(stage, run);
        window.useTheme(options.theme());
        if (options.snapshot().isPresent()) {
            // A picture of the whole window, so the whole window at once; start-up time does not matter here.
            window.show(options.language());
            // A documentation image: paused at a moment (by default one with a stable group and some lag).
            window.playground().scrubTo(at);
            whenShowing(window, at, () -> snapshotThenExit(stage, options.snapshot().get()));
        } else {
            showLive(window, options, at);
        }
    }

    /**
     * The window as a person starts it: its panels first, at {@code at}, playing the built-in playground — or, for
     * {@code --lesson} (the shortcut to the day's lesson) and a {@code --scenario} that says what it shows, as File →
     * Lessons opens one: paused, under the card saying what it shows; any key puts the card away (Space plays).
     */
    static void showLive(GroupScopeWindow window, AppOptions options, long at) {
        window.showContentFirst(options.language());
        if (at > 0) {
            window.playground().scrubTo(at);
        }
        if (options.lesson().isPresent() || options.scenario().isPresent()) {
            window.introduce();
        }
        if (!window.aboutShown()) {
            window.playground().play();
        }
    }

    /** Where t starts without {@code --at}: a snapshot pictures a settled moment, a live window starts at 0. */
    private static long defaultAt(AppOptions options) {
        return options.snapshot().isPresent() ? SNAPSHOT_AT_MS : 0;
    }

    private static void whenShowing(GroupScopeWindow window, long at, Runnable then) {
        if (window.playground().getFrame() != null && window.playground().getFrame().time() == at) {
            then.run();
            return;
        }
        window.playground().frameProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends dev.groupscope.ui.PlaygroundFrame> value,
                                dev.groupscope.ui.PlaygroundFrame before, dev.groupscope.ui.PlaygroundFrame now) {
                if (now.time() == at) {
                    value.removeListener(this);
                    then.run();
                }
            }
        });
    }

    private static void snapshotThenExit(Stage stage, Path file) {
        PauseTransition settle = new PauseTransition(SETTLE);
        settle.setOnFinished(event -> {
            try {
                Image image = Snapshots.writePng(stage.getScene().getRoot(), SNAPSHOT_SCALE, file);
                System.out.printf("wrote %s (%d x %d)%n", file, (int) image.getWidth(), (int) image.getHeight());
            } catch (IOException | RuntimeException e) {
                System.err.println("groupscope: cannot write snapshot " + file + ": " + e.getMessage());
                exitStatus = 1;
            }
            Platform.exit();
        });
        settle.play();
    }
}
