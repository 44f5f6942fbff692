package dev.groupscope.kafka.config;

import java.util.List;
import java.util.Locale;

/**
 * Kafka's check of one parsed value (its {@code ConfigDef.Validator}s), and the allowed values in the form Kafka
 * documents them ({@link #toString()}), for the settings sheet.
 */
public sealed interface SettingValidator {

    /** Throws if Kafka would refuse the value; {@code value} is already parsed, and may be null. */
    void ensureValid(Object value) throws BadValueException;

    /** Anything of the right type. */
    record None() implements SettingValidator {
        @Override
        public void ensureValid(Object value) {
            // every value of the right type is fine, as in Kafka
        }

        @Override
        public String toString() {
            return "";
        }
    }

    /** Kafka's {@code Range.atLeast}: a number not below {@code min}. */
    record AtLeast(long min) implements SettingValidator {
        @Override
        public void ensureValid(Object value) throws BadValueException {
            if (value == null) {
                throw BadValueException.invalidValue("setting.problem.nonNull", "Value must be non-null");
            }
            if (((Number) value).longValue() < min) {
                throw BadValueException.invalidValue("setting.problem.atLeast", "Value must be at least " + min,
                        "min", Long.toString(min));
            }
        }

        @Override
        public String toString() {
            return "[" + min + ",...]";
        }
    }

    /** Kafka's {@code ValidString.in} (exact case) or {@code CaseInsensitiveValidString.in} (upper-cased). */
    record OneOf(List<String> values, boolean caseInsensitive) implements SettingValidator {
        public OneOf {
            values = List.copyOf(values);
        }

        @Override
        public void ensureValid(Object value) throws BadValueException {
            String text = (String) value;
            String candidate = caseInsensitive && text != null ? text.toUpperCase(Locale.ROOT) : text;
            if (candidate == null || !values.contains(candidate)) {
                String prefix = caseInsensitive ? "String must be one of (case insensitive): " : "String must be one of: ";
                throw BadValueException.invalidValue("setting.problem.oneOf", prefix + String.join(", ", values),
                        "values", String.join(", ", values));
            }
        }

        @Override
        public String toString() {
            return (caseInsensitive ? "(case insensitive) " : "") + values;
        }
    }

    /** Kafka's {@code NonEmptyString}: null is fine (unset), "" is not. */
    record NonEmptyString() implements SettingValidator {
        @Override
        public void ensureValid(Object value) throws BadValueException {
            if ("".equals(value)) {
                throw BadValueException.invalidValue("setting.problem.nonEmpty", "String must be non-empty");
            }
        }

        @Override
        public String toString() {
            return "non-empty string";
        }
    }

    /** {@code auto.offset.reset}: earliest, latest, none or by_duration:&lt;ISO-8601 duration, not negative&gt;. */
    record AutoOffsetResetFormat() implements SettingValidator {
        @Override
        public void ensureValid(Object value) throws BadValueException {
            AutoOffsetReset.parse((String) value);
        }

        @Override
        public String toString() {
            return "[latest, earliest, none, by_duration:PnDTnHnMn.nS]";
        }
    }

    /**
     * {@code partition.assignment.strategy}: Kafka's {@code NonNullValidator}. The names themselves are checked
     * when the classic consumer loads its assignors (see {@code ConsumerSettingRules}), not here: a consumer-protocol
     * consumer never loads them.
     */
    record AssignorNames() implements SettingValidator {
        @Override
        public void ensureValid(Object value) throws BadValueException {
            if (value == null) {
                throw BadValueException.invalidValue("setting.problem.nonNull", "entry must be non null");
            }
        }

        @Override
        public String toString() {
            return AssignmentStrategies.PROTOCOL_NAMES.toString();
        }
    }
}
