package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What-if work is not lost: the branch shown saves as a scenario file that opens as that branch, and letting a run
 * with unsaved what-ifs go (another lesson, quitting, closing the window) asks first.
 */
@ExtendWith(ApplicationExtension.class)
class SaveRunTest {

    @TempDir
    Path dir;
    private GroupScopeWindow window;
    private Stage stage;
    private PlaygroundViewModel run;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), PlaygroundViewModel.playground());
        window.show(UiLanguage.ENGLISH);
        run = window.playground();
    }

    @Test
    void theBranchShownSavesAsAScenarioThatOpensAsThatBranch(FxRobot robot) throws Exception {
        crashC2At12Seconds(robot);
        Path file = dir.resolve("crash-demo.json");

        assertThat(saved(robot, file)).isTrue();
        assertThat(Files.readString(file)).contains("\"action\": \"crashConsumer\"").contains("\"atMs\": 12001");
        robot.interact(() -> window.open(() -> ScenarioReader.read(file)));

        GroupScopeWindow next = FxWait.replacing(stage, window);
        assertThat(robot.lookup("#unsaved-run").tryQuery()).as("saved: nothing to ask").isEmpty();
        assertThat(stage.getTitle()).as("a file's own name, not a lesson's title")
                .isEqualTo("Playground: three consumers share six partitions — GroupScope");
        PlaygroundViewModel reopened = next.playground();
        waitFor(() -> reopened.getFrame() != null);
        robot.interact(() -> reopened.scrubTo(20_000));
        waitFor(() -> reopened.getFrame().time() == 20_000);
        assertThat(reopened.getFrame().consumer("C2").orElseThrow().state()).isEqualTo("CRASHED");
        assertThat(reopened.branchesProperty().get()).as("the what-if is now the scenario as written").hasSize(1);
    }

    @Test
    void openingALessonOverUnsavedWhatIfsAsksAndCancelKeepsTheRunAndItsBranches(FxRobot robot) {
        crashC2At12Seconds(robot);

        robot.interact(() -> window.openLesson(new Lessons.Lesson("eager-join")));

        DialogPane question = question(robot);
        assertThat(WholeNames.read(question.getContentText())).contains("replaces the run shown").contains("(1)");
        robot.interact(() -> button(question, ButtonType.CANCEL.getButtonData()).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(GroupScopeWindow.on(stage)).containsSame(window);
        assertThat(run.branchesProperty().get()).hasSize(2);
        assertThat(run.getTime()).as("the moment the crash came, right after the one shown").isEqualTo(12_001);
    }

    @Test
    void dontSaveOpensTheLessonNamedInTheWindowsLanguageAndTheWhatIfsAreLetGo(FxRobot robot) {
        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        crashC2At12Seconds(robot);

        robot.interact(() -> window.openLesson(new Lessons.Lesson("eager-join")));
        DialogPane question = question(robot);
        assertThat(WholeNames.read(question.getContentText())).contains("急切再均衡");
        robot.interact(() -> button(question, ButtonType.NO.getButtonData()).fire());

        GroupScopeWindow next = FxWait.replacing(stage, window);
        assertThat(next.playground()).isNotSameAs(run);
        assertThat(next.savedRuns().unsaved()).isFalse();
    }

    @Test
    void closingTheWindowWithUnsavedWhatIfsAsksInTheWindowsLanguage(FxRobot robot) {
        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        crashC2At12Seconds(robot);

        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));

        DialogPane question = question(robot);
        assertThat(WholeNames.read(question.getContentText())).contains("退出");
        assertThat(button(question, ButtonType.YES.getButtonData()).getText()).isEqualTo("保存…");
        robot.interact(() -> button(question, ButtonType.CANCEL.getButtonData()).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();
    }

    @Test
    void aFileThatCannotBeWrittenIsAnErrorNamingItAndTheWorkStaysUnsaved(FxRobot robot) throws Exception {
        crashC2At12Seconds(robot);
        Path folder = Files.createDirectory(dir.resolve("not-a-file.json"));

        assertThat(saved(robot, folder)).isFalse();

        waitFor(() -> robot.lookup("#save-failed").tryQuery().isPresent());
        DialogPane failure = robot.lookup("#save-failed").query();
        assertThat(WholeNames.read(failure.getContentText())).contains("not-a-file.json");
        assertThat(window.savedRuns().unsaved()).isTrue();
        robot.interact(() -> failure.getScene().getWindow().hide());
    }

    @Test
    void aSavedFileIsSuggestedBesideTheScenarioNotOverIt() {
        assertThat(SavedRuns.suggestedName("playground.json")).isEqualTo("playground-what-if.json");
        assertThat(SavedRuns.suggestedName("/home/teacher/demo")).isEqualTo("demo-what-if.json");
    }

    private void crashC2At12Seconds(FxRobot robot) {
        FxWait.crashAt(robot, run, "C2", 12_000);
        assertThat(window.savedRuns().unsaved()).isTrue();
    }

    /** Saves the branch shown to {@code file} as Save… does, and waits for whether it was written. */
    private boolean saved(FxRobot robot, Path file) throws Exception {
        java.util.concurrent.CompletableFuture<Boolean> written = new java.util.concurrent.CompletableFuture<>();
        robot.interact(() -> window.savedRuns().saveTo(file, written::complete));
        return written.get(20, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static DialogPane question(FxRobot robot) {
        waitFor(() -> robot.lookup("#unsaved-run").tryQuery().isPresent());
        return robot.lookup("#unsaved-run").query();
    }

    private static Button button(DialogPane pane, javafx.scene.control.ButtonBar.ButtonData data) {
        return pane.getButtonTypes().stream().filter(type -> type.getButtonData() == data)
                .map(type -> (Button) pane.lookupButton(type)).findFirst().orElseThrow();
    }
}
