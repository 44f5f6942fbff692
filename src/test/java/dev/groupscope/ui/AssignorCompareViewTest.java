package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
    void eagerColumnsSayEveryMemberRevokedEverythingTheCooperativeOneOnlyWhatMoves(FxRobot robot) {
        showCompareTab(robot);
        assertThat(text(robot, "#compare-range-protocol")).isEqualTo("EAGER");
        assertThat(text(robot, "#compare-cooperative-sticky-protocol")).isEqualTo("COOPERATIVE");
        assertThat(text(robot, "#compare-range-summary")).isEqualTo("Generation 1 · nothing revoked · 0 moved · 0 idle");

        robot.clickOn("#compareAdd");
        waitFor(() -> robot.lookup("#compare-range-C3").tryQuery().isPresent());

        // Range moves 3 partitions, sticky 1, but under EAGER all 7 stopped: that is the lesson, not the moves.
        assertThat(text(robot, "#compare-range-summary")).isEqualTo(
                "Generation 2 · all 7 revoked: every member gives up everything · 3 moved · 0 idle");
        assertThat(text(robot, "#compare-sticky-summary")).isEqualTo(
                "Generation 2 · all 7 revoked: every member gives up everything · 1 moved · 0 idle");
        assertThat(text(robot, "#compare-cooperative-sticky-summary")).isEqualTo(
                "Generation 2 · 1 revoked: only what leaves its owner, the rest keep running · 0 moved · 1 idle");
        // Range's C0 kept t0-0 and t1-0 but revoked them first; t0-1 it revoked for good.
        assertThat(texts(robot, "#compare-range-C0 .given-back")).containsExactlyInAnyOrder("t0-0 ↺", "t1-0 ↺");
        assertThat(robot.lookup("#compare-range-revoked-t0-0").tryQuery()).isEmpty();
        assertThat(robot.lookup("#compare-cooperative-sticky .given-back").queryAll()).isEmpty();

        robot.clickOn("#compareRebalance");
        waitFor(() -> robot.lookup("#compare-cooperative-sticky .withheld").queryAll().isEmpty());

        // The same members again: the eager groups stop everything for nothing, the cooperative one hands over t0-3.
        assertThat(text(robot, "#compare-range-summary")).isEqualTo(
                "Generation 3 · all 7 revoked: every member gives up everything · 0 moved · 0 idle");
        assertThat(text(robot, "#compare-cooperative-sticky-summary"))
                .isEqualTo("Generation 3 · nothing revoked · 1 moved · 0 idle");
    }

    @Test
    void aMemberThatLeavesIsShownInEveryColumnWithWhatItRevokedOnItsWayOut(FxRobot robot) {
        showCompareTab(robot);

        robot.clickOn("#compareRemove");

        waitFor(() -> robot.lookup("#compare-range-departure").tryQuery().isPresent());
        for (String strategy : new String[] {"range", "roundrobin", "sticky", "cooperative-sticky", "legacy"}) {
            assertThat(robot.lookup("#compare-" + strategy + "-departure").tryQuery()).as(strategy).isPresent();
            assertThat(robot.lookup("#compare-" + strategy + "-C2").tryQuery()).as(strategy).isEmpty();
        }
        // Cooperative-sticky: C0 and C1 keep everything; what stopped is C2's, as it closed, not "nothing".
        assertThat(texts(robot, "#compare-cooperative-sticky-departure .revoked"))
                .containsExactlyInAnyOrder("t0-2", "t1-1");
        assertThat(text(robot, "#compare-cooperative-sticky-summary")).isEqualTo(
                "Generation 2 · 2 revoked: only what leaves its owner, the rest keep running · 2 moved · 0 idle");
        // Range: C2's two and the five the others had: all seven.
        assertThat(texts(robot, "#compare-range-departure .revoked")).containsExactlyInAnyOrder("t0-3", "t1-2");
        assertThat(text(robot, "#compare-range-summary")).isEqualTo(
                "Generation 2 · all 7 revoked: every member gives up everything · 3 moved · 0 idle");
        assertThat(robot.lookup("#compare-range-revoked-t1-2").<Labeled>query().getTooltip().getText())
                .isEqualTo("C2 revoked t1-2 before it left the group (onPartitionsRevoked) and no longer owns it.");

        robot.clickOn("#compareAdd");

        waitFor(() -> robot.lookup("#compare-range-C3").tryQuery().isPresent());
        assertThat(robot.lookup(".compare-departure").queryAll()).isEmpty();
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
        assertThat(text(robot, "#compare-range-summary"))
                .isEqualTo("第 2 代 · 全部 7 个被撤销：每个成员交出所有分区 · 移动 3 · 空闲 0");
        assertThat(text(robot, "#compare-cooperative-sticky-summary"))
                .isEqualTo("第 2 代 · 撤销 1：只撤销要离开原主的分区，其余照常消费 · 移动 0 · 空闲 1");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).<Labeled>query().getText();
    }

    private static List<String> texts(FxRobot robot, String query) {
        return robot.lookup(query).<Labeled>queryAll().stream().map(Labeled::getText).toList();
    }
}
