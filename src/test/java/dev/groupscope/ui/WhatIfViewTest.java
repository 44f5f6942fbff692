package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window on Monocle, driven as a teacher would: right-click a consumer and crash it, undo with Ctrl+Z, go back
 * to the branch, have a bad topic name refused in place, read the Numbers tab and the timeline's marks.
 */
@ExtendWith(ApplicationExtension.class)
class WhatIfViewTest {

    private GroupScopeWindow window;

    @Start
    void start(Stage stage) {
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), PlaygroundViewModel.playground());
        window.show(UiLanguage.ENGLISH);
    }

    private void at(FxRobot robot, long time) {
        robot.interact(() -> window.playground().scrubTo(time));
        waitFor(() -> window.playground().getFrame() != null && window.playground().getFrame().time() == time);
    }

    @Test
    void rightClickingAConsumerCrashesItAndCtrlZUndoesIt(FxRobot robot) {
        at(robot, 20_000);
        waitFor(() -> robot.lookup("#consumer-C2").tryQuery().isPresent());

        robot.rightClickOn("#consumer-C2");
        waitFor(() -> robot.lookup("#menu-crash-C2").tryQuery().isPresent() || ShownMenus.item("menu-crash-C2") != null);
        MenuItem crash = ShownMenus.item("menu-crash-C2");
        assertThat(crash.isDisable()).isFalse();
        assertThat(ShownMenus.item("menu-restart-C2").isDisable()).isTrue();
        robot.interact(crash::fire);
        waitFor(() -> text(robot, "#member-state-C2").equals("crashed"));
        assertThat(robot.lookup("#undo").<Button>query().isDisable()).isFalse();
        assertThat(text(robot, "#branches")).isEqualTo("Branches (2)");

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);

        waitFor(() -> !text(robot, "#member-state-C2").equals("crashed"));
        assertThat(window.playground().getTime()).isEqualTo(20_000);
        assertThat(robot.lookup("#undo").<Button>query().isDisable()).isTrue();
    }

    @Test
    void aBadTopicNameIsRefusedInPlaceWithKafkasReason(FxRobot robot) {
        at(robot, 5_000);
        robot.clickOn("#createTopic");
        waitFor(() -> robot.lookup("#topic-name").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").query();
        Node ok = pane.lookupButton(ButtonType.OK);

        robot.clickOn("#topic-name").write("my topic");
        assertThat(text(robot, "#topic-problem")).isEqualTo("Topic name is invalid: 'my topic' contains one or more "
                + "characters other than ASCII alphanumerics, '.', '_' and '-'");
        assertThat(ok.isDisable()).isTrue();

        robot.interact(() -> robot.lookup("#topic-name").<javafx.scene.control.TextField>query().setText("orders"));
        assertThat(text(robot, "#topic-problem")).isEqualTo("Topic 'orders' already exists.");

        robot.interact(() -> robot.lookup("#topic-name").<javafx.scene.control.TextField>query().setText("payments"));
        assertThat(text(robot, "#topic-problem")).isEmpty();
        assertThat(ok.isDisable()).isFalse();
        robot.clickOn(ok);

        waitFor(() -> window.playground().branchesProperty().get().size() == 2);
        at(robot, 6_000);
        assertThat(window.playground().getFrame().partitions()).extracting(PlaygroundFrame.PartitionRow::topic)
                .contains("payments");
    }

    @Test
    void theNumbersTabChartsTheRunAtTAndTheScrubberMarksItsRebalances(FxRobot robot) {
        at(robot, 60_000);
        waitFor(() -> robot.lookup(".timeline-mark-rebalance").tryQuery().isPresent());
        assertThat(robot.lookup(".timeline-mark-commit").queryAll()).isNotEmpty();
        assertThat(robot.lookup(".timeline-mark-action").queryAll()).isNotEmpty();

        robot.interact(() -> {
            TabPane tabs = robot.lookup("#tabs").query();
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(tab -> "numbersTab".equals(tab.getId()))
                    .findFirst().orElseThrow());
        });
        waitFor(() -> robot.lookup("#lag-chart").tryQuery().isPresent()
                && !robot.lookup("#lag-chart").<javafx.scene.chart.LineChart<?, ?>>query().getData().isEmpty());

        javafx.scene.chart.LineChart<?, ?> lag = robot.lookup("#lag-chart").query();
        assertThat(lag.getData()).extracting(javafx.scene.chart.XYChart.Series::getName)
                .containsExactly("orders-0", "orders-1", "orders-2", "orders-3", "orders-4", "orders-5");
        assertThat(text(robot, "#numbersClock")).isEqualTo("t = 60.0 s");
        assertThat(robot.lookup("#tabs").<TabPane>query().getSelectionModel().getSelectedItem().getId())
                .isEqualTo("numbersTab");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).<Labeled>query().getText();
    }
}
