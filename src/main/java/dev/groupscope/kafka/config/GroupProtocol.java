package dev.groupscope.kafka.config;

/**
 * {@code group.protocol}: the classic JoinGroup/SyncGroup protocol, or KIP-848's consumer protocol where the
 * broker assigns partitions. Kafka reads the setting case-insensitively.
 */
public enum GroupProtocol {
    CLASSIC, CONSUMER
}
