package dev.groupscope.sim.client;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.coordinator.CoordinatorEnv;
import dev.groupscope.sim.engine.OrderedFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** JSON-friendly, deterministic field values for client events. */
final class ClientEvents {

    private ClientEvents() {
    }

    /** The peer of a message from broker {@code id}. */
    static String broker(int id) {
        return CoordinatorEnv.brokerActor(id);
    }

    /** Partitions as sorted {@code topic-partition} strings. */
    static List<String> partitions(Collection<TopicPartition> partitions) {
        List<String> names = new ArrayList<>();
        partitions.stream().sorted().forEach(tp -> names.add(tp.toString()));
        return names;
    }

    /** Offsets by {@code topic-partition}, sorted. */
    static Map<String, Object> offsets(Map<TopicPartition, Long> offsets) {
        Map<String, Object> view = new TreeMap<>();
        offsets.forEach((tp, offset) -> view.put(tp.toString(), offset));
        return view;
    }

    /**
     * Offsets as a sentence reads them, {@code orders-0 @ 41, orders-1 @ 7}: the notation the OffsetFetch sentences
     * use, instead of a map's {@code {orders-0=41, orders-1=7}}.
     */
    static String offsetsText(Map<TopicPartition, Long> offsets) {
        return joined(offsets(offsets));
    }

    /** Leader epochs by partition name, as events carry them: {@code orders-0 → 3}. */
    static Map<String, Object> epochs(Map<TopicPartition, Integer> epochs) {
        Map<String, Object> view = new TreeMap<>();
        epochs.forEach((tp, epoch) -> view.put(tp.toString(), epoch));
        return view;
    }

    /** Per-partition values as a sentence reads them: {@code sales-0 @ 91, sales-1 @ null}. */
    static String joined(Map<String, ?> byPartition) {
        return joined(byPartition, " @ ");
    }

    /** Per-partition values joined by {@code separator}: {@code sales-0: 2}. */
    static String joined(Map<String, ?> byPartition, String separator) {
        StringJoiner text = new StringJoiner(", ");
        byPartition.forEach((partition, value) -> text.add(partition + separator + value));
        return text.toString();
    }

    /** Builds an ordered field map from key/value pairs; null values are written as "". */
    static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> map = new OrderedFields(keysAndValues.length / 2);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            map.put((String) keysAndValues[i], value == null ? "" : value);
        }
        return map;
    }
}
