package dev.groupscope.ui;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * How large the window's text is. Everything in the stylesheet is sized in {@code em}, so one root font size
 * scales the whole lab. A bigger screen (a 1080p projector) starts with bigger text; the View menu steps it.
 * Chinese starts one pixel larger: CJK glyphs need more pixels to stay legible, and the fallback font has no bold.
 */
public record TextZoom(double factor) {

    public static final double MIN = 0.8;
    public static final double MAX = 2.0;
    private static final double STEP = 0.1;
    private static final double MAX_START = 1.6;
    private static final double ABOVE_START = 0.6;
    private static final double REFERENCE_WIDTH = 1280;
    private static final double REFERENCE_HEIGHT = 800;

    public TextZoom {
        factor = Math.round(Math.max(MIN, Math.min(MAX, factor)) / STEP) * STEP;
    }

    /** The zoom for a window of this size: 1 at 1280×800 or smaller, growing with the window up to 1.6. */
    public static TextZoom forWindow(double width, double height) {
        double fit = Math.min(width / REFERENCE_WIDTH, height / REFERENCE_HEIGHT);
        return new TextZoom(Math.max(1.0, Math.min(MAX_START, Math.floor(fit / STEP) * STEP)));
    }

    /**
     * The largest text Ctrl + gives a window of this size: its starting size and six steps more (1.6 at 1280×800,
     * presenter mode's 1.4 and two steps; 1.9 at 1920×1080). Larger, the transport rows took half a 1280×800 screen
     * and the panels below scrolled to a few lines each, in presenter mode without room for a single consumer card.
     */
    public static TextZoom largestFor(double width, double height) {
        return new TextZoom(forWindow(width, height).factor + ABOVE_START);
    }

    /** This zoom, or {@code limit} if that is smaller. */
    public TextZoom atMost(TextZoom limit) {
        return factor <= limit.factor ? this : limit;
    }

    public TextZoom larger() {
        return new TextZoom(factor + STEP);
    }

    public TextZoom smaller() {
        return new TextZoom(factor - STEP);
    }

    public double fontPixels(UiLanguage language) {
        double base = language == UiLanguage.SIMPLIFIED_CHINESE ? 18 : 17;
        return Math.round(base * factor * 10) / 10.0;
    }

    /**
     * A stylesheet that gives menus this zoom's text size: a submenu is a window of its own that the root's font size
     * does not reach, so File → Lessons showed its lessons at JavaFX's default size however large the window's text.
     */
    public String menuStylesheet(UiLanguage language) {
        String css = String.format(Locale.ROOT, ".context-menu { -fx-font-size: %.1fpx; }", fontPixels(language));
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }

    /** The root style that applies this zoom. */
    public String rootStyle(UiLanguage language) {
        return String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", fontPixels(language));
    }
}
