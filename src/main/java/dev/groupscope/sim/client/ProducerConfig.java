package dev.groupscope.sim.client;

import dev.groupscope.kafka.producer.BuiltInPartitioner;
import java.util.Objects;

/**
 * A producer's load: the topic, how many records per second (evenly spaced in virtual time), which keys, the
 * serialized size of a record (what counts towards {@code batch.size} for records without a key) and
 * {@code batch.size}. Immutable.
 */
public record ProducerConfig(String topic, double recordsPerSecond, KeyDistribution keys, int recordBytes,
                             int batchSize, long metadataMaxAgeMs) {

    /** Kafka's producer default for metadata.max.age.ms: 5 minutes. */
    public static final long DEFAULT_METADATA_MAX_AGE_MS = 300_000;

    /** With Kafka's default metadata.max.age.ms. */
    public ProducerConfig(String topic, double recordsPerSecond, KeyDistribution keys, int recordBytes,
                          int batchSize) {
        this(topic, recordsPerSecond, keys, recordBytes, batchSize, DEFAULT_METADATA_MAX_AGE_MS);
    }

    public ProducerConfig {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(keys, "keys");
        if (!(recordsPerSecond > 0) || recordsPerSecond > 1000) {
            throw new IllegalArgumentException("records per second must be in (0, 1000]: " + recordsPerSecond);
        }
        if (recordBytes < 0 || batchSize < 1) {
            throw new IllegalArgumentException("record size must be >= 0 and batch.size >= 1");
        }
        if (metadataMaxAgeMs < 0) {
            throw new IllegalArgumentException("metadata.max.age.ms must be >= 0: " + metadataMaxAgeMs);
        }
    }

    /** {@code rate} records per second of 100 bytes each, Kafka's default batch.size. */
    public static ProducerConfig of(String topic, double rate, KeyDistribution keys) {
        return new ProducerConfig(topic, rate, keys, 100, BuiltInPartitioner.DEFAULT_BATCH_SIZE);
    }

    /** The virtual time of record {@code n} (0-based) after a start at {@code startMs}: exact even spacing. */
    long timeOf(long startMs, long n) {
        return startMs + (long) Math.floor(n * 1000.0 / recordsPerSecond);
    }
}
