package dev.groupscope.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderedFieldsTest {

    @Test
    void behavesLikeALinkedHashMapForTheCallsEventsMake() {
        OrderedFields fields = new OrderedFields(1);
        Map<String, Object> expected = new LinkedHashMap<>();
        for (Map<String, Object> map : java.util.List.of(fields, expected)) {
            map.put("correlationId", 7);
            map.put("records", 2);
            map.put("bytes", 2048);
            map.put("records", 3); // put again: replaced in place
            map.putIfAbsent("memberId", "");
            map.putIfAbsent("bytes", 0);
            map.remove("correlationId");
        }

        assertThat(fields).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(fields.keySet()).containsExactlyElementsOf(expected.keySet());
        assertThat(fields.toString()).isEqualTo(expected.toString());
    }

    @Test
    void anEventKeepsItsOrderAndNotLaterChanges() {
        OrderedFields fields = new OrderedFields();
        fields.put("zeta", 1);
        fields.put("alpha", 2);

        Map<String, Object> held = FieldMap.copyOf(fields);
        fields.put("alpha", 3);

        assertThat(held.keySet()).containsExactly("zeta", "alpha");
        assertThat(held.get("alpha")).isEqualTo(2);
    }

    @Test
    void entriesCanBeRemovedWhileIterating() {
        OrderedFields fields = new OrderedFields(new LinkedHashMap<>(Map.of("a", 1)));
        fields.put("b", 2);
        fields.put("c", 3);
        Iterator<Map.Entry<String, Object>> entries = fields.entrySet().iterator();
        while (entries.hasNext()) {
            if (entries.next().getKey().equals("b")) {
                entries.remove();
            }
        }

        assertThat(fields.keySet()).containsExactly("a", "c");
    }
}
