package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** More partitions than rows fit: the window draws the cluster and the group aggregated, and says so. */
@ExtendWith(ApplicationExtension.class)
class LargeClusterViewTest {

    static final int PARTITIONS = 60;
    static final int CONSUMERS = 12;

    private GroupScopeWindow window;

    static Scenario scenario() {
        StringBuilder json = new StringBuilder("{\"name\": \"sixty\", \"seed\": 3, \"durationMs\": 30000,"
                + " \"cluster\": {\"brokers\": 3}, \"topics\": [{\"name\": \"events\", \"partitions\": " + PARTITIONS
                + "}], \"producers\": [{\"id\": \"P1\", \"topic\": \"events\", \"recordsPerSecond\": 60}],"
                + " \"consumers\": [");
        for (int c = 1; c <= CONSUMERS; c++) {
            json.append(c > 1 ? "," : "").append("{\"id\": \"C").append(c)
                    .append("\", \"groupId\": \"wide\", \"topics\": [\"events\"]}");
        }
        return ScenarioReader.read("sixty.json", json.append("]}").toString());
    }

    @Start
    void start(Stage stage) {
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), PlaygroundViewModel.running(scenario()));
        window.show(UiLanguage.ENGLISH);
    }

    @Test
    void sixtyPartitionsAreOneGridOfCellsWithACaptionNotSixtyRows(FxRobot robot) {
        robot.interact(() -> window.playground().scrubTo(15_000));
        waitFor(30, () -> window.playground().getFrame() != null && window.playground().getFrame().time() == 15_000
                && window.playground().getFrame().consumers().stream().allMatch(c -> !c.assigned().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();

        CellGrid partitions = robot.lookup("#partition-grid").query();
        CellGrid consumers = robot.lookup("#consumer-grid").query();
        assertThat(partitions.size()).isEqualTo(PARTITIONS);
        assertThat(consumers.size()).isEqualTo(CONSUMERS);
        assertThat(robot.lookup("#partition-events-0").tryQuery()).isEmpty();
        assertThat(robot.lookup("#consumer-C1").tryQuery()).isEmpty();
        assertThat(robot.lookup("#partitions-aggregated").<Labeled>query().getText())
                .startsWith("60 partitions, aggregated: one cell per partition in its owner's colour");
        assertThat(robot.lookup("#consumers-aggregated").<Labeled>query().getText())
                .startsWith("12 consumers, aggregated");
        assertThat(partitions.getHeight()).as("the grid is laid out, not empty").isGreaterThan(0);
    }

    @Test
    void aCellsTooltipNamesThePartitionItsOwnerAndItsNumbers(FxRobot robot) {
        robot.interact(() -> window.playground().scrubTo(15_000));
        waitFor(30, () -> window.playground().getFrame() != null && window.playground().getFrame().time() == 15_000);
        WaitForAsyncUtils.waitForFxEvents();
        PlaygroundFrame frame = window.playground().getFrame();
        PlaygroundFrame.PartitionRow first = frame.partitions().get(0);
        AggregatedPanels panels = new AggregatedPanels(dev.groupscope.i18n.Messages.english());

        assertThat(panels.partitionTip(first)).isEqualTo("events-0 · leader broker " + first.leader() + "\nowner: "
                + first.owner() + "\nend " + first.logEndOffset() + " · committed "
                + (first.committed() == null ? "none yet" : first.committed()) + " · lag "
                + (first.lag().isPresent() ? String.valueOf(first.lag().getAsLong()) : "–"));
        PlaygroundFrame.ConsumerRow owner = frame.consumer(first.owner()).orElseThrow();
        assertThat(panels.consumerTip(owner)).contains(owner.clientId()).contains("events-0")
                .contains(owner.assigned().size() + " partitions");
    }
}
