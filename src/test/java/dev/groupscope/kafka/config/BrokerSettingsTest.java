package dev.groupscope.kafka.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groupscope.kafka.Errors;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BrokerSettingsTest {

    @Test
    void defaultsAreKafkas() {
        BrokerSettings settings = BrokerSettings.defaults();

        assertThat(settings.offsetsTopicNumPartitions()).isEqualTo(50);
        assertThat(settings.offsetsTopicReplicationFactor()).isEqualTo((short) 3);
        assertThat(settings.offsetsRetentionMinutes()).isEqualTo(10080);
        assertThat(settings.offsetsRetentionMs()).isEqualTo(7L * 24 * 60 * 60 * 1000);
        assertThat(settings.offsetsRetentionCheckIntervalMs()).isEqualTo(600000L);
        assertThat(settings.offsetsCommitTimeoutMs()).isEqualTo(5000);
        assertThat(settings.groupInitialRebalanceDelayMs()).isEqualTo(3000);
        assertThat(settings.groupMinSessionTimeoutMs()).isEqualTo(6000);
        assertThat(settings.groupMaxSessionTimeoutMs()).isEqualTo(1800000);
        assertThat(settings.groupMaxSize()).isEqualTo(Integer.MAX_VALUE);
    }

    @ParameterizedTest(name = "session.timeout.ms {0} -> {1}")
    @CsvSource({
            "5999,    INVALID_SESSION_TIMEOUT",
            "6000,    NONE",
            "45000,   NONE",
            "1800000, NONE",
            "1800001, INVALID_SESSION_TIMEOUT",
            "-1,      INVALID_SESSION_TIMEOUT",
    })
    void theCoordinatorAcceptsSessionTimeoutsWithinItsBoundsIncluded(int sessionTimeoutMs, Errors expected) {
        assertThat(BrokerSettings.defaults().checkSessionTimeout(sessionTimeoutMs)).isEqualTo(expected);
    }

    @Test
    void aMinimumAboveTheMaximumIsAcceptedAndThenNoTimeoutFits() {
        BrokerSettings settings = BrokerSettings.from(Map.of(
                "group.min.session.timeout.ms", 60000, "group.max.session.timeout.ms", 10000));

        assertThat(settings.checkSessionTimeout(30000)).isEqualTo(Errors.INVALID_SESSION_TIMEOUT);
    }

    @Test
    void theOffsetsTopicNeedsAtLeastOnePartition() {
        assertThatThrownBy(() -> BrokerSettings.from(Map.of("offsets.topic.num.partitions", 0)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("Invalid value 0 for configuration offsets.topic.num.partitions: Value must be at least 1");
    }

    @Test
    void theReplicationFactorIsAShort() {
        assertThat(BrokerSettings.from(Map.of("offsets.topic.replication.factor", "1"))
                .offsetsTopicReplicationFactor()).isEqualTo((short) 1);
        assertThat(BrokerSettings.validate(Map.of("offsets.topic.replication.factor", 1)))
                .extracting(SettingProblem::kafkaMessage)
                .containsExactly("Invalid value 1 for configuration offsets.topic.replication.factor: "
                        + "Expected value to be a 16-bit integer (short), but it was a java.lang.Integer");
    }

    @Test
    void aChangedCopyIsValidatedToo() {
        BrokerSettings settings = BrokerSettings.defaults().with("offsets.topic.num.partitions", 3);

        assertThat(settings.offsetsTopicNumPartitions()).isEqualTo(3);
        assertThat(BrokerSettings.validate(Map.of("group.max.size", 0))).hasSize(1);
    }
}
