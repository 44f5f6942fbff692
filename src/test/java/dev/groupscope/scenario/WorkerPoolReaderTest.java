package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.json.JsonInputException;
import dev.groupscope.sim.client.WorkerPoolConfig;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The "workers" block of a consumer and the slowWorker action: strictly read, every mistake one clear line. */
class WorkerPoolReaderTest {

    private static String scenario(String c1Extra, String actions) {
        return """
                {"seed": 1, "durationMs": 60000, "cluster": {"brokers": 1},
                 "topics": [{"name": "orders", "partitions": 4}],
                 "consumers": [
                   {"id": "C1", "groupId": "g", "topics": ["orders"], "settings": {"enable.auto.commit": false},
                    "commitPolicy": {"type": "syncAfterBatch"}%s},
                   {"id": "C2", "groupId": "g", "topics": ["orders"]}
                 ],
                 "actions": [%s]}
                """.formatted(c1Extra, actions);
    }

    private static Scenario read(String text) {
        return ScenarioReader.read("pool.json", text);
    }

    private static String errorOf(String text) {
        try {
            read(text);
        } catch (JsonInputException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the scenario to be refused");
    }

    @Test
    void onlyTheOrderingIsRequiredTheRestHasDefaults() {
        Scenario read = read(scenario(", \"workers\": {\"ordering\": \"byKey\"}", ""));

        assertThat(read.consumers().get(0).workers()).contains(new WorkerPoolConfig(8,
                WorkerPoolConfig.Ordering.BY_KEY, 500, WorkerPoolConfig.OnRevoke.WAIT, 0));
        assertThat(read.consumers().get(1).workers()).isEqualTo(Optional.empty());
    }

    @Test
    void everySettingIsRead() {
        Scenario read = read(scenario(", \"workers\": {\"count\": 3, \"ordering\": \"unordered\", \"windowSize\": 40,"
                + " \"onRevoke\": \"abandon\", \"processingJitterMs\": 12}",
                "{\"atMs\": 100, \"action\": \"slowWorker\", \"consumer\": \"C1\", \"worker\": 3, \"durationMs\": 500,"
                        + " \"factor\": 10}"));

        assertThat(read.consumers().get(0).workers()).contains(new WorkerPoolConfig(3,
                WorkerPoolConfig.Ordering.UNORDERED, 40, WorkerPoolConfig.OnRevoke.ABANDON, 12));
        assertThat(read.actions().get(0).params()).containsEntry("worker", 3).containsEntry("durationMs", 500L)
                .containsEntry("factor", 10);
    }

    @Test
    void anUnknownKeyIsRefusedWithItsPath() {
        assertThat(errorOf(scenario(", \"workers\": {\"ordering\": \"byKey\", \"windowSzie\": 10}", "")))
                .startsWith("pool.json").contains("$.consumers[0].workers").contains("windowSzie");
    }

    @Test
    void anUnknownOrderingNamesTheChoices() {
        assertThat(errorOf(scenario(", \"workers\": {\"ordering\": \"sorted\"}", "")))
                .contains("$.consumers[0].workers.ordering").contains("unordered").contains("byKey")
                .contains("byPartition");
    }

    @Test
    void countsAndWindowsMustBeInRange() {
        assertThat(errorOf(scenario(", \"workers\": {\"ordering\": \"byKey\", \"count\": 0}", "")))
                .contains("$.consumers[0].workers.count");
        assertThat(errorOf(scenario(", \"workers\": {\"ordering\": \"byKey\", \"windowSize\": 0}", "")))
                .contains("$.consumers[0].workers.windowSize");
    }

    @Test
    void aPoolCannotCountRecordsOnThePollLoop() {
        String everyN = scenario(", \"workers\": {\"ordering\": \"byKey\"}", "")
                .replace("{\"type\": \"syncAfterBatch\"}", "{\"type\": \"everyN\", \"records\": 10}");

        assertThat(errorOf(everyN)).contains("$.consumers[0].workers").contains("everyN");
    }

    @Test
    void slowWorkerNeedsAPoolAndAWorkerItHas() {
        assertThat(errorOf(scenario("", "{\"atMs\": 1, \"action\": \"slowWorker\", \"consumer\": \"C1\","
                + " \"worker\": 1, \"durationMs\": 5, \"factor\": 2}")))
                .contains("$.actions[0].consumer").contains("C1").contains("no worker pool");
        assertThat(errorOf(scenario(", \"workers\": {\"ordering\": \"byKey\", \"count\": 2}",
                "{\"atMs\": 1, \"action\": \"slowWorker\", \"consumer\": \"C1\", \"worker\": 3, \"durationMs\": 5,"
                        + " \"factor\": 2}"))).contains("$.actions[0].worker").contains("2 workers");
        assertThat(errorOf(scenario(", \"workers\": {\"ordering\": \"byKey\"}",
                "{\"atMs\": 1, \"action\": \"slowWorker\", \"consumer\": \"C1\", \"worker\": 1, \"durationMs\": 5,"
                        + " \"factor\": 1}"))).contains("$.actions[0].factor");
    }

    @Test
    void consumersShareAProcessByNameAndAProcessActionNeedsOne() {
        String text = scenario(", \"process\": \"app-1\"", "{\"atMs\": 5, \"action\": \"crashProcess\","
                + " \"process\": \"app-1\"}");
        Scenario read = read(text);

        assertThat(read.consumers().get(0).process()).isEqualTo("app-1");
        assertThat(read.consumers().get(1).process()).as("alone in a process of its own name").isEqualTo("C2");
        assertThat(errorOf(scenario(", \"process\": \"app-1\"", "{\"atMs\": 5, \"action\": \"crashProcess\","
                + " \"process\": \"app-2\"}")))
                .contains("$.actions[0].process").contains("app-2").contains("app-1");
    }
}
