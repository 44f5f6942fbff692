package dev.groupscope.ui;

import dev.groupscope.i18n.Messages;
import dev.groupscope.sim.client.WorkerPoolView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * A partition's sliding window in its owner's worker pool (the notes' 滑动窗口(环形缓冲区), mission row 21), under the
 * partition's log: the window's {@code windowSize} slots from its low mark on, the records finished in it filled in the
 * owner's colour and those still queued or in a worker left hollow, then what it means in words (the low mark, which
 * is what the poller may commit, how many are unfinished and finished above it, and whether the poller paused the
 * partition because the window is full). As records finish the filled run grows; when the lowest unfinished one
 * finishes the window slides: its low mark jumps and the slots it passed over empty.
 */
final class PoolWindowLine extends HBox {

    private final Messages messages;
    private final Slots slots = new Slots();
    private final Label caption = new Label();
    private final Label facts = new Label();

    PoolWindowLine(Messages messages) {
        this.messages = messages;
        getStyleClass().add("pool-window");
        setAlignment(Pos.CENTER_LEFT);
        caption.setText(messages.text("ui.main.window.caption"));
        caption.getStyleClass().add("pool-window-caption");
        caption.setMinWidth(Region.USE_PREF_SIZE);
        facts.getStyleClass().add("pool-window-facts");
        // The slots take what the words leave; on a narrow panel the words wrap rather than push the slots out.
        facts.setWrapText(true);
        facts.setMinWidth(Region.USE_PREF_SIZE);
        // Every partition's slots the same width (CSS), so the windows of a consumer's partitions compare at a glance.
        HBox.setHgrow(facts, Priority.ALWAYS);
        getChildren().addAll(caption, slots, facts);
    }

    /** Shows {@code window} in the colour of the owner's palette slot class {@code ownerSlotClass}. */
    void show(WorkerPoolView.Window window, String ownerSlotClass) {
        slots.show(window, ownerSlotClass);
        String text = messages.format("ui.main.window.facts", Map.of("low", window.lowMark(),
                "unfinished", window.unfinished(), "done", window.finishedAhead().size(),
                "span", window.span(), "capacity", window.capacity()));
        if (window.paused()) {
            text = messages.format("ui.main.window.paused", Map.of("facts", text));
        }
        if (!text.equals(facts.getText())) {
            facts.setText(text);
            setAccessibleText(caption.getText() + ": " + text);
        }
        PlaygroundView.setOnly(this, style -> style.equals("paused"), window.paused() ? "paused" : null);
    }

    /** What the line says (for tests). */
    String factsText() {
        return facts.getText();
    }

    /** The runs drawn, as "done 3" / "unfinished 1" in slot order (for tests). */
    List<String> runs() {
        return slots.runs.stream().map(run -> run.done ? "done " + run.length : "unfinished " + run.length).toList();
    }

    /** A run of consecutive slots, all finished or all unfinished, from slot {@code start}. */
    private record Run(long start, long length, boolean done) {
    }

    /**
     * The slots as a frame of {@code capacity} cells with the used ones drawn as runs: a window of thousands of slots
     * is still a few rectangles, one per run of records that overtook an unfinished one.
     */
    private static final class Slots extends Region {
        private final Rectangle frame = new Rectangle();
        private final List<Rectangle> shapes = new ArrayList<>();
        private List<Run> runs = List.of();
        private long capacity = 1;
        private String slotClass;

        Slots() {
            getStyleClass().add("pool-window-slots");
            frame.getStyleClass().add("pool-window-frame");
            frame.setManaged(false);
            getChildren().add(frame);
            setMinHeight(12);
            setPrefHeight(16);
            setMaxHeight(Region.USE_PREF_SIZE);
        }

        void show(WorkerPoolView.Window window, String ownerSlotClass) {
            capacity = Math.max(1, Math.max(window.capacity(), window.span()));
            List<Run> next = runsOf(window);
            if (next.equals(runs) && java.util.Objects.equals(ownerSlotClass, slotClass)) {
                return;
            }
            runs = next;
            slotClass = ownerSlotClass;
            while (shapes.size() < runs.size()) {
                Rectangle shape = new Rectangle();
                shape.setManaged(false);
                shapes.add(shape);
                getChildren().add(shape);
            }
            for (int i = 0; i < shapes.size(); i++) {
                Rectangle shape = shapes.get(i);
                shape.setVisible(i < runs.size());
                if (i < runs.size()) {
                    String look = runs.get(i).done ? "pool-window-done" : "pool-window-unfinished";
                    PlaygroundView.setOnly(shape, style -> style.startsWith("pool-window-"), look);
                    PlaygroundView.setOnly(shape, style -> style.startsWith("member-slot-"),
                            runs.get(i).done ? ownerSlotClass : null);
                }
            }
            requestLayout();
        }

        /** The window's slots from its low mark: unfinished and finished runs, up to the highest dispatched. */
        private static List<Run> runsOf(WorkerPoolView.Window window) {
            List<Run> runs = new ArrayList<>();
            long low = window.lowMark();
            long cursor = low;
            for (long done : window.finishedAhead()) {
                if (done > cursor) {
                    runs.add(new Run(cursor - low, done - cursor, false));
                }
                Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
                if (last != null && last.done && last.start + last.length == done - low) {
                    runs.set(runs.size() - 1, new Run(last.start, last.length + 1, true));
                } else {
                    runs.add(new Run(done - low, 1, true));
                }
                cursor = done + 1;
            }
            if (window.next() > cursor) {
                runs.add(new Run(cursor - low, window.next() - cursor, false));
            }
            return runs;
        }

        @Override
        protected void layoutChildren() {
            frame.setX(1);
            frame.setY(1);
            frame.setWidth(Math.max(0, getWidth() - 2));
            frame.setHeight(Math.max(0, getHeight() - 2));
            // The slots inside the frame's border, so the first (the low mark's record) is never hidden under it.
            double inset = 3;
            double width = Math.max(0, getWidth() - 2 * inset);
            double slot = width / capacity;
            for (int i = 0; i < runs.size() && i < shapes.size(); i++) {
                Run run = runs.get(i);
                Rectangle shape = shapes.get(i);
                // A run keeps at least three pixels, so one unfinished record among thousands still shows.
                double x = inset + run.start * slot;
                shape.setX(Math.min(x, inset + width - 3));
                shape.setY(inset);
                shape.setWidth(Math.max(3, run.length * slot));
                shape.setHeight(Math.max(0, getHeight() - 2 * inset));
            }
        }
    }
}
