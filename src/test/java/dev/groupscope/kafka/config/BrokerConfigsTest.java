package dev.groupscope.kafka.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.BundleFiles;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The broker settings' defaults and checks. kafka-group-coordinator is not on the test classpath, so these are
 * pinned to GroupCoordinatorConfig 4.1's definitions as the reference records them (§1.2).
 */
class BrokerConfigsTest {

    static final List<SettingDefinition> DEFINITIONS = BrokerConfigs.DEFINITIONS;

    @ParameterizedTest(name = "{0} = {1} ({2}, {3})")
    @CsvSource(delimiter = '|', value = {
            "offsets.topic.num.partitions        | 50         | INT   | [1,...]",
            "offsets.topic.replication.factor    | 3          | SHORT | [1,...]",
            "offsets.retention.minutes           | 10080      | INT   | [1,...]",
            "offsets.retention.check.interval.ms | 600000     | LONG  | [1,...]",
            "offsets.commit.timeout.ms           | 5000       | INT   | [1,...]",
            "group.initial.rebalance.delay.ms    | 3000       | INT   | ''",
            "group.min.session.timeout.ms        | 6000       | INT   | ''",
            "group.max.session.timeout.ms        | 1800000    | INT   | ''",
            "group.max.size                      | 2147483647 | INT   | [1,...]",
            // ReplicationConfigs 4.1: AUTO_LEADER_REBALANCE_ENABLE (BOOLEAN, true) and
            // LEADER_IMBALANCE_CHECK_INTERVAL_SECONDS (LONG, 300, atLeast(1)).
            "auto.leader.rebalance.enable            | true | BOOLEAN | ''",
            "leader.imbalance.check.interval.seconds | 300  | LONG    | [1,...]",
            // ServerLogConfigs 4.1 (AUTO_CREATE_TOPICS_ENABLE, NUM_PARTITIONS) and ReplicationConfigs 4.1
            // (DEFAULT_REPLICATION_FACTOR), as kafka.server.KafkaConfig.configDef() gives them.
            "auto.create.topics.enable  | true | BOOLEAN | ''",
            "num.partitions             | 1    | INT     | [1,...]",
            "default.replication.factor | 1    | INT     | ''",
    })
    void definitionIsKafkas(String name, String defaultValue, SettingType type, String allowed) {
        SettingDefinition ours = BrokerConfigs.definition(name);

        assertThat(ours.defaultValue()).hasToString(defaultValue);
        assertThat(ours.type()).isEqualTo(type);
        assertThat(ours.validator()).hasToString(allowed);
    }

    @Test
    void everyModelledBrokerSettingIsPinnedAbove() {
        assertThat(DEFINITIONS).hasSize(14);
    }

    @ParameterizedTest
    @FieldSource("DEFINITIONS")
    void isDescribedInEnglishAndChinese(SettingDefinition ours) {
        assertThat(BundleFiles.inBoth(ours.descriptionKey())).as(ours.descriptionKey()).isTrue();
    }
}
