package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.ScenarioReader;
import java.nio.file.Path;
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
 * A scenario with two groups on one topic (billing: B1; shipping: S1, S2): the group panel's title chooses the group
 * shown, and the cluster and the group panel then show that group alone, at the same moment.
 */
@ExtendWith(ApplicationExtension.class)
class GroupChoiceViewTest {

    private GroupScopeWindow window;

    @Start
    void start(Stage stage) {
        PlaygroundViewModel twoGroups = PlaygroundViewModel.running(
                ScenarioReader.read(Path.of("lessons/scenarios/two-groups-one-topic.json")));
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), twoGroups);
        window.show(UiLanguage.ENGLISH);
    }

    @Test
    void pickingTheOtherGroupShowsItsConsumersOwnersAndCoordinatorAtTheSameMoment(FxRobot robot) {
        robot.interact(() -> window.playground().scrubTo(20_000));
        // The strips take the frame in a later pulse than the consumer cards: wait for both to show t = 20 s.
        waitFor(() -> window.playground().getFrame().time() == 20_000
                && robot.lookup("#consumer-B1").tryQuery().isPresent()
                && robot.lookup("#partition-orders-2 .owner-chip").tryQuery()
                        .map(chip -> ((Labeled) chip).getText()).filter("B1"::equals).isPresent());
        assertThat(text(robot, "#groupTitle")).isEqualTo("Group");
        assertThat(choice(robot).getValue()).isEqualTo("billing");
        assertThat(choice(robot).getItems()).containsExactly("billing", "shipping");
        assertThat(ownerOf(robot, "orders-2")).isEqualTo("B1");
        assertThat(robot.lookup("#consumer-S1").tryQuery()).isEmpty();

        robot.clickOn("#group-choice");
        robot.clickOn("shipping");

        waitFor(() -> robot.lookup("#consumer-S1").tryQuery().isPresent());
        assertThat(window.playground().getFrame().time()).isEqualTo(20_000);
        assertThat(robot.lookup("#consumer-S2").tryQuery()).isPresent();
        assertThat(robot.lookup("#consumer-B1").tryQuery()).isEmpty();
        assertThat(robot.lookup(".member-row").queryAll()).hasSize(2);
        // Each partition's owner is the shipping member whose card lists it.
        for (String partition : new String[] {"orders-0", "orders-1", "orders-2", "orders-3"}) {
            String owner = ownerOf(robot, partition);
            assertThat(owner).isIn("S1", "S2");
            assertThat(robot.lookup("#owned-" + owner + "-" + partition).tryQuery()).isPresent();
        }
        int coordinator = window.playground().getFrame().group().coordinatorBroker();
        assertThat(robot.lookup(".broker.coordinator").queryAll().stream().map(Node::getId))
                .containsExactly("broker-" + coordinator);
        javafx.scene.control.Label badge = robot.lookup("#broker-" + coordinator + " .broker-coordinator").query();
        assertThat(badge.getAccessibleText()).as("the coordinator badge names the group shown").contains("shipping");
        assertThat(text(robot, "#groupSummary")).contains("coordinator: broker " + coordinator);
        assertThat(text(robot, "#groupSummary")).contains("leader S");
        // billing's commit on each strip is a neutral mark named in its tooltip.
        LogStrip strip = robot.lookup("#partition-orders-2 .log-strip").query();
        assertThat(strip.otherMarkTexts()).singleElement().asString().startsWith("Group billing has committed");
    }

    @Test
    void theKeyShowsTheNextGroupAndTheNumbersSayWhoseTheyAre(FxRobot robot) {
        robot.interact(() -> window.playground().scrubTo(20_000));
        waitFor(() -> robot.lookup("#consumer-B1").tryQuery().isPresent());

        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);

        waitFor(() -> robot.lookup("#consumer-S1").tryQuery().isPresent());
        assertThat(choice(robot).getValue()).isEqualTo("shipping");
        robot.interact(() -> window.showTab("numbersTab"));
        waitFor(() -> robot.lookup("#ledgerTotals").tryQuery().isPresent()
                && text(robot, "#ledgerTotals").startsWith("Group shipping · "));
    }

    private static ComboBox<String> choice(FxRobot robot) {
        return robot.lookup("#group-choice").query();
    }

    private static String ownerOf(FxRobot robot, String partition) {
        return text(robot, "#partition-" + partition + " .owner-chip");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).<Labeled>query().getText();
    }
}
