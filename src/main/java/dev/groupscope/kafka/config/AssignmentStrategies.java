package dev.groupscope.kafka.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names in {@code partition.assignment.strategy}. Kafka takes class names there (its default is
 * {@code [RangeAssignor, CooperativeStickyAssignor]}) and votes with each assignor's protocol name; GroupScope keeps
 * the protocol names and also accepts them directly, since the model has no classes to load.
 */
public final class AssignmentStrategies {

    /** The protocol names of Kafka's four client-side assignors. */
    public static final List<String> PROTOCOL_NAMES = List.of("range", "roundrobin", "sticky", "cooperative-sticky");

    private static final String PACKAGE = "org.apache.kafka.clients.consumer.";
    private static final Map<String, String> PROTOCOL_BY_CLASS = Map.of(
            PACKAGE + "RangeAssignor", "range",
            PACKAGE + "RoundRobinAssignor", "roundrobin",
            PACKAGE + "StickyAssignor", "sticky",
            PACKAGE + "CooperativeStickyAssignor", "cooperative-sticky");

    private AssignmentStrategies() {
    }

    /**
     * The protocol names for the configured entries, in order. Refuses, as Kafka does, an entry it cannot load and
     * two entries that vote with the same protocol name.
     */
    static List<String> protocolNames(List<?> entries) throws BadValueException {
        Map<String, List<String>> entriesByProtocol = new LinkedHashMap<>();
        for (Object entry : entries) {
            String given = entry instanceof Class<?> type ? type.getName() : String.valueOf(entry);
            String protocol = protocolName(given);
            entriesByProtocol.computeIfAbsent(protocol, name -> new ArrayList<>()).add(given);
        }
        for (Map.Entry<String, List<String>> entry : entriesByProtocol.entrySet()) {
            if (entry.getValue().size() > 1) {
                String users = String.join(", ", entry.getValue());
                throw BadValueException.standalone("setting.problem.duplicateAssignor",
                        "The assignor name: '" + entry.getKey() + "' is used in more than one assignor: " + users,
                        "name", entry.getKey(), "entries", users);
            }
        }
        return List.copyOf(entriesByProtocol.keySet());
    }

    private static String protocolName(String given) throws BadValueException {
        String trimmed = given.trim();
        if (PROTOCOL_NAMES.contains(trimmed)) {
            return trimmed;
        }
        String protocol = PROTOCOL_BY_CLASS.get(trimmed);
        if (protocol == null) {
            throw BadValueException.standalone("setting.problem.unknownAssignor",
                    given + " ClassNotFoundException exception occurred", "name", given,
                    "known", String.join(", ", PROTOCOL_NAMES));
        }
        return protocol;
    }

    /** The class Kafka would load for a protocol name. */
    public static String kafkaClassName(String protocolName) {
        return PROTOCOL_BY_CLASS.entrySet().stream()
                .filter(entry -> entry.getValue().equals(protocolName))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a Kafka assignor: " + protocolName));
    }
}
