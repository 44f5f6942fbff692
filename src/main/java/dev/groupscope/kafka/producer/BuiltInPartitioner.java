package dev.groupscope.kafka.producer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * The producer's default partitioning in Kafka 4.x (its {@code BuiltInPartitioner}), for one topic.
 *
 * <ul>
 *   <li>A record with a key goes to {@code toPositive(murmur2(serializedKey)) % partitionCount}, counting every
 *       partition, with or without a leader: the same key always lands in the same partition.</li>
 *   <li>A record without a key sticks to one partition until {@code batch.size} bytes have been produced to it,
 *       then a new partition is drawn uniformly among those with a leader (among all when none has one). The draw
 *       may pick the same partition again, as Kafka's does.</li>
 * </ul>
 *
 * <p>Modelled as Kafka's non-adaptive path ({@code partitioner.adaptive.partitioning.enable=false}, or adaptive
 * without load statistics yet), and switching as soon as the sticky partition has received {@code batch.size} bytes.
 * The random draws come from the generator given, so a seeded simulation replays the same partitions.
 */
public final class BuiltInPartitioner {

    /** {@code batch.size}'s default. */
    public static final int DEFAULT_BATCH_SIZE = 16384;

    private final int stickyBatchSize;
    private final RandomGenerator random;
    private int stickyPartition = -1;
    private int stickyBytes;
    private int stickyRecords;

    /**
     * @param batchSize {@code batch.size}; the producer treats 0 as 1 ({@code Math.max(1, batch.size)}), so it must
     *                  be at least 1 here
     */
    public BuiltInPartitioner(int batchSize, RandomGenerator random) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("stickyBatchSize must be >= 1 but got " + batchSize);
        }
        this.stickyBatchSize = batchSize;
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * A partitioner in the same sticky state drawing from {@code random}: a simulation snapshot copies its producer
     * this way, since the state must not be shared with the original.
     */
    public BuiltInPartitioner copy(RandomGenerator random) {
        BuiltInPartitioner copy = new BuiltInPartitioner(stickyBatchSize, random);
        copy.stickyPartition = stickyPartition;
        copy.stickyBytes = stickyBytes;
        copy.stickyRecords = stickyRecords;
        return copy;
    }

    /** The partition for a serialized key, with the intermediate values. */
    public static KeyedPartition partitionForKey(byte[] serializedKey, int partitionCount) {
        if (partitionCount < 1) {
            throw new IllegalArgumentException("a topic has at least 1 partition, got " + partitionCount);
        }
        int hash = Murmur2.hash(serializedKey);
        int positive = Murmur2.toPositive(hash);
        return new KeyedPartition(serializedKey.length, hash, positive, partitionCount, positive % partitionCount);
    }

    /** The partition for a string key, serialized as UTF-8 the way Kafka's {@code StringSerializer} does. */
    public static KeyedPartition partitionForKey(String key, int partitionCount) {
        return partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitionCount);
    }

    /**
     * Places one record and updates the sticky state.
     *
     * @param serializedKey the key's bytes, or null for a record without a key (an empty array is a key)
     * @param recordBytes   the record's size in its batch, which counts towards {@code batch.size}
     */
    public PartitionChoice partition(byte[] serializedKey, int recordBytes, PartitionAvailability topic) {
        if (recordBytes < 0) {
            throw new IllegalArgumentException("a record has a size of at least 0 bytes, got " + recordBytes);
        }
        if (serializedKey != null) {
            KeyedPartition keyed = partitionForKey(serializedKey, topic.partitionCount());
            return new PartitionChoice(keyed.partition(), Optional.of(keyed), false, 0, false);
        }
        return appendUnkeyed(recordBytes, topic);
    }

    /** The partition unkeyed records currently go to, if one has been chosen. */
    public OptionalInt stickyPartition() {
        return stickyPartition < 0 ? OptionalInt.empty() : OptionalInt.of(stickyPartition);
    }

    /** Bytes produced to the current sticky partition so far. */
    public int stickyBytes() {
        return stickyBytes;
    }

    private PartitionChoice appendUnkeyed(int recordBytes, PartitionAvailability topic) {
        if (stickyPartition < 0) {
            stickyPartition = nextPartition(topic);
        }
        int partition = stickyPartition;
        boolean newSticky = stickyRecords == 0;
        stickyRecords++;
        stickyBytes += recordBytes;
        int bytesAfter = stickyBytes;
        boolean batchFilled = stickyBytes >= stickyBatchSize;
        if (batchFilled) {
            // Kafka draws the next partition right away, with the metadata of this moment.
            stickyPartition = nextPartition(topic);
            stickyBytes = 0;
            stickyRecords = 0;
        }
        return new PartitionChoice(partition, Optional.empty(), newSticky, bytesAfter, batchFilled);
    }

    /** A uniform draw among partitions with a leader; among all partitions if none has one. */
    private int nextPartition(PartitionAvailability topic) {
        int draw = Murmur2.toPositive(random.nextInt());
        List<Integer> available = topic.available();
        if (!available.isEmpty()) {
            return available.get(draw % available.size());
        }
        return draw % topic.partitionCount();
    }
}
