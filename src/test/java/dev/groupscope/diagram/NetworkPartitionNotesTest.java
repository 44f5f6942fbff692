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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The network-partition lesson on the Protocol tab: at 20 s C2 is cut off from broker 1, its coordinator, for 25 s.
 * Its heartbeats and commits vanish without an answer, so without a note C2's lane simply fell silent and the class
 * could not see why the coordinator removed it at 30 s; the cut and the heal are noted on C2's lane.
 */
class NetworkPartitionNotesTest {

    private static List<ProtocolEvent> rows;

    @BeforeAll
    static void run() {
        Scenario scenario = ScenarioReader.read(Path.of("lessons/scenarios/network-partition.json"));
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(50_000);
        rows = ProtocolLog.read(simulation.log(), 0, 50_000, new EventGroups(scenario.groupOfClient()));
    }

    @Test
    void theCutAndTheHealAreNotesOnTheCutOffConsumersLane() {
        assertThat(rows).filteredOn(row -> row.kind() == ProtocolEvent.Kind.NOTE)
                .filteredOn(row -> row.api().startsWith("Network"))
                .extracting(ProtocolEvent::api, ProtocolEvent::from, ProtocolEvent::time)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NetworkPartition", "C2", 20_000L),
                        org.assertj.core.groups.Tuple.tuple("NetworkHealed", "C2", 45_000L));
    }

    @Test
    void theNotesSayFromWhichBrokerAndForHowLongInBothLanguages() {
        assertThat(noteTexts(Messages.english())).contains("✂ cut off from Broker 1 for 25,000 ms",
                "network to Broker 1 healed");
        assertThat(noteTexts(Messages.of(Locale.SIMPLIFIED_CHINESE))).contains("✂ 与 Broker 1 断开 25,000 毫秒",
                "与 Broker 1 的网络已恢复");
    }

    @Test
    void theCutIsDrawnAsAFaultNote() {
        Drawing drawing = SequenceLayout.layout(rows, 0, 50_000, Messages.english(), true, -1).drawing();
        ProtocolEvent cut = rows.stream().filter(row -> row.api().equals("NetworkPartition")).findFirst()
                .orElseThrow();

        assertThat(drawing.shape("note-" + cut.seq()).orElseThrow().styles()).contains("error");
    }

    private static List<String> noteTexts(Messages messages) {
        Drawing drawing = SequenceLayout.layout(rows, 0, 50_000, messages, true, -1).drawing();
        return drawing.shapes().stream().filter(shape -> shape instanceof Shape.Label)
                .filter(shape -> shape.id().startsWith("note-") && shape.id().endsWith("-label"))
                .map(shape -> ((Shape.Label) shape).text()).toList();
    }
}
