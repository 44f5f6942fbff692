package dev.groupscope.kafka.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads raw settings against their definitions, as Kafka's {@code ConfigDef.parse} does: every defined setting gets
 * its given value (parsed and checked) or its default; settings nobody defined are kept aside, as Kafka keeps them
 * for its "supplied but not used" warning. Unlike Kafka, it does not stop at the first problem.
 */
final class SettingsParser {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Set<String> explicit = new LinkedHashSet<>();
    private final Set<String> unused = new LinkedHashSet<>();
    private final List<SettingProblem> problems = new ArrayList<>();

    SettingsParser(List<SettingDefinition> definitions, Map<String, ?> raw) {
        for (SettingDefinition definition : definitions) {
            read(definition, raw);
        }
        Set<String> known = new LinkedHashSet<>();
        definitions.forEach(definition -> known.add(definition.name()));
        raw.keySet().stream().filter(name -> !known.contains(name)).forEach(unused::add);
    }

    private void read(SettingDefinition definition, Map<String, ?> raw) {
        String name = definition.name();
        if (!raw.containsKey(name)) {
            values.put(name, definition.defaultValue());
            return;
        }
        explicit.add(name);
        Object given = raw.get(name);
        try {
            values.put(name, definition.parse(given));
        } catch (BadValueException e) {
            problems.add(e.toProblem(name, given));
            values.put(name, definition.defaultValue());
        }
    }

    Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    Set<String> explicit() {
        return Collections.unmodifiableSet(explicit);
    }

    Set<String> unused() {
        return Collections.unmodifiableSet(unused);
    }

    List<SettingProblem> problems() {
        return problems;
    }
}
