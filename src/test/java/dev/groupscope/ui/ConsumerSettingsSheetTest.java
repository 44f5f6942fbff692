package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.SimEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The settings sheet on Monocle, as a teacher uses it: right-click a consumer, open Settings…, type a value Kafka
 * refuses and read Kafka's reason in place with the input kept, then a good one: the sheet closes, the change is one
 * recorded event and the consumer rejoins with the new setting.
 */
@ExtendWith(ApplicationExtension.class)
class ConsumerSettingsSheetTest {

    private static final String SESSION = "#" + ConsumerSettingsSheet.editorId("session.timeout.ms");
    private static final String MAX_POLL = "#" + ConsumerSettingsSheet.editorId("max.poll.interval.ms");
    private static final String SESSION_PROBLEM = "#" + ConsumerSettingsSheet.problemId("session.timeout.ms");

    private GroupScopeWindow window;

    @Start
    void start(Stage stage) {
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), PlaygroundViewModel.playground());
        window.show(UiLanguage.ENGLISH);
    }

    @Test
    void badInputIsRefusedInPlaceWithKafkasReasonAndGoodInputRestartsTheConsumerWithIt(FxRobot robot) {
        robot.interact(() -> window.playground().scrubTo(20_000));
        waitFor(() -> window.playground().getFrame() != null && window.playground().getFrame().time() == 20_000
                && robot.lookup("#consumer-C2").tryQuery().isPresent());
        int generation = window.playground().getFrame().group().generation();

        robot.rightClickOn("#consumer-C2");
        waitFor(() -> ShownMenus.item("menu-settings-C2") != null);
        MenuItem settings = ShownMenus.item("menu-settings-C2");
        Platform.runLater(() -> {
            settings.getParentPopup().hide();
            settings.fire();
        });
        waitFor(() -> robot.lookup(SESSION).tryQuery().isPresent());
        javafx.scene.Node apply = robot.lookup("#settings-apply").query();
        // The window is larger than Monocle's 1280 x 800 screen: the sheet moves itself into view.
        waitFor(() -> javafx.stage.Screen.getPrimary().getVisualBounds().contains(
                apply.localToScreen(apply.getBoundsInLocal().getCenterX(), apply.getBoundsInLocal().getCenterY())));
        assertThat(robot.lookup(SESSION).<TextField>query().getText()).isEqualTo("10000");

        robot.interact(() -> robot.lookup(SESSION).<TextField>query().setText("20 s"));
        robot.clickOn("#settings-apply");
        waitFor(() -> robot.lookup(SESSION_PROBLEM).<Labeled>query().isVisible());
        assertThat(WholeNames.read(robot.lookup(SESSION_PROBLEM).<Labeled>query().getText()))
                .isEqualTo("Invalid value 20 s for configuration session.timeout.ms: Not a number of type INT");
        assertThat(robot.lookup(SESSION).<TextField>query().getText()).isEqualTo("20 s");
        assertThat(window.playground().branchesProperty().get()).hasSize(1);

        robot.interact(() -> {
            robot.lookup(SESSION).<TextField>query().setText("20000");
            robot.lookup(MAX_POLL).<TextField>query().setText("60000");
        });
        robot.clickOn("#settings-apply");
        waitFor(() -> robot.lookup(SESSION).tryQuery().isEmpty());
        waitFor(() -> window.playground().branchesProperty().get().size() == 2);

        SimEvent change = events().stream().filter(e -> e.type().equals("ChangeSettings")).findFirst().orElseThrow();
        assertThat(change.actor()).isEqualTo("C2");
        assertThat(change.time()).as("right after the moment shown").isEqualTo(20_001);
        assertThat(change.fields().get("settings").toString()).isEqualTo("{max.poll.interval.ms=60000, session.timeout.ms=20000}");
        robot.interact(() -> window.playground().scrubTo(40_000));
        waitFor(() -> window.playground().getFrame().time() == 40_000);
        PlaygroundFrame rejoined = window.playground().getFrame();
        assertThat(rejoined.details().consumer("C2").orElseThrow().settings().sessionTimeoutMs()).isEqualTo(20000);
        assertThat(rejoined.group().generation()).isGreaterThan(generation);
        assertThat(rejoined.consumer("C2").orElseThrow().state()).isEqualTo("STABLE");
        // The menu now offers a stall just past the new max.poll.interval.ms (60 s + 5 s).
        robot.rightClickOn("#consumer-C2");
        waitFor(() -> ShownMenus.item("menu-stall-C2-65") != null);
    }

    @Test
    void theConsumerAndPartitionMenusOfferTheClientFaultsAndEachIsARecordedEvent(FxRobot robot) {
        robot.interact(() -> window.playground().scrubTo(20_000));
        waitFor(() -> window.playground().getFrame() != null && window.playground().getFrame().time() == 20_000
                && robot.lookup("#consumer-C1").tryQuery().isPresent());

        robot.rightClickOn("#consumer-C1");
        waitFor(() -> ShownMenus.item("menu-cutOffConsumer-C1-15") != null);
        assertThat(ShownMenus.item("menu-failCommits-C1-3-COORDINATOR_LOAD_IN_PROGRESS").getText())
                .isEqualTo("Fail C1's next 3 commits (COORDINATOR_LOAD_IN_PROGRESS)");
        assertThat(ShownMenus.item("menu-failCommits-C1-3-COORDINATOR_LOAD_IN_PROGRESS").isMnemonicParsing()).isFalse();
        assertThat(ShownMenus.item("menu-delayCommits-C1-3-10")).isNotNull();
        MenuItem cutOff = ShownMenus.item("menu-cutOffConsumer-C1-15");
        assertThat(cutOff.getText()).isEqualTo("Cut C1 off from its coordinator for 15 s");
        robot.interact(() -> {
            cutOff.fire();
            cutOff.getParentPopup().hide();
        });
        waitFor(() -> window.playground().branchesProperty().get().size() == 2);
        assertThat(events().stream().filter(e -> e.type().equals("NetworkPartition") && e.time() == 20_001)
                .map(SimEvent::actor)).containsExactly("C1");

        robot.rightClickOn("#partition-orders-0");
        waitFor(() -> ShownMenus.item("menu-deleteTopic-orders") != null);
        robot.interact(ShownMenus.item("menu-deleteTopic-orders")::fire);
        waitFor(() -> window.playground().branchesProperty().get().size() == 3);
        assertThat(events().stream().filter(e -> e.type().equals("TopicDeleted")).map(SimEvent::time))
                .as("right after the moment shown, which the cut-off's fork moved to 20,001 ms")
                .containsExactly(20_002L);
    }

    private List<SimEvent> events() {
        AtomicReference<List<SimEvent>> log = new AtomicReference<>();
        window.playground().query(simulation -> new ArrayList<>(simulation.log()), log::set);
        waitFor(() -> log.get() != null);
        return log.get();
    }
}
