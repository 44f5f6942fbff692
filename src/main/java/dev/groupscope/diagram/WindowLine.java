package dev.groupscope.diagram;

import dev.groupscope.diagram.Shape.Anchor;
import dev.groupscope.sim.client.WorkerPoolView;
import java.util.List;

/**
 * A partition's sliding window in its owner's worker pool, under the group's log strip, as the main window's
 * playground draws it: a frame of {@code capacity} slots from the low mark with the finished records filled in the
 * owner's colour and the unfinished ones hollow, then the same words ("window 60/60: low mark 289, 1 unfinished ·
 * full: paused"). The words wrap rather than truncate: the numbers are the lesson.
 */
public final class WindowLine {

    static final double FRAME_WIDTH = 160;
    private static final double FRAME_HEIGHT = 12;
    private static final double INSET = 2;
    /** A run keeps at least four units, so one unfinished record among thousands still shows. */
    private static final double MIN_RUN = 4;
    private static final double FACTS_GAP = 10;
    private static final double LINE = 15;
    private static final double FONT = 12;

    private final WorkerPoolView.Window window;
    private final Long committed;
    private final List<String> facts;
    private final String tooltip;

    /**
     * @param committed the group's committed offset on the partition (null: none yet)
     * @param factsRoom how wide the facts may be before they wrap
     */
    WindowLine(WorkerPoolView.Window window, Long committed, String owner, String partition, LayoutText text,
               double factsRoom) {
        this.window = window;
        this.committed = committed;
        this.facts = TextFit.wrap(said(window, committed, text), FONT, factsRoom);
        this.tooltip = String.join(" ", explained(window, committed, owner, partition, text));
    }

    /**
     * The window in a few words ("window 60/60: low mark 289, 1 unfinished · full: paused"), as the window says too,
     * and, when the group's commit ({@code committed}, null: none) has passed unfinished records of it (auto commit
     * with a pool commits the poller's position), how many: the records a crash now would lose.
     */
    public static String said(WorkerPoolView.Window window, Long committed, LayoutText text) {
        String said = text.of("ui.main.window.facts", "low", window.lowMark(), "unfinished", window.unfinished(),
                "span", window.span(), "capacity", window.capacity());
        if (window.draining()) {
            // Down to the mark yet still paused: the poller resumes it on its next round, not "at 30/60" beside 30/60.
            said = text.of(window.span() <= window.resumeAt() ? "ui.main.window.drained" : "ui.main.window.draining",
                    "facts", said, "resumeAt", window.resumeAt(), "capacity", window.capacity());
        } else if (window.paused()) {
            said = text.of("ui.main.window.paused", "facts", said);
        }
        long passed = unfinishedBelow(window, committed);
        return passed > 0 ? text.of("ui.main.window.committedPast", "facts", said, "count", passed) : said;
    }

    /** How many of the window's unfinished records lie below {@code committed} (null: none committed). */
    public static long unfinishedBelow(WorkerPoolView.Window window, Long committed) {
        if (committed == null || committed <= window.lowMark()) {
            return 0;
        }
        long upTo = Math.min(committed, window.next());
        long finished = window.finishedAhead().stream().filter(offset -> offset < upTo).count();
        return upTo - window.lowMark() - finished;
    }

    /** Whether the words are in the alarm colour: the window is full, or a commit passed unfinished records. */
    public static boolean alarming(WorkerPoolView.Window window, Long committed) {
        return window.paused() || unfinishedBelow(window, committed) > 0;
    }

    /**
     * What {@code owner}'s pool holds of {@code partition}, why only its low mark may be committed, why paused, and,
     * when the group's commit ({@code committed}, null: none) has passed unfinished records anyway, that it has: the
     * rule alone ("Only 254 may be committed") beside a committed 354 read as if the picture were wrong.
     */
    public static List<String> explained(WorkerPoolView.Window window, Long committed, String owner, String partition,
                                         LayoutText text) {
        long passed = unfinishedBelow(window, committed);
        Object[] args = {"owner", owner, "partition", partition, "low", window.lowMark(), "last", window.next() - 1,
                "unfinished", window.unfinished(), "done", window.finishedAhead().size(),
                "capacity", window.capacity(), "resumeAt", window.resumeAt(),
                "committed", committed == null ? 0 : committed, "count", passed};
        List<String> lines = new java.util.ArrayList<>();
        lines.add(text.of(window.span() == 0 ? "ui.tip.partition.window.empty" : "ui.tip.partition.window", args));
        if (passed > 0) {
            lines.add(text.of("ui.tip.partition.window.committedPast", args));
        }
        if (window.paused()) {
            lines.add(text.of("ui.tip.partition.window.paused", args));
        }
        return List.copyOf(lines);
    }

    /** The room the line takes below the strip, in drawing units. */
    double height() {
        return 22 + LINE * (facts.size() - 1);
    }

    /** Draws the line from {@code y} down, the frame at {@code frameX} (its words after it begin "window"). */
    void draw(Drawing.Builder out, String id, int ownerSlot, double frameX, double y) {
        double frameY = y + 2;
        out.box(id, frameX, frameY, FRAME_WIDTH, FRAME_HEIGHT, 2, tooltip,
                window.paused() ? new String[] {"pool-window", "pool-paused"} : new String[] {"pool-window"});
        // The group's commit where it falls in the window, as the strip's committed bar: left of it, every unfinished
        // record is below the commit.
        double inner = FRAME_WIDTH - 2 * INSET;
        // A window may have spanned more than its size while records were being revoked: keep every slot inside.
        double slot = inner / WindowRuns.slots(window);
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
        long committedSlot = WindowRuns.committedSlot(window, committed);
        if (committedSlot >= 0) {
            out.box(id + "-committed", frameX + INSET + committedSlot * slot - 1, frameY - 2, 2,
                    FRAME_HEIGHT + 4, 0, "", "log-committed");
        }
        double factsX = frameX + FRAME_WIDTH + FACTS_GAP;
        for (int i = 0; i < facts.size(); i++) {
            out.label(i == 0 ? id + "-facts" : id + "-facts-" + i, factsX, y + 12 + LINE * i, facts.get(i),
                    Anchor.START, alarming(window, committed) ? new String[] {"detail", "pool-paused"} : new String[] {"detail"});
        }
    }

    /** Where the facts start, relative to the frame's x. */
    static double factsOffset() {
        return FRAME_WIDTH + FACTS_GAP;
    }
}
