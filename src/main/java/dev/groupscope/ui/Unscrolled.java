package dev.groupscope.ui;

import javafx.geometry.Orientation;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * What a panel's scroll pane shows before anyone scrolls it, for the window's first frame: the content at the
 * pane's width, from its top, cut at its bottom edge, sized as the scroll pane sizes itself (with {@code
 * fitToWidth}, its bars as needed). A scroll pane is a control: its skin, two scroll bars and their behaviours are
 * hundreds of classes, and nothing scrolls in the first frame. {@link PlaygroundPanes#scrollable} puts the scroll
 * pane in its place, around the same content node, when the rest of the window arrives.
 */
final class Unscrolled extends Region {

    /** What {@code ScrollPaneSkin} gives as its least size when no viewport size is set. */
    private static final double LEAST_SIZE = 36;

    private final Region content;
    private final Rectangle clip = new Rectangle();

    Unscrolled(Region content, String styleClass) {
        this.content = content;
        // The scroll pane's classes: the stylesheets give it its padding (its frame) and background.
        getStyleClass().addAll("scroll-pane", styleClass);
        getChildren().add(content);
        setClip(clip);
    }

    /** Lets go of the content, for the scroll pane that takes this one's place. */
    Region release() {
        getChildren().clear();
        return content;
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double width = getWidth() - left - snappedRightInset();
        double height = getHeight() - top - snappedBottomInset();
        double contentWidth;
        double contentHeight;
        if (content.getContentBias() == Orientation.VERTICAL) {
            contentHeight = snapSizeY(bounded(content.prefHeight(-1), content.minHeight(-1), content.maxHeight(-1)));
            contentWidth = snapSizeX(bounded(width, content.minWidth(contentHeight), content.maxWidth(contentHeight)));
        } else {
            contentWidth = snapSizeX(bounded(width, content.minWidth(-1), content.maxWidth(-1)));
            double across = content.getContentBias() == Orientation.HORIZONTAL ? contentWidth : -1;
            contentHeight = snapSizeY(bounded(content.prefHeight(across), content.minHeight(across),
                    content.maxHeight(across)));
        }
        content.resizeRelocate(left, top, contentWidth, contentHeight);
        clip.setX(left);
        clip.setY(top);
        clip.setWidth(snapSizeX(Math.max(0, width)));
        clip.setHeight(snapSizeY(Math.max(0, height)));
    }

    private static double bounded(double value, double min, double max) {
        return Math.min(Math.max(value, min), Math.max(min, max));
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(height) + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        // As the scroll pane asks: with its own width, not the content's.
        return content.prefHeight(width) + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return LEAST_SIZE;
    }

    @Override
    protected double computeMinHeight(double width) {
        return LEAST_SIZE;
    }
}
