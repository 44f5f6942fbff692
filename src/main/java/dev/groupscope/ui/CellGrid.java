package dev.groupscope.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import javafx.animation.AnimationTimer;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.util.Duration;

/**
 * Many entities (a thousand partitions, a hundred consumers) drawn as one canvas of square cells instead of a node
 * each, so a large cluster stays at the frame rate: one cell per entity in its owner's palette colour, a dark lower
 * part for how much is waiting (the lag), a cross for a stopped one. A cell whose colour changes (a partition that
 * moved to another consumer) fades from the old colour to the new with a ring, so a rebalance is visible even
 * aggregated. One tooltip names the cell under the mouse. Cells are as large as fit the scroll pane's height.
 *
 * <p>The palette comes from the stylesheet ({@code member-slot-N}), so a theme that recolours consumers recolours
 * the cells too.
 */
final class CellGrid extends Region {

    /**
     * One cell: {@code id} keys it across frames (its fade), {@code slot} its palette slot (-1: nobody's),
     * {@code shade} 0..1 how much of it is dark (lag), {@code crossed} a stopped or crashed entity.
     */
    record Cell(String id, int slot, double shade, boolean crossed) {
    }

    static final int SLOTS = 8;
    static final double MAX_CELL = 30;
    static final double MIN_CELL = 7;
    static final double GAP = 2;
    static final Duration FADE = Duration.millis(900);
    private static final Color UNOWNED = Color.web("#d7dce1");
    private static final Color SHADE = Color.rgb(0, 0, 0, 0.5);
    static final double MAX_SHADE = 0.5;

    private final Canvas canvas = new Canvas();
    private final Region[] slotProbes = new Region[SLOTS];
    private final Tooltip tooltip = new Tooltip();
    private final Map<String, Fade> fades = new HashMap<>();
    private final AnimationTimer fading = new AnimationTimer() {
        @Override
        public void handle(long now) {
            draw(now);
        }
    };
    private List<Cell> cells = List.of();
    private IntFunction<String> describe = index -> "";
    private double cell = MAX_CELL;
    private int columns = 1;
    private ScrollPane scroll;

    /** A cell changing colour: from {@code from} at {@code startNanos}. */
    private record Fade(Paint from, long startNanos) {
    }

    CellGrid(String styleClass) {
        getStyleClass().addAll("cell-grid", styleClass);
        for (int slot = 0; slot < SLOTS; slot++) {
            // Invisible probes: CSS gives each the palette colour of its slot.
            Region probe = new Region();
            probe.getStyleClass().add(PlaygroundView.slotClass(slot));
            probe.setManaged(false);
            probe.setVisible(false);
            slotProbes[slot] = probe;
        }
        getChildren().add(canvas);
        getChildren().addAll(slotProbes);
        tooltip.setShowDelay(Duration.millis(250));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(520);
        Tooltip.install(canvas, tooltip);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, event -> pointAt(event.getX(), event.getY()));
        sceneProperty().addListener((observable, before, now) -> {
            if (now == null) {
                fading.stop();
            }
        });
    }

    int size() {
        return cells.size();
    }

    /** The cell size chosen at the last layout (for tests and the caption). */
    double cellSize() {
        return cell;
    }

    /** Shows {@code next}; {@code describe} gives the tooltip of cell i (called only when the mouse is on it). */
    void show(List<Cell> next, IntFunction<String> describe, long nowNanos) {
        startFades(next, nowNanos);
        boolean resized = next.size() != cells.size();
        this.cells = List.copyOf(next);
        this.describe = describe;
        if (resized) {
            requestLayout();
        }
        if (!fades.isEmpty()) {
            fading.start();
        }
        draw(nowNanos);
        if (tooltip.isShowing()) {
            tooltip.setText(WholeNames.in(describe.apply(lastIndex)));
        }
    }

    /**
     * Forgets the cells shown: the next {@link #show} draws its cells as they are, fading none. For another group's
     * cells, whose owners' colours differ from this group's without anything having moved.
     */
    void forget() {
        cells = List.of();
        fades.clear();
        fading.stop();
    }

    /** A cell whose slot changed since the last frame starts fading from its old colour. */
    private void startFades(List<Cell> next, long nowNanos) {
        if (sameIds(next)) {
            // The usual frame: the same cells in the same places, compared place by place without a map.
            for (int i = 0; i < next.size(); i++) {
                int before = cells.get(i).slot();
                if (before != next.get(i).slot()) {
                    fades.put(next.get(i).id(), new Fade(colour(before), nowNanos));
                }
            }
            return;
        }
        Map<String, Integer> slotById = new HashMap<>();
        cells.forEach(c -> slotById.put(c.id(), c.slot()));
        for (Cell c : next) {
            Integer before = slotById.get(c.id());
            if (before != null && before != c.slot()) {
                fades.put(c.id(), new Fade(colour(before), nowNanos));
            }
        }
    }

    private boolean sameIds(List<Cell> next) {
        if (next.size() != cells.size()) {
            return false;
        }
        for (int i = 0; i < next.size(); i++) {
            if (!next.get(i).id().equals(cells.get(i).id())) {
                return false;
            }
        }
        return true;
    }

    private int lastIndex = -1;

    private void pointAt(double x, double y) {
        int index = indexAt(x, y);
        lastIndex = index;
        if (index >= 0) {
            tooltip.setText(WholeNames.in(describe.apply(index)));
        } else {
            tooltip.setText("");
        }
    }

    /** The cell under (x, y) in the canvas, or -1. */
    int indexAt(double x, double y) {
        int column = (int) Math.floor(x / cell);
        int row = (int) Math.floor(y / cell);
        int index = row * columns + column;
        return x < 0 || y < 0 || column >= columns || index >= cells.size() ? -1 : index;
    }

    /** The largest cell size (MIN_CELL..MAX_CELL) with which {@code count} cells fit {@code width} × {@code height}. */
    static double fit(int count, double width, double height) {
        for (double size = MAX_CELL; size > MIN_CELL; size -= 1) {
            int cols = Math.max(1, (int) Math.floor(width / size));
            int rows = (count + cols - 1) / cols;
            if (rows * size <= height) {
                return size;
            }
        }
        return MIN_CELL;
    }

    private double availableHeight() {
        if (scroll == null) {
            for (Node up = getParent(); up != null; up = up.getParent()) {
                if (up instanceof ScrollPane pane) {
                    scroll = pane;
                    pane.viewportBoundsProperty().addListener((observable, before, now) -> requestLayout());
                    break;
                }
            }
        }
        // What is left of the visible height below the grid's top (the caption above it may wrap to more lines).
        return scroll == null ? Double.MAX_VALUE
                : Math.max(MIN_CELL, scroll.getViewportBounds().getHeight() - getLayoutY() - 8);
    }

    /** Its height depends on its width (more columns, fewer rows), so containers must ask with the width. */
    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width > 0 ? width : getWidth() > 0 ? getWidth() : computePrefWidth(-1);
        double size = fit(Math.max(1, cells.size()), Math.max(MIN_CELL, w), availableHeight());
        int cols = Math.max(1, (int) Math.floor(Math.max(MIN_CELL, w) / size));
        return Math.ceil((double) cells.size() / cols) * size;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 20 * MAX_CELL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 10 * MIN_CELL;
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        cell = fit(Math.max(1, cells.size()), Math.max(MIN_CELL, width), availableHeight());
        columns = Math.max(1, (int) Math.floor(width / cell));
        canvas.setWidth(Math.floor(width));
        canvas.setHeight(Math.ceil((double) cells.size() / columns) * cell);
        if (Math.abs(canvas.getHeight() - getHeight()) > 0.5 && getParent() != null) {
            // The caption above changed height since the parent sized this grid: size it again next pulse.
            getParent().requestLayout();
        }
        draw(System.nanoTime());
    }

    private Paint colour(int slot) {
        if (slot < 0) {
            return UNOWNED;
        }
        Region probe = slotProbes[Math.floorMod(slot, SLOTS)];
        if (probe.getBackground() != null && !probe.getBackground().getFills().isEmpty()) {
            return probe.getBackground().getFills().get(0).getFill();
        }
        return Color.GRAY;
    }

    private void draw(long nowNanos) {
        // Everything, every time. Repainting only the cells that changed was tried: a snapshot of the window (drawn
        // at another scale than the screen) then lost cells painted since, e.g. the cross of a crashed consumer.
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        List<String> finished = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (paint(g, i, nowNanos)) {
                finished.add(cells.get(i).id());
            }
        }
        finished.forEach(fades::remove);
        if (fades.isEmpty()) {
            fading.stop();
        }
    }

    /** Paints cell {@code i}; returns whether its fade (if it had one) is over. */
    private boolean paint(GraphicsContext g, int i, long nowNanos) {
        double inner = Math.max(1, cell - GAP);
        Cell c = cells.get(i);
        double x = (i % columns) * cell;
        double y = (i / columns) * cell;
        Paint fill = colour(c.slot());
        Fade fade = fades.get(c.id());
        double progress = 1;
        if (fade != null) {
            progress = Math.min(1, (nowNanos - fade.startNanos()) / (FADE.toMillis() * 1_000_000));
            if (progress < 1 && fade.from() instanceof Color from && fill instanceof Color to) {
                fill = from.interpolate(to, progress);
            }
        }
        g.setFill(fill);
        g.fillRect(x, y, inner, inner);
        if (c.shade() > 0) {
            // At most the lower half: the owner's colour stays what the eye reads first.
            double dark = inner * MAX_SHADE * Math.min(1, c.shade());
            g.setFill(SHADE);
            g.fillRect(x, y + inner - dark, inner, dark);
        }
        if (c.crossed()) {
            g.setStroke(Color.rgb(60, 60, 60));
            g.setLineWidth(Math.max(1, inner / 8));
            g.strokeLine(x + 2, y + 2, x + inner - 2, y + inner - 2);
            g.strokeLine(x + inner - 2, y + 2, x + 2, y + inner - 2);
        }
        if (progress < 1) {
            // A ring that shrinks onto the cell as it takes its new colour: the eye finds what moved.
            double grow = (1 - progress) * cell * 0.6;
            g.setStroke(Color.rgb(20, 20, 20, 1 - progress * 0.7));
            g.setLineWidth(2);
            g.strokeRect(x - grow, y - grow, inner + 2 * grow, inner + 2 * grow);
        }
        return fade != null && progress >= 1;
    }

    /** Whether a cell is still fading to a new owner's colour (for tests). */
    boolean fading(String id) {
        return fades.containsKey(id);
    }
}
