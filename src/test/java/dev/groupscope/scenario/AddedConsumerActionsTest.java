package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groupscope.scenario.json.JsonInputException;
import dev.groupscope.sim.client.ConsumerActor;
import dev.groupscope.sim.engine.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A scenario's actions may name a consumer an addConsumer action adds, by the id the model will give it: what a run
 * saved after Add consumer and a what-if on the new consumer holds. The reader names them as the model does.
 */
class AddedConsumerActionsTest {

    /** Two groups whose consumers share one naming style: the ids of the added ones depend on who came first. */
    private static final String BASE = """
            {"name": "demo", "seed": 1, "durationMs": 60000, "cluster": {"brokers": 1},
             "topics": [{"name": "orders", "partitions": 4}],
             "consumers": [{"id": "C1", "groupId": "a", "topics": ["orders"]},
                           {"id": "C2", "groupId": "a", "topics": ["orders"]},
                           {"id": "C3", "groupId": "b", "topics": ["orders"],
                            "settings": {"group.instance.id": "static-C3", "session.timeout.ms": 10000}}],
             "actions": [ACTIONS]}""";

    private static Scenario read(String actions) {
        return ScenarioReader.read("demo.json", BASE.replace("ACTIONS", actions));
    }

    @Test
    void actionsMayNameAddedConsumersByTheIdsTheModelGivesThem() {
        Scenario scenario = read("""
                {"atMs": 5000, "action": "addConsumer", "group": "b"},
                {"atMs": 5000, "action": "addConsumer", "group": "a"},
                {"atMs": 9000, "action": "crashConsumer", "consumer": "C5"},
                {"atMs": 9000, "action": "changeSettings", "consumer": "C4",
                 "settings": {"group.instance.id": null, "partition.assignment.strategy": ["cooperative-sticky"]}}""");

        Simulation run = ScenarioWorld.simulation(scenario);
        run.runUntil(12_000);

        // b's add comes first in the run: C4 (after C3), then a's: C5 (after C2, C3 and C4 are taken).
        assertThat(run.current().actor("C4", ConsumerActor.class).config().groupId()).isEqualTo("b");
        assertThat(run.current().actor("C5", ConsumerActor.class).config().groupId()).isEqualTo("a");
        assertThat(run.log()).anySatisfy(event -> {
            assertThat(event.type()).isEqualTo("CrashConsumer");
            assertThat(event.actor()).isEqualTo("C5");
        });
        assertThat(run.log()).anySatisfy(event -> {
            assertThat(event.type()).isEqualTo("ChangeSettings");
            assertThat(event.actor()).isEqualTo("C4");
        });
        assertThat(run.current().actor("C4", ConsumerActor.class).config().groupInstanceId()).isEmpty();
    }

    @Test
    void anActionOnAnAddedConsumerBeforeItIsAddedIsRefused() {
        assertThatThrownBy(() -> read("""
                {"atMs": 9000, "action": "crashConsumer", "consumer": "C4"},
                {"atMs": 9000, "action": "addConsumer", "group": "a"}"""))
                .isInstanceOf(JsonInputException.class)
                .hasMessage("demo.json: $.actions[0].consumer: consumer \"C4\" is only added by the addConsumer at"
                        + " $.actions[1] (9000 ms); an action on it must come after that one");
    }

    @Test
    void anAddedConsumerStartsWithItsTemplatesSettingsAsTheyAreByThen() {
        // C3's session timeout was raised before b's consumer was added: C4 copies it, so its longer heartbeat
        // interval is one Kafka takes; C4 copied from C3 as the file declares it would refuse the same change.
        String raised = """
                {"atMs": 1000, "action": "changeSettings", "consumer": "C3", "settings": {"session.timeout.ms": 30000}},
                {"atMs": 2000, "action": "addConsumer", "group": "b"},
                {"atMs": 3000, "action": "changeSettings", "consumer": "C4", "settings": {"heartbeat.interval.ms": 12000}}""";
        String later = raised.replace("\"atMs\": 1000", "\"atMs\": 2500");

        assertThat(read(raised).actions()).hasSize(3);
        assertThatThrownBy(() -> read(later)).isInstanceOf(JsonInputException.class)
                .hasMessageContaining("$.actions[2].settings").hasMessageContaining("heartbeat.interval.ms");
    }

    @Test
    void aListSettingMayBeAListAndAChangeMayLeaveASettingOut() {
        Scenario scenario = read("""
                {"atMs": 1000, "action": "changeSettings", "consumer": "C3",
                 "settings": {"group.instance.id": null, "partition.assignment.strategy": ["range", "roundrobin"]}}""");

        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> settings =
                (java.util.Map<String, Object>) scenario.actions().get(0).params().get("settings");
        assertThat(settings).containsEntry("group.instance.id", null)
                .containsEntry("partition.assignment.strategy", List.of("range", "roundrobin"));
        // Only a change may leave a setting out: a consumer's own settings say what it runs with.
        String unsetAtStart = BASE.replace("ACTIONS", "").replace("\"session.timeout.ms\": 10000",
                "\"session.timeout.ms\": null");
        assertThatThrownBy(() -> ScenarioReader.read("demo.json", unsetAtStart))
                .isInstanceOf(JsonInputException.class).hasMessageContaining("a string, number or boolean");
    }

    @Test
    void theEventsOfAnAddedConsumerAreItsGroupsThoughBothGroupsNameTheirConsumersAlike() {
        Scenario scenario = read("""
                {"atMs": 5000, "action": "addConsumer", "group": "b"},
                {"atMs": 5000, "action": "addConsumer", "group": "a"}""");
        Simulation run = ScenarioWorld.simulation(scenario);
        run.runUntil(15_000);

        dev.groupscope.sim.report.EventGroups groups = new dev.groupscope.sim.report.EventGroups(
                scenario.groupOfEveryClient());

        assertThat(scenario.groupOfEveryClient()).containsEntry("C4", "b").containsEntry("C5", "a");
        assertThat(run.log()).filteredOn(event -> "C4".equals(event.actor())).isNotEmpty()
                .allSatisfy(event -> assertThat(groups.of(event)).containsExactly("b"));
        assertThat(run.log()).filteredOn(event -> "C5".equals(event.peer())).isNotEmpty()
                .allSatisfy(event -> assertThat(groups.of(event)).containsExactly("a"));
    }
}
