package dev.groupscope.sim.protocol;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Immutable copies that iterate in key order. Not {@code Map.copyOf}: its iteration order is randomised per JVM,
 * and the simulation must produce the same trace, byte for byte, on every run.
 */
final class Sorted {

    private Sorted() {
    }

    static <K extends Comparable<? super K>, V> Map<K, V> copy(Map<K, V> map) {
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
