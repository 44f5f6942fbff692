package dev.groupscope.kafka.config;

import java.util.Objects;

/**
 * One Kafka setting the model uses: Kafka's exact name, type, default (Kafka 4.1) and check, and the key of its
 * one-line description in the i18n bundles.
 */
public record SettingDefinition(String name, SettingType type, Object defaultValue, SettingValidator validator) {

    public SettingDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(validator, "validator");
    }

    /** The description's key in the {@code dev.groupscope.i18n.messages} bundles. */
    public String descriptionKey() {
        return "setting." + name;
    }

    /**
     * The value Kafka would use for {@code raw} (already known to be present in the settings), or the problem.
     * As in Kafka, the value is parsed, then checked; an explicit null passes only where null means "unset" or
     * Kafka's own check accepts it.
     */
    Object parse(Object raw) throws BadValueException {
        Object value = raw == null ? null : type.parse(raw);
        validator.ensureValid(value);
        if (value == null && defaultValue != null && type != SettingType.STRING) {
            throw BadValueException.invalidValue("setting.problem.nonNull", "Value must be non-null");
        }
        return value;
    }
}
