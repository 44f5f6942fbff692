package dev.groupscope.kafka.assignor;

import dev.groupscope.kafka.assignor.sticky.CooperativeStickyAssignor;
import dev.groupscope.kafka.assignor.sticky.StickyAssignor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every assignor GroupScope knows, by Kafka's protocol name. Assignors may keep state between calls (Kafka's
 * sticky assignors remember the highest generation they saw), so each lookup returns a fresh instance.
 */
public final class Assignors {

    private static final Map<String, Supplier<PartitionAssignor>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put(RangeAssignor.NAME, RangeAssignor::new);
        BY_NAME.put(RoundRobinAssignor.NAME, RoundRobinAssignor::new);
        BY_NAME.put(StickyAssignor.NAME, StickyAssignor::new);
        BY_NAME.put(CooperativeStickyAssignor.NAME, CooperativeStickyAssignor::new);
        BY_NAME.put(LegacyAssignor.NAME, LegacyAssignor::new);
    }

    private Assignors() {
    }

    /** Protocol names, Kafka's four first, the historical algorithm last. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    public static Optional<PartitionAssignor> byName(String name) {
        Supplier<PartitionAssignor> supplier = BY_NAME.get(name);
        return supplier == null ? Optional.empty() : Optional.of(supplier.get());
    }
}
