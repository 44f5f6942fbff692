package dev.groupscope.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ValueAxis;

/**
 * The Numbers tab's time axis, in seconds, from the window's start to now (the bounds the view sets): labels only at
 * round seconds, spaced so that they stand apart at the axis's width and text size. {@link NumberAxis} labels both
 * bounds as well as every tick, so "now" (61.9) sat beside the last tick (60), and once the two-minute window slid
 * its ticks ran from the window's start (10.7, 11, 31, 51...); it hides a label only once two touch, and its last
 * one, centred on the axis's end, ran under the chart's legend at large text.
 */
public final class TimeAxis extends ValueAxis<Number> {

    /** Round spacings in seconds, steps a class counts in (5 s, 15 s, a minute...). */
    static final double[] UNITS = {1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600};
    /** Never more ticks than this across the axis, however wide: more is clutter, not information. */
    static final int MOST_TICKS = 7;

    public TimeAxis() {
        setAutoRanging(false);
        // Ctrl + widens the labels without changing the range or, always, the axis's length: choose again.
        tickLabelFontProperty().addListener((observable, before, now) -> invalidateRange());
    }

    /**
     * The spacing of the labels: the finest of {@link #UNITS} that gives at most {@link #MOST_TICKS} ticks over
     * {@code span} seconds and leaves {@code labelRoom} pixels between two ticks on an axis {@code length} long.
     */
    static double unit(double span, double length, double labelRoom) {
        for (double unit : UNITS) {
            if (span / unit <= MOST_TICKS && (length <= 0 || unit * length / span >= labelRoom)) {
                return unit;
            }
        }
        return UNITS[UNITS.length - 1];
    }

    /**
     * The round seconds between the bounds, every {@code unit}; one so close to the right end that half its label
     * ({@code halfLabel} seconds wide) would stick out past the axis, under the legend, is left out.
     */
    static List<Number> ticks(double lower, double upper, double unit, double halfLabel) {
        List<Number> ticks = new ArrayList<>();
        for (long step = (long) Math.ceil(lower / unit - 1e-9); step * unit <= upper - halfLabel + 1e-9; step++) {
            ticks.add(step * unit);
        }
        return ticks;
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double span = getUpperBound() - getLowerBound();
        if (span <= 0) {
            return List.of(getLowerBound());
        }
        double halfLabel = length > 0 ? widestLabel() / 2 * span / length : 0;
        return ticks(getLowerBound(), getUpperBound(), unit(length), halfLabel);
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        double span = getUpperBound() - getLowerBound();
        if (span <= 0) {
            return List.of();
        }
        double unit = unit(getWidth());
        double minor = unit / Math.max(1, getMinorTickCount());
        List<Number> minors = new ArrayList<>();
        for (Number at : ticks(getLowerBound(), getUpperBound(), minor, 0)) {
            double value = at.doubleValue();
            if (Math.abs(value / unit - Math.rint(value / unit)) > 1e-9) {
                minors.add(value);
            }
        }
        return minors;
    }

    /** At this length, the widest label and a letter's gap (the font's size) between two ticks. */
    private double unit(double length) {
        return unit(getUpperBound() - getLowerBound(), length, widestLabel() + getTickLabelFont().getSize());
    }

    /** The widest label this axis shows: its upper bound's, in whole seconds (time only grows to the right). */
    private double widestLabel() {
        return measureTickMarkLabelSize(getTickMarkLabel(Math.ceil(getUpperBound())), getTickLabelRotation())
                .getWidth();
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        return getTickLabelFormatter() != null ? getTickLabelFormatter().toString(value)
                : Long.toString(Math.round(value.doubleValue()));
    }

    /** The range is the bounds the view sets: this axis never ranges itself. */
    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound()};
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] bounds = (double[]) range;
        setLowerBound(bounds[0]);
        setUpperBound(bounds[1]);
    }
}
