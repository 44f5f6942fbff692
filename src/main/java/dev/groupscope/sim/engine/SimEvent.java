package dev.groupscope.sim.engine;

import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened, with what the UI needs to draw and explain it.
 *
 * @param seq      position in the run's event log (0-based)
 * @param step     the engine step (processed task) that produced it; the state "at" this event is the state after
 *                 that step
 * @param time     virtual time in milliseconds
 * @param kind     broad category, for filtering and colouring
 * @param type     the precise type, e.g. {@code JoinGroupRequest}, {@code SessionTimeout}, {@code CrashConsumer}
 * @param actor    who acts (the receiver of a message, the owner of a timer)
 * @param peer     the other party (the sender of a message), or null
 * @param fields   the event's data, in a stable order
 * @param ruleKey  message key of the Kafka rule that produced it (see the i18n bundles), or null
 * @param ruleArgs the rule's arguments, e.g. last heartbeat time and session.timeout.ms
 */
public record SimEvent(long seq, long step, long time, EventKind kind, String type, String actor, String peer,
                       Map<String, Object> fields, String ruleKey, Map<String, Object> ruleArgs) {

    public SimEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        fields = stable(fields);
        ruleArgs = stable(ruleArgs);
    }

    /**
     * An unmodifiable copy whose order is the same on every run: a map with a defined order (insertion or sorted)
     * keeps it; any other ({@code Map.of}, {@code HashMap}) is sorted by key, because its iteration order depends on
     * the JVM (Map.of's is randomised per JVM) and traces must be identical byte for byte. Held compactly as a
     * {@link FieldMap} (a run keeps many events).
     */
    public static Map<String, Object> stable(Map<String, ?> map) {
        return FieldMap.copyOf(map);
    }
}
