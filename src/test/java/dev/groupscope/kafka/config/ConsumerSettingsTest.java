package dev.groupscope.kafka.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groupscope.i18n.Messages;
import dev.groupscope.kafka.BundleFiles;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConsumerSettingsTest {

    @Test
    void defaultsAreKafkas() {
        ConsumerSettings settings = ConsumerSettings.defaults();

        assertThat(settings.sessionTimeoutMs()).isEqualTo(45000);
        assertThat(settings.heartbeatIntervalMs()).isEqualTo(3000);
        assertThat(settings.maxPollIntervalMs()).isEqualTo(300000);
        assertThat(settings.maxPollRecords()).isEqualTo(500);
        assertThat(settings.fetchMinBytes()).isEqualTo(1);
        assertThat(settings.fetchMaxWaitMs()).isEqualTo(500);
        assertThat(settings.fetchMaxBytes()).isEqualTo(52428800);
        assertThat(settings.maxPartitionFetchBytes()).isEqualTo(1048576);
        assertThat(settings.autoCommitIntervalMs()).isEqualTo(5000);
        assertThat(settings.autoOffsetReset()).isEqualTo(AutoOffsetReset.LATEST);
        assertThat(settings.partitionAssignmentStrategy()).containsExactly("range", "cooperative-sticky");
        assertThat(settings.groupInstanceId()).isEmpty();
        assertThat(settings.groupProtocol()).isEqualTo(GroupProtocol.CLASSIC);
        assertThat(settings.isolationLevel()).isEqualTo(IsolationLevel.READ_UNCOMMITTED);
        assertThat(settings.requestTimeoutMs()).isEqualTo(30000);
        assertThat(settings.defaultApiTimeoutMs()).isEqualTo(60000);
        assertThat(settings.retryBackoffMs()).isEqualTo(100L);
        assertThat(settings.retryBackoffMaxMs()).isEqualTo(1000L);
        assertThat(settings.clientId()).isEmpty();
    }

    @Test
    void autoCommitIsOnByDefaultOnlyInAGroup() {
        assertThat(ConsumerSettings.defaults().enableAutoCommit()).as("no group.id").isFalse();
        assertThat(ConsumerSettings.from(Map.of("group.id", "g")).enableAutoCommit()).isTrue();
    }

    @Test
    void valuesMayComeAsTextAsInAPropertiesFile() {
        ConsumerSettings settings = ConsumerSettings.from(Map.of(
                "group.id", "orders", "session.timeout.ms", " 10000 ", "enable.auto.commit", "FALSE",
                "partition.assignment.strategy", "org.apache.kafka.clients.consumer.StickyAssignor, range",
                "group.protocol", "Classic", "retry.backoff.ms", 250));

        assertThat(settings.sessionTimeoutMs()).isEqualTo(10000);
        assertThat(settings.enableAutoCommit()).isFalse();
        assertThat(settings.partitionAssignmentStrategy()).containsExactly("sticky", "range");
        assertThat(settings.groupProtocol()).isEqualTo(GroupProtocol.CLASSIC);
        assertThat(settings.retryBackoffMs()).isEqualTo(250L);
    }

    @Test
    void autoOffsetResetByDurationKeepsTheDuration() {
        ConsumerSettings settings = ConsumerSettings.from(Map.of("auto.offset.reset", "by_duration:P1DT2H"));

        assertThat(settings.autoOffsetReset().strategy()).isEqualTo(AutoOffsetReset.Strategy.BY_DURATION);
        assertThat(settings.autoOffsetReset().duration()).contains(Duration.ofHours(26));
        assertThat(settings.autoOffsetReset()).hasToString("by_duration:PT26H");
    }

    @Test
    void aNegativeDurationIsRefused() {
        List<SettingProblem> problems = ConsumerSettings.validate(Map.of("auto.offset.reset", "by_duration:-PT1H"));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.setting()).isEqualTo("auto.offset.reset");
            assertThat(problem.messageKey()).isEqualTo("setting.problem.autoOffsetReset.negativeDuration");
        });
    }

    @Test
    void theHeartbeatMustBeBelowTheSessionTimeoutInAClassicGroup() {
        List<SettingProblem> problems = ConsumerSettings.validate(
                Map.of("group.id", "g", "session.timeout.ms", 10000, "heartbeat.interval.ms", 10000));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.setting()).isEqualTo("heartbeat.interval.ms");
            assertThat(problem.kafkaMessage()).isEqualTo("Heartbeat must be set lower than the session timeout");
            assertThat(english(problem)).isEqualTo("Heartbeat must be set lower than the session timeout "
                    + "(heartbeat.interval.ms 10000 ≥ session.timeout.ms 10000).");
        });
    }

    @Test
    void withoutAGroupThereIsNoHeartbeatToCheck() {
        assertThat(ConsumerSettings.validate(Map.of("session.timeout.ms", 10000, "heartbeat.interval.ms", 10000)))
                .isEmpty();
    }

    @Test
    void theConsumerProtocolRefusesTheClassicTimeoutsAndAssignors() {
        List<SettingProblem> problems = ConsumerSettings.validate(Map.of("group.protocol", "consumer",
                "session.timeout.ms", 10000, "partition.assignment.strategy", "range"));

        assertThat(problems).extracting(SettingProblem::kafkaMessage).containsExactly(
                "partition.assignment.strategy, session.timeout.ms cannot be set when group.protocol=CONSUMER");
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        InvalidSettingsException thrown = (InvalidSettingsException) catchInvalid(Map.of(
                "max.poll.records", 0, "isolation.level", "READ_COMMITTED", "session.timeout.ms", "soon"));

        assertThat(thrown.problems()).extracting(SettingProblem::setting)
                .containsExactly("session.timeout.ms", "max.poll.records", "isolation.level");
        assertThat(thrown).hasMessageContaining("Invalid value 0 for configuration max.poll.records: "
                + "Value must be at least 1");
    }

    @Test
    void aChangedCopyIsValidatedToo() {
        ConsumerSettings settings = ConsumerSettings.from(Map.of("group.id", "g"));

        assertThat(settings.with("max.poll.records", 10).maxPollRecords()).isEqualTo(10);
        assertThatThrownBy(() -> settings.with("heartbeat.interval.ms", 45000))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("Heartbeat must be set lower than the session timeout");
    }

    @Test
    void settingsGroupScopeDoesNotModelAreKeptAsUnused() {
        ConsumerSettings settings = ConsumerSettings.from(Map.of("bootstrap.servers", "b:9092", "group.id", "g"));

        assertThat(settings.unused()).containsExactly("bootstrap.servers");
        assertThat(settings.groupId()).isEqualTo(Optional.of("g"));
    }

    /** One input per explanation key, so each key is proven to exist in both languages and to fill in. */
    static List<Arguments> everyKindOfProblem() {
        return List.of(
                Arguments.of(Map.of("max.poll.records", 5L), "setting.problem.notInt"),
                Arguments.of(Map.of("retry.backoff.ms", 1.5), "setting.problem.notLong"),
                Arguments.of(Map.of("enable.auto.commit", "yes"), "setting.problem.notBoolean"),
                Arguments.of(Map.of("client.id", 7), "setting.problem.notString"),
                Arguments.of(Map.of("partition.assignment.strategy", 7), "setting.problem.notList"),
                Arguments.of(Map.of("fetch.min.bytes", "lots"), "setting.problem.notANumber"),
                Arguments.of(Map.of("max.poll.records", 0), "setting.problem.atLeast"),
                Arguments.of(Map.of("isolation.level", "READ_COMMITTED"), "setting.problem.oneOf"),
                Arguments.of(Map.of("group.instance.id", ""), "setting.problem.nonEmpty"),
                Arguments.of(Map.of("auto.offset.reset", "beginning"), "setting.problem.autoOffsetReset.unknown"),
                Arguments.of(Map.of("auto.offset.reset", "by_duration"),
                        "setting.problem.autoOffsetReset.missingDuration"),
                Arguments.of(Map.of("auto.offset.reset", "by_duration:1h"),
                        "setting.problem.autoOffsetReset.badDuration"),
                Arguments.of(Map.of("auto.offset.reset", "by_duration:-PT1S"),
                        "setting.problem.autoOffsetReset.negativeDuration"),
                Arguments.of(Map.of("partition.assignment.strategy", "fair"), "setting.problem.unknownAssignor"),
                Arguments.of(Map.of("partition.assignment.strategy", "range,org.apache.kafka.clients.consumer.RangeAssignor"),
                        "setting.problem.duplicateAssignor"),
                Arguments.of(Map.of("group.instance.id", ".."), "setting.problem.groupInstanceId.dots"),
                Arguments.of(Map.of("group.instance.id", "x".repeat(250)), "setting.problem.groupInstanceId.tooLong"),
                Arguments.of(Map.of("group.instance.id", "会员-1"),
                        "setting.problem.groupInstanceId.illegalCharacters"),
                Arguments.of(Map.of("group.remote.assignor", "uniform"), "setting.problem.unsupportedByProtocol"),
                Arguments.of(Map.of("enable.auto.commit", true), "setting.problem.autoCommitWithoutGroup"),
                Arguments.of(Map.of("group.id", " "), "setting.problem.blankGroupId"),
                Arguments.of(Map.of("group.id", "g", "partition.assignment.strategy", ""), "setting.problem.noAssignor"),
                Arguments.of(Map.of("group.id", "g", "heartbeat.interval.ms", 50000),
                        "setting.problem.heartbeatNotBelowSession"),
                Arguments.of(Map.of("group.id", "g", "heartbeat.interval.ms", -1), "setting.problem.negativeTimeout"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyKindOfProblem")
    void everyProblemIsExplainedInEnglishAndChinese(Map<String, Object> settings, String key) {
        List<SettingProblem> problems = ConsumerSettings.validate(settings);

        assertThat(problems).extracting(SettingProblem::messageKey).containsExactly(key);
        assertThat(BundleFiles.inBoth(key)).as(key).isTrue();
        assertThat(english(problems.get(0))).doesNotContain("{").doesNotContain("}");
    }

    @Test
    void theEmptyInstanceIdHasItsOwnKafkaWording() {
        assertThat(GroupInstanceIds.check("group.instance.id", "")).get()
                .extracting(SettingProblem::kafkaMessage)
                .isEqualTo("Group instance id is invalid: the empty string is not allowed");
    }

    private static String english(SettingProblem problem) {
        return Messages.english().format(problem.messageKey(), problem.args());
    }

    private static Throwable catchInvalid(Map<String, Object> settings) {
        try {
            ConsumerSettings.from(settings);
            throw new AssertionError("expected refusal of " + settings);
        } catch (InvalidSettingsException e) {
            return e;
        }
    }
}
