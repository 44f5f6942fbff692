package dev.groupscope.diagram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each style class looks like, in one table for every renderer (SVG, PNG, the window), so the same drawing is
 * the same picture everywhere. Order matters as in CSS: a class later in the table wins over an earlier one, and
 * {@link #resolve} applies them in table order whatever order a shape lists them in.
 *
 * <p>Colours: the main window's light theme; consumers take the Okabe–Ito palette in the window's slot order, and
 * are never told apart by colour alone (every consumer is also named).
 */
public final class DiagramStyles {

    /** The consumer palette, slot 0 first (as the main window's {@code member-slot-n} classes). */
    public static final List<String> MEMBER_COLOURS =
            List.of("#e69f00", "#56b4e9", "#009e73", "#cc79a7", "#f0e442", "#d55e00", "#0072b2", "#000000");

    /** Fonts for text: a Latin sans first, then fonts with the Chinese glyphs, then the generic family. */
    public static final String FONT_FAMILY = "'DejaVu Sans', 'Noto Sans', Arial, 'WenQuanYi Micro Hei', "
            + "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

    private static final String TEXT = "#1f2328";
    private static final String MUTED = "#57606a";
    private static final String LINE = "#8a96a3";
    private static final String ACCENT = "#0072b2";
    private static final String ERROR = "#b3261e";

    private static final Map<String, Style> TABLE = build();

    private DiagramStyles() {
    }

    private static Map<String, Style> build() {
        Map<String, Style> t = new LinkedHashMap<>();
        t.put("canvas", Style.fill("#ffffff"));
        // Text
        t.put("title", Style.NONE.withText(TEXT, 20, true));
        t.put("heading", Style.NONE.withText(TEXT, 15, true));
        t.put("name", Style.NONE.withText(TEXT, 13, true));
        t.put("detail", Style.NONE.withText("#3a444e", 12, false));
        t.put("caption", Style.NONE.withText(MUTED, 12, false));
        // Brokers and __consumer_offsets
        t.put("broker", Style.fill("#f6f8fa").withStroke(LINE, 1));
        t.put("down", Style.fill("#e9e9e9").withStroke(ERROR, 1.5).withDash("5 3"));
        t.put("coordinator", Style.NONE.withStroke(ACCENT, 3));
        t.put("offsets-cell", Style.fill("#ffffff").withStroke("#c5ccd3", 1));
        t.put("has-records", Style.fill("#dde3e9"));
        t.put("group-offsets", Style.fill(ACCENT).withStroke("#003f6b", 2));
        // Logs
        t.put("log-track", Style.fill("#cfd6dd"));
        t.put("log-lag", Style.fill("#f5b971"));
        t.put("log-committed", Style.fill("#000000"));
        t.put("log-empty", Style.fill("#ffffff").withStroke("#c5ccd3", 1).withDash("3 3"));
        // Groups and consumers
        t.put("group", Style.fill("#f3f7fb").withStroke(LINE, 1));
        t.put("consumer", Style.fill("#ffffff").withStroke(LINE, 1));
        t.put("idle", Style.fill("#fdf1e6").withStroke("#d55e00", 1));
        t.put("stopped", Style.fill("#e9e9e9").withStroke(ERROR, 1).withDash("5 3"));
        t.put("assignment", Style.NONE.withStroke(LINE, 1.5));
        // Sequence diagram
        t.put("lane-head", Style.fill("#f6f8fa").withStroke(LINE, 1));
        t.put("coordinator-lane", Style.fill("#e3f0fa").withStroke(ACCENT, 2));
        t.put("lifeline", Style.NONE.withStroke("#c5ccd3", 1).withDash("4 4"));
        t.put("message", Style.NONE.withStroke("#3a444e", 1.5).withTextFill(TEXT));
        t.put("response", Style.NONE.withDash("6 3"));
        t.put("heartbeat", Style.NONE.withStroke("#9aa5b1", 1).withTextFill(MUTED));
        t.put("commit", Style.NONE.withStroke("#007a5a", 1.5).withTextFill("#00573f"));
        t.put("leave", Style.NONE.withStroke("#8a3b00", 1.5).withTextFill("#8a3b00"));
        t.put("error", Style.NONE.withStroke(ERROR, 2).withTextFill(ERROR));
        t.put("folded", Style.fill("#f6f8fa").withStroke("#c5ccd3", 1).withTextFill(MUTED));
        t.put("note", Style.fill("#fff4cc").withStroke("#8a6d00", 1).withTextFill("#4d3d00"));
        t.put("time", Style.NONE.withText(MUTED, 11, false));
        t.put("row-band", Style.fill("#f6f8fa"));
        t.put("current", Style.fill("#fff4cc").withStroke("#8a6d00", 1));
        t.put("selected", Style.NONE.withStroke(ACCENT, 3));
        t.put("future", Style.NONE.withOpacity(0.35));
        for (int slot = 0; slot < MEMBER_COLOURS.size(); slot++) {
            String colour = MEMBER_COLOURS.get(slot);
            t.put(memberSlot(slot), Style.fill(colour).withStroke(colour, 2));
        }
        // The two palette colours that vanish on white get a dark outline (yellow, and black's own is fine).
        t.put("member-slot-4", Style.fill("#f0e442").withStroke("#8a7d00", 2));
        t.put("on-dark", Style.NONE.withTextFill("#ffffff"));
        return t;
    }

    public static String memberSlot(int slot) {
        return "member-slot-" + Math.floorMod(slot, MEMBER_COLOURS.size());
    }

    /** Whether text on this slot's colour should be white. */
    public static boolean darkSlot(int slot) {
        int s = Math.floorMod(slot, MEMBER_COLOURS.size());
        return s == 6 || s == 7;
    }

    /** The classes in table order. */
    public static Map<String, Style> table() {
        return TABLE;
    }

    /** What a shape with these classes looks like: {@link Style#DEFAULT} under each known class, in table order. */
    public static Style resolve(List<String> classes) {
        Style style = Style.DEFAULT;
        for (Map.Entry<String, Style> entry : TABLE.entrySet()) {
            if (classes.contains(entry.getKey())) {
                style = entry.getValue().over(style);
            }
        }
        return style;
    }
}
