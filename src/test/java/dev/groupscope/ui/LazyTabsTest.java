package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Start-up builds only the playground's tab; every other tab is built from its FXML the first time it is selected
 * (by click or by its Ctrl+digit key), once, and kept. The help overlay likewise waits for its key.
 */
@ExtendWith(ApplicationExtension.class)
class LazyTabsTest {

    private GroupScopeWindow window;

    @Start
    void start(Stage stage) {
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), PlaygroundViewModel.playground());
        window.show(UiLanguage.ENGLISH);
    }

    @Test
    void startUpBuildsOnlyThePlayground(FxRobot robot) {
        assertThat(window.builtTabs()).containsExactly("playgroundTab");
        assertThat(robot.lookup("#playgroundRoot").tryQuery()).isPresent();
    }

    @Test
    void theHelpOverlayIsBuiltWhenFirstShown(FxRobot robot) {
        assertThat(robot.lookup("#helpOverlay").tryQuery()).isEmpty();

        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#helpOverlay").query().isVisible()).isTrue();
        assertThat(robot.lookup("#help-key-help").tryQuery()).isPresent();

        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.helpShown()).isFalse();
    }

    @Test
    void aTabIsBuiltWhenItsKeyFirstSelectsIt(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(selected(robot)).isEqualTo("coordinatorTab");
        assertThat(window.builtTabs()).containsExactlyInAnyOrder("playgroundTab", "coordinatorTab");
        assertThat(robot.lookup("#calcGroupId").tryQuery()).isPresent();

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT4);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(selected(robot)).isEqualTo("protocolTab");
        assertThat(window.builtTabs()).containsExactlyInAnyOrder("playgroundTab", "coordinatorTab", "protocolTab");
        assertThat(robot.lookup("#sequenceCanvas").tryQuery()).isPresent();
        assertThat(robot.lookup("#calcGroupId").tryQuery()).as("a hidden tab's nodes leave the scene").isEmpty();
    }

    @Test
    void aTabBuiltOnceIsKeptNotRebuilt(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT5);
        WaitForAsyncUtils.waitForFxEvents();
        Node numbers = tab(robot, "numbersTab").getContent();
        assertThat(numbers).isNotNull();

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tab(robot, "numbersTab").getContent()).isNull();
        assertThat(robot.lookup("#playgroundRoot").tryQuery()).isPresent();

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tab(robot, "numbersTab").getContent()).isSameAs(numbers);
    }

    @Test
    void aClickedTabIsBuiltToo(FxRobot robot) {
        robot.interact(() -> robot.lookup("#tabs").<TabPane>query().getSelectionModel().select(tab(robot,
                "compareTab")));

        assertThat(window.builtTabs()).containsExactlyInAnyOrder("playgroundTab", "compareTab");
        assertThat(robot.lookup("#compareSize").tryQuery()).isPresent();
    }

    private static String selected(FxRobot robot) {
        return robot.lookup("#tabs").<TabPane>query().getSelectionModel().getSelectedItem().getId();
    }

    private static Tab tab(FxRobot robot, String id) {
        return robot.lookup("#tabs").<TabPane>query().getTabs().stream().filter(tab -> id.equals(tab.getId()))
                .findFirst().orElseThrow();
    }
}
