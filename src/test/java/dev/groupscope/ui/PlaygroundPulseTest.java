package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** What keeps the playing window within a pulse: the panels are drawn as they change, not as whole bitmaps. */
@ExtendWith(ApplicationExtension.class)
class PlaygroundPulseTest {

    private GroupScopeWindow window;

    @Start
    void start(Stage stage) {
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), PlaygroundViewModel.playground());
        window.show(UiLanguage.ENGLISH);
    }

    @Test
    void thePartitionAndConsumerPanelsAreNotCachedAsBitmaps(FxRobot robot) {
        waitFor(() -> robot.lookup("#partition-orders-5").tryQuery().isPresent());

        for (String panel : new String[] {"#partitions", "#consumers"}) {
            ScrollPane scroll = scrollOf(robot.lookup(panel).query());
            Node viewport = scroll.lookup(".viewport");
            assertThat(viewport).as(panel + "'s viewport").isNotNull();
            assertThat(viewport.isCache()).as(panel + "'s viewport cached").isFalse();
        }
    }

    private static ScrollPane scrollOf(Node content) {
        Parent parent = content.getParent();
        while (!(parent instanceof ScrollPane)) {
            parent = parent.getParent();
        }
        return (ScrollPane) parent;
    }
}
