package dev.groupscope.export;

import dev.groupscope.diagram.ArrowHead;
import dev.groupscope.diagram.DiagramStyles;
import dev.groupscope.diagram.Drawing;
import dev.groupscope.diagram.Shape;
import dev.groupscope.diagram.Style;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A {@link Drawing} as SVG text: text stays text ({@code <text>}, searchable and translatable, with fonts that
 * have the Chinese glyphs), every element carries its stable id and its style classes, and the look of each class
 * is written out on the element itself, so any viewer (browsers, rsvg, Inkscape, ImageMagick) shows the same
 * picture without a stylesheet. The same drawing always gives the same bytes.
 */
public final class SvgExporter {

    private SvgExporter() {
    }

    public static String svg(Drawing drawing) {
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"")
                .append(" width=\"").append(number(drawing.width())).append('"')
                .append(" height=\"").append(number(drawing.height())).append('"')
                .append(" viewBox=\"0 0 ").append(number(drawing.width())).append(' ')
                .append(number(drawing.height())).append('"')
                .append(" class=\"groupscope ").append(escape(drawing.kind())).append('"')
                .append(" font-family=\"").append(escape(DiagramStyles.FONT_FAMILY)).append("\">\n");
        out.append("  <title>").append(escape(drawing.title())).append("</title>\n");
        for (Shape shape : drawing.shapes()) {
            Style style = DiagramStyles.resolve(shape.styles());
            if (shape instanceof Shape.Box box) {
                box(out, box, style);
            } else if (shape instanceof Shape.Line line) {
                line(out, line, style);
            } else if (shape instanceof Shape.Label label) {
                label(out, label, style);
            }
        }
        out.append("</svg>\n");
        return out.toString();
    }

    private static void box(StringBuilder out, Shape.Box box, Style style) {
        out.append("  <rect");
        common(out, box);
        out.append(" x=\"").append(number(box.x())).append("\" y=\"").append(number(box.y()))
                .append("\" width=\"").append(number(Math.max(0, box.width())))
                .append("\" height=\"").append(number(Math.max(0, box.height()))).append('"');
        if (box.radius() > 0) {
            out.append(" rx=\"").append(number(box.radius())).append('"');
        }
        paint(out, style, true);
        if (box.tooltip().isEmpty()) {
            out.append("/>\n");
        } else {
            out.append("><title>").append(escape(box.tooltip())).append("</title></rect>\n");
        }
    }

    private static void line(StringBuilder out, Shape.Line line, Style style) {
        if (!line.arrow()) {
            out.append("  <line");
            common(out, line);
            lineBody(out, line, style);
            out.append("/>\n");
            return;
        }
        out.append("  <g");
        common(out, line);
        out.append(">\n    <line");
        lineBody(out, line, style);
        out.append("/>\n    <polygon points=\"");
        double[] head = ArrowHead.points(line, style.strokeWidth());
        for (int i = 0; i < head.length; i += 2) {
            out.append(i == 0 ? "" : " ").append(number(head[i])).append(',').append(number(head[i + 1]));
        }
        out.append("\" fill=\"").append(style.stroke()).append("\"/>\n  </g>\n");
    }

    private static void lineBody(StringBuilder out, Shape.Line line, Style style) {
        out.append(" x1=\"").append(number(line.x1())).append("\" y1=\"").append(number(line.y1()))
                .append("\" x2=\"").append(number(line.x2())).append("\" y2=\"").append(number(line.y2()))
                .append('"');
        paint(out, style, false);
    }

    private static void label(StringBuilder out, Shape.Label label, Style style) {
        out.append("  <text");
        common(out, label);
        out.append(" x=\"").append(number(label.x())).append("\" y=\"").append(number(label.y())).append('"');
        if (label.anchor() != Shape.Anchor.START) {
            out.append(" text-anchor=\"").append(label.anchor() == Shape.Anchor.MIDDLE ? "middle" : "end").append('"');
        }
        out.append(" font-size=\"").append(number(style.fontSize())).append('"');
        if (Boolean.TRUE.equals(style.bold())) {
            out.append(" font-weight=\"bold\"");
        }
        out.append(" fill=\"").append(style.textFill()).append('"');
        opacity(out, style);
        out.append('>').append(escape(label.text())).append("</text>\n");
    }

    private static void common(StringBuilder out, Shape shape) {
        out.append(" id=\"").append(escape(shape.id())).append('"');
        if (!shape.styles().isEmpty()) {
            out.append(" class=\"").append(escape(String.join(" ", shape.styles()))).append('"');
        }
    }

    private static void paint(StringBuilder out, Style style, boolean filled) {
        out.append(" fill=\"").append(filled ? style.fill() : "none").append('"');
        out.append(" stroke=\"").append(style.stroke()).append('"');
        if (!"none".equals(style.stroke())) {
            out.append(" stroke-width=\"").append(number(style.strokeWidth())).append('"');
            if (style.dash() != null) {
                out.append(" stroke-dasharray=\"").append(style.dash()).append('"');
            }
        }
        opacity(out, style);
    }

    private static void opacity(StringBuilder out, Style style) {
        if (style.opacity() != null && style.opacity() < 1) {
            out.append(" opacity=\"").append(number(style.opacity())).append('"');
        }
    }

    /** Up to two decimals, no exponent, no trailing zeros, "." whatever the locale. */
    static String number(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
