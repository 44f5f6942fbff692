package dev.groupscope.export;

import dev.groupscope.diagram.ArrowHead;
import dev.groupscope.diagram.DiagramStyles;
import dev.groupscope.diagram.Drawing;
import dev.groupscope.diagram.Shape;
import dev.groupscope.diagram.Style;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * A {@link Drawing} as a PNG image, painted with Java2D (headless: no display and no JavaFX toolkit needed, so the
 * CLI and the window's File → Export make the same picture) at a chosen scale — 2 for sharp slides and print — and
 * encoded by {@link PngEncoder}. Geometry and colours come from the same drawing and style table as the SVG; text
 * uses Java's logical "SansSerif" font, which falls back to an installed CJK font for Chinese.
 */
public final class PngExporter {

    /** The scale exports use: two pixels per drawing unit. */
    public static final double SCALE = 2;
    private static final String FONT = Font.SANS_SERIF;

    private PngExporter() {
    }

    public static byte[] png(Drawing drawing) {
        return png(drawing, SCALE);
    }

    public static byte[] png(Drawing drawing, double scale) {
        BufferedImage image = render(drawing, scale);
        int width = image.getWidth();
        int height = image.getHeight();
        return PngEncoder.encode(image.getRGB(0, 0, width, height, null, 0, width), width, height);
    }

    public static BufferedImage render(Drawing drawing, double scale) {
        int width = (int) Math.ceil(drawing.width() * scale);
        int height = (int) Math.ceil(drawing.height() * scale);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.scale(scale, scale);
            for (Shape shape : drawing.shapes()) {
                Style style = DiagramStyles.resolve(shape.styles());
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER,
                        style.opacity() == null ? 1f : style.opacity().floatValue()));
                if (shape instanceof Shape.Box box) {
                    box(g, box, style);
                } else if (shape instanceof Shape.Line line) {
                    line(g, line, style);
                } else if (shape instanceof Shape.Label label) {
                    label(g, label, style);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void box(Graphics2D g, Shape.Box box, Style style) {
        java.awt.Shape outline = box.radius() > 0
                ? new RoundRectangle2D.Double(box.x(), box.y(), Math.max(0, box.width()), Math.max(0, box.height()),
                2 * box.radius(), 2 * box.radius())
                : new Rectangle2D.Double(box.x(), box.y(), Math.max(0, box.width()), Math.max(0, box.height()));
        if (!"none".equals(style.fill())) {
            g.setColor(colour(style.fill()));
            g.fill(outline);
        }
        if (!"none".equals(style.stroke())) {
            g.setColor(colour(style.stroke()));
            g.setStroke(stroke(style));
            g.draw(outline);
        }
    }

    private static void line(Graphics2D g, Shape.Line line, Style style) {
        if ("none".equals(style.stroke())) {
            return;
        }
        g.setColor(colour(style.stroke()));
        g.setStroke(stroke(style));
        g.draw(new Line2D.Double(line.x1(), line.y1(), line.x2(), line.y2()));
        if (line.arrow()) {
            double[] head = ArrowHead.points(line, style.strokeWidth());
            Path2D.Double triangle = new Path2D.Double();
            triangle.moveTo(head[0], head[1]);
            triangle.lineTo(head[2], head[3]);
            triangle.lineTo(head[4], head[5]);
            triangle.closePath();
            g.fill(triangle);
        }
    }

    private static void label(Graphics2D g, Shape.Label label, Style style) {
        Font font = new Font(FONT, Boolean.TRUE.equals(style.bold()) ? Font.BOLD : Font.PLAIN, 1)
                .deriveFont(style.fontSize().floatValue());
        g.setFont(font);
        g.setColor(colour(style.textFill()));
        double width = g.getFontMetrics().getStringBounds(label.text(), g).getWidth();
        double x = switch (label.anchor()) {
            case START -> label.x();
            case MIDDLE -> label.x() - width / 2;
            case END -> label.x() - width;
        };
        g.drawString(label.text(), (float) x, (float) label.y());
    }

    private static BasicStroke stroke(Style style) {
        float width = style.strokeWidth().floatValue();
        if (style.dash() == null) {
            return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
        }
        String[] parts = style.dash().trim().split("\\s+");
        float[] dash = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            dash[i] = Float.parseFloat(parts[i]);
        }
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                Arrays.copyOf(dash, dash.length), 0f);
    }

    static Color colour(String hex) {
        return new Color(Integer.parseInt(hex.substring(1), 16));
    }
}
