package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groupscope.i18n.Messages;
import dev.groupscope.scenario.json.JsonInputException;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {

    private static final String VALID = """
            {
              "name": "Three consumers, one crashes",
              "seed": 7,
              "durationMs": 120000,
              "cluster": {"brokers": 3, "settings": {"group.initial.rebalance.delay.ms": 0},
                          "network": {"delayMs": 3}},
              "topics": [{"name": "orders", "partitions": 6}],
              "producers": [{"id": "P1", "topic": "orders", "recordsPerSecond": 20, "keys": "zipf", "keyCount": 50}],
              "consumers": [
                {"id": "C1", "groupId": "g1", "topics": ["orders"], "settings": {"session.timeout.ms": 10000}},
                {"id": "C2", "groupId": "g1", "topics": ["orders"]},
                {"id": "C3", "groupId": "g1", "topics": ["orders", "audit"]}
              ],
              "actions": [
                {"atMs": 20000, "action": "startConsumer", "consumer": "C3"},
                {"atMs": 30000, "action": "crashConsumer", "consumer": "C2"},
                {"atMs": 40000, "action": "createTopic", "topic": "audit", "partitions": 2},
                {"atMs": 50000, "action": "increasePartitions", "topic": "orders", "partitions": 8},
                {"atMs": 60000, "action": "stopBroker", "broker": 2},
                {"atMs": 70000, "action": "closeConsumer", "consumer": "C1", "leaveGroup": true}
              ]
            }
            """;

    private static Scenario read(String text) {
        return ScenarioReader.read("demo.json", text);
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
    void aValidScenarioReadsWithDefaultsFilledIn() {
        Scenario scenario = read(VALID);

        assertThat(scenario.seed()).isEqualTo(7);
        assertThat(scenario.cluster().brokers()).isEqualTo(3);
        assertThat(scenario.cluster().networkDelayMs()).isEqualTo(3);
        assertThat(scenario.topics().get(0).replicationFactor()).isEqualTo(3);
        assertThat(scenario.consumers().get(0).settings()).containsEntry("session.timeout.ms", 10000);
        assertThat(scenario.actions()).extracting(Scenario.ActionSpec::type).containsExactly(
                ActionType.START_CONSUMER, ActionType.CRASH_CONSUMER, ActionType.CREATE_TOPIC,
                ActionType.INCREASE_PARTITIONS, ActionType.STOP_BROKER, ActionType.CLOSE_CONSUMER);
        assertThat(scenario.actions().get(5).params()).containsEntry("leaveGroup", true);
    }

    @Test
    void aDescriptionIsOneTextOrOnePerLanguageTheWindowSpeaks() {
        String oneText = "\"description\": \"C2 crashes.\",";
        Scenario plain = read(VALID.replace("\"seed\"", oneText + " \"seed\""));
        assertThat(plain.description()).isEqualTo("C2 crashes.");
        assertThat(plain.descriptionIn("zh-CN")).as("said in one language only").isEqualTo("C2 crashes.");

        String both = "\"description\": {\"en\": \"C2 crashes.\", \"zh-CN\": \"C2 崩溃。\"},";
        Scenario translated = read(VALID.replace("\"seed\"", both + " \"seed\""));
        assertThat(translated.description()).isEqualTo("C2 crashes.");
        assertThat(translated.descriptionIn("en")).isEqualTo("C2 crashes.");
        assertThat(translated.descriptionIn("zh-CN")).isEqualTo("C2 崩溃。");

        Scenario chineseOnly =
                read(VALID.replace("\"seed\"", "\"description\": {\"zh-CN\": \"C2 崩溃。\"}, \"seed\""));
        assertThat(chineseOnly.descriptionIn("en")).as("the only one there is").isEqualTo("C2 崩溃。");
        assertThat(read(VALID).descriptionIn("zh-CN")).isEmpty();
    }

    @Test
    void aNameMayBeGivenPerLanguageToo() {
        Scenario named = read(VALID.replace("\"name\": \"Three consumers, one crashes\"",
                "\"name\": {\"en\": \"One crashes\", \"zh-CN\": \"一个崩溃\"}"));

        assertThat(named.name()).isEqualTo("One crashes");
        assertThat(named.nameIn("zh-CN")).isEqualTo("一个崩溃");
        assertThat(read(VALID).nameIn("zh-CN")).as("one name for every language")
                .isEqualTo("Three consumers, one crashes");
        assertThat(errorOf(VALID.replace("\"name\": \"Three consumers, one crashes\"",
                "\"name\": {\"fr\": \"x\"}"))).startsWith("demo.json: $.name: unknown key \"fr\"");
    }

    @Test
    void aDescriptionInALanguageTheWindowDoesNotSpeakIsRefusedWithTheClosestTag() {
        assertThat(errorOf(VALID.replace("\"seed\"", "\"description\": {\"en\": \"x\", \"zh_CN\": \"y\"}, \"seed\"")))
                .startsWith("demo.json: $.description: unknown key \"zh_CN\" (did you mean \"zh-CN\"?)")
                .endsWith("expected one of: en, zh-CN");
        assertThat(errorOf(VALID.replace("\"seed\"", "\"description\": {}, \"seed\"")))
                .as("an object that gives no text").isEqualTo("demo.json: $.description: must not be empty");
        assertThat(errorOf(VALID.replace("\"seed\"", "\"description\": 5, \"seed\"")))
                .contains("$.description: expected a non-empty string, or an object with one under each language");
        assertThat(errorOf(VALID.replace("\"seed\"", "\"description\": {\"en\": \"\"}, \"seed\"")))
                .contains("$.description.en: must not be empty");
    }

    @Test
    void aConsumerStartsAtZeroUnlessAnActionStartsIt() {
        Scenario scenario = read(VALID);
        assertThat(scenario.consumers().get(0).startAtMs()).contains(0L);
        assertThat(scenario.consumers().get(2).startAtMs()).isEqualTo(Optional.empty());
    }

    @Test
    void aCommitPolicyAndListenerAreRead() {
        Scenario scenario = read(VALID.replace("{\"session.timeout.ms\": 10000}",
                "{\"session.timeout.ms\": 10000, \"enable.auto.commit\": false}, \"commitPolicy\": {\"type\": "
                        + "\"everyN\", \"records\": 25}, \"listener\": \"commitOnRevoke\", \"x\": {}"
                        .replace(", \"x\": {}", "")));
        Scenario.ConsumerSpec consumer = scenario.consumers().get(0);
        assertThat(consumer.commitPolicy()).isEqualTo(dev.groupscope.sim.client.CommitPolicy.everyN(25));
        assertThat(consumer.listener()).isEqualTo(dev.groupscope.sim.client.ListenerPolicy.COMMIT_ON_REVOKE);
        assertThat(scenario.consumers().get(1).commitPolicy()).isEqualTo(dev.groupscope.sim.client.CommitPolicy.AUTO);
    }

    @Test
    void aProducerMayGiveItsMetadataMaxAgeAndNothingElse() {
        String producer = "\"keys\": \"zipf\", \"keyCount\": 50";

        assertThat(read(VALID).producers().get(0).metadataMaxAgeMs()).isEqualTo(300_000L);
        assertThat(read(VALID.replace(producer, producer + ", \"settings\": {\"metadata.max.age.ms\": 4000}"))
                .producers().get(0).metadataMaxAgeMs()).isEqualTo(4_000L);
        assertThat(errorOf(VALID.replace(producer, producer + ", \"settings\": {\"linger.ms\": 5}")))
                .contains("$.producers[0].settings").contains("linger.ms");
    }

    @Test
    void aCommitPolicyOfItsOwnNeedsAutoCommitOff() {
        assertThat(errorOf(VALID.replace("{\"session.timeout.ms\": 10000}",
                "{\"session.timeout.ms\": 10000}, \"commitPolicy\": {\"type\": \"syncAfterBatch\"}")))
                .contains("$.consumers[0].commitPolicy.type").contains("enable.auto.commit must be false");
    }

    @Test
    void aMisspelledCommitPolicySuggestsTheClosest() {
        assertThat(errorOf(VALID.replace("{\"session.timeout.ms\": 10000}",
                "{\"session.timeout.ms\": 10000, \"enable.auto.commit\": false}, \"commitPolicy\": "
                        + "{\"type\": \"syncAfterBatches\"}")))
                .contains("did you mean \"syncAfterBatch\"?");
        assertThat(errorOf(VALID.replace("{\"session.timeout.ms\": 10000}",
                "{\"session.timeout.ms\": 10000}, \"listener\": \"commitOnRevokes\"")))
                .contains("did you mean \"commitOnRevoke\"?");
    }

    @Test
    void malformedJsonNamesTheLineAndColumnAndWhatWasExpected() {
        assertThat(errorOf("{\n  \"seed\": 7,\n  \"cluster\" {}\n}"))
                .isEqualTo("demo.json: line 3, column 13: malformed JSON: expected ':' after a name");
        assertThat(errorOf("{\n  \"seed\": 7\n  \"cluster\": {}\n}"))
                .isEqualTo("demo.json: line 3, column 3: malformed JSON: expected ',' or '}' after a value in an object");
        assertThat(errorOf("{\"topics\": [1 2]}"))
                .isEqualTo("demo.json: line 1, column 15: malformed JSON: expected ',' or ']' after a value in an array");
        assertThat(errorOf("{\"seed\": }"))
                .startsWith("demo.json: line 1, column 10: malformed JSON: expected a value");
    }

    @Test
    void malformedJsonIsExplainedInTheLearnersLanguage() {
        JsonInputException refused = (JsonInputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> ScenarioReader.read("demo.json", "{\n  \"seed\": 7\n  \"cluster\": {}\n}"));

        assertThat(refused.localized(Messages.of(Locale.SIMPLIFIED_CHINESE)))
                .isEqualTo("demo.json：第 3 行第 3 列：JSON 格式错误：对象中的值后面应为 ',' 或 '}'");
    }

    @Test
    void anUnknownKeySuggestsTheClosestKnownOne() {
        assertThat(errorOf(VALID.replace("\"durationMs\"", "\"duration\"")))
                .isEqualTo("demo.json: $: unknown key \"duration\" (did you mean \"durationMs\"?); expected one of: "
                        + "name, description, seed, durationMs, cluster, topics, producers, consumers, actions");
    }

    @Test
    void anUnknownKafkaSettingSuggestsTheRealName() {
        assertThat(errorOf(VALID.replace("\"session.timeout.ms\"", "\"session.timeout\"")))
                .isEqualTo("demo.json: $.consumers[0].settings: \"session.timeout\" is not a Kafka setting GroupScope "
                        + "models (did you mean \"session.timeout.ms\"?)");
    }

    @Test
    void aSettingKafkaWouldRefuseIsRefusedWithKafkasReason() {
        assertThat(errorOf(VALID.replace("{\"session.timeout.ms\": 10000}",
                "{\"session.timeout.ms\": 10000, \"heartbeat.interval.ms\": 10000}")))
                .startsWith("demo.json: $.consumers[0].settings['")
                .contains("Heartbeat must be set lower than the session timeout");
    }

    @Test
    void theNewConsumerProtocolIsRefusedSinceOnlyTheClassicOneIsModelled() {
        // Kafka accepts it, so it passes Kafka's checks; the world could not build such a consumer.
        assertThat(errorOf(VALID.replace("{\"session.timeout.ms\": 10000}",
                "{\"session.timeout.ms\": 10000, \"group.protocol\": \"consumer\"}")))
                .startsWith("demo.json: $.consumers[0].settings['group.protocol']: group.protocol \"consumer\"")
                .contains("not modelled").contains("classic");
        assertThat(read(VALID.replace("{\"session.timeout.ms\": 10000}",
                "{\"session.timeout.ms\": 10000, \"group.protocol\": \"CLASSIC\"}")).consumers()).hasSize(3);
    }

    @Test
    void aBrokerSettingTheModelNeverReadsIsRefusedRatherThanIgnored() {
        assertThat(errorOf(VALID.replace("{\"group.initial.rebalance.delay.ms\": 0}",
                "{\"group.initial.rebalance.delay.ms\": 0, \"offsets.commit.timeout.ms\": 1000}")))
                .isEqualTo("demo.json: $.cluster.settings['offsets.commit.timeout.ms']: offsets.commit.timeout.ms is a "
                        + "Kafka setting the model never reads: it writes a commit without waiting for the offsets "
                        + "partition's replicas, so the timeout could not expire; leave it out");
    }

    @Test
    void theControllersLeaderBalancingSettingsAreReadAndAMalformedOneIsNamedByItsPath() {
        String settings = "{\"group.initial.rebalance.delay.ms\": 0}";
        assertThat(read(VALID.replace(settings, "{\"auto.leader.rebalance.enable\": false, "
                + "\"leader.imbalance.check.interval.seconds\": 30}")).cluster().brokerSettings())
                .containsEntry("auto.leader.rebalance.enable", false)
                .containsEntry("leader.imbalance.check.interval.seconds", 30);
        assertThat(errorOf(VALID.replace(settings, "{\"leader.imbalance.check.interval.seconds\": \"soon\"}")))
                .startsWith("demo.json: $.cluster.settings['leader.imbalance.check.interval.seconds']: ");
        assertThat(errorOf(VALID.replace(settings, "{\"leader.imbalance.check.interval.seconds\": 0}")))
                .startsWith("demo.json: $.cluster.settings['leader.imbalance.check.interval.seconds']: ")
                .contains("at least 1");
        assertThat(errorOf(VALID.replace(settings, "{\"auto.leader.rebalance.enable\": \"yes\"}")))
                .startsWith("demo.json: $.cluster.settings['auto.leader.rebalance.enable']: ");
    }

    @Test
    void aTopicNameKafkaWouldRefuseIsRefusedWithKafkasReason() {
        assertThat(errorOf(VALID.replace("\"name\": \"orders\"", "\"name\": \"new orders!\"")))
                .isEqualTo("demo.json: $.topics[0].name: Kafka would refuse to create this topic: Topic name is "
                        + "invalid: 'new orders!' contains one or more characters other than ASCII alphanumerics, "
                        + "'.', '_' and '-'");
        assertThat(errorOf(VALID.replace("\"name\": \"orders\"", "\"name\": \"..\"")))
                .endsWith("Topic name is invalid: '..' is not allowed");
        assertThat(errorOf(VALID.replace("\"name\": \"orders\"", "\"name\": \"a.b\"")
                .replace("\"topic\": \"audit\"", "\"topic\": \"a_b\"")))
                .isEqualTo("demo.json: $.actions[2].topic: Kafka would refuse to create this topic: Topic 'a_b' "
                        + "collides with existing topic: a.b");
    }

    @Test
    void anAssignedPartitionMustExistWhenTheRunStarts() {
        String assigned = VALID.replace("{\"id\": \"C2\", \"groupId\": \"g1\", \"topics\": [\"orders\"]}",
                "{\"id\": \"C2\", \"groupId\": \"g1\", \"assign\": [\"orders-0\", \"orders-6\"]}");
        assertThat(errorOf(assigned)).isEqualTo("demo.json: $.consumers[1].assign[1]: orders-6 does not exist when the "
                + "run starts: orders has 6 partitions, numbered from 0");
        assertThat(read(assigned.replace("orders-6", "orders-5")).consumers()).hasSize(3);
    }

    @Test
    void anActionOnAConsumerThatDoesNotExistIsRefused() {
        assertThat(errorOf(VALID.replace("\"consumer\": \"C2\"", "\"consumer\": \"C22\"")))
                .isEqualTo("demo.json: $.actions[1].consumer: there is no consumer named \"C22\" (did you mean \"C2\"?);"
                        + " known: C1, C2, C3");
    }

    @Test
    void anActionOnAConsumerOfAScenarioWithoutConsumersSaysThereAreNone() {
        String none = """
                {"name": "x", "seed": 1, "durationMs": 1000, "cluster": {"brokers": 1},
                 "topics": [{"name": "t", "partitions": 1}],
                 "actions": [{"atMs": 10, "action": "crashConsumer", "consumer": "nobody"}]}
                """;
        assertThat(errorOf(none)).isEqualTo("demo.json: $.actions[0].consumer: there is no consumer named \"nobody\";"
                + " the scenario defines none");
    }

    @Test
    void aSubscriptionToATopicNoOneCreatesIsRefused() {
        assertThat(errorOf(VALID.replace("[\"orders\", \"audit\"]", "[\"orders\", \"audti\"]")))
                .startsWith("demo.json: $.consumers[2].topics[1]: there is no topic named \"audti\"");
    }

    @Test
    void partitionsCanOnlyGrow() {
        assertThat(errorOf(VALID.replace("\"partitions\": 8", "\"partitions\": 6")))
                .isEqualTo("demo.json: $.actions[3].partitions: topic orders has 6 partitions by then, and Kafka can "
                        + "only add partitions: 6 must be more than 6");
    }

    @Test
    void aReplicationFactorAboveTheBrokersIsRefused() {
        assertThat(errorOf(VALID.replace("\"partitions\": 6}", "\"partitions\": 6, \"replicationFactor\": 4}")))
                .contains("replication factor 4 is larger than the 3 brokers");
    }

    @Test
    void aStopOfABrokerThatDoesNotExistIsOutOfRange() {
        assertThat(errorOf(VALID.replace("\"broker\": 2", "\"broker\": 4")))
                .isEqualTo("demo.json: $.actions[4].broker: 4 is out of range: expected 1 to 3");
    }

    @Test
    void aNumberFarOutOfRangeIsNamedAsWrittenNotByItsDigits() {
        assertThat(errorOf(VALID.replaceFirst("\"seed\": \\d+", "\"seed\": 1e400")))
                .isEqualTo("demo.json: $.seed: 1E+400 is out of range: expected -9223372036854775808 to "
                        + "9223372036854775807");
    }

    @Test
    void anActionAfterTheEndIsOutOfRange() {
        assertThat(errorOf(VALID.replace("\"atMs\": 70000", "\"atMs\": 170000")))
                .isEqualTo("demo.json: $.actions[5].atMs: 170000 is out of range: expected 0 to 120000");
    }

    @Test
    void aMisspelledActionSuggestsTheRightOne() {
        assertThat(errorOf(VALID.replace("crashConsumer", "crashConsmer")))
                .startsWith("demo.json: $.actions[1].action: \"crashConsmer\" is not one of:")
                .endsWith("(did you mean \"crashConsumer\"?)");
    }

    @Test
    void twoConsumersWithOneIdAreRefused() {
        assertThat(errorOf(VALID.replace("{\"id\": \"C2\"", "{\"id\": \"C1\"")))
                .isEqualTo("demo.json: $.consumers[1].id: id \"C1\" is defined twice");
    }

    @Test
    void aFractionalPartitionCountIsNotAWholeNumber() {
        assertThat(errorOf(VALID.replace("\"partitions\": 6}", "\"partitions\": 6.5}")))
                .isEqualTo("demo.json: $.topics[0].partitions: expected a whole number, got the number 6.5");
    }

    @Test
    void theSameErrorCanBeSaidInChinese() {
        try {
            read(VALID.replace("\"broker\": 2", "\"broker\": 4"));
        } catch (JsonInputException e) {
            assertThat(e.localized(Messages.of(Locale.SIMPLIFIED_CHINESE)))
                    .isEqualTo("demo.json：$.actions[4].broker：4 超出范围：应在 1 到 3 之间");
            return;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void aMissingFileIsOneLine() {
        assertThatThrownBy(() -> ScenarioReader.read(java.nio.file.Path.of("no/such/scenario.json")))
                .isInstanceOf(JsonInputException.class).hasMessage("no/such/scenario.json: no such file");
    }

    @Test
    void aFileNotInUtf8NamesTheLineColumnAndByte(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        // "é" as Latin-1 (one byte 0xE9), as an editor set to another encoding saves it; Java alone said "Input
        // length = 1".
        java.nio.file.Path file = dir.resolve("latin1.json");
        byte[] text = "{\n  \"name\": \"caf\u00e9\",\n  \"seed\": 1\n}".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1);
        java.nio.file.Files.write(file, text);

        assertThatThrownBy(() -> ScenarioReader.read(file)).isInstanceOf(JsonInputException.class)
                .hasMessage(file + ": line 2, column 15: byte 0xE9 is not UTF-8 text; save the file as UTF-8")
                .satisfies(e -> assertThat(((JsonInputException) e).localized(Messages.of(Locale.SIMPLIFIED_CHINESE)))
                        .isEqualTo(file + "：第 2 行第 15 列：字节 0xE9 不是 UTF-8 文本；请以 UTF-8 编码保存该文件"));
    }

    @Test
    void chineseTextInUtf8IsReadAndColumnsCountCharactersNotBytes(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("broken.json");
        byte[] chinese = "{\"name\": \"演示".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] text = java.util.Arrays.copyOf(chinese, chinese.length + 1);
        text[chinese.length] = (byte) 0xFF;
        java.nio.file.Files.write(file, text);

        assertThatThrownBy(() -> ScenarioReader.read(file))
                .hasMessage(file + ": line 1, column 13: byte 0xFF is not UTF-8 text; save the file as UTF-8");
    }
}
