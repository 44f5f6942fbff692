package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.json.JsonInputException;
import dev.groupscope.sim.client.CommitPolicy;
import dev.groupscope.sim.client.ConsumerActor;
import dev.groupscope.sim.client.ConsumerTasks;
import dev.groupscope.sim.engine.SimEvent;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The changeSettings action: how a file says it, how mistakes are named, and the lesson it teaches. */
class ChangeSettingsScenarioTest {

    private static final String BASE = """
            {"name": "demo", "seed": 1, "durationMs": 60000, "cluster": {"brokers": 1},
             "topics": [{"name": "orders", "partitions": 2}],
             "consumers": [{"id": "C1", "groupId": "g", "topics": ["orders"],
                            "settings": {"session.timeout.ms": 10000}},
                           {"id": "W1", "groupId": "g", "topics": ["orders"],
                            "settings": {"enable.auto.commit": false}, "commitPolicy": {"type": "syncAfterBatch"},
                            "workers": {"ordering": "unordered"}}],
             "actions": [ACTIONS]}""";

    private static Scenario read(String actions) {
        return ScenarioReader.read("demo.json", BASE.replace("ACTIONS", actions));
    }

    private static String errorOf(String actions) {
        try {
            read(actions);
        } catch (JsonInputException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the scenario to be refused");
    }

    @Test
    void anActionReadsAsTheModelsChangeSettingsTask() {
        Scenario scenario = read("""
                {"atMs": 5000, "action": "changeSettings", "consumer": "C1",
                 "settings": {"session.timeout.ms": 20000, "enable.auto.commit": false},
                 "commitPolicy": {"type": "everyN", "records": 50}}""");

        Scenario.ActionSpec action = scenario.actions().get(0);
        assertThat(ScenarioWorld.tasks(action, scenario.consumers())).containsExactly(
                new ConsumerTasks.ChangeSettings("C1", Map.of("session.timeout.ms", 20000,
                        "enable.auto.commit", false), CommitPolicy.everyN(50)));
    }

    @Test
    void settingsAloneKeepThePolicyAndAPolicyAloneKeepsTheSettings() {
        Scenario scenario = read("""
                {"atMs": 5000, "action": "changeSettings", "consumer": "C1", "settings": {"max.poll.records": 10}},
                {"atMs": 6000, "action": "changeSettings", "consumer": "W1",
                 "commitPolicy": {"type": "asyncAfterBatch"}}""");

        assertThat(ScenarioWorld.task(scenario.actions().get(0))).isEqualTo(
                new ConsumerTasks.ChangeSettings("C1", Map.of("max.poll.records", 10), null));
        assertThat(ScenarioWorld.task(scenario.actions().get(1))).isEqualTo(
                new ConsumerTasks.ChangeSettings("W1", Map.of(), CommitPolicy.of(CommitPolicy.Kind.ASYNC_AFTER_BATCH)));
    }

    @Test
    void anUnknownConsumerIsNamedWithItsPathAndAGuess() {
        assertThat(errorOf("""
                {"atMs": 5000, "action": "changeSettings", "consumer": "C7", "settings": {"max.poll.records": 10}}"""))
                .isEqualTo("demo.json: $.actions[0].consumer: there is no consumer named \"C7\" (did you mean "
                        + "\"C1\"?); known: C1, W1");
    }

    @Test
    void anUnknownSettingIsNamedWithItsPathAndAGuess() {
        assertThat(errorOf("""
                {"atMs": 5000, "action": "changeSettings", "consumer": "C1", "settings": {"max.poll.interval": 10}}"""))
                .startsWith("demo.json: $.actions[0].settings: \"max.poll.interval\" is not a Kafka setting "
                        + "GroupScope models")
                .contains("did you mean \"max.poll.interval.ms\"?");
    }

    @Test
    void aBadValueGetsKafkasOwnReason() {
        String error = errorOf("""
                {"atMs": 5000, "action": "changeSettings", "consumer": "C1", "settings": {"max.poll.records": 0}}""");

        assertThat(error).isEqualTo("demo.json: $.actions[0].settings['max.poll.records']: "
                + kafkaRefusal("max.poll.records", "0"));
    }

    @Test
    void aRuleBetweenTheNewAndTheOldSettingsIsCheckedToo() {
        assertThat(errorOf("""
                {"atMs": 5000, "action": "changeSettings", "consumer": "C1",
                 "settings": {"heartbeat.interval.ms": 10000}}"""))
                .isEqualTo("demo.json: $.actions[0].settings['heartbeat.interval.ms']: "
                        + "Heartbeat must be set lower than the session timeout");
    }

    @Test
    void changesPileUpInTimeAsTheModelMergesThem() {
        assertThat(errorOf("""
                {"atMs": 10000, "action": "changeSettings", "consumer": "C1",
                 "settings": {"heartbeat.interval.ms": 6000}},
                {"atMs": 5000, "action": "changeSettings", "consumer": "C1",
                 "settings": {"session.timeout.ms": 6000}}"""))
                .isEqualTo("demo.json: $.actions[0].settings['heartbeat.interval.ms']: "
                        + "Heartbeat must be set lower than the session timeout");
        assertThat(errorOf("""
                {"atMs": 5000, "action": "changeSettings", "consumer": "C1",
                 "settings": {"enable.auto.commit": false}, "commitPolicy": {"type": "syncAfterBatch"}},
                {"atMs": 9000, "action": "changeSettings", "consumer": "C1",
                 "settings": {"enable.auto.commit": true}}"""))
                .startsWith("demo.json: $.actions[1].settings: commit policy \"syncAfterBatch\" commits by itself");
    }

    @Test
    void thePolicyMustFitAutoCommitAndThePool() {
        assertThat(errorOf("""
                {"atMs": 5000, "action": "changeSettings", "consumer": "C1",
                 "commitPolicy": {"type": "syncAfterBatch"}}"""))
                .startsWith("demo.json: $.actions[0].commitPolicy.type: commit policy \"syncAfterBatch\" commits by "
                        + "itself, so enable.auto.commit must be false");
        assertThat(errorOf("""
                {"atMs": 5000, "action": "changeSettings", "consumer": "C1",
                 "settings": {"enable.auto.commit": false}}"""))
                .isEqualTo("demo.json: $.actions[0].settings: commit policy \"auto\" needs enable.auto.commit=true");
        assertThat(errorOf("""
                {"atMs": 5000, "action": "changeSettings", "consumer": "W1",
                 "commitPolicy": {"type": "beforeProcessing"}}"""))
                .startsWith("demo.json: $.actions[0].commitPolicy: a worker pool cannot use commit policy "
                        + "\"beforeProcessing\"");
    }

    @Test
    void anActionMustChangeSomethingAndNotTheConsumersIdentity() {
        assertThat(errorOf("""
                {"atMs": 5000, "action": "changeSettings", "consumer": "C1"}"""))
                .isEqualTo("demo.json: $.actions[0].settings: changeSettings needs \"settings\", \"commitPolicy\" "
                        + "or both");
        assertThat(errorOf("""
                {"atMs": 5000, "action": "changeSettings", "consumer": "C1", "settings": {"group.id": "other"}}"""))
                .startsWith("demo.json: $.actions[0].settings: group.id comes from the consumer's");
    }

    @Test
    void switchingToTheNewConsumerProtocolIsRefusedInTheFile() {
        assertThat(errorOf("""
                {"atMs": 5000, "action": "changeSettings", "consumer": "C1",
                 "settings": {"group.protocol": "consumer"}}"""))
                .startsWith("demo.json: $.actions[0].settings['group.protocol']: group.protocol \"consumer\"");
    }

    @Test
    void raisingMaxPollIntervalLiveEndsTheRebalanceStorm() {
        ScenarioRun run = ScenarioRun.of("raise-max-poll-interval-live");

        List<SimEvent> pollTimeouts = run.events(e -> e.type().equals("PollTimeoutExpired") && "C2".equals(e.actor()));
        assertThat(pollTimeouts).isNotEmpty().allMatch(e -> e.time() < 60_000);
        List<dev.groupscope.sim.report.Rebalance> rebalances = run.group("workers").rebalances();
        assertThat(rebalances.stream().filter(r -> r.startMs() < 60_000).count()).isGreaterThanOrEqualTo(5);
        assertThat(rebalances).filteredOn(r -> r.startMs() >= 60_000).hasSize(1)
                .allMatch(r -> r.endMs() < 65_000, "the restart's rebalance is over within 5 s");
        SimEvent change = run.events(e -> e.type().equals("ChangeSettings")).get(0);
        assertThat(change.time()).isEqualTo(60_000);
        ConsumerActor c2 = (ConsumerActor) run.simulation.current().actors().get("C2");
        assertThat(c2.config().maxPollIntervalMs()).isEqualTo(20_000);
        assertThat(run.consumer("C2").state()).isEqualTo("STABLE");
    }

    /** What kafka-clients' ConsumerConfig says when given {@code value} for {@code name}. */
    private static String kafkaRefusal(String name, Object value) {
        Properties props = new Properties();
        props.put("group.id", "g");
        props.put("key.deserializer", StringDeserializer.class.getName());
        props.put("value.deserializer", StringDeserializer.class.getName());
        props.put(name, value);
        try {
            new ConsumerConfig(props);
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("kafka-clients accepts " + name + "=" + value);
    }
}
