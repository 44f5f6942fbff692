package dev.groupscope.ui;

import dev.groupscope.i18n.Messages;
import dev.groupscope.sim.report.MetricsFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.util.Duration;

/**
 * Code-behind of {@code fxml/numbers.fxml}: three JavaFX charts of the numbers at the playback time t — lag per
 * partition over the last two minutes, each member's stop-the-world time per rebalance, and the ledger's duplicates
 * and losses. What is plotted is {@link ChartData#of} the view model's {@link MetricsFrame}; this class only draws
 * it. Frames arrive with every rendered moment (60 a second while playing); the charts are redrawn at most
 * {@link #REDRAW_MS} apart, and only when the numbers changed, so drawing never holds the FX thread up.
 */
public final class NumbersView {

    static final double REDRAW_MS = 200;
    private static final String STYLESHEET = "/dev/groupscope/ui/charts.css";

    private final PlaygroundViewModel viewModel;
    private final Messages messages;
    private final ChangeListener<MetricsFrame> metricsListener = (observable, before, now) -> pending = now;
    private final Timeline redraw = new Timeline(new KeyFrame(Duration.millis(REDRAW_MS), event -> redrawIfChanged()));
    private MetricsFrame pending;
    private MetricsFrame drawn;
    private ChartData shown = ChartData.EMPTY;
    /** Every rebalance's whole sentence, over the stop-the-world chart: its category names are short. */
    private final javafx.scene.control.Tooltip pauseSentences = new javafx.scene.control.Tooltip();

    @FXML private Parent numbersRoot;
    @FXML private Label numbersClock;
    @FXML private Label ledgerTotals;
    @FXML private javafx.scene.control.ScrollPane chartsScroll;
    @FXML private javafx.scene.layout.VBox charts;
    @FXML private LineChart<Number, Number> lagChart;
    @FXML private TimeAxis lagTime;
    @FXML private NumberAxis lagRecords;
    @FXML private LineChart<Number, Number> throughputChart;
    @FXML private TimeAxis throughputTime;
    @FXML private NumberAxis throughputRecords;
    @FXML private BarChart<String, Number> pauseChart;
    @FXML private CategoryAxis pauseRebalances;
    @FXML private Label pauseNote;
    @FXML private Label pauseCaption;
    @FXML private LineChart<Number, Number> ledgerChart;
    @FXML private TimeAxis ledgerTime;
    @FXML private NumberAxis ledgerRecords;

    public NumbersView(PlaygroundViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        numbersRoot.getStylesheets().add(NumbersView.class.getResource(STYLESHEET).toExternalForm());
        for (javafx.scene.chart.ValueAxis<Number> axis : List.of(lagRecords, ledgerRecords, throughputRecords, lagTime,
                ledgerTime, throughputTime)) {
            axis.setTickLabelFormatter(wholeNumbers(messages.locale()));
        }
        pauseCaption.managedProperty().bind(pauseCaption.visibleProperty());
        pauseSentences.setWrapText(true);
        javafx.scene.control.Tooltip.install(pauseChart, pauseSentences);
        redraw.setCycleCount(Timeline.INDEFINITE);
        viewModel.metricsProperty().addListener(new WeakChangeListener<>(metricsListener));
        pending = viewModel.metricsProperty().get();
        // Redraw only while shown: a hidden tab costs nothing.
        numbersRoot.sceneProperty().addListener((observable, before, scene) -> {
            if (scene == null) {
                redraw.stop();
            } else {
                redrawIfChanged();
                redraw.play();
            }
        });
        redrawIfChanged();
        // The window's text size reaches this tab as the totals' font (no rule of its own sizes it).
        chartsScroll.heightProperty().addListener((observable, before, now) -> fitCharts());
        ledgerTotals.fontProperty().addListener((observable, before, now) -> fitCharts());
    }

    /**
     * How large the charts' letters are, in pixels, for the window's text size and the height the two rows of
     * charts share: as large as the window's text while each chart still has {@link #CHART_EMS} of its own letters
     * in height (a title, a plot its axis name fits beside, the time axis); smaller where the tab is short for that
     * (the largest text on a 1280×800 projector), but never below a 1280×800 window's normal text.
     */
    static double chartTextPixels(double textPixels, double chartsHeight) {
        double floor = Math.min(textPixels, NORMAL_TEXT_PIXELS);
        return Math.min(textPixels, Math.max(floor, Math.floor(chartsHeight / (2 * CHART_EMS) * 10) / 10));
    }

    private static final double CHART_EMS = 14;
    private static final double NORMAL_TEXT_PIXELS = TextZoom.forWindow(1280, 800).fontPixels(UiLanguage.ENGLISH);

    private void fitCharts() {
        if (chartsScroll.getHeight() <= 0) {
            return;
        }
        double pixels = chartTextPixels(ledgerTotals.getFont().getSize(), chartsScroll.getHeight());
        String style = String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", pixels);
        if (!style.equals(charts.getStyle())) {
            charts.setStyle(style);
        }
    }

    /** What the charts show now (for tests). */
    ChartData shown() {
        return shown;
    }

    void redrawIfChanged() {
        MetricsFrame next = pending;
        if (next == null || next == drawn) {
            return;
        }
        drawn = next;
        draw(ChartData.of(next));
    }

    private void draw(ChartData data) {
        shown = data;
        numbersClock.setText(messages.format("ui.main.time", Map.of("seconds",
                String.format(Locale.ROOT, "%.1f", data.toSeconds()))));
        String totals = messages.format("ui.numbers.ledger.totals", Map.of("processed", data.processedNow(),
                "duplicates", data.duplicatesNow(), "lost", data.lostNow()));
        // With several groups, the numbers say whose they are: the group the playground shows (a name kept whole).
        ledgerTotals.setText(WholeNames.in(viewModel.groups().size() < 2 ? totals
                : messages.format("ui.numbers.group", Map.of("group", viewModel.getGroup())) + " · " + totals));
        nameGroup();
        drawLag(data);
        drawThroughput(data);
        drawPauses(data);
        drawLedger(data);
    }

    /**
     * With several groups, the charts of one group's numbers (lag, stop-the-world, the ledger) name it in their
     * titles: the group the playground shows. The throughput chart sets every group side by side, its legend naming
     * them. With one group the titles stay as they are.
     */
    private void nameGroup() {
        boolean several = viewModel.groups().size() > 1;
        Map<String, Object> group = Map.of("group", viewModel.getGroup());
        // The titles wrap (charts.css): a group's name is kept whole.
        lagChart.setTitle(WholeNames.in(several ? messages.format("ui.numbers.lag.title.group", group)
                : messages.text("ui.numbers.lag.title")));
        pauseChart.setTitle(WholeNames.in(several ? messages.format("ui.numbers.pause.title.group", group)
                : messages.text("ui.numbers.pause.title")));
        ledgerChart.setTitle(WholeNames.in(several ? messages.format("ui.numbers.ledger.title.group", group)
                : messages.text("ui.numbers.ledger.title")));
    }

    private void drawLag(ChartData data) {
        setTimeRange(lagTime, data);
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        data.lag().forEach((partition, points) -> series.add(series(partition, points)));
        setCountRange(lagRecords, data.lag().values().stream().flatMap(List::stream));
        replace(lagChart, series);
    }

    /** Each group's records processed a second, the shown group first (in a run of one group, its own). */
    private void drawThroughput(ChartData data) {
        setTimeRange(throughputTime, data);
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        data.throughput().forEach((group, points) -> series.add(series(group, points)));
        setCountRange(throughputRecords, data.throughput().values().stream().flatMap(List::stream));
        replace(throughputChart, series);
    }

    private void drawLedger(ChartData data) {
        setTimeRange(ledgerTime, data);
        setCountRange(ledgerRecords, java.util.stream.Stream.concat(data.duplicates().stream(), data.lost().stream()));
        replace(ledgerChart, List.of(series(messages.text("ui.numbers.ledger.duplicates"), data.duplicates()),
                series(messages.text("ui.numbers.ledger.lost"), data.lost())));
    }

    private void drawPauses(ChartData data) {
        List<String> categories = new ArrayList<>();
        for (ChartData.RebalanceBar bar : data.rebalances()) {
            categories.add(shortCategory(bar, messages));
        }
        pauseRebalances.setCategories(FXCollections.observableArrayList(categories));
        List<XYChart.Series<String, Number>> series = new ArrayList<>();
        for (String member : data.members()) {
            XYChart.Series<String, Number> one = new XYChart.Series<>();
            one.setName(member);
            for (ChartData.RebalanceBar bar : data.rebalances()) {
                one.getData().add(new XYChart.Data<>(shortCategory(bar, messages),
                        bar.stopTheWorldMs().getOrDefault(member, 0L)));
            }
            series.add(one);
        }
        // Series are replaced only when their members change, so bars keep their colours from frame to frame.
        List<String> names = pauseChart.getData().stream().map(XYChart.Series::getName).toList();
        if (names.equals(data.members())) {
            for (int i = 0; i < series.size(); i++) {
                pauseChart.getData().get(i).getData().setAll(series.get(i).getData());
            }
        } else {
            pauseChart.getData().setAll(series);
        }
        pauseChart.setUserData(data.rebalances());
        String note = pauseNote(data, messages);
        pauseNote.setText(note);
        pauseNote.setVisible(!note.isEmpty());
        String caption = pauseCaption(data, messages);
        pauseCaption.setText(caption);
        pauseCaption.setVisible(note.isEmpty() && !caption.isEmpty());
        pauseSentences.setText(String.join("\n", data.rebalances().stream().map(bar -> category(bar, messages))
                .toList()));
        paintMembers();
    }

    /**
     * Each member's bars (and legend key) in the member's own colour from the playground, so C3 is the same green
     * here as on its card.
     */
    private void paintMembers() {
        PlaygroundFrame frame = viewModel.getFrame();
        if (frame == null) {
            return;
        }
        for (XYChart.Series<String, Number> series : pauseChart.getData()) {
            String slot = frame.consumer(series.getName()).map(c -> PlaygroundView.slotClass(c.slot())).orElse(null);
            if (slot == null) {
                continue;
            }
            for (XYChart.Data<String, Number> bar : series.getData()) {
                if (bar.getNode() != null) {
                    bar.getNode().getStyleClass().removeIf(style -> style.startsWith("member-slot-"));
                    bar.getNode().getStyleClass().add(slot);
                }
            }
            for (javafx.scene.Node item : pauseChart.lookupAll(".chart-legend-item")) {
                if (item instanceof Label label && series.getName().equals(label.getText())
                        && label.getGraphic() != null) {
                    label.getGraphic().getStyleClass().removeIf(style -> style.startsWith("member-slot-"));
                    label.getGraphic().getStyleClass().add(slot);
                }
            }
        }
    }

    /**
     * Why the stop-the-world chart has no bars (empty when it has some): no rebalance yet; one still going, whose
     * members' pauses are counted once they have their new partitions (crash-and-rebalance at 30 s: C1 and C3 are
     * about to give up all their partitions, and "Nobody stopped" said they would not); or rebalances in which no
     * member that held partitions was left without any.
     */
    static String pauseNote(ChartData data, Messages messages) {
        if (data.rebalances().isEmpty()) {
            return messages.text("ui.numbers.pause.none");
        }
        if (!data.members().isEmpty()) {
            return "";
        }
        return data.rebalances().stream().filter(ChartData.RebalanceBar::ongoing).findFirst()
                .map(going -> messages.format("ui.numbers.pause.inProgress", Map.of("number", going.number())))
                .orElseGet(() -> messages.text("ui.numbers.pause.nobodyStopped"));
    }

    /**
     * A rebalance's name under its bars: its number over its start, two short lines ("#2" in Chinese too: "第 2 次"
     * made a rolling restart's seven too wide for their places). Whole sentences ("#1 at 0.0 s: nobody stopped") were
     * wider than their place at large text; the axis turned them on end, and they took the plot's whole height (no
     * bars, and rebalances left off the axis). What they said is under the chart ({@link #pauseCaption}) and in its
     * tooltip.
     */
    static String shortCategory(ChartData.RebalanceBar bar, Messages messages) {
        // Whole seconds without ".0": the time line is the wider one, and seven rebalances of a rolling restart
        // share a chart half the window wide.
        String start = String.format(Locale.ROOT, "%.1f", bar.startSeconds()).replaceAll("\\.0$", "");
        return messages.format("ui.numbers.pause.category", Map.of("number", bar.number(), "seconds", start));
    }

    /**
     * Under the chart, the rebalances whose place has no bars, each in its whole sentence (one that left nobody
     * without partitions, one still going), or their empty place reads as missing data; empty when every rebalance
     * has its bars.
     */
    static String pauseCaption(ChartData data, Messages messages) {
        return String.join(" · ", data.rebalances().stream()
                .filter(bar -> bar.ongoing() || bar.stopTheWorldMs().isEmpty())
                .map(bar -> category(bar, messages)).toList());
    }

    /**
     * A rebalance's whole sentence, for the caption and the tooltip. One that left nobody without partitions (the
     * group's first join: nobody had any yet) says so, or its empty place reads as missing data.
     */
    static String category(ChartData.RebalanceBar bar, Messages messages) {
        String key = bar.ongoing() ? "ui.numbers.pause.ongoing"
                : bar.stopTheWorldMs().isEmpty() ? "ui.numbers.pause.rebalance.nobody" : "ui.numbers.pause.rebalance";
        return messages.format(key,
                Map.of("number", bar.number(), "seconds", String.format(Locale.ROOT, "%.1f", bar.startSeconds())));
    }

    /** From the window's start (at least 10 s back) to now; {@link TimeAxis} chooses where its labels go. */
    private static void setTimeRange(TimeAxis axis, ChartData data) {
        double span = Math.max(10, data.toSeconds() - data.fromSeconds());
        axis.setLowerBound(data.fromSeconds());
        axis.setUpperBound(data.fromSeconds() + span);
    }

    /**
     * A record axis from 0 in whole records: auto-ranged, it counted lag in quarters ("2.5") and, with nothing lost or
     * processed again, drew the ledger on an axis with the one label "0.0".
     */
    private static void setCountRange(NumberAxis axis, java.util.stream.Stream<ChartData.Point> points) {
        double max = points.mapToDouble(ChartData.Point::value).max().orElse(0);
        long unit = countUnit(max);
        axis.setLowerBound(0);
        axis.setUpperBound(countUpperBound(max, unit));
        axis.setTickUnit(unit);
    }

    /**
     * The first whole unit above the highest point, never on it: a line at the axis's top is drawn on the plot's top
     * edge and reads as its border (network-partition's steady 30 records/s was no line at all, pool-app's 150 looked
     * cut off).
     */
    static double countUpperBound(double max, long unit) {
        return Math.max(5, (Math.floor(max / unit) + 1) * unit);
    }

    /** Records and seconds are counted whole, as the language writes numbers ("1,200"). */
    private static javafx.util.StringConverter<Number> wholeNumbers(Locale locale) {
        java.text.NumberFormat format = java.text.NumberFormat.getIntegerInstance(locale);
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number value) {
                return format.format(value.longValue());
            }

            @Override
            public Number fromString(String text) {
                try {
                    return format.parse(text);
                } catch (java.text.ParseException notANumber) {
                    throw new IllegalArgumentException(text, notANumber);
                }
            }
        };
    }

    /** A whole, round tick spacing (1, 2, 5, 10, 20, 50...) that gives at most six ticks above 0. */
    static long countUnit(double max) {
        long unit = 1;
        for (int step = 0; max / unit > 6; step++) {
            unit = step % 3 == 1 ? unit * 5 / 2 : unit * 2;
        }
        return unit;
    }

    private static XYChart.Series<Number, Number> series(String name, List<ChartData.Point> points) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (ChartData.Point point : points) {
            series.getData().add(new XYChart.Data<>(point.seconds(), point.value()));
        }
        return series;
    }

    /** Keeps the chart's series objects (and so their colours and legend) when only the points change. */
    private static void replace(LineChart<Number, Number> chart, List<XYChart.Series<Number, Number>> next) {
        List<String> names = chart.getData().stream().map(XYChart.Series::getName).toList();
        List<String> nextNames = next.stream().map(XYChart.Series::getName).toList();
        if (names.equals(nextNames)) {
            for (int i = 0; i < next.size(); i++) {
                chart.getData().get(i).getData().setAll(next.get(i).getData());
            }
        } else {
            chart.getData().setAll(next);
        }
    }
}
