package dev.groupscope.sim.coordinator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Kafka rule behind a decision: a message key of the i18n bundles (section {@code sim.coordinator.*} or
 * {@code sim.cluster.*}) and its named arguments, in a stable order.
 */
public record Rule(String key, Map<String, Object> args) {

    public Rule {
        Objects.requireNonNull(key, "key");
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    public static Rule of(String key) {
        return new Rule(key, Map.of());
    }

    /** A rule with arguments given as name, value, name, value... (kept in that order). */
    public static Rule of(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("arguments come in name, value pairs");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Rule(key, args);
    }
}
