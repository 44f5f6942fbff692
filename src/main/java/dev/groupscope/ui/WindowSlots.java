package dev.groupscope.ui;

import dev.groupscope.diagram.WindowRuns;
import dev.groupscope.diagram.WindowRuns.Run;
import dev.groupscope.sim.client.WorkerPoolView;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * A partition's sliding window in its owner's worker pool (the notes' 滑动窗口(环形缓冲区), mission row 21), drawn at
 * the end of the partition's row beside its log: a frame of the window's {@code windowSize} slots from its low mark,
 * the records finished in it filled in the owner's colour and those still queued or in a worker hollow. As records
 * finish the filled runs grow; when the lowest unfinished one finishes the window slides: the low mark jumps and the
 * slots it passed over empty. Used slots are drawn as runs, so a window of thousands of slots is still a few
 * rectangles, one per run of records that overtook an unfinished one.
 */
final class WindowSlots extends Region {

    private final Rectangle frame = new Rectangle();
    /** The group's committed offset, where it falls inside the window: past the low mark, it passed unfinished records. */
    private final Rectangle committedMark = new Rectangle();
    /** The slot at whose left edge the group's commit falls, or -1 ({@link WindowRuns#committedSlot}). */
    private long committedSlot = -1;
    private final List<Rectangle> shapes = new ArrayList<>();
    private List<Run> runs = List.of();
    private long slots = 1;
    private String slotClass;

    WindowSlots() {
        getStyleClass().add("pool-window-slots");
        frame.getStyleClass().add("pool-window-frame");
        frame.setManaged(false);
        committedMark.getStyleClass().add("log-committed");
        committedMark.setManaged(false);
        committedMark.setVisible(false);
        getChildren().addAll(frame, committedMark);
        setMinHeight(12);
        setPrefHeight(16);
        setMaxHeight(Region.USE_PREF_SIZE);
    }

    /** Shows {@code window}, its finished records in the palette slot class {@code ownerSlotClass}. */
    void show(WorkerPoolView.Window window, Long committed, String ownerSlotClass) {
        long nextCommittedSlot = WindowRuns.committedSlot(window, committed);
        boolean moved = nextCommittedSlot != committedSlot;
        committedSlot = nextCommittedSlot;
        PlaygroundView.setOnly(this, style -> style.equals("paused"), window.paused() ? "paused" : null);
        slots = WindowRuns.slots(window);
        List<Run> next = WindowRuns.of(window);
        if (next.equals(runs) && java.util.Objects.equals(ownerSlotClass, slotClass)) {
            if (moved) {
                requestLayout();
            }
            return;
        }
        runs = next;
        slotClass = ownerSlotClass;
        while (shapes.size() < runs.size()) {
            Rectangle shape = new Rectangle();
            shape.setManaged(false);
            shapes.add(shape);
            getChildren().add(getChildren().indexOf(committedMark), shape);
        }
        for (int i = 0; i < shapes.size(); i++) {
            Rectangle shape = shapes.get(i);
            shape.setVisible(i < runs.size());
            if (i < runs.size()) {
                boolean done = runs.get(i).done();
                PlaygroundView.setOnly(shape, style -> style.startsWith("pool-window-"),
                        done ? "pool-window-done" : "pool-window-unfinished");
                PlaygroundView.setOnly(shape, style -> style.startsWith("member-slot-"), done ? ownerSlotClass : null);
            }
        }
        requestLayout();
    }

    /** The slot the committed mark is drawn at (0 = the low mark), or -1 when it is not drawn (for tests). */
    long committedSlot() {
        return committedSlot;
    }

    /** The runs drawn, as "done 3" / "unfinished 1" in slot order (for tests). */
    List<String> runs() {
        return runs.stream().map(run -> (run.done() ? "done " : "unfinished ") + run.length()).toList();
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
        double slot = width / slots;
        for (int i = 0; i < runs.size() && i < shapes.size(); i++) {
            Run run = runs.get(i);
            Rectangle shape = shapes.get(i);
            // A run keeps at least four pixels, so one unfinished record among thousands still shows.
            shape.setX(Math.min(inset + run.start() * slot, inset + width - 4));
            shape.setY(inset);
            shape.setWidth(Math.max(4, run.length() * slot));
            shape.setHeight(Math.max(0, getHeight() - 2 * inset));
        }
        // On the boundary before the committed offset's slot, as the log's committed bar, and past the frame's edges:
        // the records left of it are below the commit, so a crash would never read the unfinished ones again.
        committedMark.setVisible(committedSlot >= 0);
        if (committedSlot >= 0) {
            committedMark.setX(inset + committedSlot * slot - 1);
            committedMark.setY(-2);
            committedMark.setWidth(2);
            committedMark.setHeight(getHeight() + 4);
        }
    }
}
