package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The cluster panel on Monocle: {@code __consumer_offsets} as a strip with the group's partition lit and numbered,
 * what its log holds, and each broker saying what it leads, following the model when the coordinator's broker stops.
 */
@ExtendWith(ApplicationExtension.class)
class OffsetsTopicViewTest {

    private static final Pattern OFFSETS_LED = Pattern.compile("leads \\d+ of orders, (\\d+) of offsets");
    private GroupScopeWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), PlaygroundViewModel.playground());
        window.show(UiLanguage.ENGLISH);
    }

    @Test
    void theGroupsOffsetsPartitionIsLitAndEachBrokerSaysWhatItLeadsUntilItsBrokerStops(FxRobot robot) {
        PlaygroundFrame frame = at(robot, 20_000);
        int partition = frame.group().offsetsPartition();
        int coordinator = frame.group().coordinatorBroker();
        assertThat(coordinator).isPositive();

        // The strip: one cell per partition of __consumer_offsets, the group's alone lit, and its number beside it.
        assertThat(robot.lookup(".offsets-cell").queryAll()).hasSize(50);
        assertThat(robot.lookup(".offsets-cell.group-offsets").queryAll()).hasSize(1);
        assertThat(robot.lookup("#offsets-cell-" + partition).query().getStyleClass()).contains("group-offsets");
        assertThat(text(robot, "#offsets-group-partition")).isEqualTo(String.valueOf(partition));
        assertThat(text(robot, "#offsets-records")).isEqualTo(frame.offsetsTopic().groupRecords() + " records · "
                + frame.offsetsTopic().groupKeys() + " keys");
        assertThat(frame.offsetsTopic().groupRecords()).isPositive();
        assertThat(shown(robot, "#offsets-topic")).isTrue();
        // Hovering the lit cell names the partition, its leader (the coordinator), its records and the group.
        OffsetsTopicPane.Strip strip = robot.lookup("#offsets-strip").query();
        javafx.scene.shape.Rectangle lit = robot.lookup("#offsets-cell-" + partition).query();
        assertThat(strip.partitionAt(lit.getX() + lit.getWidth() / 2)).isEqualTo(partition);
        assertThat(tooltip(robot, "#offsets-strip")).isEqualTo("__consumer_offsets-" + partition + " · leader: broker "
                + coordinator + " · " + frame.offsetsTopic().groupRecords() + " records · the offsets of orders-app");

        // The coordinator's box says what it leads; its tooltip lists them, the group's partition among them.
        assertThat(robot.lookup("#broker-" + coordinator).query().getStyleClass()).contains("coordinator");
        int ledBefore = offsetsLed(robot, coordinator);
        assertThat(ledBefore).isPositive();
        assertThat(tooltip(robot, "#broker-" + coordinator)).contains("__consumer_offsets: ")
                .containsPattern("\\b" + partition + "\\b").contains("orders: ");
        int total = 0;
        for (PlaygroundFrame.BrokerRow broker : frame.brokers()) {
            total += offsetsLed(robot, broker.id());
        }
        assertThat(total).as("offsets partitions led, over the three boxes").isEqualTo(50);

        robot.interact(() -> window.playground().act(PlaygroundViewModel.WhatIf.STOP_COORDINATOR_BROKER, null));
        PlaygroundFrame after = at(robot, 30_000);
        int newLeader = after.offsetsTopic().leaders().get(partition);

        assertThat(robot.lookup("#broker-" + coordinator).query().getStyleClass()).contains("down")
                .doesNotContain("coordinator");
        assertThat(text(robot, "#broker-" + coordinator + "-leads")).isEqualTo("leads nothing");
        assertThat(newLeader).isNotEqualTo(coordinator).isPositive();
        assertThat(offsetsLed(robot, newLeader)).as("the new leader took some of the stopped broker's")
                .isGreaterThan(offsetsLedIn(frame, newLeader));
        assertThat(robot.lookup("#broker-" + newLeader).query().getStyleClass()).contains("coordinator");
        assertThat(tooltip(robot, "#broker-" + newLeader)).containsPattern("\\b" + partition + "\\b");
        assertThat(text(robot, "#offsets-group-partition")).isEqualTo(String.valueOf(partition));
    }

    @Test
    void theRecordsOfTheGroupsPartitionDropWhenTheCleanerCompactsIt(FxRobot robot) {
        robot.interact(() -> {
            window = new GroupScopeWindow(stage, new AssignorLabViewModel(), PlaygroundViewModel.running(
                    ScenarioReader.read(Path.of("lessons/scenarios/offsets-topic-compaction.json"))));
            window.show(UiLanguage.ENGLISH);
        });
        // The lesson's cleaner compacts the group's partition at 30 s (its log says so; see OffsetsTopicFrameTest).
        PlaygroundFrame before = at(robot, 29_999);
        String beforeText = text(robot, "#offsets-records");
        PlaygroundFrame after = at(robot, 30_000);
        String afterText = text(robot, "#offsets-records");

        assertThat(after.offsetsTopic().groupRecords()).isLessThan(before.offsetsTopic().groupRecords());
        assertThat(beforeText).startsWith(before.offsetsTopic().groupRecords() + " records");
        assertThat(afterText).startsWith(after.offsetsTopic().groupRecords() + " records");
        assertThat(text(robot, "#broker-1-leads")).isEqualTo("leads 2 of metrics, 50 of offsets");
    }

    private PlaygroundFrame at(FxRobot robot, long time) {
        robot.interact(() -> window.playground().scrubTo(time));
        waitFor(() -> window.playground().getFrame() != null && window.playground().getFrame().time() == time
                && robot.lookup("#offsets-strip").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.getScene().getRoot().layout());
        return window.playground().getFrame();
    }

    private static int offsetsLed(FxRobot robot, int broker) {
        Matcher matcher = OFFSETS_LED.matcher(text(robot, "#broker-" + broker + "-leads"));
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private static int offsetsLedIn(PlaygroundFrame frame, int broker) {
        return frame.brokers().stream().filter(b -> b.id() == broker).flatMap(b -> b.leads().stream())
                .filter(t -> t.topic().equals("__consumer_offsets")).mapToInt(PlaygroundFrame.TopicLeads::count)
                .sum();
    }

    private static String tooltip(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        Tooltip tip = (Tooltip) node.getProperties().get("javafx.scene.control.Tooltip");
        assertThat(tip).as("tooltip of " + query).isNotNull();
        robot.interact(() -> tip.getOnShowing().handle(null));
        return WholeNames.read(tip.getText());
    }

    private static boolean shown(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        javafx.geometry.Bounds bounds = node.localToScene(node.getLayoutBounds());
        return node.isVisible() && bounds.getWidth() > 0 && bounds.getMaxX() <= node.getScene().getWidth();
    }

    private static String text(FxRobot robot, String query) {
        return WholeNames.read(robot.lookup(query).<Labeled>query().getText());
    }
}
