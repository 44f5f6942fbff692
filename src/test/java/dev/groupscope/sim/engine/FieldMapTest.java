package dev.groupscope.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FieldMapTest {

    @Test
    void keepsTheInsertionOrderOfALinkedHashMap() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("partition", "orders-3");
        fields.put("offset", 41L);
        fields.put("key", null);

        Map<String, Object> copy = FieldMap.copyOf(fields);

        assertThat(copy.keySet()).containsExactly("partition", "offset", "key");
        assertThat(copy).isEqualTo(fields).hasSameHashCodeAs(fields);
        assertThat(copy.toString()).isEqualTo(fields.toString());
        assertThat(copy.get("offset")).isEqualTo(41L);
        assertThat(copy.containsKey("key")).isTrue();
        assertThat(copy.get("missing")).isNull();
    }

    @Test
    void sortsAMapWithoutADefinedOrderByKey() {
        Map<String, Object> unordered = new HashMap<>(Map.of("zeta", 1, "alpha", 2, "mid", 3, "beta", 4));

        assertThat(FieldMap.copyOf(unordered).keySet()).containsExactly("alpha", "beta", "mid", "zeta");
        assertThat(FieldMap.copyOf(Map.of("b", 1, "a", 2)).keySet()).containsExactly("a", "b");
    }

    @Test
    void keepsASortedMapsOwnOrder() {
        TreeMap<String, Object> reversed = new TreeMap<>(java.util.Comparator.reverseOrder());
        reversed.put("a", 1);
        reversed.put("c", 3);
        reversed.put("b", 2);

        assertThat(FieldMap.copyOf(reversed).keySet()).containsExactly("c", "b", "a");
    }

    @Test
    void isAnUnmodifiableSnapshotOfTheMapItWasMadeFrom() {
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("records", 3));
        Map<String, Object> copy = FieldMap.copyOf(fields);
        fields.put("records", 4);

        assertThat(copy).containsExactly(Map.entry("records", 3));
        assertThatThrownBy(() -> copy.put("records", 5)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(copy::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThat(FieldMap.copyOf(copy)).isSameAs(copy);
    }
}
