package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groupscope.export.TraceJson;
import dev.groupscope.i18n.Messages;
import dev.groupscope.scenario.json.JsonInputException;
import dev.groupscope.sim.client.ConsumerView;
import dev.groupscope.sim.client.MemberState;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.engine.Task;
import dev.groupscope.sim.report.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * "Add a consumer" (issue 3, 5): a new consumer joins a group at t, in any scenario, whether or not the scenario
 * declared a spare — the {@code addConsumer} action, which the window's button inserts too.
 */
class AddConsumerScenarioTest {

    private static final long ADD_AT = 10_000;

    private static Scenario lesson(String name) {
        return ScenarioReader.read(Path.of("lessons", "scenarios", name + ".json"));
    }

    private static List<Task> addTo(Scenario scenario, String group) {
        return ScenarioWorld.tasks(new Scenario.ActionSpec(ADD_AT, ActionType.ADD_CONSUMER, group, Map.of(), "ui"),
                scenario.consumers());
    }

    /** The scenario's run forked at {@link #ADD_AT} with one more consumer of {@code group}, run to {@code until}. */
    private static Simulation forkedWithAdd(Scenario scenario, String group, long until) {
        Simulation original = ScenarioWorld.simulation(scenario);
        original.runUntil(scenario.durationMs());
        Simulation fork = original.fork(ADD_AT, addTo(scenario, group).get(0));
        fork.runUntil(until);
        return fork;
    }

    private static RunSummary.GroupSummary group(Simulation simulation, Scenario scenario, String group,
                                                 String added) {
        // The scenario's map, as `simulate` passes it: the added consumer is not in it.
        RunSummary summary = RunSummary.of(simulation, scenario.groupOfClient());
        assertThat(summary.consumers()).filteredOn(c -> c.clientId().equals(added))
                .allSatisfy(c -> assertThat(c.groupId()).isEqualTo(group));
        return summary.groups().stream()
                .filter(g -> g.groupId().equals(group)).findFirst().orElseThrow();
    }

    @Test
    void inCrashAndRebalanceANewC4JoinsAndTheGroupRebalancesOverFourMembers() {
        Scenario scenario = lesson("crash-and-rebalance");
        Simulation before = ScenarioWorld.simulation(scenario);
        before.runUntil(ADD_AT);
        int generationBefore = group(before, scenario, "orders-app", "C4").generation();

        // Before C2 crashes at 20 s, so the group is C1-C4.
        Simulation fork = forkedWithAdd(scenario, "orders-app", 18_000);

        RunSummary.GroupSummary group = group(fork, scenario, "orders-app", "C4");
        assertThat(group.state()).isEqualTo("Stable");
        assertThat(group.generation()).isEqualTo(generationBefore + 1);
        assertThat(group.members()).extracting(RunSummary.MemberSummary::clientId)
                .containsExactlyInAnyOrder("C1", "C2", "C3", "C4");
        Set<String> owned = new HashSet<>();
        group.members().forEach(member -> member.assignment().forEach(partition ->
                assertThat(owned.add(partition)).as("%s has one owner", partition).isTrue()));
        assertThat(owned).hasSize(6);
        // The range assignor (the default's first) over four members of six partitions: 2, 2, 1, 1 in member order.
        assertThat(group.members()).extracting(member -> member.assignment().size())
                .containsExactlyInAnyOrder(2, 2, 1, 1);
        ConsumerView c4 = (ConsumerView) fork.current().views().get("C4");
        assertThat(c4.state()).isEqualTo(MemberState.STABLE);
        assertThat(c4.generation()).isEqualTo(group.generation());
        assertThat(c4.assigned()).isNotEmpty();
    }

    @Test
    void theNewConsumerIsACopyOfTheGroupsFirstConsumerUnderTheNextFreeId() {
        Scenario scenario = lesson("seven-consumers-six-partitions");
        Simulation fork = forkedWithAdd(scenario, "g", 15_000);

        List<SimEvent> added = fork.log().stream().filter(event -> event.type().equals("AddConsumer")).toList();
        assertThat(added).hasSize(1);
        assertThat(added.get(0).actor()).isEqualTo("C8");
        assertThat(added.get(0).time()).isEqualTo(ADD_AT);
        assertThat(added.get(0).fields()).containsEntry("groupId", "g").containsEntry("copiedFrom", "C1");
        assertThat(Messages.english().format(added.get(0).ruleKey(), added.get(0).ruleArgs()))
                .startsWith("C8 is a new consumer of group g");
        RunSummary.GroupSummary group = group(fork, scenario, "g", "C8");
        assertThat(group.members()).hasSize(8);
        // Six partitions, eight members: each partition still has one owner, and two members have none.
        assertThat(group.members()).filteredOn(member -> member.assignment().isEmpty()).hasSize(2);
        assertThat(group.members().stream().flatMap(member -> member.assignment().stream())
                .collect(Collectors.toSet())).hasSize(6);
    }

    @Test
    void twoAddsGiveTwoNewIdsAndNeverReuseOne() {
        Scenario scenario = lesson("crash-and-rebalance");
        Simulation original = ScenarioWorld.simulation(scenario);
        original.runUntil(scenario.durationMs());
        Task add = addTo(scenario, "orders-app").get(0);
        Simulation twice = original.fork(ADD_AT, add).fork(ADD_AT + 5_000, add);
        twice.runUntil(30_000);

        assertThat(twice.log().stream().filter(event -> event.type().equals("AddConsumer")).map(SimEvent::actor))
                .containsExactly("C4", "C5");
    }

    @Test
    void theSameForkTwiceWritesTheSameTraceByteForByteAsAFreshRunOfTheAction() throws Exception {
        Scenario scenario = lesson("crash-and-rebalance");
        String first = trace(forkedWithAdd(scenario, "orders-app", 40_000));
        String second = trace(forkedWithAdd(scenario, "orders-app", 40_000));
        assertThat(first).contains("\"AddConsumer\"").isEqualTo(second);

        // The same action written in the file: the fork equals a fresh run of the extended script.
        String json = Files.readString(Path.of("lessons", "scenarios", "crash-and-rebalance.json"))
                .replace("\"actions\": [", "\"actions\": [\n    {\"atMs\": 20000, \"action\": \"crashConsumer\","
                        + " \"consumer\": \"C2\"},\n    {\"atMs\": " + ADD_AT + ", \"action\": \"addConsumer\","
                        + " \"group\": \"orders-app\"},")
                .replaceFirst("\\{\"atMs\": 20000, \"action\": \"crashConsumer\", \"consumer\": \"C2\"},\\s*",
                        "");
        Scenario written = ScenarioReader.read("crash-and-add.json", json);
        assertThat(written.actions()).extracting(Scenario.ActionSpec::type)
                .containsExactly(ActionType.ADD_CONSUMER, ActionType.CRASH_CONSUMER);
        Simulation fresh = ScenarioWorld.simulation(written);
        fresh.runUntil(40_000);
        assertThat(trace(fresh)).isEqualTo(first);
    }

    @Test
    void aScenarioNamesTheGroupAndAnUnknownOneIsRefusedWithItsPath() {
        String json = """
                {"name": "n", "seed": 1, "durationMs": 10000, "cluster": {"brokers": 1},
                 "topics": [{"name": "t", "partitions": 2}],
                 "consumers": [{"id": "C1", "groupId": "g", "topics": ["t"]}],
                 "actions": [{"atMs": 100, "action": "addConsumer", "group": "%s"}]}
                """;
        assertThat(ScenarioReader.read("ok.json", json.formatted("g")).actions().get(0).target()).isEqualTo("g");
        assertThatThrownBy(() -> ScenarioReader.read("bad.json", json.formatted("h")))
                .isInstanceOf(JsonInputException.class)
                .hasMessageContaining("bad.json: $.actions[0].group: there is no group named \"h\" (did you mean \"g\"?); known: g");
        assertThatThrownBy(() -> ScenarioReader.read("bad.json", json.formatted("g")
                        .replace("\"group\": \"g\"", "\"group\": \"g\", \"consumer\": \"C1\"")))
                .isInstanceOf(JsonInputException.class).hasMessageContaining("$.actions[0]").hasMessageContaining("consumer");
    }

    private static String trace(Simulation simulation) {
        Messages english = Messages.english();
        return simulation.log().stream().map(event -> TraceJson.line(event, english))
                .collect(Collectors.joining("\n"));
    }
}
