package dev.groupscope.diagram;

/**
 * How a shape looks: what one style class sets, or (after {@link #over}) everything a shape's classes set together.
 * Colours are {@code #rrggbb} or "none"; a null field is "not set by this class".
 *
 * @param dash        stroke dash lengths, e.g. "6 4", or null for solid
 * @param textFill    colour of a label's text
 * @param fontSize    label size in px
 * @param bold        label weight
 */
public record Style(String fill, String stroke, Double strokeWidth, String dash, String textFill, Double fontSize,
                    Boolean bold, Double opacity) {

    public static final Style NONE = new Style(null, null, null, null, null, null, null, null);

    /** What a shape with no class looks like. */
    public static final Style DEFAULT = new Style("none", "none", 1.0, null, "#1f2328", 13.0, false, 1.0);

    public static Style fill(String fill) {
        return NONE.withFill(fill);
    }

    public Style withFill(String value) {
        return new Style(value, stroke, strokeWidth, dash, textFill, fontSize, bold, opacity);
    }

    public Style withStroke(String value, double width) {
        return new Style(fill, value, width, dash, textFill, fontSize, bold, opacity);
    }

    public Style withDash(String value) {
        return new Style(fill, stroke, strokeWidth, value, textFill, fontSize, bold, opacity);
    }

    public Style withText(String colour, double size, boolean isBold) {
        return new Style(fill, stroke, strokeWidth, dash, colour, size, isBold, opacity);
    }

    public Style withTextFill(String colour) {
        return new Style(fill, stroke, strokeWidth, dash, colour, fontSize, bold, opacity);
    }

    public Style withOpacity(double value) {
        return new Style(fill, stroke, strokeWidth, dash, textFill, fontSize, bold, value);
    }

    /** This style's settings on top of {@code base}'s. */
    public Style over(Style base) {
        return new Style(pick(fill, base.fill), pick(stroke, base.stroke), pick(strokeWidth, base.strokeWidth),
                pick(dash, base.dash), pick(textFill, base.textFill), pick(fontSize, base.fontSize),
                pick(bold, base.bold), pick(opacity, base.opacity));
    }

    private static <T> T pick(T mine, T theirs) {
        return mine != null ? mine : theirs;
    }
}
