package dev.groupscope.kafka;

import java.util.Comparator;
import java.util.Objects;

/**
 * One partition of one topic, written as Kafka writes it: {@code topic-partition}.
 * Ordered by topic name, then partition number, which is how GroupScope lists a member's partitions.
 */
public record TopicPartition(String topic, int partition) implements Comparable<TopicPartition> {

    public static final Comparator<TopicPartition> BY_TOPIC_THEN_PARTITION =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    public TopicPartition {
        Objects.requireNonNull(topic, "topic");
    }

    /**
     * Parses Kafka's {@code topic-partition} form. The partition is after the last dash, because topic
     * names may themselves contain dashes.
     */
    public static TopicPartition parse(String text) {
        int dash = text.lastIndexOf('-');
        if (dash <= 0 || dash == text.length() - 1) {
            throw new IllegalArgumentException("expected topic-partition, e.g. orders-3, but got \"" + text + "\"");
        }
        String number = text.substring(dash + 1);
        try {
            int partition = Integer.parseInt(number);
            if (partition < 0) {
                throw new NumberFormatException();
            }
            return new TopicPartition(text.substring(0, dash), partition);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "expected a partition number after the last '-' in \"" + text + "\", got \"" + number + "\"");
        }
    }

    /** The same order as {@link #BY_TOPIC_THEN_PARTITION}, written out: every sorted map of partitions calls it. */
    @Override
    public int compareTo(TopicPartition other) {
        int byTopic = topic.equals(other.topic) ? 0 : topic.compareTo(other.topic);
        return byTopic != 0 ? byTopic : Integer.compare(partition, other.partition);
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
