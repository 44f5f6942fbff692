package dev.groupscope.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class HashMapOrderTest {

    /** Member ids as the coordinator makes them (client id + "-" + a UUID), plus short ones that collide more. */
    private static String key(int n) {
        return n % 3 == 0 ? "C" + n : "consumer-" + n + "-" + Integer.toHexString(n * 0x9E3779B1);
    }

    @Property(tries = 2000)
    void iteratesExactlyLikeAHashMapWithTheSameHistory(@ForAll("operations") List<Integer> operations) {
        HashMap<String, Integer> real = new HashMap<>();
        HashMapOrder<String, Integer> emulated = new HashMapOrder<>();
        for (int op : operations) {
            String key = key(Math.abs(op) % 60);
            if (op >= 0) {
                real.put(key, op);
                emulated.put(key, op);
            } else {
                real.remove(key);
                emulated.remove(key);
            }
        }
        assertThat(emulated.keys()).containsExactlyElementsOf(new ArrayList<>(real.keySet()));
        assertThat(emulated.copy().keys()).containsExactlyElementsOf(real.keySet());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<Integer>> operations() {
        return net.jqwik.api.Arbitraries.integers().between(-80, 80).list().ofMaxSize(120);
    }

    @Property(tries = 50)
    void theTableGrowsPastThreeQuartersFull(@ForAll @IntRange(min = 0, max = 200) int size) {
        int capacity = HashMapOrder.capacityFor(size);
        assertThat(size).isLessThanOrEqualTo(capacity * 3 / 4);
        assertThat(capacity == 16 || size > capacity * 3 / 8).isTrue();
    }
}
