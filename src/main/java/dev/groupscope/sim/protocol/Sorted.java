package dev.groupscope.sim.protocol;

import dev.groupscope.sim.engine.SortedArrayMap;
import java.util.Collections;
import java.util.Map;

/**
 * Immutable copies that iterate in key order. Not {@code Map.copyOf}: its iteration order is randomised per JVM,
 * and the simulation must produce the same trace, byte for byte, on every run. Held in two arrays
 * ({@link SortedArrayMap}), not a TreeMap: a snapshot of a large group holds hundreds of requests in flight and
 * parked fetches, each with one of these maps (a TreeMap cost 40 bytes an entry, its empty shell 48).
 */
final class Sorted {

    private Sorted() {
    }

    static <K extends Comparable<? super K>, V> Map<K, V> copy(Map<K, V> map) {
        return map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new SortedArrayMap<>(map));
    }
}
