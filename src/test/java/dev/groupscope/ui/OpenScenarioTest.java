package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.groupscope.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.DialogPane;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opening another scenario from the window (File → Open scenario…, File → Lessons): a file that cannot be shown is
 * refused with where it is wrong and the run shown goes on untouched; one that can takes the window, which stays as
 * the teacher set it up.
 */
@ExtendWith(ApplicationExtension.class)
class OpenScenarioTest {

    @TempDir
    Path dir;
    private GroupScopeWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), PlaygroundViewModel.playground());
        window.show(UiLanguage.ENGLISH);
    }

    @Test
    void aMalformedFileIsRefusedWithWhereItIsWrongAndTheRunAndItsBranchesGoOn(FxRobot robot) throws IOException {
        PlaygroundViewModel run = window.playground();
        FxWait.crashAt(robot, run, "C1", 12_000);
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"seed\": 1,\n  \"cluster\": {\"brokers\": 3}\n  \"topics\": []}\n");

        robot.interact(() -> window.open(() -> ScenarioReader.read(broken)));

        DialogPane refusal = refusal(robot);
        assertThat(WholeNames.read(refusal.getContentText())).contains("broken.json").contains("line 3, column 3");
        assertThat(refusal.getHeaderText()).contains("cannot be opened");
        assertThat(GroupScopeWindow.on(stage)).containsSame(window);
        assertThat(window.playground()).isSameAs(run);
        assertThat(run.branchesProperty().get()).hasSize(2);
        assertThat(run.getTime()).as("the moment the crash came, right after the one shown").isEqualTo(12_001);
        robot.interact(() -> refusal.getScene().getWindow().hide());
    }

    @Test
    void aScenarioWithoutConsumersIsRefusedInTheWindowsLanguage(FxRobot robot) throws IOException {
        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        Path empty = dir.resolve("no-consumers.json");
        Files.writeString(empty, "{\"seed\": 1, \"durationMs\": 60000, \"cluster\": {\"brokers\": 1},"
                + " \"topics\": [{\"name\": \"orders\", \"partitions\": 2}]}");

        robot.interact(() -> window.open(() -> ScenarioReader.read(empty)));

        DialogPane refusal = refusal(robot);
        assertThat(WholeNames.read(refusal.getContentText())).contains("no-consumers.json").contains("$.consumers").contains("消费者");
        robot.interact(() -> refusal.getScene().getWindow().hide());
    }

    @Test
    void aLessonFromTheMenuTakesTheWindowAsTheTeacherSetItUp(FxRobot robot) {
        PlaygroundViewModel before = window.playground();
        robot.interact(() -> {
            window.zoomIn();
            window.useTheme(Theme.DARK);
            window.togglePanel(GroupScopeWindow.EXPLANATION_PANEL);
            window.lab().addConsumer();
        });
        int labConsumers = window.lab().groupSizeProperty().get();

        robot.interact(() -> lessonItem(robot, "lesson-two-groups-one-topic").fire());

        GroupScopeWindow next = FxWait.replacing(stage, window);
        assertThat(next.playground()).isNotSameAs(before);
        assertThat(next.playground().groups()).containsExactly("billing", "shipping");
        assertThat(stage.getTitle()).isEqualTo("Two groups read the same topic independently — GroupScope");
        assertThat(before.playingProperty().get()).as("the run left behind stops").isFalse();
        assertThat(next.zoom()).isEqualTo(window.zoom());
        assertThat(next.theme()).isEqualTo(Theme.DARK);
        assertThat(next.panelHidden(GroupScopeWindow.EXPLANATION_PANEL)).isTrue();
        assertThat(next.lab()).isSameAs(window.lab());
        assertThat(next.lab().groupSizeProperty().get()).isEqualTo(labConsumers);
        waitFor(() -> next.playground().getFrame() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#group-choice").<ComboBox<String>>query().getValue()).isEqualTo("billing");
    }

    @Test
    void aLessonsFileOpenedFromDiskIsTitledAsFromTheMenuInTheWindowsLanguage(FxRobot robot) {
        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        String fromMenu = lessonItem(robot, "lesson-partitions-added").getText();
        Path copied = Path.of("lessons", "scenarios", "partitions-added.json"); // as a teacher keeps a copy

        robot.interact(() -> window.open(() -> ScenarioReader.read(copied)));

        FxWait.replacing(stage, window);
        assertThat(stage.getTitle()).isEqualTo(fromMenu + " — GroupScope").contains("latest").contains("分区");
    }

    @Test
    void aLessonOpenedInPresenterModeStaysInPresenterModeAndFullScreen(FxRobot robot) {
        TextZoom beforePresenter = window.zoom();
        robot.interact(window::togglePresenter);
        double presenterText = window.zoom().factor();

        robot.interact(() -> window.openLesson(new Lessons.Lesson("crash-and-rebalance")));
        GroupScopeWindow next = FxWait.replacing(stage, window);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(next.presenter()).isTrue();
        assertThat(stage.isFullScreen()).isTrue();
        assertThat(next.zoom().factor()).isEqualTo(presenterText);
        assertThat(stage.getScene().getRoot().getPseudoClassStates()).extracting(Object::toString).contains("presenter");
        robot.interact(next::togglePresenter);
        assertThat(stage.isFullScreen()).isFalse();
        assertThat(next.zoom()).as("the text size from before presenter mode").isEqualTo(beforePresenter);
    }

    @Test
    void theLessonsSubmenusShowTheWindowsTextSize(FxRobot robot) {
        robot.interact(() -> window.zoomTo(new TextZoom(1.4)));
        double windowText = window.zoom().fontPixels(UiLanguage.ENGLISH);

        MenuItem eagerJoin = lessonItem(robot, "lesson-eager-join");
        Menu rebalancing = eagerJoin.getParentMenu();
        robot.interact(() -> rebalancing.getParentMenu().getParentMenu().show());
        // As a keyboard opens them: Open scenario…, Lessons ▸, Consumer groups, Rebalancing ▸.
        robot.type(KeyCode.DOWN, 2).type(KeyCode.RIGHT).type(KeyCode.DOWN).type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        Node lesson = eagerJoin.getStyleableNode();

        assertThat(lesson).as("the submenu is shown").isNotNull();
        Label title = (Label) lesson.lookup(".label");
        assertThat(title.getFont().getSize()).isEqualTo(windowText, within(0.1));
        robot.interact(() -> rebalancing.getParentMenu().getParentMenu().hide());
    }

    private static DialogPane refusal(FxRobot robot) {
        waitFor(() -> robot.lookup("#open-failed").tryQuery().isPresent());
        return robot.lookup("#open-failed").query();
    }

    private static MenuItem lessonItem(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menuBar").query();
        for (Menu menu : bar.getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (item instanceof Menu lessons && "lessonsMenu".equals(lessons.getId())) {
                    for (MenuItem section : lessons.getItems()) {
                        for (MenuItem lesson : ((Menu) section).getItems()) {
                            if (id.equals(lesson.getId())) {
                                return lesson;
                            }
                        }
                    }
                }
            }
        }
        throw new AssertionError("no menu item " + id);
    }
}
