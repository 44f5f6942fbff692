package dev.groupscope.ui;

import javafx.stage.Stage;

/** For window tests: the main window on the built-in playground (or a lesson), in English, the size of a 1280×800 projector. */
final class ProjectorWindow {

    /** The Compare assignors tab's columns, in the order it shows them (ids "compare-<name>-…"). */
    static final java.util.List<String> COMPARE_COLUMNS = java.util.List.of("range", "roundrobin", "sticky",
            "cooperative-sticky", "legacy");

    private ProjectorWindow() {
    }

    static GroupScopeWindow open(Stage stage) {
        return open(stage, PlaygroundViewModel.playground());
    }

    /** The same window on one of the lessons, by name ("two-groups-one-topic"). */
    static GroupScopeWindow openLesson(Stage stage, String lesson) {
        return open(stage, PlaygroundViewModel.running(PlaygroundViewModel.readLesson(lesson)));
    }

    private static GroupScopeWindow open(Stage stage, PlaygroundViewModel run) {
        GroupScopeWindow window = new GroupScopeWindow(stage, new AssignorLabViewModel(), run);
        window.show(UiLanguage.ENGLISH);
        stage.setWidth(1280);
        stage.setHeight(800);
        return window;
    }

    /**
     * The Assignor lab's tallest round, as the screen tour's "lab-six-withheld": six members under cooperative-sticky,
     * the last join withholding a partition.
     */
    static void labSixWithheld(org.testfx.api.FxRobot robot, GroupScopeWindow window) {
        robot.interact(() -> window.showTab("labTab"));
        FxWait.waitFor(() -> robot.lookup("#consumers").tryQuery().isPresent());
        robot.interact(() -> {
            window.lab().strategyProperty().set("cooperative-sticky");
            while (window.lab().groupSizeProperty().get() < 6) {
                window.lab().addConsumer();
            }
        });
    }

    /** In {@code language} at {@code zoom}, the window 1280×800 again (a zoom may have resized it), laid out. */
    static void showAt(org.testfx.api.FxRobot robot, GroupScopeWindow window, Stage stage, UiLanguage language,
                       TextZoom zoom) {
        robot.interact(() -> window.switchTo(language));
        robot.interact(() -> {
            window.zoomTo(zoom);
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        FxWait.settle(robot, window);
    }

    /** In {@code language}, presenter mode at the largest text, the window 1280×800 again (presenter goes full screen). */
    static void presenterAtLargestText(org.testfx.api.FxRobot robot, GroupScopeWindow window, Stage stage,
                                       UiLanguage language) {
        robot.interact(() -> window.switchTo(language));
        robot.interact(window::togglePresenter);
        robot.interact(() -> {
            window.zoomTo(new TextZoom(TextZoom.MAX));
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        FxWait.settle(robot, window);
    }
}
