package dev.groupscope.ui;

import javafx.scene.control.Label;

/**
 * A label that remembers its height at a width until something it is measured by changes. JavaFX keeps a node's
 * preferred height only when it is asked without a width; a wrapping label is always asked with one, and so laid
 * its text out again (line breaks, glyphs) at every call. While the playground plays, its tab is laid out at every
 * pulse (the scrubber's thumb moves, the clock ticks), and each layout asks each wrapping sentence for its minimum
 * and preferred heights several times: most of the layout's time was measuring sentences that had not changed.
 *
 * <p>Whatever a label's size depends on (its text, font, wrapping, padding, graphic, line spacing; CSS that sets
 * them) reaches it as {@link #requestLayout()}, the same signal on which JavaFX drops its own size cache; the heights
 * remembered here are dropped there too.
 */
public class MeasuredLabel extends Label {

    /** A few widths: a layout asks at the width it will give and, in a box that shrinks or grows, at one or two more. */
    private static final int WIDTHS = 4;

    private final Heights preferred = new Heights();
    private final Heights minimum = new Heights();

    public MeasuredLabel() {
    }

    public MeasuredLabel(String text) {
        super(text);
    }

    @Override
    protected double computePrefHeight(double width) {
        return preferred.at(width, super::computePrefHeight);
    }

    @Override
    protected double computeMinHeight(double width) {
        return minimum.at(width, super::computeMinHeight);
    }

    @Override
    public void requestLayout() {
        // Called from Label's own constructor too, before the fields above are set.
        if (preferred != null) {
            preferred.clear();
            minimum.clear();
        }
        super.requestLayout();
    }

    /** Heights at up to {@link #WIDTHS} widths, the oldest replaced first. */
    private static final class Heights {
        private final double[] widths = new double[WIDTHS];
        private final double[] heights = new double[WIDTHS];
        private int size;
        private int next;

        /** The height remembered for {@code width}, or the one {@code measure} gives, then remembered. */
        double at(double width, java.util.function.DoubleUnaryOperator measure) {
            for (int i = 0; i < size; i++) {
                if (Double.compare(widths[i], width) == 0) {
                    return heights[i];
                }
            }
            double height = measure.applyAsDouble(width);
            widths[next] = width;
            heights[next] = height;
            next = (next + 1) % WIDTHS;
            size = Math.min(WIDTHS, size + 1);
            return height;
        }

        void clear() {
            size = 0;
            next = 0;
        }
    }
}
