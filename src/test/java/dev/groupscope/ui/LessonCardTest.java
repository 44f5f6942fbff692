package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A learner who opens a lesson alone is first told what it shows: File → Lessons lays a card over the window with
 * the lesson's title and description in the window's language; any key or a click puts it away, F2 brings it back.
 */
@ExtendWith(ApplicationExtension.class)
class LessonCardTest {

    private static final String LESSON = "crash-and-rebalance";
    private GroupScopeWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), PlaygroundViewModel.playground());
        window.show(UiLanguage.ENGLISH);
    }

    @Test
    void aLessonOpenedFromTheMenuSaysWhatItShowsUntilAKeyPutsTheCardAway(FxRobot robot) {
        GroupScopeWindow next = openLesson(robot);

        Scenario lesson = new Lessons.Lesson(LESSON).read();
        assertThat(next.aboutShown()).isTrue();
        assertThat(text(robot, "#aboutTitle"))
                .isEqualTo("A consumer crashes: the group notices after session.timeout.ms");
        assertThat(text(robot, "#aboutText")).isEqualTo(lesson.descriptionIn("en")).contains("C2 crashes at 20 s");
        assertThat(next.playground().playingProperty().get()).isFalse();

        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(next.aboutShown()).isFalse();
        assertThat(robot.lookup("#aboutOverlay").tryQuery()).isEmpty();
        assertThat(next.playground().playingProperty().get()).as("Space put the card away and played").isTrue();
    }

    @Test
    void f2BringsTheCardBackAndEscOrAClickPutsItAway(FxRobot robot) {
        GroupScopeWindow next = openLesson(robot);
        boolean[] escReachedTheWindow = new boolean[1];
        stage.getScene().addEventHandler(KeyEvent.KEY_PRESSED,
                event -> escReachedTheWindow[0] |= event.getCode() == KeyCode.ESCAPE);

        robot.type(KeyCode.ESCAPE);
        assertThat(next.aboutShown()).isFalse();
        assertThat(escReachedTheWindow[0]).as("Esc over the card only puts it away").isFalse();
        robot.type(KeyCode.ESCAPE);
        assertThat(escReachedTheWindow[0]).as("without the card, Esc goes on as before").isTrue();

        robot.type(KeyCode.F2);
        assertThat(next.aboutShown()).isTrue();
        robot.type(KeyCode.F2);
        assertThat(next.aboutShown()).isFalse();

        robot.type(KeyCode.F2);
        robot.clickOn("#aboutOverlay");
        assertThat(next.aboutShown()).isFalse();
        assertThat(next.playground().playingProperty().get()).as("neither Esc, F2 nor a click plays").isFalse();
    }

    @Test
    void keysThatOnlyChangeHowTheWindowLooksLeaveTheCardUp(FxRobot robot) {
        GroupScopeWindow next = openLesson(robot);
        TextZoom before = next.zoom();

        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        robot.type(KeyCode.PERIOD); // the class looks at the teacher: the blank screen hides the card too
        robot.type(KeyCode.PERIOD);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(next.zoom().factor()).as("Ctrl + made the text larger").isGreaterThan(before.factor());
        assertThat(next.aboutShown()).as("and the card is still there to read out").isTrue();
        robot.type(KeyCode.RIGHT);
        assertThat(next.aboutShown()).as("a step puts it away").isFalse();
    }

    @Test
    void aChineseWindowTellsTheLessonInChineseWholeEvenInPresenterMode(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
            window.switchTo(UiLanguage.SIMPLIFIED_CHINESE);
        });
        window = GroupScopeWindow.on(stage).orElseThrow();
        GroupScopeWindow next = openLesson(robot);
        robot.interact(next::togglePresenter);
        robot.interact(next::toggleAbout);
        robot.interact(next::toggleAbout);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#aboutTitle"))
                .isEqualTo("消费者崩溃：消费组在 session.timeout.ms 之后才察觉");
        assertThat(text(robot, "#aboutText")).isEqualTo(new Lessons.Lesson(LESSON).read().descriptionIn("zh-CN"))
                .contains("C2 在 20 秒崩溃");
        Region card = robot.lookup("#aboutCard").query();
        assertThat(TruncatedText.in(card)).isEmpty();
        assertThat(card.getHeight()).as("every line of the wrapped text has its row")
                .isGreaterThanOrEqualTo(card.prefHeight(card.getWidth()) - 0.5);
        Node overlay = robot.lookup("#aboutOverlay").query();
        assertThat(card.localToScene(card.getBoundsInLocal()).getMaxY() * 1.0)
                .as("the whole card is on the screen").isLessThanOrEqualTo(overlay.getScene().getHeight() + 0.5);
    }

    @Test
    void aTeachersOwnFileNamedAndDescribedInChineseIsIntroducedInChinese(FxRobot robot) {
        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        robot.interact(() -> window.open(() -> ScenarioReader.read("mine.json", """
                {"name": {"en": "Mine", "zh-CN": "我的课"},
                 "description": {"en": "C1 reads t.", "zh-CN": "C1 读 t。"},
                 "durationMs": 10000, "cluster": {"brokers": 1}, "topics": [{"name": "t", "partitions": 1}],
                 "consumers": [{"id": "C1", "groupId": "g", "topics": ["t"]}]}
                """)));
        GroupScopeWindow next = FxWait.replacing(stage, window);
        WaitForAsyncUtils.waitForFxEvents();

        robot.type(KeyCode.F2);

        assertThat(text(robot, "#aboutTitle")).isEqualTo("我的课");
        assertThat(text(robot, "#aboutText")).isEqualTo("C1 读 t。");
        assertThat(stage.getTitle()).startsWith("我的课");
        assertThat(next.aboutShown()).isTrue();
    }

    @Test
    void aScenarioThatSaysNothingAboutItselfSaysSo(FxRobot robot) {
        robot.interact(() -> window.open(() -> ScenarioReader.read("bare.json", """
                {"name": "Bare", "durationMs": 10000, "cluster": {"brokers": 1},
                 "topics": [{"name": "t", "partitions": 1}],
                 "consumers": [{"id": "C1", "groupId": "g", "topics": ["t"]}]}
                """)));
        GroupScopeWindow next = FxWait.replacing(stage, window);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(next.aboutShown()).as("opened by code, not chosen from a menu").isFalse();

        robot.type(KeyCode.F2);

        assertThat(text(robot, "#aboutTitle")).isEqualTo("Bare");
        assertThat(text(robot, "#aboutText")).contains("has no \"description\"");
    }

    @Test
    void aDescriptionMayBeGivenInEveryLanguageTheWindowSpeaksAndNoOther() {
        assertThat(ScenarioReader.TEXT_LANGUAGES)
                .containsExactlyElementsOf(java.util.Arrays.stream(UiLanguage.values()).map(UiLanguage::tag).toList());
    }

    @Test
    void aTimeKeepsItsNumberAndUnitAndAnOffsetItsPartitionOnOneLine() {
        assertThat(ClassroomLayer.withUnits("closed at 35 s, every 500 ms, 15 秒时, 3 sessions, 5 seconds"))
                .isEqualTo("closed at 35\u00A0s, every 500\u00A0ms, 15\u00A0秒时, 3 sessions, 5 seconds");
        assertThat(ClassroomLayer.withUnits("(logs-2 @ 12，logs-3 @ 7), commits sales-0 @ 280"))
                .isEqualTo("(logs-2\u00A0@\u00A012，logs-3\u00A0@\u00A07), commits sales-0\u00A0@\u00A0280");
    }

    private GroupScopeWindow openLesson(FxRobot robot) {
        robot.interact(() -> window.openLesson(new Lessons.Lesson(LESSON)));
        GroupScopeWindow next = FxWait.replacing(stage, window);
        WaitForAsyncUtils.waitForFxEvents();
        return next;
    }

    /** What the label says, without the joiners that keep its names and its "20 s" whole. */
    private static String text(FxRobot robot, String query) {
        return WholeNames.read(robot.lookup(query).<Label>query().getText()).replace('\u00A0', ' ');
    }
}
