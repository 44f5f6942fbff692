package dev.groupscope.ui;

import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;

/**
 * Columns side by side that share the width equally, but none narrower than its minimum width ({@code
 * -fx-min-width} in the stylesheet, in em, so it grows with the text): the columns that do not fit wrap into a
 * further row of the same column width. Each row is as tall as its tallest column's minimum, and the height left
 * over is shared by the rows, so a single row reaches the bottom as an {@code HBox} did. The gaps are the flow
 * pane's {@code -fx-hgap} and {@code -fx-vgap}. In a scroll pane (fit to width and height) the rows scroll as a
 * whole where they are taller than the window.
 *
 * <p>Where the columns wrap into more than one row, each row is at least {@link #leastRowHeightProperty()} tall
 * (the scroll pane's viewport, less this pane's padding): a row then fills the window and its columns give their
 * traces the height left under their members, where rows at their minimum left each trace a few lines and the
 * rows below half in view.
 *
 * <p>Why: five assignors in an {@code HBox} at large text on a 1280-pixel projector got a fifth of the width each,
 * too narrow for a member's chips; each column then showed C0's row in a box with scroll bars and a trace one line
 * tall.
 */
public final class ColumnRows extends FlowPane {

    private final DoubleProperty leastRowHeight = new SimpleDoubleProperty(this, "leastRowHeight", 0);

    public ColumnRows() {
        leastRowHeight.addListener(observable -> requestLayout());
    }

    /** The least height of a row where there is more than one; 0, the default, for no least height. */
    public DoubleProperty leastRowHeightProperty() {
        return leastRowHeight;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    /** How many columns stand side by side in a row at this width: as many as fit at their minimum, at least one. */
    int perRow(double width) {
        List<Node> columns = getManagedChildren();
        if (columns.isEmpty()) {
            return 1;
        }
        double room = width - snappedLeftInset() - snappedRightInset();
        int fit = (int) Math.floor((room + snappedHgap()) / (widestMinimum() + snappedHgap()));
        return Math.max(1, Math.min(columns.size(), fit));
    }

    private double widestMinimum() {
        double widest = 1;
        for (Node column : getManagedChildren()) {
            widest = Math.max(widest, column.minWidth(-1));
        }
        return widest;
    }

    private double columnWidth(double width, int perRow) {
        double room = width - snappedLeftInset() - snappedRightInset() - snappedHgap() * (perRow - 1);
        return Math.max(widestMinimum(), Math.floor(room / perRow));
    }

    private double snappedHgap() {
        return snapSpaceX(getHgap());
    }

    /** Each row's height: its tallest column's minimum at the column width, and the least row height if it wraps. */
    private double[] rowHeights(double width) {
        List<Node> columns = getManagedChildren();
        int perRow = perRow(width);
        double columnWidth = columnWidth(width, perRow);
        double[] rows = new double[(columns.size() + perRow - 1) / perRow];
        for (int i = 0; i < columns.size(); i++) {
            rows[i / perRow] = Math.max(rows[i / perRow], snapSizeY(columns.get(i).minHeight(columnWidth)));
        }
        if (rows.length > 1) {
            for (int row = 0; row < rows.length; row++) {
                rows[row] = Math.max(rows[row], snapSizeY(leastRowHeight.get()));
            }
        }
        return rows;
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + widestMinimum() + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        int count = Math.max(1, getManagedChildren().size());
        return snappedLeftInset() + count * widestMinimum() + (count - 1) * snappedHgap() + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        // Asked without a width, or at an unbounded one (a scroll pane fit to its height asks its content's minimum
        // that way to decide on its scroll bar), the rows at the width this pane has: at an unbounded width the
        // columns stood in one row, so the rows below, past the window, had no scroll bar.
        boolean unbounded = width < 0 || width >= Double.MAX_VALUE / 2;
        double[] rows = rowHeights(!unbounded ? width : getWidth() > 0 ? getWidth() : computePrefWidth(-1));
        double height = snappedTopInset() + snappedBottomInset() + snapSpaceY(getVgap()) * Math.max(0, rows.length - 1);
        for (double row : rows) {
            height += row;
        }
        return height;
    }

    @Override
    protected double computePrefHeight(double width) {
        return computeMinHeight(width);
    }

    @Override
    protected void layoutChildren() {
        List<Node> columns = getManagedChildren();
        if (columns.isEmpty()) {
            return;
        }
        double width = getWidth();
        int perRow = perRow(width);
        double columnWidth = columnWidth(width, perRow);
        double[] rows = rowHeights(width);
        double share = Math.max(0, getHeight() - computeMinHeight(width)) / rows.length;
        double y = snappedTopInset();
        for (int row = 0; row < rows.length; row++) {
            double height = snapSizeY(rows[row] + share);
            double x = snappedLeftInset();
            for (int i = row * perRow; i < Math.min(columns.size(), (row + 1) * perRow); i++) {
                columns.get(i).resizeRelocate(x, y, columnWidth, height);
                x += columnWidth + snappedHgap();
            }
            y += height + snapSpaceY(getVgap());
        }
    }
}
