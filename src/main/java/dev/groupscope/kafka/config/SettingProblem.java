package dev.groupscope.kafka.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Why a setting (or a combination of settings) is rejected.
 *
 * @param setting      the setting at fault; for a rule between settings, the one the rule names first
 * @param messageKey   the explanation's key in the {@code dev.groupscope.i18n.messages} bundles
 * @param args         its named arguments, already as text (Kafka prints numbers without grouping)
 * @param kafkaMessage the message Kafka itself gives for the same mistake, word for word
 */
public record SettingProblem(String setting, String messageKey, Map<String, String> args, String kafkaMessage) {

    public SettingProblem {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(kafkaMessage, "kafkaMessage");
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    @Override
    public String toString() {
        return kafkaMessage;
    }
}
