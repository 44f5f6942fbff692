package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.scenario.json.JsonInputException;
import dev.groupscope.sim.client.ApplicationCalls;
import dev.groupscope.sim.client.ConsumerSubscription;
import org.junit.jupiter.api.Test;

/** Scenario files for subscriptions and the consumer's calls: what they read as, and how mistakes are named. */
class ClientScenarioReaderTest {

    private static final String BASE = """
            {"name": "demo", "seed": 1, "durationMs": 60000, "cluster": {"brokers": 1},
             "topics": [{"name": "orders", "partitions": 2}],
             "consumers": [{"id": "C1", "groupId": "g", CONSUMER}],
             "actions": [ACTIONS]}""";

    private static Scenario read(String consumer, String actions) {
        return ScenarioReader.read("demo.json", BASE.replace("CONSUMER", consumer).replace("ACTIONS", actions));
    }

    private static String errorOf(String consumer, String actions) {
        try {
            read(consumer, actions);
        } catch (JsonInputException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the scenario to be refused");
    }

    @Test
    void aConsumerSubscribesToTopicsToAPatternOrAssignsPartitions() {
        assertThat(read("\"topics\": [\"orders\"]", "").consumers().get(0).subscription())
                .isEqualTo(ConsumerSubscription.topics(java.util.List.of("orders")));
        assertThat(read("\"pattern\": \"ord.*\"", "").consumers().get(0).subscription())
                .isEqualTo(ConsumerSubscription.pattern("ord.*"));
        assertThat(read("\"assign\": [\"orders-1\"]", "").consumers().get(0).subscription().partitions())
                .containsExactly(new TopicPartition("orders", 1));
    }

    @Test
    void exactlyOneWayToSubscribeIsAllowed() {
        assertThat(errorOf("\"topics\": [\"orders\"], \"pattern\": \"o.*\"", ""))
                .isEqualTo("demo.json: $.consumers[0].pattern: a consumer needs exactly one of \"topics\" "
                        + "(subscribe), \"pattern\" (subscribe to a Java regular expression) and \"assign\" "
                        + "(manual partitions)");
        assertThat(errorOf("\"pattern\": \"orders(\"", ""))
                .startsWith("demo.json: $.consumers[0].pattern: \"orders(\" is not a Java regular expression");
        assertThat(errorOf("\"assign\": [\"orders\"]", ""))
                .contains("$.consumers[0].assign[0]: expected a partition as topic-number");
        assertThat(errorOf("\"assign\": [\"ordres-0\"]", "")).contains("$.consumers[0].assign[0]")
                .contains("did you mean \"orders\"?");
    }

    @Test
    void theConsumersCallsReadAsTasks() {
        Scenario scenario = read("\"topics\": [\"orders\"]", """
                {"atMs": 1000, "action": "seek", "consumer": "C1", "partition": "orders-0", "offset": 42},
                {"atMs": 2000, "action": "pause", "consumer": "C1"},
                {"atMs": 3000, "action": "offsetsForTimes", "consumer": "C1", "timestampMs": 500, "seek": true},
                {"atMs": 4000, "action": "subscribe", "consumer": "C1", "pattern": "o.*"},
                {"atMs": 5000, "action": "unsubscribe", "consumer": "C1"}""");

        assertThat(ScenarioWorld.task(scenario.actions().get(0)))
                .isEqualTo(new ApplicationCalls.Seek("C1", new TopicPartition("orders", 0), 42));
        assertThat(ScenarioWorld.task(scenario.actions().get(1)))
                .isEqualTo(new ApplicationCalls.Pause("C1", java.util.List.of()));
        assertThat(ScenarioWorld.task(scenario.actions().get(2)))
                .isEqualTo(new ApplicationCalls.OffsetsForTimes("C1", java.util.List.of(), 500, true));
        assertThat(ScenarioWorld.task(scenario.actions().get(3)))
                .isEqualTo(new ApplicationCalls.Subscribe("C1", ConsumerSubscription.pattern("o.*")));
        assertThat(ScenarioWorld.task(scenario.actions().get(4))).isEqualTo(new ApplicationCalls.Unsubscribe("C1"));
    }

    @Test
    void aCallNamingAnUnknownTopicOrAMalformedPartitionIsRefusedWithItsPath() {
        assertThat(errorOf("\"topics\": [\"orders\"]",
                "{\"atMs\": 1000, \"action\": \"pause\", \"consumer\": \"C1\", \"partitions\": [\"orderz-0\"]}"))
                .contains("$.actions[0].partitions[0]").contains("did you mean \"orders\"?");
        assertThat(errorOf("\"topics\": [\"orders\"]",
                "{\"atMs\": 1000, \"action\": \"seek\", \"consumer\": \"C1\", \"partition\": \"orders-x\", "
                        + "\"offset\": 1}")).contains("$.actions[0].partition: expected a partition as topic-number");
        assertThat(errorOf("\"topics\": [\"orders\"]",
                "{\"atMs\": 1000, \"action\": \"assign\", \"consumer\": \"C1\", \"partitions\": []}"))
                .contains("$.actions[0].partitions: name at least one partition");
    }

    @Test
    void faultsReadWithKafkasRetriableErrorsOnly() {
        Scenario scenario = read("\"topics\": [\"orders\"]", """
                {"atMs": 1000, "action": "cutOffConsumer", "consumer": "C1", "durationMs": 5000},
                {"atMs": 2000, "action": "failCommits", "consumer": "C1", "count": 2},
                {"atMs": 3000, "action": "delayCommits", "consumer": "C1", "count": 1, "delayMs": 700}""");

        assertThat(ScenarioWorld.task(scenario.actions().get(0)))
                .isEqualTo(new dev.groupscope.sim.client.ConsumerFaults.CutOff("C1", 5000));
        assertThat(ScenarioWorld.task(scenario.actions().get(1))).isEqualTo(new dev.groupscope.sim.client
                .ConsumerFaults.FailCommits("C1", 2, dev.groupscope.kafka.Errors.COORDINATOR_LOAD_IN_PROGRESS));
        assertThat(ScenarioWorld.task(scenario.actions().get(2)))
                .isEqualTo(new dev.groupscope.sim.client.ConsumerFaults.DelayCommits("C1", 1, 700));
        assertThat(errorOf("\"topics\": [\"orders\"]",
                "{\"atMs\": 1000, \"action\": \"failCommits\", \"consumer\": \"C1\", \"error\": \"ILLEGAL_GENERATION\"}"))
                .startsWith("demo.json: $.actions[0].error:").contains("COORDINATOR_LOAD_IN_PROGRESS");
        // A Kafka 4.1 coordinator turns a timed-out write into COORDINATOR_NOT_AVAILABLE: it never answers this.
        assertThat(errorOf("\"topics\": [\"orders\"]",
                "{\"atMs\": 1000, \"action\": \"failCommits\", \"consumer\": \"C1\", \"error\": \"REQUEST_TIMED_OUT\"}"))
                .startsWith("demo.json: $.actions[0].error:").contains("COORDINATOR_NOT_AVAILABLE")
                .doesNotContain("REQUEST_TIMED_OUT,");
    }
}
