package dev.groupscope.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;

/**
 * A flow of a partition's facts that stays within the width its row is given, whatever the text size: its
 * sentences ({@link Line}) ask for no more than the flow's width and wrap inside it. A plain flow pane is at least as
 * wide as its widest child wants to be, so at the largest text one long sentence ("end 385 · committed 289 · lag 96 ·
 * ⇅ 38 out of order") widened its partition's row past the cluster panel, which then scrolled sideways and cut
 * every row's strip.
 */
final class WrappingFlow extends FlowPane {

    /** As narrow as its narrowest-possible child: its sentences wrap, so none needs its whole length. */
    @Override
    protected double computeMinWidth(double height) {
        double widest = 0;
        for (Node child : getManagedChildren()) {
            widest = Math.max(widest, child.minWidth(-1));
        }
        return snappedLeftInset() + widest + snappedRightInset();
    }

    /** A sentence of the flow: no wider than the flow, wrapped inside it when longer. */
    static final class Line extends Label {

        private final WrappingFlow flow;

        Line(WrappingFlow flow) {
            this.flow = flow;
            setWrapText(true);
            setMinWidth(0);
            // What it asks for depends on the flow's width: ask again when that changes.
            flow.widthProperty().addListener(observable -> requestLayout());
        }

        /** The sentence's whole length on one line, however wide the flow. */
        double wanted() {
            return super.computePrefWidth(-1);
        }

        @Override
        protected double computePrefWidth(double height) {
            double wanted = super.computePrefWidth(height);
            double room = flow.getWidth() - flow.snappedLeftInset() - flow.snappedRightInset();
            return room > 0 ? Math.min(wanted, room) : wanted;
        }
    }
}
