package dev.groupscope.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.report.EventGroups;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The coordinator-failover lesson on the Protocol tab: broker 2, the coordinator, stops at 20 s and closes the
 * members' connections. Without a note the members' FindCoordinator arrows at 20,002 ms came from nowhere: the close
 * each member reads is noted on its lane, as a fault.
 */
class ConnectionsClosedNotesTest {

    private static List<ProtocolEvent> rows;

    @BeforeAll
    static void run() {
        Scenario scenario = ScenarioReader.read(Path.of("lessons/scenarios/coordinator-failover.json"));
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(21_000);
        rows = ProtocolLog.read(simulation.log(), 19_000, 21_000, new EventGroups(scenario.groupOfClient()));
    }

    @Test
    void eachMembersLaneNotesTheCloseBeforeItLooksForTheNewCoordinator() {
        assertThat(rows).filteredOn(row -> row.api().equals("ConnectionsClosed"))
                .extracting(ProtocolEvent::kind, ProtocolEvent::from, ProtocolEvent::time)
                .containsExactly(Tuple.tuple(ProtocolEvent.Kind.NOTE, "C1", 20_002L),
                        Tuple.tuple(ProtocolEvent.Kind.NOTE, "C2", 20_002L));
        ProtocolEvent closed = rows.stream().filter(row -> row.api().equals("ConnectionsClosed")).findFirst()
                .orElseThrow();
        assertThat(rows).filteredOn(row -> row.api().equals("FindCoordinator") && row.request())
                .isNotEmpty().allSatisfy(find -> assertThat(find.seq()).isGreaterThan(closed.seq()));
    }

    @Test
    void theNoteSaysWhichBrokerClosedThemInBothLanguagesAndIsDrawnAsAFault() {
        Drawing english = SequenceLayout.layout(rows, 19_000, 21_000, Messages.english(), true, -1).drawing();
        Drawing chinese = SequenceLayout.layout(rows, 19_000, 21_000, Messages.of(Locale.SIMPLIFIED_CHINESE), true,
                -1).drawing();

        assertThat(noteTexts(english)).contains("✗ Broker 2 closed its connections");
        assertThat(noteTexts(chinese)).contains("✗ Broker 2 关闭了连接");
        ProtocolEvent closed = rows.stream().filter(row -> row.api().equals("ConnectionsClosed")).findFirst()
                .orElseThrow();
        assertThat(english.shape("note-" + closed.seq()).orElseThrow().styles()).contains("error");
    }

    private static List<String> noteTexts(Drawing drawing) {
        return drawing.shapes().stream().filter(shape -> shape instanceof Shape.Label)
                .filter(shape -> shape.id().startsWith("note-") && shape.id().endsWith("-label"))
                .map(shape -> ((Shape.Label) shape).text()).toList();
    }
}
