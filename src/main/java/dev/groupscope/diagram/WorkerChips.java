package dev.groupscope.diagram;

import dev.groupscope.diagram.Shape.Anchor;
import dev.groupscope.sim.client.WorkerPoolView;
import java.util.ArrayList;
import java.util.List;

/**
 * A worker-pool consumer's threads on its card, as the main window's playground shows them: one chip per worker with
 * the record it is processing ("worker 1: orders-0@289"), a worker the slow-worker fault holds marked with its
 * factor, idle neighbours sharing one chip ("workers 2–4 idle"), then how many records wait in the queues when any
 * do. With the windows under the partitions it shows why a window does not slide: the one record a slow worker
 * holds. Chips flow onto further rows rather than being cut.
 */
public final class WorkerChips {

    private static final double FONT = 12;
    private static final double CHIP_HEIGHT = 18;
    private static final double ROW = 22;
    private static final double GAP = 6;
    private static final double PAD = 6;
    /**
     * A chip is sized to its text, so unlike a label with room to spare it needs the estimate on the safe side: Java's
     * SansSerif (DejaVu) runs up to 9% wider than {@link TextFit}'s estimate, its bold up to 13%.
     */
    private static final double PLAIN_WIDER = 1.1;
    private static final double BOLD_WIDER = 1.2;

    /** One chip (or, without a box, the queue's words) at (x, row) relative to the line's top left. */
    private record Chip(String key, String text, boolean boxed, List<String> styles, double x, int row,
                        double width) {
    }

    private final List<Chip> chips = new ArrayList<>();

    /**
     * @param now   the moment drawn: a slowed worker is marked only while the fault lasts
     * @param width the room for the chips; a row that would pass it starts a new row
     */
    WorkerChips(WorkerPoolView pool, long now, LayoutText text, double width) {
        Flow flow = new Flow(width);
        for (Said said : said(pool, now, text)) {
            switch (said.kind()) {
                case BUSY -> flow.add(said.key(), said.text(), true, List.of("worker"));
                case SLOW -> flow.add(said.key(), said.text(), true, List.of("worker", "worker-slow"));
                case IDLE -> flow.add(said.key(), said.text(), true, List.of("worker", "worker-idle"));
                case QUEUED -> flow.add(said.key(), said.text(), false, List.of());
            }
        }
    }

    /** What a chip says of the pool, and what it is. */
    public record Said(String key, String text, Kind kind) {
    }

    public enum Kind { BUSY, SLOW, IDLE, QUEUED }

    /**
     * The chips of {@code pool} at {@code now}, in order: one per busy worker (slowed while the fault lasts), one per
     * run of idle neighbours, then the queue when records wait in it. The window's card ({@code ui.WorkersLine}) says
     * the same.
     */
    public static List<Said> said(WorkerPoolView pool, long now, LayoutText text) {
        List<Said> said = new ArrayList<>();
        List<WorkerPoolView.Worker> workers = pool.workers();
        int i = 0;
        while (i < workers.size()) {
            WorkerPoolView.Worker worker = workers.get(i);
            if (worker.idle()) {
                int last = i;
                while (last + 1 < workers.size() && workers.get(last + 1).idle()) {
                    last++;
                }
                said.add(new Said("worker-" + (i + 1), last == i ? text.of("ui.main.worker.idle", "number", i + 1)
                        : text.of("ui.main.worker.idleRange", "first", i + 1, "last", last + 1), Kind.IDLE));
                i = last + 1;
            } else {
                boolean slow = worker.slowAt(now);
                said.add(new Said("worker-" + (i + 1), text.of(slow ? "ui.main.worker.slow" : "ui.main.worker.busy",
                        "number", i + 1, "record", worker.record(), "factor", worker.slowFactor()),
                        slow ? Kind.SLOW : Kind.BUSY));
                i++;
            }
        }
        if (pool.queued() > 0) {
            said.add(new Said("queued", text.of("ui.main.worker.queued", "count", pool.queued()), Kind.QUEUED));
        }
        return said;
    }

    /** The room the chips take, in drawing units. */
    double height() {
        int rows = chips.isEmpty() ? 0 : chips.get(chips.size() - 1).row() + 1;
        return rows * ROW;
    }

    /** Draws the chips with their top left at ({@code x}, {@code y}); ids start with {@code id}. */
    void draw(Drawing.Builder out, String id, double x, double y) {
        for (Chip chip : chips) {
            double top = y + chip.row() * ROW;
            String chipId = id + "-" + chip.key();
            List<String> textStyles = new ArrayList<>(List.of("detail"));
            textStyles.addAll(chip.styles());
            if (chip.boxed()) {
                out.box(chipId, x + chip.x(), top, chip.width(), CHIP_HEIGHT, 4, "",
                        chip.styles().toArray(String[]::new));
                out.label(chipId + "-text", x + chip.x() + PAD, top + 13, chip.text(), Anchor.START,
                        textStyles.toArray(String[]::new));
            } else {
                out.label(chipId, x + chip.x(), top + 13, chip.text(), Anchor.START,
                        textStyles.toArray(String[]::new));
            }
        }
    }

    /** Places chips left to right, starting a new row when the next would not fit. */
    private final class Flow {
        private final double width;
        private double x;
        private int row;

        Flow(double width) {
            this.width = width;
        }

        void add(String key, String said, boolean boxed, List<String> styles) {
            double wider = styles.contains("worker-slow") ? BOLD_WIDER : PLAIN_WIDER;
            double padding = boxed ? 2 * PAD : 0;
            // A chip wider than a whole row is cut with an ellipsis: nothing leaves the card.
            String shown = TextFit.fit(said, FONT, (width - padding) / wider);
            double chipWidth = TextFit.width(shown, FONT) * wider + padding;
            if (x > 0 && x + chipWidth > width) {
                x = 0;
                row++;
            }
            chips.add(new Chip(key, shown, boxed, styles, x, row, chipWidth));
            x += chipWidth + GAP;
        }
    }
}
