package dev.groupscope.diagram;

import dev.groupscope.diagram.Shape.Anchor;
import dev.groupscope.sim.client.WorkerPoolView;
import java.util.List;

/**
 * A partition's sliding window in its owner's worker pool, under the group's log strip, as the main window's
 * playground draws it: "window", a frame of {@code capacity} slots from the low mark with the finished records filled
 * in the owner's colour and the unfinished ones hollow, then the same short facts ("low mark 289 · 1 unfinished ·
 * 59 done above · 60/60 · full: paused"). The facts wrap rather than truncate: the numbers are the lesson.
 */
final class WindowLine {

    static final double FRAME_WIDTH = 160;
    private static final double FRAME_HEIGHT = 12;
    private static final double INSET = 2;
    /** A run keeps at least four units, so one unfinished record among thousands still shows. */
    private static final double MIN_RUN = 4;
    private static final double FACTS_GAP = 10;
    private static final double LINE = 15;
    private static final double FONT = 12;

    private final WorkerPoolView.Window window;
    private final String caption;
    private final List<String> facts;
    private final String tooltip;

    /**
     * @param factsRoom how wide the facts may be before they wrap
     */
    WindowLine(WorkerPoolView.Window window, String owner, String partition, LayoutText text, double factsRoom) {
        this.window = window;
        this.caption = text.of("ui.main.window.caption");
        String said = text.of("ui.main.window.facts", "low", window.lowMark(), "unfinished", window.unfinished(),
                "done", window.finishedAhead().size(), "span", window.span(), "capacity", window.capacity());
        if (window.paused()) {
            said = text.of("ui.main.window.paused", "facts", said);
        }
        this.facts = TextFit.wrap(said, FONT, factsRoom);
        Object[] args = {"owner", owner, "partition", partition, "low", window.lowMark(), "last", window.next() - 1,
                "unfinished", window.unfinished(), "done", window.finishedAhead().size(),
                "capacity", window.capacity()};
        String tip = text.of(window.span() == 0 ? "ui.tip.partition.window.empty" : "ui.tip.partition.window", args);
        this.tooltip = window.paused() ? tip + " " + text.of("ui.tip.partition.window.paused", args) : tip;
    }

    /** The room the line takes below the strip, in drawing units. */
    double height() {
        return 22 + LINE * (facts.size() - 1);
    }

    /** Draws the line from {@code y} down: the caption at {@code captionX}, the frame at {@code frameX}. */
    void draw(Drawing.Builder out, String id, int ownerSlot, double captionX, double frameX, double y) {
        // Right against the frame it names, clear of the partition's own words in the column on the left.
        out.label(id + "-caption", frameX - 8, y + 12, TextFit.fit(caption, FONT, frameX - captionX - 8), Anchor.END,
                "caption");
        double frameY = y + 2;
        out.box(id, frameX, frameY, FRAME_WIDTH, FRAME_HEIGHT, 2, tooltip,
                window.paused() ? new String[] {"pool-window", "pool-paused"} : new String[] {"pool-window"});
        double inner = FRAME_WIDTH - 2 * INSET;
        // A window may have spanned more than its size while records were being revoked: keep every slot inside.
        double slot = inner / Math.max(1, Math.max(window.capacity(), window.span()));
        List<WindowRuns.Run> runs = WindowRuns.of(window);
        // Unfinished runs last, on top: the one record a slow worker holds is the point of the picture, and a finished
        // run's outline next to it must not cover it.
        for (boolean done : new boolean[] {true, false}) {
            for (int i = 0; i < runs.size(); i++) {
                WindowRuns.Run run = runs.get(i);
                if (run.done() != done) {
                    continue;
                }
                double x = Math.min(frameX + INSET + run.start() * slot, frameX + INSET + inner - MIN_RUN);
                double width = Math.max(MIN_RUN, run.length() * slot);
                String[] styles = done ? new String[] {"pool-done", DiagramStyles.memberSlot(ownerSlot)}
                        : new String[] {"pool-unfinished"};
                out.box(id + "-run-" + i, x, frameY + INSET, width, FRAME_HEIGHT - 2 * INSET, 0, "", styles);
            }
        }
        double factsX = frameX + FRAME_WIDTH + FACTS_GAP;
        for (int i = 0; i < facts.size(); i++) {
            out.label(i == 0 ? id + "-facts" : id + "-facts-" + i, factsX, y + 12 + LINE * i, facts.get(i),
                    Anchor.START, window.paused() ? new String[] {"detail", "pool-paused"} : new String[] {"detail"});
        }
    }

    /** Where the facts start, relative to the frame's x. */
    static double factsOffset() {
        return FRAME_WIDTH + FACTS_GAP;
    }
}
