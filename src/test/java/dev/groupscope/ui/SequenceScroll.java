package dev.groupscope.ui;

import dev.groupscope.diagram.SequenceDiagram;
import javafx.scene.control.ScrollPane;
import org.testfx.api.FxRobot;

/** Scrolls the Protocol tab so that a row is in view, before a test clicks it (call on the FX thread). */
final class SequenceScroll {

    private SequenceScroll() {
    }

    static void toRow(FxRobot robot, SequenceDiagram.Row row) {
        ScrollPane scroll = robot.lookup("#sequenceScroll").query();
        double content = scroll.getContent().getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (content > viewport) {
            scroll.setVvalue(Math.max(0, Math.min(1, (row.y() - SequenceView.ROWS_TOP - viewport / 2)
                    / (content - viewport))));
        }
    }
}
