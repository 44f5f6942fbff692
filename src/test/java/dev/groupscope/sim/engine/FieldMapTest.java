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
    void mapsOfTheSameNamesInAnotherOrderKeepTheirOwnOrderAndValues() {
        // Maps share one array of names per shape; a shape is the names in their order.
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("records", 0);
        first.put("bytes", 10);
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("bytes", 20);
        second.put("records", 2);

        FieldMap a = FieldMap.copyOf(first);
        FieldMap b = FieldMap.copyOf(second);
        FieldMap c = FieldMap.copyOf(new LinkedHashMap<>(first));

        assertThat(a.keySet()).containsExactly("records", "bytes");
        assertThat(b.keySet()).containsExactly("bytes", "records");
        assertThat(b).containsEntry("bytes", 20).containsEntry("records", 2);
        assertThat(c).isEqualTo(a);
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
