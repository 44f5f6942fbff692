package dev.groupscope.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/**
 * A consumer card's top row: an {@link HBox} while all its children fit on one line, folded when they do not.
 * On one line the card shows who the consumer is (name, leader, state, generation), then possibly one stretching
 * child ({@link #setStretch}: the partition chips or "no partitions" of a one-line card), then the Crash button
 * ({@link #setEnd}) at the line's end. Folded, the stretching child gets a line of its own, the whole width, under
 * the others, and those flow onto as many lines as they need (one, unless the text is very large), the Crash button
 * at the right end of the line it lands on. So a card is one line where it can be (seven consumers in a projector's
 * group panel), and never cuts a chip or the Crash button off at the panel's edge, in any language or text size.
 */
final class MemberLine extends HBox {

    private static final String STRETCH = MemberLine.class.getName() + ".stretch";
    private static final String END = MemberLine.class.getName() + ".end";

    MemberLine(Node... children) {
        super(children);
    }

    /** Marks {@code node} as the child that takes the rest of the line, or a line of its own when the row folds. */
    static void setStretch(Node node, boolean stretch) {
        if (stretch) {
            node.getProperties().put(STRETCH, Boolean.TRUE);
        } else {
            node.getProperties().remove(STRETCH);
        }
    }

    /** Marks {@code node} as the one at the end of its line, where every card has its Crash button. */
    static void setEnd(Node node) {
        node.getProperties().put(END, Boolean.TRUE);
    }

    private static boolean isStretch(Node node) {
        return node.getProperties().containsKey(STRETCH);
    }

    /** Whether, at {@code width}, the row is folded: too narrow for all its children on one line. */
    boolean folded(double width) {
        if (width < 0) {
            return false;
        }
        List<Node> managed = getManagedChildren();
        double need = snapSpaceX(getSpacing()) * Math.max(0, managed.size() - 1);
        for (Node child : managed) {
            // Whole pixels, as the row lays them out: unsnapped, a row that needed a pixel more than it had counted
            // as fitting, and the leader's chips then wrapped inside it (one above the other) instead of folding.
            need += snapSizeX(isStretch(child) ? oneRowWidth(child) : child.prefWidth(-1));
        }
        return need > inner(width);
    }

    private double inner(double width) {
        return width - snappedLeftInset() - snappedRightInset();
    }

    /** The width a child needs to show in one row: a flow pane's children side by side, anything else its own. */
    private static double oneRowWidth(Node child) {
        if (child instanceof FlowPane flow) {
            List<Node> items = flow.getChildren().stream().filter(Node::isManaged).toList();
            double width = flow.snappedLeftInset() + flow.snappedRightInset()
                    + flow.snapSpaceX(flow.getHgap()) * Math.max(0, items.size() - 1);
            for (Node item : items) {
                width += flow.snapSizeX(item.prefWidth(-1));
            }
            return width;
        }
        return child.prefWidth(-1);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    /** The children other than the stretching one, broken into lines of at most {@code width}. */
    private List<List<Node>> lines(double width) {
        List<List<Node>> lines = new ArrayList<>();
        List<Node> line = new ArrayList<>();
        double used = 0;
        double spacing = snapSpaceX(getSpacing());
        for (Node child : getManagedChildren()) {
            if (isStretch(child)) {
                continue;
            }
            double childWidth = child.prefWidth(-1);
            if (!line.isEmpty() && used + spacing + childWidth > width + 0.5) {
                lines.add(line);
                line = new ArrayList<>();
                used = 0;
            }
            used += (line.isEmpty() ? 0 : spacing) + childWidth;
            line.add(child);
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    private static double lineHeight(List<Node> line) {
        return line.stream().mapToDouble(child -> child.prefHeight(-1)).max().orElse(0);
    }

    private double stretchHeight(double width) {
        return getManagedChildren().stream().filter(MemberLine::isStretch)
                .mapToDouble(child -> child.prefHeight(width)).max().orElse(0);
    }

    private boolean hasStretch() {
        return getManagedChildren().stream().anyMatch(MemberLine::isStretch);
    }

    @Override
    protected double computeMinWidth(double height) {
        // Folded as far as it goes: its widest child on a line of its own.
        double widest = getManagedChildren().stream().mapToDouble(child -> child.minWidth(-1)).max().orElse(0);
        return snappedLeftInset() + widest + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        if (!folded(width)) {
            return super.computePrefHeight(width);
        }
        double inner = inner(width);
        double gap = snapSpaceY(getSpacing()) / 2;
        double height = 0;
        for (List<Node> line : lines(inner)) {
            height += (height == 0 ? 0 : gap) + lineHeight(line);
        }
        if (hasStretch()) {
            height += gap + stretchHeight(inner);
        }
        return snappedTopInset() + height + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        // Never squeezed below what it shows: a folded row keeps all its lines.
        return folded(width) ? computePrefHeight(width) : super.computeMinHeight(width);
    }

    @Override
    protected void layoutChildren() {
        if (!folded(getWidth())) {
            super.layoutChildren();
            return;
        }
        double left = snappedLeftInset();
        double inner = inner(getWidth());
        double spacing = snapSpaceX(getSpacing());
        double gap = snapSpaceY(getSpacing()) / 2;
        double y = snappedTopInset();
        for (List<Node> line : lines(inner)) {
            double height = lineHeight(line);
            double x = left;
            for (Node child : line) {
                double width = snapSizeX(child.prefWidth(-1));
                double childHeight = snapSizeY(child.prefHeight(width));
                // The Crash button at the line's end, where the other cards have theirs.
                double at = child.getProperties().containsKey(END) ? Math.max(x, left + inner - width) : x;
                child.resizeRelocate(snapPositionX(at), snapPositionY(y + (height - childHeight) / 2), width,
                        childHeight);
                x = at + width + spacing;
            }
            y += height + gap;
        }
        for (Node child : getManagedChildren()) {
            if (isStretch(child)) {
                child.resizeRelocate(left, snapPositionY(y), snapSizeX(inner), snapSizeY(child.prefHeight(inner)));
            }
        }
    }
}
