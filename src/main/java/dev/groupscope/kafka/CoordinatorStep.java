package dev.groupscope.kafka;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One step of finding a group's coordinator, as the coordinator calculator shows it: what was computed, the
 * sentence's key in the i18n bundles and its arguments. Produced by
 * {@link GroupCoordinatorPartitioning#steps(String, int, OffsetsTopicMetadata)}; a view only puts it into words.
 */
public record CoordinatorStep(Kind kind, String messageKey, Map<String, Object> args) {

    /** The steps in the order Kafka takes them. */
    public enum Kind {
        /** Java's {@code String.hashCode()} of the group id. */
        HASH,
        /** Kafka's {@code Utils.abs} of the hash. */
        ABS,
        /** The abs modulo the partition count of {@code __consumer_offsets}: the group's partition. */
        MODULO,
        /** The partition's leader answers FindCoordinator, or why nobody can. */
        LEADER
    }

    public CoordinatorStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(messageKey, "messageKey");
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** Whether this is the last step and it found a live coordinator (its {@code broker} argument). */
    public boolean foundCoordinator() {
        return kind == Kind.LEADER && messageKey.equals(CoordinatorLookup.Reason.FOUND.messageKey());
    }
}
