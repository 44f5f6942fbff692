package dev.groupscope.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.report.EventGroups;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The network-partition lesson on the Protocol tab: the heartbeats and commits C2 sends while cut off from broker 1
 * are drawn as red lines that stop short of broker 1's lane and end in a ✗, so the class sees the heartbeats that
 * went missing before the coordinator removed C2 — folded heartbeats or not.
 */
class LostMessagesDiagramTest {

    private static List<SimEvent> log;
    private static List<ProtocolEvent> rows;

    @BeforeAll
    static void run() {
        Scenario scenario = ScenarioReader.read(Path.of("lessons/scenarios/network-partition.json"));
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(50_000);
        log = simulation.log();
        rows = ProtocolLog.read(log, 0, 50_000, new EventGroups(scenario.groupOfClient()));
    }

    @Test
    void everyLostGroupRequestIsARowFromTheConsumerTowardsTheBroker() {
        long lostGroupRequests = log.stream().filter(event -> event.type().equals("RequestLost")
                && ProtocolLog.APIS.contains(String.valueOf(event.fields().get("api")))).count();

        assertThat(lost()).hasSize((int) lostGroupRequests).isNotEmpty()
                .allSatisfy(row -> {
                    assertThat(row.kind()).isEqualTo(ProtocolEvent.Kind.LOST_REQUEST);
                    assertThat(row.from()).isEqualTo("C2");
                    assertThat(row.to()).isEqualTo("broker-1");
                    assertThat(row.routineHeartbeat()).isFalse();
                });
        assertThat(lost()).extracting(ProtocolEvent::api).contains("Heartbeat", "OffsetCommit");
    }

    @Test
    void aLostRequestStopsShortOfTheCoordinatorsLaneEndsInACrossAndCarriesTheLostStyle() {
        Drawing drawing = SequenceLayout.layout(rows, 0, 50_000, Messages.english(), false, -1).drawing();
        double c2 = laneX(drawing, "C2");
        double coordinator = laneX(drawing, "broker-1");

        for (ProtocolEvent row : lost()) {
            Shape.Line line = (Shape.Line) drawing.shape("msg-" + row.seq()).orElseThrow();
            assertThat(line.arrow()).as("no head: it arrives nowhere").isFalse();
            assertThat(line.styles()).contains("lost", "request");
            assertThat(line.x1()).isGreaterThan(c2);
            assertThat(line.x2()).isGreaterThan(line.x1())
                    .isLessThanOrEqualTo(coordinator - 0.3 * SequenceLayout.LANE_WIDTH);
            Shape.Line cross = (Shape.Line) drawing.shape("msg-" + row.seq() + "-cross-1").orElseThrow();
            assertThat(cross.styles()).contains("lost-mark");
            assertThat((cross.x1() + cross.x2()) / 2).isEqualTo(line.x2());
            assertThat(drawing.shape("msg-" + row.seq() + "-cross-2")).isPresent();
        }
        assertThat(drawing.shape("lane-broker-1").orElseThrow().styles()).contains("coordinator-lane");
    }

    @Test
    void foldingHeartbeatsStillFoldsTheRoutineOnesButDrawsEveryLostOne() {
        Drawing folded = SequenceLayout.layout(rows, 0, 50_000, Messages.english(), true, -1).drawing();

        assertThat(folded.shapes()).anyMatch(shape -> shape.id().startsWith("heartbeats-"));
        assertThat(lost()).filteredOn(row -> row.api().equals("Heartbeat")).hasSizeGreaterThan(1)
                .allSatisfy(row -> assertThat(folded.shape("msg-" + row.seq())).isPresent());
    }

    @Test
    void theLabelsSayLostInBothLanguagesAndALostCommitNamesItsOffsets() {
        ProtocolEvent heartbeat = lost().stream().filter(row -> row.api().equals("Heartbeat")).findFirst()
                .orElseThrow();
        ProtocolEvent commit = lost().stream().filter(row -> row.api().equals("OffsetCommit")).findFirst()
                .orElseThrow();

        assertThat(label(Messages.english(), heartbeat)).isEqualTo("Heartbeat ✗ lost: network cut");
        assertThat(label(Messages.of(Locale.SIMPLIFIED_CHINESE), heartbeat)).isEqualTo("Heartbeat ✗ 丢失：网络已断开");
        assertThat(label(Messages.english(), commit)).startsWith("OffsetCommit ✗ lost: network cut · events-");
    }

    @Test
    void aLostAnswerRunsFromTheBrokerAndStopsShortOfTheConsumer() {
        List<ProtocolEvent> events = List.of(
                new ProtocolEvent(1, ProtocolEvent.Kind.REQUEST, "Heartbeat", "C1", "broker-1", 100, 102, "",
                        Map.of()),
                new ProtocolEvent(2, ProtocolEvent.Kind.LOST_RESPONSE, "Heartbeat", "broker-1", "C1", 102, 104, "",
                        Map.of()));

        Drawing drawing = SequenceLayout.layout(events, 0, 200, Messages.english(), true, -1).drawing();
        Shape.Line line = (Shape.Line) drawing.shape("msg-2").orElseThrow();

        assertThat(line.styles()).contains("lost", "response");
        assertThat(line.x1()).isLessThan(laneX(drawing, "broker-1"));
        assertThat(line.x2()).isLessThan(line.x1())
                .isGreaterThanOrEqualTo(laneX(drawing, "C1") + 0.3 * SequenceLayout.LANE_WIDTH);
        assertThat(((Shape.Label) drawing.shape("msg-2-label").orElseThrow()).text())
                .isEqualTo("Heartbeat answer ✗ lost: network cut");
        assertThat(drawing.shape("msg-1")).as("its request, not folded away").isPresent();
    }

    @Test
    void theLostStyleIsTheErrorColourInEveryPaletteAndBeatsAHeartbeatsGrey() {
        for (DiagramStyles.Palette palette : DiagramStyles.Palette.values()) {
            Style lost = DiagramStyles.resolve(List.of("message", "request", "heartbeat", "lost"), palette);
            Style error = DiagramStyles.resolve(List.of("message", "response", "error"), palette);
            assertThat(lost.stroke()).as(palette.name()).isEqualTo(error.stroke());
            assertThat(DiagramStyles.resolve(List.of("lost-mark"), palette).stroke()).isEqualTo(error.stroke());
        }
    }

    private static List<ProtocolEvent> lost() {
        return rows.stream().filter(ProtocolEvent::lost).toList();
    }

    private static double laneX(Drawing drawing, String lane) {
        return ((Shape.Line) drawing.shape("lane-" + lane + "-life").orElseThrow()).x1();
    }

    private static String label(Messages messages, ProtocolEvent row) {
        Drawing drawing = SequenceLayout.layout(rows, 0, 50_000, messages, true, -1).drawing();
        return ((Shape.Label) drawing.shape("msg-" + row.seq() + "-label").orElseThrow()).text();
    }
}
