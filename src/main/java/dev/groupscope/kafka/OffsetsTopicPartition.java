package dev.groupscope.kafka;

/**
 * Every step of mapping a group id to its partition of {@code __consumer_offsets}, so a view can show each one:
 * the Java {@code String.hashCode()} of the id, Kafka's {@code Utils.abs} of it, and that modulo the partition count.
 */
public record OffsetsTopicPartition(String groupId, int hash, int abs, int partitionCount, int partition) {
}
