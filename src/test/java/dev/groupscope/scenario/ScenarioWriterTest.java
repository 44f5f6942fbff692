package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.groupscope.export.TraceJson;
import dev.groupscope.i18n.Messages;
import dev.groupscope.scenario.Scenario.ActionSpec;
import dev.groupscope.scenario.json.JsonInputException;
import dev.groupscope.sim.client.ConsumerTasks;
import dev.groupscope.sim.engine.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.client.CommitPolicy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run saved as a scenario file: the author's text, plus the what-if actions as lines that mean the same. */
class ScenarioWriterTest {

    private static final Path PLAYGROUND = Path.of("lessons/scenarios/playground.json");

    @Test
    void everyKindOfActionWrittenAsALineReadsBackAsTheSameAction() throws IOException {
        Set<ActionType> covered = EnumSet.noneOf(ActionType.class);
        for (Path lesson : lessons()) {
            Scenario scenario = ScenarioReader.read(lesson);
            assertThat(withoutPaths(reread(scenario, scenario.actions()))).as(scenario.file())
                    .isEqualTo(withoutPaths(scenario.actions()));
            scenario.actions().forEach(action -> covered.add(action.type()));
        }
        // What no lesson does, on the playground: the window's own commands among them.
        TopicPartition orders0 = new TopicPartition("orders", 0);
        List<ActionSpec> others = List.of(
                action(1_000, ActionType.ADD_CONSUMER, "orders-app", Map.of()),
                action(2_000, ActionType.STALL_CONSUMER, "C1", Map.of("durationMs", 5_000L)),
                action(3_000, ActionType.STOP_BROKER, "2", Map.of()),
                action(4_000, ActionType.START_BROKER, "2", Map.of()),
                action(5_000, ActionType.STOP_PRODUCER, "P1", Map.of()),
                action(6_000, ActionType.START_PRODUCER, "P1", Map.of()),
                action(7_000, ActionType.PAUSE, "C1", Map.of("partitions", List.of(orders0))),
                action(8_000, ActionType.RESUME, "C1", Map.of("partitions", List.of())),
                action(9_000, ActionType.SEEK, "C2", Map.of("partition", orders0, "offset", 5L)),
                action(10_000, ActionType.SEEK_TO_BEGINNING, "C2", Map.of("partitions", List.of())),
                action(11_000, ActionType.SEEK_TO_END, "C2", Map.of("partitions", List.of(orders0))),
                action(12_000, ActionType.CHANGE_SETTINGS, "C3", Map.of("settings",
                        Map.of("enable.auto.commit", false, "max.poll.records", 10),
                        "commitPolicy", CommitPolicy.everyN(5))),
                action(13_000, ActionType.INCREASE_PARTITIONS, "orders", Map.of("partitions", 8)),
                action(14_000, ActionType.LOSE_MESSAGE, "C1", Map.of("api", "SyncGroup", "correlationId", 12L,
                        "answer", true, "sentAtMs", 14_001L)));
        Scenario playground = ScenarioReader.read(PLAYGROUND);
        assertThat(withoutPaths(reread(playground, others))).isEqualTo(withoutPaths(others));
        others.forEach(action -> covered.add(action.type()));

        assertThat(covered).containsExactlyInAnyOrder(ActionType.values());
    }

    /** {@code scenario}'s text with {@code actions}, each written as a line, instead of its own; read back. */
    private static List<ActionSpec> reread(Scenario scenario, List<ActionSpec> actions) {
        JsonObject rewritten = JsonParser.parseString(scenario.source().orElseThrow()).getAsJsonObject();
        JsonArray lines = new JsonArray();
        actions.forEach(action -> lines.add(ScenarioWriter.line(action)));
        rewritten.add("actions", lines);
        return ScenarioReader.read(scenario.file(), rewritten.toString()).actions();
    }

    private static ActionSpec action(long atMs, ActionType type, String target, Map<String, Object> params) {
        return new ActionSpec(atMs, type, target, params, "");
    }

    @Test
    void everyLessonsTextIsKeptAsItsAuthorWroteItWithTheActionsInsertedAtTheEnd() throws IOException {
        for (Path lesson : lessons()) {
            Scenario scenario = ScenarioReader.read(lesson);
            String consumer = scenario.consumers().get(0).id();
            List<ActionSpec> added = List.of(
                    new ActionSpec(scenario.durationMs() / 2, ActionType.STALL_CONSUMER, consumer,
                            Map.of("durationMs", 5_000L), "ui"),
                    new ActionSpec(scenario.durationMs(), ActionType.CRASH_CONSUMER, consumer, Map.of(), "ui"));
            String source = scenario.source().orElseThrow();

            String saved = ScenarioWriter.withActions(scenario, added);

            assertThat(insertedOnce(source, saved)).as(scenario.file() + " changed only where the lines go in")
                    .isTrue();
            assertThat(saved).as(scenario.file()).contains(
                    "{\"atMs\": " + scenario.durationMs() + ", \"action\": \"crashConsumer\", \"consumer\": \""
                            + consumer + "\"}");
            List<ActionSpec> reread = ScenarioReader.read(scenario.file(), saved).actions();
            assertThat(withoutPaths(reread)).as(scenario.file()).endsWith(withoutPaths(added).toArray(ActionSpec[]::new))
                    .hasSize(scenario.actions().size() + 2);
        }
    }

    @Test
    void theLinesFollowTheArraysOwnLayout() {
        List<String> lines = List.of("{\"atMs\": 9}");

        assertThat(ActionsText.append("{\n  \"seed\": 1,\n  \"actions\": [\n    {\"atMs\": 1}\n  ]\n}\n", lines))
                .isEqualTo("{\n  \"seed\": 1,\n  \"actions\": [\n    {\"atMs\": 1},\n    {\"atMs\": 9}\n  ]\n}\n");
        assertThat(ActionsText.append("{\"actions\": [{\"atMs\": 1}], \"seed\": 1}", lines))
                .isEqualTo("{\"actions\": [{\"atMs\": 1}, {\"atMs\": 9}], \"seed\": 1}");
        assertThat(ActionsText.append("{\n  \"name\": \"actions\",\n  \"actions\": []\n}", lines))
                .isEqualTo("{\n  \"name\": \"actions\",\n  \"actions\": [\n    {\"atMs\": 9}\n  ]\n}");
        assertThat(ActionsText.append("{\r\n  \"actions\": [\r\n    {\"atMs\": 1}\r\n  ]\r\n}\r\n", lines))
                .isEqualTo("{\r\n  \"actions\": [\r\n    {\"atMs\": 1},\r\n    {\"atMs\": 9}\r\n  ]\r\n}\r\n");
        assertThat(ActionsText.append("{\n  \"seed\": 1,\n  \"topics\": [\"a]\"]\n}\n", lines))
                .isEqualTo("{\n  \"seed\": 1,\n  \"topics\": [\"a]\"],\n  \"actions\": [\n    {\"atMs\": 9}\n  ]\n}\n");
    }

    /** Whether {@code after} is {@code before} with one run of text put in somewhere, nothing else changed. */
    private static boolean insertedOnce(String before, String after) {
        int prefix = 0;
        while (prefix < before.length() && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < before.length() - prefix
                && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
            suffix++;
        }
        return prefix + suffix == before.length() && after.length() > before.length();
    }

    private static List<Path> lessons() throws IOException {
        try (var files = Files.list(Path.of("lessons/scenarios"))) {
            return files.sorted().toList();
        }
    }

    @Test
    void aSavedRunReplaysItsBranchEventForEvent() {
        Scenario playground = ScenarioReader.read(PLAYGROUND);
        Simulation branch = ScenarioWorld.simulation(playground)
                .fork(20_000, new ConsumerTasks.Crash("C2"))
                .fork(8_000, new ConsumerTasks.StallProcessing("C1", 15_000));
        branch.runUntil(60_000);
        List<ActionSpec> whatIfs = List.of(
                new ActionSpec(20_000, ActionType.CRASH_CONSUMER, "C2", Map.of(), "ui"),
                new ActionSpec(8_000, ActionType.STALL_CONSUMER, "C1", Map.of("durationMs", 15_000L), "ui"));

        Simulation saved = ScenarioWorld.simulation(
                ScenarioReader.read("saved.json", ScenarioWriter.withActions(playground, whatIfs)));
        saved.runUntil(60_000);

        assertThat(trace(saved)).isEqualTo(trace(branch)).hasSizeGreaterThan(5_000);
    }

    @Test
    void aRunTheReaderWouldRefuseIsNotWritten() {
        Scenario playground = ScenarioReader.read(PLAYGROUND);
        ActionSpec shrink = new ActionSpec(5_000, ActionType.INCREASE_PARTITIONS, "orders", Map.of("partitions", 2),
                "ui");

        assertThatThrownBy(() -> ScenarioWriter.withActions(playground, List.of(shrink)))
                .isInstanceOf(JsonInputException.class).hasMessageContaining("partitions");
    }

    @Test
    void aScenarioMadeInCodeHasNoTextToSave() {
        Scenario playground = ScenarioReader.read(PLAYGROUND);
        Scenario inCode = new Scenario(playground.file(), playground.name(), playground.description(),
                playground.seed(), playground.durationMs(), playground.cluster(), playground.topics(),
                playground.producers(), playground.consumers(), playground.actions());

        assertThatThrownBy(() -> ScenarioWriter.withActions(inCode, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<ActionSpec> withoutPaths(List<ActionSpec> actions) {
        return actions.stream().map(a -> new ActionSpec(a.atMs(), a.type(), a.target(), a.params(), "")).toList();
    }

    private static List<String> trace(Simulation simulation) {
        Messages messages = Messages.of(Locale.ENGLISH);
        List<String> lines = new ArrayList<>();
        simulation.log().forEach(event -> lines.add(TraceJson.line(event, messages)));
        return lines;
    }
}
