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
        // Worker pools (as the window's PoolWindowLine and WorkersLine): a partition's window is a frame of slots,
        // finished runs in the owner's member-slot colour, unfinished ones hollow; a full window (its partition
        // paused) and a slowed worker in red, the colour of what holds the group back.
        t.put("pool-window", Style.fill("#eef1f4").withStroke("#5a6570", 1));
        t.put("pool-unfinished", Style.fill("#ffffff").withStroke("#1f2933", 1));
        t.put("pool-paused", Style.NONE.withStroke(ERROR, 2).withTextFill(ERROR));
        t.put("worker", Style.fill("#f6f8fa").withStroke("#8a949e", 1).withTextFill("#1f2933"));
        t.put("worker-idle", Style.NONE.withDash("3 3").withTextFill(MUTED));
        t.put("worker-slow", Style.NONE.withStroke(ERROR, 2).withText(ERROR, 12, true));
        // Sequence diagram
        t.put("lane-head", Style.fill("#f6f8fa").withStroke(LINE, 1));
        t.put("coordinator-lane", Style.fill("#e3f0fa").withStroke(ACCENT, 2));
        // A stopped broker's or a crashed consumer's lane: as the cluster's "down" and "stopped" boxes.
        t.put("lane-down", Style.fill("#e9e9e9").withStroke(ERROR, 1.5).withDash("5 3"));
        t.put("lifeline", Style.NONE.withStroke("#c5ccd3", 1).withDash("4 4"));
        t.put("message", Style.NONE.withStroke("#3a444e", 1.5).withTextFill(TEXT));
        t.put("response", Style.NONE.withDash("6 3"));
        t.put("heartbeat", Style.NONE.withStroke("#9aa5b1", 1).withTextFill(MUTED));
        t.put("commit", Style.NONE.withStroke("#007a5a", 1.5).withTextFill("#00573f"));
        t.put("leave", Style.NONE.withStroke("#8a3b00", 1.5).withTextFill("#8a3b00"));
        t.put("error", Style.NONE.withStroke(ERROR, 2).withTextFill(ERROR));
        // A message a network cut lost: red as an error (over a heartbeat's grey), its ✗ solid even on an answer.
        t.put("lost", Style.NONE.withStroke(ERROR, 2).withTextFill(ERROR));
        t.put("lost-mark", Style.NONE.withStroke(ERROR, 2.5));
        t.put("folded", Style.fill("#f6f8fa").withStroke("#c5ccd3", 1).withTextFill(MUTED));
        t.put("note", Style.fill("#fff4cc").withStroke("#8a6d00", 1).withTextFill("#4d3d00"));
        t.put("time", Style.NONE.withText(MUTED, 11, false));
        t.put("row-band", Style.fill("#f6f8fa"));
        t.put("current", Style.fill("#fff4cc").withStroke("#8a6d00", 1));
        // The patch under a message's words that hides the lifelines crossing them: the canvas colour, or on the
        // current row that row's. Each palette keeps these the same as its "canvas" and "current" fills.
        t.put("label-ground", Style.fill("#ffffff"));
        t.put("current-ground", Style.fill("#fff4cc"));
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
        return resolve(classes, Palette.LIGHT);
    }

    /**
     * As {@link #resolve(List)} on a window in a dark or high-contrast theme: the palette replaces the look of the
     * classes it names (surfaces, lines and text), and keeps the consumers' colours. Exports are always light.
     */
    public static Style resolve(List<String> classes, Palette palette) {
        Style style = palette.text == null ? Style.DEFAULT : Style.DEFAULT.withTextFill(palette.text);
        for (Map.Entry<String, Style> entry : TABLE.entrySet()) {
            if (classes.contains(entry.getKey())) {
                style = palette.overrides.getOrDefault(entry.getKey(), entry.getValue()).over(style);
            }
        }
        return style;
    }

    /** The window's themes, as the diagram colours them. */
    public enum Palette {
        LIGHT(null, Map.of()),
        DARK("#e6edf3", Map.ofEntries(
                Map.entry("canvas", Style.fill("#0d1117")),
                Map.entry("title", Style.NONE.withText("#e6edf3", 20, true)),
                Map.entry("name", Style.NONE.withText("#e6edf3", 13, true)),
                Map.entry("detail", Style.NONE.withText("#c9d1d9", 12, false)),
                Map.entry("caption", Style.NONE.withText("#9aa5b1", 12, false)),
                Map.entry("lane-head", Style.fill("#161b22").withStroke("#8b949e", 1)),
                Map.entry("coordinator-lane", Style.fill("#0b2a42").withStroke("#58a6ff", 2)),
                Map.entry("lane-down", Style.fill("#21262d").withStroke("#ff7b72", 1.5).withDash("5 3")),
                Map.entry("lifeline", Style.NONE.withStroke("#484f58", 1).withDash("4 4")),
                Map.entry("message", Style.NONE.withStroke("#c9d1d9", 1.5).withTextFill("#e6edf3")),
                Map.entry("heartbeat", Style.NONE.withStroke("#8b949e", 1).withTextFill("#9aa5b1")),
                Map.entry("commit", Style.NONE.withStroke("#3fb950", 1.5).withTextFill("#56d364")),
                Map.entry("leave", Style.NONE.withStroke("#f0883e", 1.5).withTextFill("#f0883e")),
                Map.entry("error", Style.NONE.withStroke("#ff7b72", 2).withTextFill("#ff7b72")),
                Map.entry("lost", Style.NONE.withStroke("#ff7b72", 2).withTextFill("#ff7b72")),
                Map.entry("lost-mark", Style.NONE.withStroke("#ff7b72", 2.5)),
                Map.entry("folded", Style.fill("#161b22").withStroke("#30363d", 1).withTextFill("#9aa5b1")),
                Map.entry("note", Style.fill("#3d2e00").withStroke("#d29922", 1).withTextFill("#f2cc60")),
                Map.entry("time", Style.NONE.withText("#9aa5b1", 11, false)),
                Map.entry("current", Style.fill("#2d2400").withStroke("#d29922", 1)),
                Map.entry("label-ground", Style.fill("#0d1117")),
                Map.entry("current-ground", Style.fill("#2d2400")))),
        HIGH_CONTRAST("#ffffff", Map.ofEntries(
                Map.entry("canvas", Style.fill("#000000")),
                Map.entry("title", Style.NONE.withText("#ffffff", 20, true)),
                Map.entry("name", Style.NONE.withText("#ffffff", 13, true)),
                Map.entry("detail", Style.NONE.withText("#ffffff", 12, false)),
                Map.entry("caption", Style.NONE.withText("#ffffff", 12, false)),
                Map.entry("lane-head", Style.fill("#000000").withStroke("#ffffff", 1)),
                Map.entry("coordinator-lane", Style.fill("#333300").withStroke("#ffff00", 2)),
                Map.entry("lane-down", Style.fill("#000000").withStroke("#ff6666", 2).withDash("5 3")),
                Map.entry("lifeline", Style.NONE.withStroke("#ffffff", 1).withDash("4 4")),
                Map.entry("message", Style.NONE.withStroke("#ffffff", 1.5).withTextFill("#ffffff")),
                Map.entry("heartbeat", Style.NONE.withStroke("#c0c0c0", 1).withTextFill("#ffffff")),
                Map.entry("commit", Style.NONE.withStroke("#66ff99", 1.5).withTextFill("#66ff99")),
                Map.entry("leave", Style.NONE.withStroke("#ffb366", 1.5).withTextFill("#ffb366")),
                Map.entry("error", Style.NONE.withStroke("#ff6666", 3).withTextFill("#ff8080")),
                Map.entry("lost", Style.NONE.withStroke("#ff6666", 3).withTextFill("#ff8080")),
                Map.entry("lost-mark", Style.NONE.withStroke("#ff6666", 3)),
                Map.entry("folded", Style.fill("#000000").withStroke("#ffffff", 1).withTextFill("#ffffff")),
                Map.entry("note", Style.fill("#333300").withStroke("#ffff00", 1).withTextFill("#ffff00")),
                Map.entry("time", Style.NONE.withText("#ffffff", 11, false)),
                Map.entry("current", Style.fill("#333300").withStroke("#ffff00", 2)),
                Map.entry("label-ground", Style.fill("#000000")),
                Map.entry("current-ground", Style.fill("#333300")),
                // Rows after t stay readable on a washed-out projector.
                Map.entry("future", Style.NONE.withOpacity(0.6))));

        private final String text;
        private final Map<String, Style> overrides;

        Palette(String text, Map<String, Style> overrides) {
            this.text = text;
            this.overrides = overrides;
        }
    }
}
