package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The comparison tab on Monocle: one click, five assignors' answers side by side, in both languages. */
@ExtendWith(ApplicationExtension.class)
class AssignorCompareViewTest {

    private GroupScopeWindow window;

    @Start
    void start(Stage stage) {
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), PlaygroundViewModel.playground());
        window.show(UiLanguage.ENGLISH);
    }

    private void showCompareTab(FxRobot robot) {
        TabPane tabs = robot.lookup("#tabs").query();
        Tab compare = tabs.getTabs().stream().filter(tab -> "compareTab".equals(tab.getId())).findFirst()
                .orElseThrow();
        robot.interact(() -> tabs.getSelectionModel().select(compare));
        waitFor(() -> robot.lookup("#compare-range").tryQuery().isPresent());
    }

    @Test
    void aJoinShowsEveryAssignorsAnswerWithMovesRevocationsAndTheWithheldPartition(FxRobot robot) {
        showCompareTab(robot);
        for (String strategy : new String[] {"range", "roundrobin", "sticky", "cooperative-sticky", "legacy"}) {
            assertThat(robot.lookup("#compare-" + strategy).tryQuery()).as(strategy).isPresent();
            assertThat(robot.lookup("#compare-" + strategy + "-C2").tryQuery()).as(strategy).isPresent();
        }

        robot.clickOn("#compareAdd");

        waitFor(() -> robot.lookup("#compare-range-C3").tryQuery().isPresent());
        assertThat(text(robot, "#compareSize")).isEqualTo("4 consumers");
        // Range takes t0-1 from C0 (it moves on to C1); cooperative-sticky only has C0 give t0-3 up this round.
        assertThat(robot.lookup("#compare-range-revoked-t0-1").tryQuery()).isPresent();
        assertThat(robot.lookup("#compare-cooperative-sticky-revoked-t0-3").tryQuery()).isPresent();
        assertThat(robot.lookup("#compare-cooperative-sticky .withheld").queryAll()).hasSize(1);
        assertThat(robot.lookup("#compare-legacy-step-0").tryQuery()).isPresent();

        robot.clickOn("#compareRebalance");
        waitFor(() -> robot.lookup("#compare-cooperative-sticky .withheld").queryAll().isEmpty());
    }

    @Test
    void theColumnsKeepTheGroupWhenTheLanguageChanges(FxRobot robot) {
        showCompareTab(robot);
        robot.clickOn("#compareAdd");
        waitFor(() -> robot.lookup("#compare-range-C3").tryQuery().isPresent());

        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));

        waitFor(() -> robot.lookup("#compareSize").tryQuery().isPresent());
        assertThat(text(robot, "#compareSize")).isEqualTo("4 个消费者");
        assertThat(robot.lookup("#compare-range-C3").tryQuery()).isPresent();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).<Labeled>query().getText();
    }
}
