package dev.groupscope.kafka;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What Kafka's controller refuses when a topic is created or grown (KRaft's {@code ReplicationControlManager} with
 * {@code org.apache.kafka.common.internals.Topic}'s name rules), in the order it checks, with its error code and its
 * exception message word for word. Used to refuse a request in place, with Kafka's reason, before it is sent.
 */
public final class TopicRules {

    public static final int MAX_NAME_LENGTH = 249;

    /** A refusal: Kafka's error code, its message, and a message key with arguments for the same reason in words. */
    public record Refusal(String error, String kafkaMessage, String messageKey, Map<String, Object> args) {
        public Refusal {
            args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
        }
    }

    private TopicRules() {
    }

    /**
     * Why CreateTopics would refuse {@code name} with {@code partitions} partitions in a cluster that has
     * {@code existing} topics, if it would: an invalid name, a name that collides with an existing one once '.' and
     * '_' are treated alike (checked before "already exists", as Kafka does), an existing name, or a non-positive
     * partition count.
     */
    public static Optional<Refusal> checkCreate(String name, int partitions, Collection<String> existing) {
        Optional<Refusal> invalid = invalidName(name);
        if (invalid.isPresent()) {
            return invalid;
        }
        if (hasCollisionChars(name)) {
            String unified = unify(name);
            for (String other : existing.stream().sorted().toList()) {
                if (hasCollisionChars(other) && unify(other).equals(unified)) {
                    return Optional.of(new Refusal("INVALID_TOPIC_EXCEPTION",
                            "Topic '" + name + "' collides with existing topic: " + other,
                            "kafka.topic.collides", args("topic", name, "other", other)));
                }
            }
        }
        if (existing.contains(name)) {
            return Optional.of(new Refusal("TOPIC_ALREADY_EXISTS", "Topic '" + name + "' already exists.",
                    "kafka.topic.exists", args("topic", name)));
        }
        if (partitions <= 0) {
            return Optional.of(new Refusal("INVALID_PARTITIONS",
                    "Number of partitions was set to an invalid non-positive value.",
                    "kafka.topic.partitions.nonPositive", args("partitions", partitions)));
        }
        return Optional.empty();
    }

    /** Why CreatePartitions would refuse growing {@code topic} from {@code current} to {@code requested} in all. */
    public static Optional<Refusal> checkIncrease(String topic, int current, int requested) {
        if (requested < current) {
            return Optional.of(new Refusal("INVALID_PARTITIONS", "Topic currently has " + current
                    + " partitions, which is higher than the requested " + requested + ".",
                    "kafka.topic.partitions.fewer", args("topic", topic, "current", current, "requested", requested)));
        }
        if (requested == current) {
            return Optional.of(new Refusal("INVALID_PARTITIONS", "Topic already has " + current + " partitions.",
                    "kafka.topic.partitions.same", args("topic", topic, "current", current)));
        }
        return Optional.empty();
    }

    /** Topic.validate's reasons: empty, "." or "..", longer than 249, or a character outside [a-zA-Z0-9._-]. */
    static Optional<Refusal> invalidName(String name) {
        String reason;
        String key;
        if (name.isEmpty()) {
            reason = "the empty string is not allowed";
            key = "kafka.topic.name.empty";
        } else if (name.equals(".") || name.equals("..")) {
            reason = "'" + name + "' is not allowed";
            key = "kafka.topic.name.dots";
        } else if (name.length() > MAX_NAME_LENGTH) {
            reason = "the length of '" + name + "' is longer than the max allowed length " + MAX_NAME_LENGTH;
            key = "kafka.topic.name.tooLong";
        } else if (!name.chars().allMatch(TopicRules::legal)) {
            reason = "'" + name + "' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'";
            key = "kafka.topic.name.illegalCharacters";
        } else {
            return Optional.empty();
        }
        return Optional.of(new Refusal("INVALID_TOPIC_EXCEPTION", "Topic name is invalid: " + reason, key,
                args("topic", name, "max", MAX_NAME_LENGTH, "length", name.length())));
    }

    private static boolean legal(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-';
    }

    private static boolean hasCollisionChars(String topic) {
        return topic.contains("_") || topic.contains(".");
    }

    private static String unify(String topic) {
        return topic.replace('.', '_');
    }

    private static Map<String, Object> args(Object... namesAndValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return args;
    }
}
