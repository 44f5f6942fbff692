package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A partition's strip moves its marks at each frame without making the rows around it lay out again. */
@ExtendWith(ApplicationExtension.class)
class LogStripTest {

    private LogStrip strip;
    private VBox rows;

    @Start
    void start(Stage stage) {
        strip = new LogStrip();
        HBox row = new HBox(strip);
        HBox.setHgrow(strip, Priority.ALWAYS);
        rows = new VBox(row);
        stage.setScene(new Scene(rows, 420, 100));
        stage.show();
        strip.show(40, 100, 80L, 90L, "member-slot-0");
    }

    @Test
    void aNewFrameMovesTheMarksAtOnceAndLeavesTheRowsLaidOut(FxRobot robot) {
        robot.interact(() -> {
            rows.layout();
            double committedBefore = committedMark().getX();

            strip.show(40, 120, 110L, 115L, "member-slot-0");

            assertThat(committedMark().getX()).as("the committed bar moved to the new offset")
                    .isGreaterThan(committedBefore);
            assertThat(rows.isNeedsLayout()).as("the rows need no new layout").isFalse();
            assertThat(strip.getParent().isNeedsLayout()).isFalse();
        });
    }

    @Test
    void theMarksAreWhereALayoutWouldPutThem(FxRobot robot) {
        robot.interact(() -> {
            rows.layout();
            strip.show(40, 120, 110L, 115L, "member-slot-1");
            List<String> moved = strip.getChildrenUnmodifiable().stream().map(LogStripTest::geometry).toList();

            strip.requestLayout();
            rows.layout();

            assertThat(strip.getChildrenUnmodifiable().stream().map(LogStripTest::geometry).toList())
                    .isEqualTo(moved);
        });
    }

    @Test
    void itTakesTheWidthItsRowLeaves(FxRobot robot) {
        robot.interact(() -> {
            rows.layout();
            assertThat(strip.getWidth()).isPositive().isEqualTo(((HBox) strip.getParent()).getWidth());
        });
    }

    private Rectangle committedMark() {
        return (Rectangle) strip.getChildrenUnmodifiable().stream()
                .filter(node -> node.getStyleClass().contains("log-committed")).findFirst().orElseThrow();
    }

    private static String geometry(Node node) {
        return node.getStyleClass() + " " + node.getLayoutBounds();
    }
}
