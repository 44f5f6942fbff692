package dev.groupscope.kafka.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.BundleFiles;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Differential: each modelled consumer setting against kafka-clients' own ConsumerConfig definition. */
class ConsumerConfigsTest {

    static final List<SettingDefinition> DEFINITIONS = ConsumerConfigs.DEFINITIONS;
    private static final Map<String, ConfigDef.ConfigKey> KAFKA = ConsumerConfig.configDef().configKeys();

    @ParameterizedTest
    @FieldSource("DEFINITIONS")
    void isOneOfKafkasConsumerSettingsWithTheSameType(SettingDefinition ours) {
        assertThat(KAFKA).containsKey(ours.name());
        assertThat(ours.type().name()).isEqualTo(KAFKA.get(ours.name()).type.name());
    }

    @ParameterizedTest
    @FieldSource("DEFINITIONS")
    void defaultIsKafkasDefault(SettingDefinition ours) {
        Object kafkas = ConsumerConfig.configDef().defaultValues().get(ours.name());

        if (ours.name().equals(ConsumerConfigs.PARTITION_ASSIGNMENT_STRATEGY)) {
            assertThat(ours.defaultValue()).isEqualTo(protocolNames((List<?>) kafkas));
        } else {
            assertThat(ours.defaultValue()).isEqualTo(kafkas);
        }
    }

    @ParameterizedTest
    @FieldSource("DEFINITIONS")
    void allowedValuesReadAsKafkaDocumentsThem(SettingDefinition ours) {
        ConfigDef.Validator kafkas = KAFKA.get(ours.name()).validator;
        if (ours.name().equals(ConsumerConfigs.PARTITION_ASSIGNMENT_STRATEGY)) {
            assertThat(ours.validator()).hasToString("[range, roundrobin, sticky, cooperative-sticky]");
        } else {
            assertThat(ours.validator().toString()).isEqualTo(kafkas == null ? "" : kafkas.toString());
        }
    }

    @ParameterizedTest
    @FieldSource("DEFINITIONS")
    void isDescribedInEnglishAndChinese(SettingDefinition ours) {
        assertThat(BundleFiles.inBoth(ours.descriptionKey())).as(ours.descriptionKey()).isTrue();
    }

    /** Kafka's default names classes; members vote with each class's protocol name. */
    private static List<String> protocolNames(List<?> classes) {
        return classes.stream().map(ConsumerConfigsTest::protocolName).toList();
    }

    private static String protocolName(Object assignorClass) {
        try {
            Class<?> type = (Class<?>) assignorClass;
            return ((ConsumerPartitionAssignor) type.getDeclaredConstructor().newInstance()).name();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
