package dev.groupscope.sim.offsets;

/**
 * One record of a {@code __consumer_offsets} partition. A null {@code value} is a tombstone: the key is deleted,
 * and compaction removes the tombstone itself once it has been cleaned for {@code delete.retention.ms}.
 *
 * @param firstCleanedAt when compaction first passed over this tombstone, or -1
 */
public record OffsetsLogEntry(long offset, long timestamp, CoordinatorKey key, Object value, long firstCleanedAt) {

    public boolean isTombstone() {
        return value == null;
    }

    OffsetsLogEntry cleanedAt(long time) {
        return new OffsetsLogEntry(offset, timestamp, key, value, time);
    }
}
