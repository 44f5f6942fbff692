package dev.groupscope.ui;

import dev.groupscope.diagram.ArrowHead;
import dev.groupscope.diagram.DiagramStyles;
import dev.groupscope.diagram.Drawing;
import dev.groupscope.diagram.Shape;
import dev.groupscope.diagram.Style;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.control.Tooltip;

/**
 * A {@link Drawing} as JavaFX nodes: one node per shape, with the shape's id and style classes, painted from the
 * same style table as the SVG and PNG exports, so the window shows the picture File → Export writes. Arrows are a
 * {@link Group} of a line and a head, so a click anywhere on them finds the arrow's id.
 */
final class DrawingNodes {

    private DrawingNodes() {
    }

    static List<Node> nodes(Drawing drawing) {
        List<Node> nodes = new ArrayList<>(drawing.shapes().size());
        for (Shape shape : drawing.shapes()) {
            Style style = DiagramStyles.resolve(shape.styles());
            Node node;
            if (shape instanceof Shape.Box box) {
                node = box(box, style);
            } else if (shape instanceof Shape.Line line) {
                node = line(line, style);
            } else {
                node = label((Shape.Label) shape, style);
            }
            node.setId(shape.id());
            node.getStyleClass().addAll(shape.styles());
            if (style.opacity() != null && style.opacity() < 1) {
                node.setOpacity(style.opacity());
            }
            nodes.add(node);
        }
        return nodes;
    }

    private static Node box(Shape.Box box, Style style) {
        Rectangle rectangle = new Rectangle(box.x(), box.y(), Math.max(0, box.width()), Math.max(0, box.height()));
        rectangle.setArcWidth(2 * box.radius());
        rectangle.setArcHeight(2 * box.radius());
        rectangle.setFill(paint(style.fill()));
        stroke(rectangle, style);
        if (!box.tooltip().isEmpty()) {
            Tooltip.install(rectangle, new Tooltip(box.tooltip()));
        }
        return rectangle;
    }

    private static Node line(Shape.Line shape, Style style) {
        Line line = new Line(shape.x1(), shape.y1(), shape.x2(), shape.y2());
        stroke(line, style);
        line.setStrokeLineCap(StrokeLineCap.BUTT);
        if (!shape.arrow()) {
            return line;
        }
        Polygon head = new Polygon(ArrowHead.points(shape, style.strokeWidth()));
        head.setFill(paint(style.stroke()));
        return new Group(line, head);
    }

    private static Node label(Shape.Label label, Style style) {
        Text text = new Text(label.text());
        text.setFont(Font.font(null, Boolean.TRUE.equals(style.bold()) ? FontWeight.BOLD : FontWeight.NORMAL,
                style.fontSize()));
        text.setFill(paint(style.textFill()));
        text.setTextOrigin(VPos.BASELINE);
        double width = text.getLayoutBounds().getWidth();
        switch (label.anchor()) {
            case MIDDLE -> text.setX(label.x() - width / 2);
            case END -> text.setX(label.x() - width);
            default -> text.setX(label.x());
        }
        text.setTextAlignment(TextAlignment.LEFT);
        text.setY(label.y());
        // Labels never take clicks from the shapes under them.
        text.setMouseTransparent(true);
        return text;
    }

    private static void stroke(javafx.scene.shape.Shape node, Style style) {
        if ("none".equals(style.stroke())) {
            node.setStroke(null);
            return;
        }
        node.setStroke(paint(style.stroke()));
        node.setStrokeWidth(style.strokeWidth());
        if (style.dash() != null) {
            for (String part : style.dash().trim().split("\\s+")) {
                node.getStrokeDashArray().add(Double.parseDouble(part));
            }
        }
    }

    private static Color paint(String colour) {
        return "none".equals(colour) ? Color.TRANSPARENT : Color.web(colour);
    }
}
