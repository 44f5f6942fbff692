package dev.groupscope.export;

import static dev.groupscope.export.SvgExporterTest.byId;
import static dev.groupscope.export.SvgExporterTest.ids;
import static dev.groupscope.export.SvgExporterTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.diagram.Drawing;
import dev.groupscope.diagram.Shape;
import dev.groupscope.diagram.TextFit;
import dev.groupscope.diagram.Topology;
import dev.groupscope.diagram.TopologyLayout;
import dev.groupscope.diagram.TopologyReader;
import dev.groupscope.i18n.Messages;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.client.ConsumerActor;
import dev.groupscope.sim.client.WorkerPoolView;
import dev.groupscope.sim.engine.Simulation;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The exported topology of {@code window-commit} at 8 s, when worker 1 of C1 has been 100 times slower for 2 s:
 * the record it holds pins orders-0's low mark, the other workers finished the 59 after it, the window is full and the
 * poller paused the partition. The picture must say so as the window's playground does, with the model's numbers.
 */
class WorkerPoolExportTest {

    private static final long FULL = 8_000;
    /** After C1 crashed at 9 s and before its session timeout hands orders-0 on. */
    private static final long CRASHED = 9_500;
    private static final String WINDOW = "partition-orders-0-window-app-window";

    private static Simulation run;

    @BeforeAll
    static void runTheLesson() {
        run = ScenarioWorld.simulation(ScenarioReader.read(Path.of("lessons/scenarios/window-commit.json")));
        run.runUntil(CRASHED);
    }

    @Test
    void underTheFullWindowsPartitionItsFactsAreThePoolsNumbers() throws Exception {
        WorkerPoolView.Window window = pool("C1").windows().get("orders-0");
        assertThat(window.paused()).as("the moment this test is about").isTrue();

        Document svg = parse(SvgExporter.svg(topology(FULL, Messages.english())));

        assertThat(byId(svg, WINDOW).getAttribute("class")).isEqualTo("pool-window pool-paused");
        assertThat(byId(svg, WINDOW + "-facts").getTextContent()).isEqualTo("window " + window.span() + "/"
                + window.capacity() + ": low mark " + window.lowMark() + ", " + window.unfinished()
                + " unfinished · full: paused");
        assertThat(byId(svg, WINDOW + "-facts").getAttribute("class")).contains("pool-paused");
        assertThat(byId(svg, WINDOW).getElementsByTagName("title").item(0).getTextContent())
                .startsWith("C1's worker pool holds orders-0 from " + window.lowMark() + " to " + (window.next() - 1));
    }

    @Test
    void theWindowsSlotsAreTheModelsFinishedAndUnfinishedRunsInsideTheFrame() {
        WorkerPoolView.Window window = pool("C1").windows().get("orders-0");
        Drawing drawing = topology(FULL, Messages.english());
        Shape.Box frame = box(drawing, WINDOW);

        List<Shape.Box> runs = drawing.shapes().stream().filter(s -> s.id().startsWith(WINDOW + "-run-"))
                .map(Shape.Box.class::cast).sorted(java.util.Comparator.comparingDouble(Shape.Box::x)).toList();

        // From the model: offset by offset from the low mark, finished or not, counted as runs.
        List<Boolean> expected = new ArrayList<>();
        for (long offset = window.lowMark(); offset < window.next(); offset++) {
            boolean done = window.finishedAhead().contains(offset);
            if (expected.isEmpty() || expected.get(expected.size() - 1) != done) {
                expected.add(done);
            }
        }
        assertThat(runs).extracting(run -> run.styles().contains("pool-done")).isEqualTo(expected);
        assertThat(runs.get(0).styles()).as("the low mark's record is the one a worker still holds")
                .containsExactly("pool-unfinished");
        String c1 = box(drawing, "consumer-C1-swatch").styles().get(0);
        assertThat(runs).filteredOn(run -> run.styles().contains("pool-done"))
                .allSatisfy(run -> assertThat(run.styles()).as("in the owner's colour").contains(c1));
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.x()).isGreaterThanOrEqualTo(frame.x());
            assertThat(run.x() + run.width()).isLessThanOrEqualTo(frame.x() + frame.width());
        });
    }

    @Test
    void thePooledConsumersCardsShowTheirWorkers() throws Exception {
        WorkerPoolView c1 = pool("C1");
        WorkerPoolView.Worker slow = c1.workers().get(0);
        assertThat(slow.slowAt(FULL)).isTrue();
        assertThat(c1.workers().subList(1, 4)).allMatch(WorkerPoolView.Worker::idle);
        assertThat(pool("C2").workers()).allMatch(WorkerPoolView.Worker::idle);

        Document svg = parse(SvgExporter.svg(topology(FULL, Messages.english())));

        assertThat(byId(svg, "consumer-C1-worker-1-text").getTextContent())
                .isEqualTo("worker 1: " + slow.record() + " · " + slow.slowFactor() + "× slower");
        assertThat(byId(svg, "consumer-C1-worker-1").getAttribute("class")).isEqualTo("worker worker-slow");
        assertThat(byId(svg, "consumer-C1-worker-2-text").getTextContent()).isEqualTo("workers 2–4 idle");
        assertThat(byId(svg, "consumer-C2-worker-1-text").getTextContent()).isEqualTo("workers 1–4 idle");
        assertThat(ids(svg).contains("consumer-C1-queued")).isEqualTo(c1.queued() > 0);
    }

    @Test
    void aCrashedConsumerShowsNoPoolAsTheWindowShowsNone() throws Exception {
        assertThat(pool("C1", CRASHED)).as("the model keeps its pool's last state").isNotNull();

        Document svg = parse(SvgExporter.svg(topology(CRASHED, Messages.english())));

        assertThat(ids(svg)).noneMatch(id -> id.startsWith("consumer-C1-worker") || id.startsWith(WINDOW));
        assertThat(ids(svg)).contains("consumer-C2-worker-1");
    }

    @Test
    void inBothLanguagesTheWorkersStayOnTheirCardsAndTheFactsClearTheArrows() {
        for (Messages messages : List.of(Messages.english(), Messages.of(java.util.Locale.SIMPLIFIED_CHINESE))) {
            Drawing drawing = topology(FULL, messages);
            for (String consumer : List.of("consumer-C1", "consumer-C2")) {
                Shape.Box card = box(drawing, consumer);
                List<Shape.Box> chips = drawing.shapes().stream()
                        .filter(s -> s instanceof Shape.Box && s.id().startsWith(consumer + "-worker-"))
                        .map(Shape.Box.class::cast).toList();
                assertThat(chips).isNotEmpty().allSatisfy(chip -> {
                    assertThat(chip.x() + chip.width()).isLessThanOrEqualTo(card.x() + card.width());
                    assertThat(chip.y() + chip.height()).isLessThanOrEqualTo(card.y() + card.height());
                });
            }
            double arrowsStart = drawing.shapes().stream().filter(s -> s.id().startsWith("assign-"))
                    .mapToDouble(s -> ((Shape.Line) s).x1()).min().orElseThrow();
            Shape.Label facts = (Shape.Label) drawing.shape(WINDOW + "-facts").orElseThrow();
            assertThat(facts.x() + TextFit.width(facts.text(), 12)).isLessThan(arrowsStart);
            assertThat(box(drawing, "consumer-C2").y()).as("cards do not overlap")
                    .isGreaterThanOrEqualTo(box(drawing, "consumer-C1").y() + box(drawing, "consumer-C1").height());
        }
    }

    @Test
    void thePngPaintsTheFullWindowInRedWithTheHeldRecordHollow() throws Exception {
        Drawing drawing = topology(FULL, Messages.english());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(PngExporter.png(drawing)));
        Shape.Box frame = box(drawing, WINDOW);
        Shape.Box held = drawing.shapes().stream().filter(s -> s.id().startsWith(WINDOW + "-run-"))
                .map(Shape.Box.class::cast).filter(b -> b.styles().contains("pool-unfinished"))
                .min(java.util.Comparator.comparingDouble(Shape.Box::x)).orElseThrow();
        Shape.Box done = drawing.shapes().stream().filter(s -> s.id().startsWith(WINDOW + "-run-"))
                .map(Shape.Box.class::cast).filter(b -> b.styles().contains("pool-done"))
                .max(java.util.Comparator.comparingDouble(Shape.Box::width)).orElseThrow();

        assertThat(rgb(image, frame.x() + frame.width() / 2, frame.y())).isEqualTo(0xb3261e);
        assertThat(rgb(image, held.x() + held.width() / 2, held.y() + held.height() / 2)).isEqualTo(0xffffff);
        assertThat(rgb(image, done.x() + done.width() / 2, done.y() + done.height() / 2)).isEqualTo(0xe69f00);
    }

    @Test
    void aBrokerThatLeadsOnlyOffsetsPartitionsSaysSoInsteadOfLeadsZero() throws Exception {
        // Two partitions of orders on three brokers: the model leaves one broker leading none of them.
        Document svg = parse(SvgExporter.svg(topology(FULL, Messages.english())));
        List<String> leads = new ArrayList<>();
        for (int broker = 1; broker <= 3; broker++) {
            leads.add(byId(svg, "broker-" + broker + "-leads").getTextContent());
        }

        assertThat(leads).contains("leads no partition of these topics").noneMatch(line -> line.endsWith(": "));
    }

    @Test
    void aPoolOfSixPartitionsListsEveryOneOnItsCardAndItsWorkersBelowThem() {
        Simulation schemes = ScenarioWorld.simulation(ScenarioReader.read(
                Path.of("lessons/scenarios/two-threading-schemes.json")));
        schemes.runUntil(15_000);
        Drawing drawing = TopologyLayout.layout(TopologyReader.read(schemes.stateAtTime(15_000)), Messages.english());

        List<Shape.Label> lines = drawing.shapes().stream().filter(Shape.Label.class::isInstance)
                .map(Shape.Label.class::cast).filter(label -> label.id().startsWith("consumer-W1-partitions"))
                .toList();
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(String.join(" ", lines.stream().map(Shape.Label::text).toList()))
                .isEqualTo("orders-0, orders-1, orders-2, orders-3, orders-4, orders-5");
        Shape.Box card = box(drawing, "consumer-W1");
        double lastLine = lines.get(lines.size() - 1).y();
        assertThat(drawing.shapes()).filteredOn(shape -> shape.id().startsWith("consumer-W1-worker-"))
                .filteredOn(Shape.Box.class::isInstance).map(Shape.Box.class::cast)
                .allSatisfy(chip -> {
                    assertThat(chip.y()).as("a worker chip below the partitions").isGreaterThan(lastLine);
                    assertThat(chip.y() + chip.height()).as("inside the card").isLessThanOrEqualTo(card.y()
                            + card.height());
                });
    }

    @Test
    void aLongGroupNameDoesNotCutOffTheLagOfItsOnlyGroup() {
        // worker-pool-auto-commit-loses at 8 s: "auto-pool-app: committed 354 · lag …" hid the lag.
        Simulation autoCommit = ScenarioWorld.simulation(ScenarioReader.read(
                Path.of("lessons/scenarios/worker-pool-auto-commit-loses.json")));
        autoCommit.runUntil(FULL);
        Topology topology = TopologyReader.read(autoCommit.stateAtTime(FULL));
        Topology.GroupOffsets offsets = topology.topics().get(0).partitions().get(0).groups().get(0);
        long end = topology.topics().get(0).partitions().get(0).logEndOffset();
        Drawing drawing = TopologyLayout.layout(topology, Messages.english());

        assertThat(((Shape.Label) drawing.shape("partition-orders-0-auto-pool-app-numbers").orElseThrow()).text())
                .isEqualTo("committed " + offsets.committed() + " · lag " + offsets.lag(end));
        // Two groups keep their names: the lines must say whose numbers they are.
        Simulation schemes = ScenarioWorld.simulation(ScenarioReader.read(
                Path.of("lessons/scenarios/two-threading-schemes.json")));
        schemes.runUntil(15_000);
        Drawing two = TopologyLayout.layout(TopologyReader.read(schemes.stateAtTime(15_000)), Messages.english());
        assertThat(((Shape.Label) two.shape("partition-orders-0-pool-app-numbers").orElseThrow()).text())
                .startsWith("pool-app: committed ");
    }

    private static WorkerPoolView pool(String clientId) {
        return pool(clientId, FULL);
    }

    private static WorkerPoolView pool(String clientId, long time) {
        return ((ConsumerActor) run.stateAtTime(time).actors().get(clientId)).workerPool().orElse(null);
    }

    private static Drawing topology(long time, Messages messages) {
        return TopologyLayout.layout(TopologyReader.read(run.stateAtTime(time)), messages);
    }

    private static Shape.Box box(Drawing drawing, String id) {
        return (Shape.Box) drawing.shape(id).orElseThrow();
    }

    private static int rgb(BufferedImage image, double x, double y) {
        return image.getRGB((int) Math.round(x * PngExporter.SCALE), (int) Math.round(y * PngExporter.SCALE))
                & 0xffffff;
    }
}
