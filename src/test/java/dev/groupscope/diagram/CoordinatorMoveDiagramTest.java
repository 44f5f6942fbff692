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
 * The coordinator-comes-home lesson on the Protocol tab: broker 2 stops at 15 s and the group dies on it and loads
 * on broker 3; at 25 s broker 2 is back, and at 40 s the preferred-leader check gives it the group again. Each load
 * is a note on the lane of the broker that loads the group, and the lane headers say who coordinates and who is down
 * even when the rows that made them so are before the window drawn.
 */
class CoordinatorMoveDiagramTest {

    private static List<ProtocolEvent> rows;

    @BeforeAll
    static void run() {
        Scenario scenario = ScenarioReader.read(Path.of("lessons/scenarios/coordinator-comes-home.json"));
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(scenario.durationMs());
        rows = ProtocolLog.read(simulation.log(), 0, scenario.durationMs(),
                new EventGroups(scenario.groupOfClient()));
    }

    @Test
    void eachLoadOfTheGroupIsANoteOnTheLaneOfTheBrokerThatLoadsIt() {
        List<ProtocolEvent> loads = rows.stream().filter(row -> row.api().equals("GroupLoaded")).toList();

        assertThat(loads).extracting(ProtocolEvent::time).containsExactly(15_000L, 40_000L);
        assertThat(loads).extracting(ProtocolEvent::from).containsExactly("broker-3", "broker-2");
        Drawing drawing = SequenceLayout.layout(rows, 0, 50_000, Messages.english(), true, 40_000).drawing();
        assertThat(label(drawing, "note-" + loads.get(1).seq() + "-label"))
                .isEqualTo("group loaded: Stable, gen 1");
        Drawing chinese = SequenceLayout.layout(rows, 0, 50_000, Messages.of(Locale.SIMPLIFIED_CHINESE), true,
                40_000).drawing();
        assertThat(label(chinese, "note-" + loads.get(1).seq() + "-label"))
                .isEqualTo("载入消费组：Stable，第 1 代");
    }

    @Test
    void theGroupsOwnNotesFollowItToTheBrokerThatLoadedIt() {
        // Broker 3 unloads the group at 40 s: its "Stable → Dead" is on broker 3's lane, the load on broker 2's.
        assertThat(rows.stream().filter(row -> row.api().equals("GroupStateChange") && row.time() == 40_000))
                .extracting(ProtocolEvent::from).containsExactly("broker-3");
        assertThat(rows.stream().filter(row -> row.api().equals("GroupStateChange") && row.time() == 15_000))
                .extracting(ProtocolEvent::from).containsExactly("broker-2");
    }

    @Test
    void theOldCoordinatorsStableToDeadSaysTheGroupWasUnloadedThereNotThatItDied() {
        ProtocolEvent unloaded = rows.stream().filter(row -> row.api().equals("GroupStateChange")
                && row.time() == 15_000).findFirst().orElseThrow();

        Drawing english = SequenceLayout.layout(rows, 0, 50_000, Messages.english(), true, 15_000).drawing();
        assertThat(label(english, "note-" + unloaded.seq() + "-label"))
                .isEqualTo("group unloaded here: Stable → Dead");
        Drawing chinese = SequenceLayout.layout(rows, 0, 50_000, Messages.of(Locale.SIMPLIFIED_CHINESE), true,
                15_000).drawing();
        assertThat(label(chinese, "note-" + unloaded.seq() + "-label")).isEqualTo("此处卸载消费组：Stable → Dead");
    }

    @Test
    void aWindowAfterTheStopStillShowsTheStoppedBrokerAndTheNewCoordinator() {
        // A window of rows from 20 s on: the stop (15 s) and the load on broker 3 are before it.
        int first = (int) rows.stream().filter(row -> row.time() < 20_000).count();
        List<ProtocolEvent> earlier = rows.subList(0, first);
        List<ProtocolEvent> window = rows.subList(first, rows.size());

        Drawing knowing = SequenceLayout.layout(earlier, window, 20_000, 50_000, Messages.english(), true, 22_000,
                null, null, Double.POSITIVE_INFINITY).drawing();
        Drawing back = SequenceLayout.layout(earlier, window, 20_000, 50_000, Messages.english(), true, 41_000,
                null, null, Double.POSITIVE_INFINITY).drawing();

        assertThat(label(knowing, "lane-broker-2-role")).isEqualTo("down");
        assertThat(label(knowing, "lane-broker-3-role")).isEqualTo("group coordinator");
        assertThat(label(back, "lane-broker-2-role")).isEqualTo("group coordinator");
        assertThat(back.shape("lane-broker-3-role")).isEmpty();
    }

    @Test
    void thePreferredLeaderCheckThatBringsTheGroupHomeIsANoteBeforeItsStableToDead() {
        // As the window reads it, knowing which partition holds payments: at 40 s the "Stable → Dead" on broker 3
        // and the load on broker 2 came with nothing saying why; 17 other offsets partitions moved too, unnoted.
        Scenario scenario = ScenarioReader.read(Path.of("lessons/scenarios/coordinator-comes-home.json"));
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(41_000);
        List<ProtocolEvent> read = ProtocolLog.read(simulation.log(), 0, 41_000,
                new EventGroups(scenario.groupOfClient(), 50));

        List<ProtocolEvent> at40 = read.stream().filter(row -> row.time() == 40_000).toList();
        assertThat(at40).extracting(ProtocolEvent::api, ProtocolEvent::from).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PreferredLeader", "broker-2"),
                org.assertj.core.groups.Tuple.tuple("GroupStateChange", "broker-3"),
                org.assertj.core.groups.Tuple.tuple("GroupLoaded", "broker-2"));
        assertThat(read).filteredOn(row -> row.api().equals("PreferredLeader")).hasSize(1);
        Drawing english = SequenceLayout.layout(read, 0, 41_000, Messages.english(), true, 40_000).drawing();
        assertThat(label(english, "note-" + at40.get(0).seq() + "-label"))
                .isEqualTo("preferred leader of __consumer_offsets-13 again");
        Drawing chinese = SequenceLayout.layout(read, 0, 41_000, Messages.of(Locale.SIMPLIFIED_CHINESE), true,
                40_000).drawing();
        assertThat(label(chinese, "note-" + at40.get(0).seq() + "-label"))
                .isEqualTo("重新成为 __consumer_offsets-13 的首选 leader");
    }

    @Test
    void aLoadThatTakesTimeIsANoteWhereItStartsAndItsRefusalsAreDrawnAsErrors() throws java.io.IOException {
        String text = java.nio.file.Files.readString(Path.of("lessons/scenarios/coordinator-comes-home.json"))
                .replace("\"cluster\": {\"brokers\": 3,",
                        "\"cluster\": {\"brokers\": 3, \"simulation\": {\"coordinatorLoadMs\": 2000},");
        Scenario scenario = ScenarioReader.read("slow-load.json", text);
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(20_000);
        List<ProtocolEvent> read = ProtocolLog.read(simulation.log(), 0, 20_000,
                new EventGroups(scenario.groupOfClient()));

        ProtocolEvent loading = read.stream().filter(row -> row.api().equals("CoordinatorLoading")).findFirst()
                .orElseThrow();
        assertThat(loading.time()).isEqualTo(15_000L);
        assertThat(loading.from()).isEqualTo("broker-3");
        assertThat(read.stream().filter(row -> row.api().equals("GroupLoaded"))).extracting(ProtocolEvent::time)
                .containsExactly(17_000L);
        assertThat(read).filteredOn(row -> row.time() > 15_000 && row.time() < 17_000
                        && "COORDINATOR_LOAD_IN_PROGRESS".equals(row.error()))
                .isNotEmpty().allMatch(ProtocolEvent::failed).extracting(ProtocolEvent::from).containsOnly("broker-3");
        Drawing english = SequenceLayout.layout(read, 0, 20_000, Messages.english(), true, 15_000).drawing();
        assertThat(label(english, "note-" + loading.seq() + "-label"))
                .isEqualTo("reading __consumer_offsets-13 for 2,000 ms");
        Drawing chinese = SequenceLayout.layout(read, 0, 20_000, Messages.of(Locale.SIMPLIFIED_CHINESE), true,
                15_000).drawing();
        assertThat(label(chinese, "note-" + loading.seq() + "-label"))
                .isEqualTo("读取 __consumer_offsets-13，耗时 2,000 ms");
    }

    /** A note's words, on all the lines it wraps onto. */
    private static String label(Drawing drawing, String id) {
        return NoteLines.words(drawing, id);
    }
}
