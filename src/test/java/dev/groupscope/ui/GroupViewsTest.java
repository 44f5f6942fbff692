package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.report.EventGroups;
import dev.groupscope.i18n.Messages;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.sim.engine.SimEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Two groups on one topic (billing: B1; shipping: S1, S2, each with its own coordinator): after choosing a group, the
 * Explanation panel explains only that group's events (and those about no group, such as the producer's), stepping
 * (the Next button, Page Down) lands only on them, and the Protocol tab draws that group's consumers and coordinator.
 */
@ExtendWith(ApplicationExtension.class)
class GroupViewsTest {

    private GroupScopeWindow window;
    private EventGroups groups;

    @Start
    void start(Stage stage) {
        PlaygroundViewModel twoGroups = PlaygroundViewModel.running(
                ScenarioReader.read(Path.of("lessons/scenarios/two-groups-one-topic.json")));
        groups = twoGroups.eventGroups();
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), twoGroups);
        window.show(UiLanguage.ENGLISH);
    }

    @Test
    void stepsAndExplanationsAfterChoosingShippingAreShippingsOrNoGroupsOnly(FxRobot robot) {
        waitFor(() -> window.playground().getFrame() != null && robot.lookup("#consumer-B1").tryQuery().isPresent());
        robot.clickOn("#group-choice");
        robot.clickOn("shipping");
        waitFor(() -> robot.lookup("#consumer-S1").tryQuery().isPresent());

        List<SimEvent> steppedOn = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            long before = currentSeq();
            if (i % 2 == 0) {
                robot.clickOn("#next");
            } else {
                robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
            }
            waitFor(() -> currentSeq() > before);
            SimEvent current = window.playground().getFrame().current().orElseThrow();
            steppedOn.add(current);
            String explanation = text(robot, "#explanation");
            assertThat(groups.shows(current, "shipping")).as("%s", current).isTrue();
            assertThat(explanation).as("%s", current).isEqualTo(englishSentence(current))
                    .doesNotContain("B1").doesNotContain("billing");
        }
        // The walk passed shipping's own join (S1's and S2's), and billing's events of the same moments were skipped.
        assertThat(steppedOn).anyMatch(event -> event.type().equals("JoinGroupRequest") && "S2".equals(event.peer()));
        long last = steppedOn.get(steppedOn.size() - 1).seq();
        List<SimEvent> skipped = new ArrayList<>();
        window.playground().query(run -> run.log().subList(0, (int) last).stream()
                .filter(dev.groupscope.sim.engine.LearnerFilter.INSTANCE)
                .filter(event -> groups.of(event).contains("billing")).toList(), skipped::addAll);
        waitFor(() -> !skipped.isEmpty());
    }

    @Test
    void theProtocolTabDrawsTheChosenGroupsConsumersAndCoordinatorAndSaysWhichGroup(FxRobot robot) {
        robot.interact(() -> window.showTab("protocolTab"));
        robot.interact(() -> window.playground().scrubTo(12_000));
        waitFor(() -> window.sequence().readUntil() >= 12_000 && window.sequence().getDiagram() != null
                && robot.lookup("#lane-B1").tryQuery().isPresent());

        assertLanes(robot, "billing", List.of("B1"), List.of("S1", "S2"));

        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);

        waitFor(() -> robot.lookup("#lane-S1").tryQuery().isPresent());
        assertThat(window.playground().getTime()).isEqualTo(12_000);
        assertThat(robot.lookup("#sequence-group-choice").<ComboBox<String>>query().getValue()).isEqualTo("shipping");
        assertLanes(robot, "shipping", List.of("S1", "S2"), List.of("B1"));

        // The bar's own choice goes back, and the playground's panel follows it.
        robot.clickOn("#sequence-group-choice");
        robot.clickOn("billing");
        waitFor(() -> robot.lookup("#lane-B1").tryQuery().isPresent());
        assertThat(window.playground().getGroup()).isEqualTo("billing");
        assertLanes(robot, "billing", List.of("B1"), List.of("S1", "S2"));
    }

    private void assertLanes(FxRobot robot, String group, List<String> members, List<String> others) {
        waitFor(() -> window.playground().getFrame().group().groupId().equals(group));
        for (String member : members) {
            assertThat(robot.lookup("#lane-" + member).tryQuery()).as(member).isPresent();
        }
        for (String other : others) {
            assertThat(robot.lookup("#lane-" + other).tryQuery()).as(other).isEmpty();
        }
        int coordinator = window.playground().getFrame().group().coordinatorBroker();
        assertThat(robot.from(robot.lookup("#sequenceCanvas").<Node>query()).lookup(".coordinator-lane").queryAll()
                .stream().map(Node::getId)).containsExactly("lane-broker-" + coordinator);
        assertThat(window.sequence().getDiagram().drawing().title()).startsWith("Group " + group + ": protocol");
    }

    private long currentSeq() {
        PlaygroundFrame frame = window.playground().getFrame();
        return frame == null ? -1 : frame.current().map(SimEvent::seq).orElse(-1L);
    }

    /** The explanation's sentence for an event: its Kafka rule in English, as the panel writes it. */
    private static String englishSentence(SimEvent event) {
        return EventSentences.of(event, Messages.english());
    }

    private static String text(FxRobot robot, String query) {
        return WholeNames.read(robot.lookup(query).<Labeled>query().getText());
    }
}
