package dev.groupscope.ui;

import dev.groupscope.i18n.Messages;
import dev.groupscope.sim.client.WorkerPoolView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * A worker-pool consumer's threads on its card (the notes' 1 I/O thread : N workers, mission row 20): one chip per
 * worker with the record it is processing ("W1 orders-0@289") or "idle", a worker the slow-worker fault holds marked
 * with its factor, and how many records wait in the queues. Next to the window under each partition, it shows why a
 * window does not slide: the one record a slow worker holds.
 */
final class WorkersLine extends FlowPane {

    private final Messages messages;
    private final List<Label> chips = new ArrayList<>();
    private final Label queued = new Label();

    WorkersLine(Messages messages) {
        this.messages = messages;
        getStyleClass().add("workers-line");
        setMinWidth(0);
        setPrefWrapLength(1);
        queued.getStyleClass().add("workers-queued");
        queued.setMinWidth(Region.USE_PREF_SIZE);
    }

    /**
     * Shows {@code pool} as it is at {@code now} (a slowed worker is marked only while the fault lasts). Idle workers
     * next to each other share one chip ("W2–W4 idle"), and the queue is named only when records wait in it: a card
     * keeps to one line of workers on a projector unless they are busy.
     */
    void show(WorkerPoolView pool, long now) {
        List<WorkerPoolView.Worker> workers = pool.workers();
        List<Node> shown = new ArrayList<>();
        int i = 0;
        while (i < workers.size()) {
            WorkerPoolView.Worker worker = workers.get(i);
            Label chip = chip(shown.size());
            if (worker.idle()) {
                int last = i;
                while (last + 1 < workers.size() && workers.get(last + 1).idle()) {
                    last++;
                }
                setText(chip, last == i ? messages.format("ui.main.worker.idle", Map.of("number", i + 1))
                        : messages.format("ui.main.worker.idleRange", Map.of("first", i + 1, "last", last + 1)));
                PlaygroundView.setOnly(chip, style -> style.equals("idle") || style.equals("slow"), "idle");
                i = last + 1;
            } else {
                boolean slow = worker.slowAt(now);
                setText(chip, messages.format(slow ? "ui.main.worker.slow" : "ui.main.worker.busy", Map.of(
                        "number", i + 1, "record", worker.record(), "factor", worker.slowFactor())));
                PlaygroundView.setOnly(chip, style -> style.equals("idle") || style.equals("slow"),
                        slow ? "slow" : null);
                i++;
            }
            shown.add(chip);
        }
        if (pool.queued() > 0) {
            setText(queued, messages.format("ui.main.worker.queued", Map.of("count", pool.queued())));
            shown.add(queued);
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
