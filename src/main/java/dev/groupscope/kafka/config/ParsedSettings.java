package dev.groupscope.kafka.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What consumer and broker settings have in common once parsed: the settings as given, the value Kafka uses for
 * each modelled one (given or default), and the given names GroupScope does not model.
 */
record ParsedSettings(Map<String, Object> originals, Map<String, Object> values, Set<String> unused) {

    /** Settings that passed validation, keeping the given ones in their given order. */
    static ParsedSettings of(Map<String, ?> raw, SettingsParser parsed) {
        return new ParsedSettings(Collections.unmodifiableMap(new LinkedHashMap<>(raw)), parsed.values(),
                parsed.unused());
    }

    /** The given settings with one changed, to be validated again as a whole. */
    Map<String, Object> with(String name, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(originals);
        changed.put(name, value);
        return changed;
    }
}
