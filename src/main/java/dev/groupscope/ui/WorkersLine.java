package dev.groupscope.ui;

import dev.groupscope.diagram.LayoutText;
import dev.groupscope.diagram.WorkerChips;
import dev.groupscope.i18n.Messages;
import dev.groupscope.sim.client.WorkerPoolView;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * A worker-pool consumer's threads on its card (the notes' 1 I/O thread : N workers, mission row 20): one chip per
 * worker with the record it is processing ("worker 1: orders-0@289") or "idle", a worker the slow-worker fault holds marked
 * with its factor, and how many records wait in the queues. With each partition's window, it shows why a window
 * does not slide: the one record a slow worker holds.
 */
final class WorkersLine extends FlowPane {

    private final LayoutText words;
    private final List<Label> chips = new ArrayList<>();
    private final Label queued = new Label();

    WorkersLine(Messages messages) {
        this.words = LayoutText.of(messages);
        getStyleClass().add("workers-line");
        setMinWidth(0);
        setPrefWrapLength(1);
        queued.getStyleClass().add("workers-queued");
        queued.setMinWidth(Region.USE_PREF_SIZE);
    }

    /**
     * Shows {@code pool} as it is at {@code now}, in the export's words ({@link WorkerChips#said}): a slowed worker is
     * marked only while the fault lasts, idle neighbours share one chip ("workers 2–4 idle") and the queue is named only
     * when records wait in it, so a card keeps to one line of workers on a projector unless they are busy.
     */
    void show(WorkerPoolView pool, long now) {
        List<Node> shown = new ArrayList<>();
        for (WorkerChips.Said said : WorkerChips.said(pool, now, words)) {
            Label label = said.kind() == WorkerChips.Kind.QUEUED ? queued : chip(shown.size());
            setText(label, said.text());
            if (label != queued) {
                PlaygroundView.setOnly(label, style -> style.equals("idle") || style.equals("slow"),
                        said.kind() == WorkerChips.Kind.IDLE ? "idle" : said.kind() == WorkerChips.Kind.SLOW
                                ? "slow" : null);
            }
            shown.add(label);
        }
        if (!getChildren().equals(shown)) {
            getChildren().setAll(shown);
        }
    }

    /** The {@code index}th chip of the line, made the first time a line needs that many. */
    private Label chip(int index) {
        while (chips.size() <= index) {
            Label chip = new Label();
            chip.getStyleClass().add("worker-chip");
            chip.setMinWidth(Region.USE_PREF_SIZE);
            chips.add(chip);
        }
        return chips.get(index);
    }

    private static void setText(Label label, String text) {
        if (!text.equals(label.getText())) {
            label.setText(text);
        }
    }

    /** The chips' texts, the queue's last (for tests). */
    List<String> texts() {
        return getChildren().stream().map(node -> ((Label) node).getText()).toList();
    }
}
