package dev.groupscope.diagram;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A picture as data: a canvas size and shapes in painting order (later on top). Made by the layouts in this package
 * from the simulation's state or event log; drawn by the SVG and PNG exporters and by the UI, so every picture of
 * the same moment is the same picture. Ids are unique within a drawing.
 *
 * @param kind  what it shows, e.g. {@code topology} or {@code sequence}; the SVG root's class
 * @param title a one-line description (the SVG's {@code <title>})
 */
public record Drawing(String kind, String title, double width, double height, List<Shape> shapes) {

    public Drawing {
        shapes = List.copyOf(shapes);
        Set<String> ids = new HashSet<>();
        for (Shape shape : shapes) {
            if (!ids.add(shape.id())) {
                throw new IllegalArgumentException("duplicate shape id " + shape.id());
            }
        }
    }

    public Optional<Shape> shape(String id) {
        return shapes.stream().filter(shape -> shape.id().equals(id)).findFirst();
    }

    /** Collects shapes in painting order, then makes the drawing. */
    public static final class Builder {
        private final List<Shape> shapes = new ArrayList<>();

        public Builder box(String id, double x, double y, double width, double height, double radius, String tooltip,
                           String... styles) {
            shapes.add(new Shape.Box(id, List.of(styles), x, y, width, height, radius, tooltip));
            return this;
        }

        public Builder line(String id, double x1, double y1, double x2, double y2, String... styles) {
            shapes.add(new Shape.Line(id, List.of(styles), x1, y1, x2, y2, false));
            return this;
        }

        public Builder arrow(String id, double x1, double y1, double x2, double y2, String... styles) {
            shapes.add(new Shape.Line(id, List.of(styles), x1, y1, x2, y2, true));
            return this;
        }

        public Builder label(String id, double x, double y, String text, Shape.Anchor anchor, String... styles) {
            shapes.add(new Shape.Label(id, List.of(styles), x, y, text, anchor));
            return this;
        }

        public Builder add(Shape shape) {
            shapes.add(shape);
            return this;
        }

        public Drawing build(String kind, String title, double width, double height) {
            return new Drawing(kind, title, width, height, shapes);
        }
    }
}
