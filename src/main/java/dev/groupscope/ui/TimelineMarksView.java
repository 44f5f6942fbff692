package dev.groupscope.ui;

import dev.groupscope.i18n.Messages;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.report.MetricsFrame;
import dev.groupscope.sim.report.Rebalance;
import dev.groupscope.sim.report.TimelineMark;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.util.Duration;

/**
 * The marks under the timeline scrubber: rebalances as bars spanning their duration, faults as red triangles,
 * actions (a consumer started, a what-if) as blue diamonds and commits as thin green ticks — distinct in shape, not
 * only in colour — each with a tooltip saying what it was, in the model's words, and a click that moves t there.
 * Marks closer than a few pixels merge into one that counts them. The marks are the model's
 * ({@link MetricsFrame#marks}), for everything computed so far.
 */
public final class TimelineMarksView {

    /** Marks of one kind closer than this many pixels are drawn as one. */
    static final double MERGE_PX = 5;
    static final long MIN_SPAN_MS = 120_000;
    static final long SPAN_STEP_MS = 60_000;
    static final long SPAN_AHEAD_MS = 60_000;
    private static final String STYLESHEET = "/dev/groupscope/ui/charts.css";
    private static final int TOOLTIP_LINES = 4;

    private final Slider scrubber;
    private final PlaygroundViewModel viewModel;
    private final Messages messages;
    private final Pane marks = new Pane();
    private final ChangeListener<MetricsFrame> metricsListener = (observable, before, now) -> show(now);
    private final ChangeListener<Number> timeListener = (observable, before, now) -> fitSpan(now.longValue());
    private List<TimelineMark> drawn;

    private TimelineMarksView(Slider scrubber, PlaygroundViewModel viewModel, Messages messages) {
        this.scrubber = scrubber;
        this.viewModel = viewModel;
        this.messages = messages;
    }

    /** Puts the marks under {@code scrubber} (in its row, an HBox or a FlowPane) and keeps them up to date. */
    public static TimelineMarksView install(Slider scrubber, PlaygroundViewModel viewModel, Messages messages) {
        TimelineMarksView view = new TimelineMarksView(scrubber, viewModel, messages);
        Pane row = (Pane) scrubber.getParent();
        int index = row.getChildren().indexOf(scrubber);
        VBox box = new VBox();
        box.getStyleClass().add("scrubber-box");
        box.getStylesheets().add(TimelineMarksView.class.getResource(STYLESHEET).toExternalForm());
        HBox.setHgrow(box, Priority.ALWAYS);
        row.getChildren().set(index, box);
        view.marks.setId("timeline-marks");
        view.marks.getStyleClass().add("timeline-marks");
        view.marks.setMinHeight(Region.USE_PREF_SIZE);
        box.getChildren().addAll(scrubber, view.marks);
        viewModel.metricsProperty().addListener(new WeakChangeListener<>(view.metricsListener));
        view.marks.widthProperty().addListener((observable, before, now) -> view.redraw());
        viewModel.timeProperty().addListener(new WeakChangeListener<>(view.timeListener));
        scrubber.maxProperty().addListener((observable, before, now) -> view.redraw());
        view.fitSpan(viewModel.getTime());
        box.setUserData(view);
        view.show(viewModel.metricsProperty().get());
        return view;
    }

    /**
     * The scrubber spans what a class is looking at, not the whole scenario: an hour-long run on a 600-pixel
     * slider would put its first minutes, and every mark in them, in the first pixels. The span grows a minute at a
     * time, always a minute ahead of t, and is at least two minutes (or the whole run, if shorter).
     */
    static long span(long time, long duration) {
        long ahead = (time + SPAN_AHEAD_MS + SPAN_STEP_MS - 1) / SPAN_STEP_MS * SPAN_STEP_MS;
        return Math.min(duration, Math.max(MIN_SPAN_MS, ahead));
    }

    private void fitSpan(long time) {
        long span = span(time, viewModel.durationMs());
        if (scrubber.getMax() != span) {
            scrubber.setMax(span);
        }
    }

    private void show(MetricsFrame frame) {
        if (frame != null && frame.marks() != drawn) {
            drawn = frame.marks();
            redraw();
        }
    }

    /** The glyphs drawn (for tests): one node per merged mark, with style classes naming its kind. */
    List<Node> glyphs() {
        return List.copyOf(marks.getChildren());
    }

    private void redraw() {
        if (drawn == null) {
            return;
        }
        double height = marks.getHeight() > 0 ? marks.getHeight() : marks.prefHeight(-1);
        double thumb = scrubber.lookup(".thumb") instanceof Region region ? region.getWidth() : 0;
        double left = thumb / 2;
        double width = Math.max(1, marks.getWidth() - thumb);
        double duration = Math.max(1, scrubber.getMax() - scrubber.getMin());
        List<Node> glyphs = new ArrayList<>();
        for (TimelineMark.Kind kind : TimelineMark.Kind.values()) {
            List<TimelineMark> group = new ArrayList<>();
            double groupEnd = Double.NEGATIVE_INFINITY;
            for (TimelineMark mark : drawn) {
                if (mark.kind() != kind) {
                    continue;
                }
                double x = left + width * (mark.startMs() - scrubber.getMin()) / duration;
                if (!group.isEmpty() && x - groupEnd > MERGE_PX) {
                    glyphs.add(glyph(kind, group, left, width, duration, height));
                    group = new ArrayList<>();
                }
                group.add(mark);
                groupEnd = Math.max(x, left + width * (mark.endMs() - scrubber.getMin()) / duration);
            }
            if (!group.isEmpty()) {
                glyphs.add(glyph(kind, group, left, width, duration, height));
            }
        }
        marks.getChildren().setAll(glyphs);
    }

    private Node glyph(TimelineMark.Kind kind, List<TimelineMark> group, double left, double width, double duration,
                       double height) {
        long start = group.get(0).startMs();
        long end = group.stream().mapToLong(TimelineMark::endMs).max().orElse(start);
        double x0 = left + width * (start - scrubber.getMin()) / duration;
        double x1 = left + width * (end - scrubber.getMin()) / duration;
        Shape shape;
        switch (kind) {
            case REBALANCE:
                shape = new Rectangle(x0, height * 0.15, Math.max(3, x1 - x0), height * 0.7);
                break;
            case FAULT:
                shape = new Polygon(x0 - height * 0.45, height, x0 + height * 0.45, height, x0, 0);
                break;
            case ACTION:
                shape = new Polygon(x0, 0, x0 + height * 0.4, height / 2, x0, height, x0 - height * 0.4, height / 2);
                break;
            default:
                shape = new Rectangle(x0 - 1, height * 0.3, 2, height * 0.7);
        }
        shape.getStyleClass().addAll("timeline-mark", "timeline-mark-" + kind.name().toLowerCase(Locale.ROOT));
        shape.setUserData(group);
        Tooltip tooltip = new Tooltip(WholeNames.in(describe(kind, group)));
        tooltip.setShowDelay(Duration.millis(150));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(560);
        Tooltip.install(shape, tooltip);
        shape.setOnMouseClicked(event -> viewModel.scrubTo(start));
        return shape;
    }

    /** What a (merged) mark was, one line per mark, the first few only. */
    String describe(TimelineMark.Kind kind, List<TimelineMark> group) {
        StringBuilder text = new StringBuilder();
        if (group.size() > 1) {
            text.append(messages.format("ui.marks.count." + kind.name().toLowerCase(Locale.ROOT),
                    Map.of("count", group.size()))).append('\n');
        }
        for (TimelineMark mark : group.subList(0, Math.min(TOOLTIP_LINES, group.size()))) {
            text.append(line(mark)).append('\n');
        }
        if (group.size() > TOOLTIP_LINES) {
            text.append(messages.format("ui.marks.more", Map.of("count", group.size() - TOOLTIP_LINES)));
        }
        return text.toString().strip();
    }

    private String line(TimelineMark mark) {
        if (mark.rebalance().isPresent()) {
            Rebalance rebalance = mark.rebalance().get();
            String trigger = rebalance.trigger().isEmpty() || !messages.has(rebalance.trigger()) ? ""
                    : messages.format(rebalance.trigger(), EventSentences.shortened(rebalance.triggerArgs()));
            return messages.format("ui.marks.rebalance", Map.of("from", seconds(rebalance.startMs()),
                    "to", seconds(rebalance.endMs()), "moved", rebalance.moved().size(),
                    "generation", rebalance.toGeneration(), "trigger", trigger));
        }
        SimEvent event = mark.event().orElseThrow();
        return messages.format("ui.marks.event", Map.of("at", seconds(event.time()),
                "sentence", EventSentences.of(event, messages)));
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f", ms / 1000.0);
    }
}
