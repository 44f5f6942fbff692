package dev.groupscope.kafka.producer;

/**
 * Every step of placing a keyed record, so a view can show each one: the murmur2 hash of the serialized key, that
 * hash with its sign bit cleared, and the remainder modulo the topic's partition count.
 */
public record KeyedPartition(int keyLength, int murmur2, int positive, int partitionCount, int partition) {
}
