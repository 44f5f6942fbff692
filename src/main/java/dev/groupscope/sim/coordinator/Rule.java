package dev.groupscope.sim.coordinator;

import dev.groupscope.sim.engine.FieldMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Kafka rule behind a decision: a message key of the i18n bundles (section {@code sim.coordinator.*} or
 * {@code sim.cluster.*}) and its named arguments, sorted by name (the order events and traces list them in).
 */
public record Rule(String key, Map<String, Object> args) {

    public Rule {
        Objects.requireNonNull(key, "key");
        args = FieldMap.sortedCopyOf(args);
    }

    public static Rule of(String key) {
        return new Rule(key, Map.of());
    }

    /** A rule with arguments given as name, value, name, value... (kept in that order). */
    public static Rule of(String key, Object... namesAndValues) {
        return new Rule(key, EventFields.of(namesAndValues));
    }
}
