package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.groupscope.kafka.config.BrokerSettings;
import dev.groupscope.kafka.config.ConsumerSettings;
import dev.groupscope.sim.client.CommitPolicy;
import dev.groupscope.ui.ConsumerSettingsViewModel.Accepted;
import dev.groupscope.ui.ConsumerSettingsViewModel.Editor;
import dev.groupscope.ui.ConsumerSettingsViewModel.Problem;
import dev.groupscope.ui.ConsumerSettingsViewModel.Refused;
import dev.groupscope.ui.ConsumerSettingsViewModel.Row;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The settings sheet's decisions, without a window; Kafka's own refusals checked against kafka-clients. */
class ConsumerSettingsViewModelTest {

    private static final ConsumerSettings RUNNING = ConsumerSettings.from(Map.of("group.id", "orders-app",
            "client.id", "C1", "session.timeout.ms", 10000, "heartbeat.interval.ms", 3000));

    private final ConsumerSettingsViewModel sheet =
            new ConsumerSettingsViewModel("C1", RUNNING, CommitPolicy.AUTO, BrokerSettings.defaults(), false);

    @Test
    void showsEverySettingTheClassicConsumerReadsWithKafkasNameValueDefaultAndRange() {
        List<Row> rows = sheet.rows();

        assertThat(rows).extracting(Row::name).contains("session.timeout.ms", "heartbeat.interval.ms",
                "max.poll.interval.ms", "max.poll.records", "partition.assignment.strategy", "enable.auto.commit",
                "auto.commit.interval.ms", "auto.offset.reset", "group.instance.id", "fetch.min.bytes",
                "request.timeout.ms", "retry.backoff.ms")
                .doesNotContain("group.id", "client.id", "group.protocol", "group.remote.assignor", "isolation.level");
        Row session = row("session.timeout.ms");
        assertThat(session.current()).isEqualTo("10000");
        assertThat(session.defaultValue()).isEqualTo("45000");
        assertThat(session.allowed()).isEqualTo("[6000,...,1800000]");
        assertThat(session.descriptionKey()).isEqualTo("setting.session.timeout.ms");
        assertThat(session.editor()).isEqualTo(Editor.NUMBER);
        assertThat(row("max.poll.records").allowed()).isEqualTo("[1,...]");
        assertThat(row("enable.auto.commit").editor()).isEqualTo(Editor.BOOLEAN);
        assertThat(row("group.instance.id").defaultValue()).isEqualTo("null");
    }

    @Test
    void assignorsAndOffsetResetAreChoicesThatStillTakeTypedText() {
        Row assignors = row("partition.assignment.strategy");
        assertThat(assignors.editor()).isEqualTo(Editor.CHOICE);
        assertThat(assignors.choices()).containsExactly("range", "roundrobin", "sticky", "cooperative-sticky",
                "range, cooperative-sticky");
        assertThat(assignors.current()).isEqualTo("range, cooperative-sticky");
        Row reset = row("auto.offset.reset");
        assertThat(reset.choices()).containsExactly("earliest", "latest", "none");
        assertThat(reset.editable()).isTrue();
    }

    @Test
    void aNonNumericValueIsRefusedWithTheWordsOfKafkasConfigException() {
        Refused refused = (Refused) sheet.apply(Map.of("max.poll.interval.ms", "ten minutes"), "auto", "");

        assertThat(refused.problems()).containsOnlyKeys("max.poll.interval.ms");
        assertThat(refused.problems().get("max.poll.interval.ms").kafkaReason())
                .hasValue(kafkaRefusal("max.poll.interval.ms", "ten minutes"))
                .hasValue("Invalid value ten minutes for configuration max.poll.interval.ms: Not a number of type INT");
    }

    @Test
    void aValueBelowKafkasMinimumIsRefusedWithKafkasReason() {
        Refused refused = (Refused) sheet.apply(Map.of("max.poll.records", "0"), "auto", "");

        assertThat(refused.problems().get("max.poll.records").kafkaReason())
                .hasValue(kafkaRefusal("max.poll.records", "0"));
    }

    @Test
    void aSessionTimeoutOutsideTheBrokersBoundsIsRefusedWithTheCoordinatorsError() {
        Refused refused = (Refused) sheet.apply(Map.of("session.timeout.ms", "5000"), "auto", "");

        Problem problem = refused.problems().get("session.timeout.ms");
        assertThat(problem.kafkaReason()).hasValue(
                org.apache.kafka.common.protocol.Errors.INVALID_SESSION_TIMEOUT.message());
        assertThat(problem.args()).containsEntry("min", "6000").containsEntry("max", "1800000");
    }

    @Test
    void aHeartbeatNotBelowTheNewSessionTimeoutIsRefusedOnTheHeartbeatRow() {
        Refused refused = (Refused) sheet.apply(Map.of("session.timeout.ms", "6000", "heartbeat.interval.ms",
                "6000"), "auto", "");

        assertThat(refused.problems().get("heartbeat.interval.ms").kafkaReason())
                .hasValue("Heartbeat must be set lower than the session timeout");
    }

    @Test
    void goodInputBecomesOneCommandWithOnlyTheChangedSettingsTypedAsKafkaParsesThem() {
        Map<String, String> edited = new HashMap<>();
        sheet.rows().forEach(row -> edited.put(row.name(), row.current()));
        edited.put("session.timeout.ms", " 20000 ");
        edited.put("partition.assignment.strategy", "cooperative-sticky");

        Accepted accepted = (Accepted) sheet.apply(edited, "auto", "100");

        ModelCommand.ChangeSettings command = accepted.command().orElseThrow();
        assertThat(command.consumer()).isEqualTo("C1");
        assertThat(command.settings()).containsOnly(Map.entry("session.timeout.ms", 20000),
                Map.entry("partition.assignment.strategy", List.of("cooperative-sticky")));
        assertThat(command.commitPolicy()).isNull();
    }

    @Test
    void nothingChangedIsNoCommand() {
        assertThat(sheet.apply(Map.of("session.timeout.ms", "10000"), "auto", "100"))
                .isEqualTo(new Accepted(Optional.empty()));
    }

    @Test
    void aCommitPolicyOfTheApplicationsOwnNeedsAutoCommitOff() {
        Refused refused = (Refused) sheet.apply(Map.of(), "syncAfterBatch", "");
        assertThat(refused.problems().get(ConsumerSettingsViewModel.COMMIT_POLICY).messageKey())
                .isEqualTo("ui.settings.problem.policyNeedsNoAutoCommit");

        Accepted accepted = (Accepted) sheet.apply(Map.of("enable.auto.commit", "false"), "everyN", "50");

        assertThat(accepted.command().orElseThrow().commitPolicy()).isEqualTo(CommitPolicy.everyN(50));
        assertThat(accepted.command().orElseThrow().settings()).containsOnly(Map.entry("enable.auto.commit", false));
    }

    @Test
    void turningAutoCommitOffUnderTheAutoPolicyIsRefused() {
        Refused refused = (Refused) sheet.apply(Map.of("enable.auto.commit", "false"), "auto", "");

        assertThat(refused.problems().get(ConsumerSettingsViewModel.COMMIT_POLICY).messageKey())
                .isEqualTo("ui.settings.problem.autoPolicyNeedsAutoCommit");
    }

    @Test
    void everyNNeedsAPositiveCount() {
        Refused refused = (Refused) sheet.apply(Map.of("enable.auto.commit", "false"), "everyN", "many");

        assertThat(refused.problems()).containsOnlyKeys(ConsumerSettingsViewModel.COMMIT_EVERY_RECORDS);
    }

    @Test
    void aWorkerPoolIsOfferedOnlyThePoliciesItCanCommitWith() {
        ConsumerSettingsViewModel pool =
                new ConsumerSettingsViewModel("W", RUNNING, CommitPolicy.AUTO, BrokerSettings.defaults(), true);

        assertThat(pool.policyChoices()).containsExactly("auto", "syncAfterBatch", "asyncAfterBatch");
        assertThat(sheet.policyChoices()).containsExactly("auto", "syncAfterBatch", "asyncAfterBatch", "everyN",
                "beforeProcessing");
    }

    @Test
    void theSheetsCommandIsAStepOfTheRunThatSteppingBackStopsAtAndUndoLeaves() {
        PlaygroundViewModel playground = new PlaygroundViewModel(PlaygroundViewModel.readPlayground(), Runnable::run,
                Runnable::run);
        playground.scrubTo(20_000);
        FrameDetails.ConsumerDetail c2 = playground.getFrame().details().consumer("C2").orElseThrow();
        ConsumerSettingsViewModel c2Sheet = new ConsumerSettingsViewModel("C2", c2.settings(), c2.commitPolicy(),
                playground.brokerSettings(), false);

        playground.perform(((Accepted) c2Sheet.apply(Map.of("max.poll.records", "50"), "auto", ""))
                .command().orElseThrow());
        playground.scrubTo(20_200);
        List<String> steppedBackOver = new java.util.ArrayList<>();
        for (int i = 0; i < 100 && playground.getTime() >= 20_000 && !steppedBackOver.contains("ChangeSettings"); i++) {
            playground.stepPrevious();
            playground.getFrame().current().ifPresent(event -> steppedBackOver.add(event.type()));
        }

        assertThat(steppedBackOver).contains("ChangeSettings");
        assertThat(playground.getTime()).as("the millisecond after the one shown").isEqualTo(20_001);
        playground.scrubTo(40_000);
        assertThat(playground.getFrame().details().consumer("C2").orElseThrow().settings().maxPollRecords())
                .isEqualTo(50);
        playground.undo();
        playground.scrubTo(40_000);
        assertThat(playground.getFrame().details().consumer("C2").orElseThrow().settings().maxPollRecords())
                .isEqualTo(500);
    }

    @Test
    void clearingGroupInstanceIdUnsetsItAsKafkaDoesForAnEmptyValueIsRefused() {
        ConsumerSettingsViewModel staticSheet = new ConsumerSettingsViewModel("C1", ConsumerSettings.from(Map.of(
                "group.id", "orders-app", "group.instance.id", "orders-app-1")), CommitPolicy.AUTO,
                BrokerSettings.defaults(), false);

        Accepted accepted = (Accepted) staticSheet.apply(Map.of("group.instance.id", ""), "auto", "");

        Map<String, Object> settings = accepted.command().orElseThrow().settings();
        assertThat(settings).containsOnlyKeys("group.instance.id");
        assertThat(settings.get("group.instance.id")).as("unset, not the empty string").isNull();
        // Kafka itself refuses the empty string: the only way back to a dynamic member is leaving the property out.
        assertThat(kafkaRefusal("group.instance.id", "")).isNotEmpty();
    }

    @Test
    void everySettingOnTheSheetCanBeSetBackToKafkasDefault() {
        Map<String, Object> changed = new HashMap<>(Map.ofEntries(Map.entry("group.id", "orders-app"),
                Map.entry("group.instance.id", "orders-app-1"), Map.entry("session.timeout.ms", 10000),
                Map.entry("heartbeat.interval.ms", 2000), Map.entry("max.poll.interval.ms", 60000),
                Map.entry("max.poll.records", 50), Map.entry("partition.assignment.strategy", "roundrobin"),
                Map.entry("enable.auto.commit", false), Map.entry("auto.commit.interval.ms", 1000),
                Map.entry("auto.offset.reset", "earliest"), Map.entry("fetch.min.bytes", 10),
                Map.entry("fetch.max.bytes", 1_000_000), Map.entry("fetch.max.wait.ms", 100),
                Map.entry("max.partition.fetch.bytes", 100_000), Map.entry("request.timeout.ms", 20000),
                Map.entry("metadata.max.age.ms", 1000), Map.entry("default.api.timeout.ms", 30000),
                Map.entry("retry.backoff.ms", 50), Map.entry("retry.backoff.max.ms", 500),
                Map.entry("allow.auto.create.topics", false)));
        ConsumerSettings running = ConsumerSettings.from(changed);
        ConsumerSettingsViewModel changedSheet = new ConsumerSettingsViewModel("C1", running,
                CommitPolicy.of(CommitPolicy.Kind.SYNC_AFTER_BATCH), BrokerSettings.defaults(), false);
        ConsumerSettings defaults = ConsumerSettings.defaults();

        for (Row row : changedSheet.rows()) {
            assertThat(running.get(row.name())).as(row.name() + " starts away from its default")
                    .isNotEqualTo(defaults.get(row.name()));
            // What the sheet tells a person the default is, typed back ("null": an empty field).
            String typed = row.defaultValue().equals("null") ? "" : row.defaultValue();
            String policy = row.name().equals("enable.auto.commit") ? "auto" : "syncAfterBatch";

            ConsumerSettingsViewModel.Outcome outcome = changedSheet.apply(Map.of(row.name(), typed), policy, "");

            assertThat(outcome).as(row.name()).isInstanceOf(Accepted.class);
            Map<String, Object> merged = new HashMap<>(running.originals());
            ((Accepted) outcome).command().orElseThrow().settings().forEach((name, value) -> {
                if (value == null) {
                    merged.remove(name);
                } else {
                    merged.put(name, value);
                }
            });
            assertThat(ConsumerSettings.from(merged).get(row.name())).as(row.name() + " back at Kafka's default")
                    .isEqualTo(defaults.get(row.name()));
        }
    }

    @Test
    void aStaticMemberWhoseInstanceIdIsClearedRejoinsAsADynamicMember() {
        PlaygroundViewModel run = new PlaygroundViewModel(dev.groupscope.scenario.ScenarioReader.read(
                java.nio.file.Path.of("lessons/scenarios/static-membership-restart.json")), Runnable::run,
                Runnable::run);
        run.scrubTo(10_000);
        FrameDetails.ConsumerDetail c1 = run.getFrame().details().consumer("C1").orElseThrow();
        assertThat(c1.instanceId()).hasValue("orders-app-1");
        ConsumerSettingsViewModel c1Sheet = new ConsumerSettingsViewModel("C1", c1.settings(), c1.commitPolicy(),
                run.brokerSettings(), false);

        run.perform(((Accepted) c1Sheet.apply(Map.of("group.instance.id", ""), "auto", "")).command().orElseThrow());
        // close() of a static member sends no LeaveGroup: the group waits for orders-app-1 until its session
        // (30 s) expires, then settles with the dynamic C1.
        run.scrubTo(58_000);

        FrameDetails.ConsumerDetail rejoined = run.getFrame().details().consumer("C1").orElseThrow();
        assertThat(rejoined.instanceId()).isEmpty();
        assertThat(rejoined.settings().groupInstanceId()).isEmpty();
        assertThat(run.getFrame().consumer("C1").orElseThrow().state()).isEqualTo("STABLE");
    }

    private Row row(String name) {
        return sheet.rows().stream().filter(row -> row.name().equals(name)).findFirst().orElseThrow();
    }

    /** What kafka-clients' ConsumerConfig says when given {@code value} for {@code name}. */
    private static String kafkaRefusal(String name, String value) {
        Properties props = new Properties();
        props.put("group.id", "orders-app");
        props.put("key.deserializer", StringDeserializer.class.getName());
        props.put("value.deserializer", StringDeserializer.class.getName());
        props.put(name, value);
        Throwable thrown = catchThrowable(() -> new ConsumerConfig(props));
        assertThat(thrown).isInstanceOf(ConfigException.class);
        return thrown.getMessage();
    }
}
