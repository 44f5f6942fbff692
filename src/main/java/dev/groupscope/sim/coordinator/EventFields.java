package dev.groupscope.sim.coordinator;

import dev.groupscope.sim.engine.OrderedFields;
import java.util.Map;

/** Event fields and rule arguments, given as name, value, name, value... and kept in that order. */
public final class EventFields {

    private EventFields() {
    }

    public static Map<String, Object> of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("fields come in name, value pairs");
        }
        Map<String, Object> fields = new OrderedFields(namesAndValues.length / 2);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
