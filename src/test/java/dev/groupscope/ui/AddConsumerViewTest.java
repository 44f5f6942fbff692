package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.ScenarioReader;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Add consumer in a lesson that declares no spare (crash-and-rebalance: C1–C3 only): the button is enabled, a click
 * brings a new card C4 into the group, it is a branch, and Ctrl+Z takes it away again.
 */
@ExtendWith(ApplicationExtension.class)
class AddConsumerViewTest {

    private GroupScopeWindow window;

    @Start
    void start(Stage stage) {
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), PlaygroundViewModel.running(
                ScenarioReader.read(Path.of("lessons", "scenarios", "crash-and-rebalance.json"))));
        window.show(UiLanguage.ENGLISH);
    }

    @Test
    void theButtonIsEnabledWithoutASpareAndAClickShowsTheNewConsumer(FxRobot robot) {
        robot.interact(() -> window.playground().scrubTo(10_000));
        waitFor(() -> window.playground().getFrame() != null && window.playground().getFrame().time() == 10_000);
        waitFor(() -> robot.lookup("#consumer-C3").tryQuery().isPresent());
        assertThat(window.playground().getFrame().spares()).isEmpty();
        Button add = addButton(robot);
        assertThat(add.isDisable()).isFalse();
        assertThat(robot.lookup("#consumer-C4").tryQuery()).isEmpty();

        robot.interact(add::fire);

        waitFor(() -> robot.lookup("#consumer-C4").tryQuery().isPresent());
        assertThat(robot.lookup("#branches").<Labeled>query().getText()).isEqualTo("Branches (2)");
        robot.interact(() -> window.playground().scrubTo(16_000));
        waitFor(() -> window.playground().getFrame().time() == 16_000);
        assertThat(window.playground().getFrame().consumer("C4").orElseThrow().assigned()).isNotEmpty();
        assertThat(addButton(robot).isDisable()).as("another can join").isFalse();

        robot.interact(() -> window.playground().undo());
        waitFor(() -> robot.lookup("#consumer-C4").tryQuery().isEmpty());
        assertThat(window.playground().getTime()).isEqualTo(10_000);
    }

    @Test
    void rightClickingAConsumerOffersToAddOneMoreToItsGroup(FxRobot robot) {
        robot.interact(() -> window.playground().scrubTo(10_000));
        waitFor(() -> window.playground().getFrame() != null && window.playground().getFrame().time() == 10_000);
        waitFor(() -> robot.lookup("#consumer-C2").tryQuery().isPresent());

        robot.rightClickOn("#consumer-C2");
        waitFor(() -> menuItem("menu-addConsumer-orders-app") != null);
        javafx.scene.control.MenuItem add = menuItem("menu-addConsumer-orders-app");
        assertThat(add.getText()).isEqualTo("Add a consumer to orders-app");
        assertThat(add.isDisable()).isFalse();
        robot.interact(add::fire);

        waitFor(() -> robot.lookup("#consumer-C4").tryQuery().isPresent());
    }

    private static javafx.scene.control.MenuItem menuItem(String id) {
        for (javafx.stage.Window shown : javafx.stage.Window.getWindows()) {
            if (shown instanceof javafx.scene.control.ContextMenu menu) {
                for (javafx.scene.control.MenuItem item : menu.getItems()) {
                    if (id.equals(item.getId())) {
                        return item;
                    }
                }
            }
        }
        return null;
    }

    /** The playground's Add consumer (the Assignor lab has a button of that name too). */
    private static Button addButton(FxRobot robot) {
        return robot.lookup("#addConsumer").queryAllAs(Button.class).stream()
                .filter(button -> button.getTooltip() != null
                        && button.getTooltip().getText().startsWith("A new consumer starts and joins the group now"))
                .findFirst().orElseThrow();
    }
}
