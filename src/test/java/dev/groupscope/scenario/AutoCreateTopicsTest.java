package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * auto.create.topics.enable is true by default on Kafka's brokers: a Metadata request that names a missing topic and
 * allows it (a producer's always does, a consumer's when allow.auto.create.topics, never a pattern's request for every
 * topic) creates it with num.partitions and default.replication.factor. The model had no such setting and behaved as
 * if it were off: a producer writing to a topic created later, or to one deleted under it, simply failed.
 */
class AutoCreateTopicsTest {

    private static Simulation run(String clusterSettings, String clients, String actions) {
        String text = """
                {"name": "auto-create", "seed": 5, "durationMs": 30000,
                 "cluster": {"brokers": 3, "settings": {%s}},
                 "topics": [{"name": "orders", "partitions": 2, "replicationFactor": 1}],
                 %s,
                 "actions": [%s]}
                """.formatted(clusterSettings, clients, actions);
        Simulation run = ScenarioRun.of(ScenarioReader.read("auto-create.json", text)).simulation;
        run.runUntil(30_000);
        return run;
    }

    private static List<SimEvent> of(Simulation run, String type, String topic) {
        return run.log().stream().filter(e -> e.type().equals(type) && topic.equals(e.fields().get("topic")))
                .toList();
    }

    /** P1 writes to clicks from the start; the script creates clicks (6 partitions) at 10 s. */
    private static final String CLICKS_LATER = "\"producers\": [{\"id\": \"P1\", \"topic\": \"clicks\","
            + " \"recordsPerSecond\": 10}]";
    private static final String CREATE_CLICKS = "{\"atMs\": 10000, \"action\": \"createTopic\", \"topic\": \"clicks\","
            + " \"partitions\": 6, \"replicationFactor\": 1}";

    @Test
    void aProducerWritingToAMissingTopicCreatesItWithTheBrokersDefaults() {
        Simulation run = run("\"num.partitions\": 3", CLICKS_LATER, CREATE_CLICKS);

        SimEvent created = of(run, "TopicCreated", "clicks").get(0);
        assertThat(created.time()).isZero();
        assertThat(created.ruleKey()).isEqualTo("sim.cluster.topicAutoCreated");
        assertThat(created.fields()).containsEntry("partitions", 3).containsEntry("replicationFactor", 1)
                .containsEntry("client", "P1");
        assertThat(run.log()).as("the script's own creation at 10 s finds it there")
                .anyMatch(e -> e.time() == 10_000 && "TOPIC_ALREADY_EXISTS".equals(e.fields().get("error")));
        assertThat(run.log()).noneMatch(e -> e.type().equals("ProduceFailed"));
    }

    @Test
    void aConsumersMetadataRequestRecreatesATopicDeletedUnderIt() {
        Simulation run = run("", "\"consumers\": [{\"id\": \"C1\", \"groupId\": \"g\", \"topics\": [\"orders\"]}]",
                "{\"atMs\": 10000, \"action\": \"deleteTopic\", \"topic\": \"orders\"}");

        List<SimEvent> created = of(run, "TopicCreated", "orders");
        assertThat(created).hasSize(1);
        assertThat(created.get(0).time()).isGreaterThan(10_000);
        assertThat(created.get(0).fields()).containsEntry("partitions", 1).containsEntry("client", "C1");
    }

    @Test
    void nothingIsCreatedWhenTheBrokersOrTheConsumerSayNoOrTheConsumerSubscribesToAPattern() {
        Simulation off = run("\"auto.create.topics.enable\": false", CLICKS_LATER + ", \"consumers\": [{\"id\": \"C1\","
                + " \"groupId\": \"g\", \"topics\": [\"orders\"]}]", CREATE_CLICKS
                + ", {\"atMs\": 10000, \"action\": \"deleteTopic\", \"topic\": \"orders\"}");
        assertThat(off.log()).filteredOn(e -> e.type().equals("TopicCreated"))
                .allSatisfy(e -> assertThat(e.ruleKey()).isEqualTo("sim.cluster.topicCreated"));
        assertThat(off.log()).as("P1's send() blocks until clicks exists")
                .anyMatch(e -> e.type().equals("ProduceBlocked") && e.time() == 0);

        Simulation consumerSaysNo = run("", "\"consumers\": [{\"id\": \"C1\", \"groupId\": \"g\", \"topics\":"
                + " [\"orders\"], \"settings\": {\"allow.auto.create.topics\": false}}]",
                "{\"atMs\": 10000, \"action\": \"deleteTopic\", \"topic\": \"orders\"}");
        assertThat(of(consumerSaysNo, "TopicCreated", "orders")).isEmpty();

        Simulation pattern = run("", "\"consumers\": [{\"id\": \"C1\", \"groupId\": \"g\", \"pattern\": \"ord.*\"}]",
                "{\"atMs\": 10000, \"action\": \"deleteTopic\", \"topic\": \"orders\"}");
        assertThat(of(pattern, "TopicCreated", "orders")).isEmpty();
    }
}
