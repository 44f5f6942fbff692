package dev.groupscope.ui;

import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/**
 * A consumer card's top row, an {@link HBox}, that can fold into two lines. Laid out as one line ({@link
 * #setFolding} on), its children are who the consumer is (name, leader, state, generation), then one stretching
 * child (the partition chips, or "no partitions") and the Crash button at the line's end. When the line is too
 * narrow for all of them, with every chip in one row, the row folds: who it is and Crash stay on the first line,
 * the stretching child gets a second line of the whole width. So a card is one line where it can be (seven
 * consumers in a projector's group panel) and never cuts a chip or the Crash button off at the panel's edge, in
 * any language or text size.
 */
final class MemberLine extends HBox {

    private static final String STRETCH = MemberLine.class.getName() + ".stretch";
    private static final String END = MemberLine.class.getName() + ".end";

    private boolean folding;

    MemberLine(Node... children) {
        super(children);
    }

    /** Marks {@code node} as the child that takes the rest of the line, or the second line when the row folds. */
    static void setStretch(Node node, boolean stretch) {
        if (stretch) {
            node.getProperties().put(STRETCH, Boolean.TRUE);
        } else {
            node.getProperties().remove(STRETCH);
        }
    }

    /** Marks {@code node} as the one at the end of the (first) line, where every card has its Crash button. */
    static void setEnd(Node node) {
        node.getProperties().put(END, Boolean.TRUE);
    }

    private static boolean isStretch(Node node) {
        return node.getProperties().containsKey(STRETCH);
    }

    /** On: a line that folds in two when it must (see the class comment). Off: a plain {@link HBox}. */
    void setFolding(boolean folding) {
        if (this.folding != folding) {
            this.folding = folding;
            requestLayout();
        }
    }

    boolean isFolding() {
        return folding;
    }

    /** Whether, at {@code width}, the row is drawn as two lines. */
    boolean folded(double width) {
        if (!folding || width < 0) {
            return false;
        }
        List<Node> managed = getManagedChildren();
        if (managed.stream().noneMatch(MemberLine::isStretch)) {
            return false;
        }
        double need = snapSpaceX(getSpacing()) * Math.max(0, managed.size() - 1);
        for (Node child : managed) {
            need += isStretch(child) ? oneRowWidth(child) : child.prefWidth(-1);
        }
        return need > width - snappedLeftInset() - snappedRightInset() + 0.5;
    }

    /** The width a child needs to show in one row: a flow pane's children side by side, anything else its own. */
    private double oneRowWidth(Node child) {
        if (child instanceof FlowPane flow) {
            List<Node> items = flow.getChildren().stream().filter(Node::isManaged).toList();
            double width = flow.snappedLeftInset() + flow.snappedRightInset()
                    + flow.snapSpaceX(flow.getHgap()) * Math.max(0, items.size() - 1);
            for (Node item : items) {
                width += item.prefWidth(-1);
            }
            return width;
        }
        return child.prefWidth(-1);
    }

    @Override
    public Orientation getContentBias() {
        return folding ? Orientation.HORIZONTAL : super.getContentBias();
    }

    private double firstLineWidth() {
        List<Node> first = getManagedChildren().stream().filter(child -> !isStretch(child)).toList();
        double width = snapSpaceX(getSpacing()) * Math.max(0, first.size() - 1);
        for (Node child : first) {
            width += child.prefWidth(-1);
        }
        return width;
    }

    @Override
    protected double computeMinWidth(double height) {
        if (!folding) {
            return super.computeMinWidth(height);
        }
        // Folded: the first line whole, and the stretching child at its least (a flow pane: its widest chip).
        double stretch = getManagedChildren().stream().filter(MemberLine::isStretch)
                .mapToDouble(child -> child.minWidth(-1)).max().orElse(0);
        return snappedLeftInset() + Math.max(firstLineWidth(), stretch) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        if (!folded(width)) {
            return super.computePrefHeight(width);
        }
        double inner = width - snappedLeftInset() - snappedRightInset();
        return snappedTopInset() + firstLineHeight() + snapSpaceY(getSpacing()) / 2 + stretchHeight(inner)
                + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        // Never squeezed below what it shows: a folded row keeps both its lines.
        return folded(width) ? computePrefHeight(width) : super.computeMinHeight(width);
    }

    private double firstLineHeight() {
        return getManagedChildren().stream().filter(child -> !isStretch(child))
                .mapToDouble(child -> child.prefHeight(-1)).max().orElse(0);
    }

    private double stretchHeight(double width) {
        return getManagedChildren().stream().filter(MemberLine::isStretch)
                .mapToDouble(child -> child.prefHeight(width)).max().orElse(0);
    }

    @Override
    protected void layoutChildren() {
        if (!folded(getWidth())) {
            super.layoutChildren();
            return;
        }
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double inner = getWidth() - left - snappedRightInset();
        double line = firstLineHeight();
        double spacing = snapSpaceX(getSpacing());
        List<Node> first = getManagedChildren().stream().filter(child -> !isStretch(child)).toList();
        double x = left;
        for (Node child : first) {
            double width = snapSizeX(child.prefWidth(-1));
            double height = snapSizeY(child.prefHeight(width));
            // The Crash button at the line's end, where the other cards have theirs.
            double at = child.getProperties().containsKey(END) ? Math.max(x, left + inner - width) : x;
            child.resizeRelocate(snapPositionX(at), snapPositionY(top + (line - height) / 2), width, height);
            x = at + width + spacing;
        }
        double y = top + line + snapSpaceY(getSpacing()) / 2;
        for (Node child : getManagedChildren()) {
            if (isStretch(child)) {
                child.resizeRelocate(left, snapPositionY(y), snapSizeX(inner), snapSizeY(child.prefHeight(inner)));
            }
        }
    }
}
