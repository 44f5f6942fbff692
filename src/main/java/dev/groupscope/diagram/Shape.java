package dev.groupscope.diagram;

import java.util.List;

/**
 * One element of a {@link Drawing}: a box, a line or arrow, or a label. Every shape has an id that is stable for the
 * same thing in the same run (so a UI can reuse its node and a test can find it) and style classes that say what it
 * is ({@code partition-strip}, {@code error}, {@code member-slot-2}); how a class looks is {@link DiagramStyles}'.
 */
public sealed interface Shape permits Shape.Box, Shape.Line, Shape.Label {

    String id();

    List<String> styles();

    /** A rectangle with corner radius {@code radius}; {@code tooltip} is extra detail for a UI, or empty. */
    record Box(String id, List<String> styles, double x, double y, double width, double height, double radius,
               String tooltip) implements Shape {
        public Box {
            styles = List.copyOf(styles);
        }
    }

    /** A straight line from (x1, y1) to (x2, y2), with an arrow head at the end when {@code arrow}. */
    record Line(String id, List<String> styles, double x1, double y1, double x2, double y2, boolean arrow)
            implements Shape {
        public Line {
            styles = List.copyOf(styles);
        }
    }

    /**
     * One line of text whose baseline starts at (x, y) for {@link Anchor#START}, is centred on x for
     * {@link Anchor#MIDDLE} or ends at x for {@link Anchor#END}. Size and weight come from the style classes.
     */
    record Label(String id, List<String> styles, double x, double y, String text, Anchor anchor) implements Shape {
        public Label {
            styles = List.copyOf(styles);
        }
    }

    enum Anchor { START, MIDDLE, END }
}
