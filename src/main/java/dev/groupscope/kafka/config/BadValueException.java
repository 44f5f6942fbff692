package dev.groupscope.kafka.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown while parsing or validating one value, the way Kafka's {@code ConfigException} is: carries the reason,
 * which the caller turns into a {@link SettingProblem} naming the setting and the value.
 */
final class BadValueException extends Exception {

    private final String reasonKey;
    private final transient Map<String, String> reasonArgs;
    private final boolean kafkaWrapsInInvalidValue;

    private BadValueException(String reasonKey, Map<String, String> reasonArgs, String kafkaReason,
                              boolean kafkaWrapsInInvalidValue) {
        super(kafkaReason, null, false, false);
        this.reasonKey = reasonKey;
        this.reasonArgs = reasonArgs;
        this.kafkaWrapsInInvalidValue = kafkaWrapsInInvalidValue;
    }

    /** A reason Kafka reports as "Invalid value V for configuration N: reason" (a {@code ConfigException}). */
    static BadValueException invalidValue(String reasonKey, String kafkaReason, String... keysAndValues) {
        return new BadValueException(reasonKey, args(keysAndValues), kafkaReason, true);
    }

    /** A reason Kafka reports on its own, as the whole message (thrown while building the consumer). */
    static BadValueException standalone(String reasonKey, String kafkaMessage, String... keysAndValues) {
        return new BadValueException(reasonKey, args(keysAndValues), kafkaMessage, false);
    }

    SettingProblem toProblem(String setting, Object value) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("setting", setting);
        args.put("value", String.valueOf(value));
        args.putAll(reasonArgs);
        String message = kafkaWrapsInInvalidValue
                ? "Invalid value " + value + " for configuration " + setting + ": " + getMessage()
                : getMessage();
        return new SettingProblem(setting, reasonKey, args, message);
    }

    private static Map<String, String> args(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
