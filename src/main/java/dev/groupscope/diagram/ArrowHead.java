package dev.groupscope.diagram;

/**
 * The triangle at the end of an arrow, as every renderer draws it: pointing along the line, its tip on the end
 * point, sized by the stroke so thick arrows get visible heads.
 */
public final class ArrowHead {

    private ArrowHead() {
    }

    /** x1, y1, x2, y2, x3, y3 of the head of the line from (x1, y1) to (x2, y2); the tip first. */
    public static double[] points(Shape.Line line, double strokeWidth) {
        double length = 5 + 2.5 * strokeWidth;
        double half = 2.5 + 1.2 * strokeWidth;
        double dx = line.x2() - line.x1();
        double dy = line.y2() - line.y1();
        double norm = Math.hypot(dx, dy);
        if (norm == 0) {
            return new double[] {line.x2(), line.y2(), line.x2(), line.y2(), line.x2(), line.y2()};
        }
        double ux = dx / norm;
        double uy = dy / norm;
        double bx = line.x2() - ux * length;
        double by = line.y2() - uy * length;
        return new double[] {line.x2(), line.y2(), bx - uy * half, by + ux * half, bx + uy * half, by - ux * half};
    }
}
