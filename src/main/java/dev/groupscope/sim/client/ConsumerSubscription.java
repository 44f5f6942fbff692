package dev.groupscope.sim.client;

import dev.groupscope.kafka.TopicPartition;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How an application asks for its partitions, as KafkaConsumer offers it: {@code subscribe(topics)},
 * {@code subscribe(Pattern)} (a Java regular expression, matched against whole topic names) or
 * {@code assign(partitions)} (manual assignment: no group membership). Immutable.
 */
public record ConsumerSubscription(Kind kind, List<String> topics, String pattern, List<TopicPartition> partitions) {

    /** Kafka's {@code SubscriptionType}s, less NONE (which is no subscription at all). */
    public enum Kind {
        TOPICS, PATTERN, ASSIGN
    }

    public ConsumerSubscription {
        Objects.requireNonNull(kind, "kind");
        topics = List.copyOf(new TreeSet<>(topics));
        partitions = List.copyOf(new TreeSet<>(partitions));
        if (kind == Kind.PATTERN) {
            Objects.requireNonNull(pattern, "pattern");
            compile(pattern);
        }
        if (kind == Kind.TOPICS && topics.isEmpty() || kind == Kind.ASSIGN && partitions.isEmpty()) {
            // KafkaConsumer treats an empty list as unsubscribe(); a consumer must start with something.
            throw new IllegalArgumentException("a subscription needs at least one topic or partition");
        }
    }

    public static ConsumerSubscription topics(Collection<String> topics) {
        return new ConsumerSubscription(Kind.TOPICS, List.copyOf(topics), null, List.of());
    }

    public static ConsumerSubscription pattern(String regex) {
        return new ConsumerSubscription(Kind.PATTERN, List.of(), regex, List.of());
    }

    public static ConsumerSubscription assign(Collection<TopicPartition> partitions) {
        return new ConsumerSubscription(Kind.ASSIGN, List.of(), null, List.copyOf(partitions));
    }

    /** {@code Pattern.compile}, with Kafka's failure as an IllegalArgumentException naming the pattern. */
    public static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a Java regular expression: " + regex + " ("
                    + e.getDescription() + ")", e);
        }
    }

    /** Whether the group protocol assigns the partitions (subscribe), not the application (assign). */
    public boolean autoAssigned() {
        return kind != Kind.ASSIGN;
    }
}
