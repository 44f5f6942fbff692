package dev.groupscope.kafka.assignor.sticky;

import dev.groupscope.kafka.TopicPartition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The partitions a sticky assignor hands out, numbered 0 … P−1 by topic name, then partition number: exactly the
 * order in which Kafka's constrained path walks the partitions still to place. Working with these numbers instead
 * of {@link TopicPartition} objects lets a million partitions live in a few flat arrays.
 *
 * <p>Like Kafka's {@code AbstractPartitionAssignor}, only topics someone subscribes to and that have at least one
 * partition take part. {@code TopicPartition} objects are made only when needed; callers reuse members' own.
 */
final class PartitionIndex {

    /** {@link #indexOf} for a topic that is not taking part. */
    static final int NO_TOPIC = -1;
    /** {@link #indexOf} for a partition number the topic does not have (any more). */
    static final int NO_PARTITION = -2;

    private final Map<String, Integer> partitionsPerTopic;
    private final String[] topics;
    private final int[] first;
    private final Map<String, Integer> topicNumbers;
    private TopicPartition[] partitions;
    private String lastTopicName;
    private int lastTopic = NO_TOPIC;

    private PartitionIndex(Map<String, Integer> partitionsPerTopic, String[] topics, int[] first) {
        this.partitionsPerTopic = partitionsPerTopic;
        this.topics = topics;
        this.first = first;
        this.topicNumbers = new HashMap<>(topics.length * 2);
        for (int t = 0; t < topics.length; t++) {
            topicNumbers.put(topics[t], t);
        }
    }

    /** The subscribed topics that have metadata, sorted by name as {@code String.compareTo} sorts them. */
    static PartitionIndex of(Collection<String> subscribedTopics, Map<String, Integer> partitionsPerTopic) {
        List<String> present = new ArrayList<>(subscribedTopics.size());
        for (String topic : subscribedTopics) {
            Integer count = partitionsPerTopic.get(topic);
            if (count != null && count > 0) {
                present.add(topic);
            }
        }
        String[] names = present.toArray(new String[0]);
        Arrays.sort(names);
        int[] first = new int[names.length + 1];
        for (int t = 0; t < names.length; t++) {
            first[t + 1] = first[t] + partitionsPerTopic.get(names[t]);
        }
        return new PartitionIndex(partitionsPerTopic, names, first);
    }

    int size() {
        return first[topics.length];
    }

    int topicCount() {
        return topics.length;
    }

    String topicName(int topic) {
        return topics[topic];
    }

    /** Index of partition 0 of {@code topic}; {@code first(topic + 1)} is one past its last partition. */
    int first(int topic) {
        return first[topic];
    }

    int partitionCount(int topic) {
        return first[topic + 1] - first[topic];
    }

    /** Whether the topic has metadata (exists with at least one partition), subscribed to or not. */
    boolean exists(String topic) {
        Integer count = partitionsPerTopic.get(topic);
        return count != null && count > 0;
    }

    /** The topic's partition count in the metadata, 0 if it has none. */
    int metadataPartitionCount(String topic) {
        return partitionsPerTopic.getOrDefault(topic, 0);
    }

    /** The topic's number, or {@link #NO_TOPIC}. Remembers the last topic: owned lists come grouped by topic. */
    int topicNumber(String name) {
        if (name == lastTopicName) {
            return lastTopic;
        }
        Integer number = topicNumbers.get(name);
        lastTopicName = name;
        lastTopic = number == null ? NO_TOPIC : number;
        return lastTopic;
    }

    /** The partition's index, or {@link #NO_TOPIC} / {@link #NO_PARTITION} when it does not take part. */
    int indexOf(TopicPartition partition) {
        int topic = topicNumber(partition.topic());
        if (topic == NO_TOPIC) {
            return NO_TOPIC;
        }
        int number = partition.partition();
        if (number < 0 || number >= partitionCount(topic)) {
            return NO_PARTITION;
        }
        return first[topic] + number;
    }

    /** The topic an index belongs to (binary search: only the general path and the narration need it). */
    int topicOf(int index) {
        // first[] rises strictly: every topic here has at least one partition
        int found = Arrays.binarySearch(first, 0, topics.length, index);
        return found >= 0 ? found : -found - 2;
    }

    /** Lets later look-ups of this index return a member's own {@code TopicPartition} object. */
    void remember(int index, TopicPartition partition) {
        if (partitions == null) {
            partitions = new TopicPartition[size()];
        }
        partitions[index] = partition;
    }

    /** The partition at this index, made once and remembered (narration, withheld and general-path lists). */
    TopicPartition partition(int index) {
        if (partitions == null) {
            partitions = new TopicPartition[size()];
        }
        TopicPartition partition = partitions[index];
        if (partition == null) {
            int topic = topicOf(index);
            partition = new TopicPartition(topics[topic], index - first[topic]);
            partitions[index] = partition;
        }
        return partition;
    }

    /**
     * A new partition object for the constrained round robin, which places each partition exactly once: not
     * remembering it spares a million writes into a large array.
     */
    TopicPartition create(int topic, int index) {
        return new TopicPartition(topics[topic], index - first[topic]);
    }

}
