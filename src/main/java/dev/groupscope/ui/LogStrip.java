package dev.groupscope.ui;

import java.util.List;
import javafx.scene.layout.Region;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;

/**
 * One partition's log drawn as a strip of its newest {@code window} offsets, the log end at the right: the part
 * the group has not committed yet (the lag) shaded, a bar at the committed offset and a triangle at the owner's
 * position, in the owner's colour. Other groups reading the same log each get a small neutral diamond at their own
 * committed offset, named in its tooltip. Sizes follow the strip's width, so it scales with the window and the zoom.
 */
final class LogStrip extends Region {

    /** The least width a strip asks for; it grows into the rest of its row. */
    static final double MIN_STRIP = 40;
    private final Rectangle track = new Rectangle();
    private final Rectangle lag = new Rectangle();
    private final Rectangle committedMark = new Rectangle();
    private final Polygon positionMark = new Polygon();
    private long window = 20;
    private long logEnd;
    private Long committed;
    private Long position;
    private final List<Polygon> otherMarks = new java.util.ArrayList<>();
    private List<Long> others = List.of();

    LogStrip() {
        getStyleClass().add("log-strip");
        track.getStyleClass().add("log-track");
        lag.getStyleClass().add("log-lag");
        committedMark.getStyleClass().add("log-committed");
        positionMark.getStyleClass().add("log-position");
        getChildren().addAll(track, lag, committedMark, positionMark);
        track.setManaged(false);
        lag.setManaged(false);
        committedMark.setManaged(false);
        positionMark.setManaged(false);
        setMinHeight(20);
        setPrefHeight(26);
    }

    /**
     * The strip takes the room its row has left (it grows), and asks for little of its own: a Region's preferred width
     * is otherwise its children's extent, i.e. the width it was last laid out at, so a strip once wide kept asking for
     * that much and the row squeezed the partition's name ("transfers-2" shown as "transfer...") instead.
     */
    @Override
    protected double computePrefWidth(double height) {
        return MIN_STRIP;
    }

    @Override
    protected double computeMinWidth(double height) {
        return MIN_STRIP;
    }

    void show(long window, long logEnd, Long committed, Long position, String ownerSlotClass) {
        this.window = Math.max(1, window);
        this.logEnd = logEnd;
        this.committed = committed;
        this.position = position;
        // Touch the style classes only on a change of owner: each change re-applies CSS to the mark.
        List<String> slot = positionMark.getStyleClass().stream().filter(style -> style.startsWith("member-slot-"))
                .toList();
        if (!slot.equals(ownerSlotClass == null ? List.of() : List.of(ownerSlotClass))) {
            positionMark.getStyleClass().removeIf(style -> style.startsWith("member-slot-"));
            if (ownerSlotClass != null) {
                positionMark.getStyleClass().add(ownerSlotClass);
            }
        }
        placeMarks();
    }

    /**
     * Other groups' committed offsets on this log, one diamond each, with {@code tips} (same order) as their tooltips.
     * The diamonds are reused, and their tooltips only rewritten when the text changes.
     */
    void showOthers(List<Long> offsets, List<String> tips) {
        others = List.copyOf(offsets);
        while (otherMarks.size() < offsets.size()) {
            Polygon mark = new Polygon();
            mark.setManaged(false);
            mark.getStyleClass().add("log-other-committed");
            javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
            javafx.scene.control.Tooltip.install(mark, tip);
            mark.getProperties().put(javafx.scene.control.Tooltip.class, tip);
            otherMarks.add(mark);
            getChildren().add(getChildren().indexOf(committedMark), mark);
        }
        for (int i = 0; i < otherMarks.size(); i++) {
            Polygon mark = otherMarks.get(i);
            boolean used = i < offsets.size();
            mark.setVisible(used);
            if (used) {
                javafx.scene.control.Tooltip tip = (javafx.scene.control.Tooltip) mark.getProperties()
                        .get(javafx.scene.control.Tooltip.class);
                if (!tips.get(i).equals(tip.getText())) {
                    tip.setText(tips.get(i));
                    mark.setAccessibleText(tips.get(i));
                }
            }
        }
        placeMarks();
    }

    /**
     * Moves the marks to the new offsets now. The marks are unmanaged shapes the strip places itself: a managed
     * shape that moves outside a layout pass makes its parent request one, which climbed to the window's root and
     * laid out every row of the panel at each frame of the model. Before the strip has a size, its first layout
     * places them.
     */
    private void placeMarks() {
        if (getWidth() > 0 && getHeight() > 0) {
            layoutChildren();
        } else {
            requestLayout();
        }
    }

    /** The other groups' marks shown now, as their tooltips say (for tests). */
    List<String> otherMarkTexts() {
        return otherMarks.stream().filter(Polygon::isVisible).map(mark -> ((javafx.scene.control.Tooltip) mark
                .getProperties().get(javafx.scene.control.Tooltip.class)).getText()).toList();
    }

    private double x(long offset, double width) {
        long first = logEnd - window;
        double fraction = (double) Math.max(0, Math.min(window, offset - first)) / window;
        return fraction * width;
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth() - 2;
        double height = getHeight();
        double bar = height * 0.55;
        double top = (height - bar) / 2;
        track.setX(1);
        track.setY(top);
        track.setWidth(width);
        track.setHeight(bar);
        // Before the first commit there is no lag to shade: where the group starts is up to auto.offset.reset.
        double committedX = 1 + x(committed == null ? logEnd : committed, width);
        lag.setVisible(committed != null);
        lag.setX(committedX);
        lag.setY(top);
        lag.setWidth(Math.max(0, 1 + width - committedX));
        lag.setHeight(bar);
        committedMark.setVisible(committed != null);
        committedMark.setX(committedX - 2);
        committedMark.setY(top - 3);
        committedMark.setWidth(4);
        committedMark.setHeight(bar + 6);
        // Diamonds on the track's top edge: clear of the owner's triangle below and small beside the committed bar.
        double half = Math.max(4, top + 2);
        for (int i = 0; i < others.size() && i < otherMarks.size(); i++) {
            double ox = 1 + x(others.get(i), width);
            otherMarks.get(i).getPoints().setAll(ox, top - half, ox + half * 0.8, top, ox, top + half,
                    ox - half * 0.8, top);
        }
        positionMark.setVisible(position != null);
        if (position != null) {
            double px = 1 + x(position, width);
            double size = top + 1;
            positionMark.getPoints().setAll(px, top + bar * 0.5, px - size * 1.4, top + bar + size,
                    px + size * 1.4, top + bar + size);
        }
    }
}
