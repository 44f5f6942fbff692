package dev.groupscope.sim.cluster;

/**
 * The records of one partition of an ordinary topic: offsets 0 … logEndOffset − 1, each with its timestamp and
 * key (as an id in the cluster's {@link KeyTable}; {@link #NO_KEY} for a keyless record). Timestamps never
 * decrease (the producer stamps records with virtual time), which makes
 * {@link #offsetForTimestamp} a binary search, as Kafka's time index is.
 */
public final class PartitionLog {

    public static final int NO_KEY = -1;

    private final ChunkedLongs timestamps;
    private final ChunkedLongs keys;
    /** The {@link ClusterState} copy that may append to this log in place (see {@link ClusterState#append}). */
    final Object owner;

    public PartitionLog() {
        this(new Object());
    }

    PartitionLog(Object owner) {
        this.timestamps = new ChunkedLongs();
        this.keys = new ChunkedLongs();
        this.owner = owner;
    }

    private PartitionLog(PartitionLog other, Object owner) {
        this.timestamps = other.timestamps.copy();
        this.keys = other.keys.copy();
        this.owner = owner;
    }

    public PartitionLog copy() {
        return new PartitionLog(this, new Object());
    }

    PartitionLog copy(Object newOwner) {
        return new PartitionLog(this, newOwner);
    }

    /**
     * Appends a record and returns its offset. Package-private: copies of a cluster share logs, so writes go
     * through {@link ClusterState#append}, which copies a shared log first.
     */
    long append(long timestamp, int keyId) {
        long offset = timestamps.size();
        if (offset > 0 && timestamp < timestamps.get(offset - 1)) {
            throw new IllegalArgumentException("timestamps must not go back: " + timestamp);
        }
        timestamps.add(timestamp);
        keys.add(keyId);
        return offset;
    }

    /** The offset the next record will get: Kafka's log-end offset (LEO). */
    public long logEndOffset() {
        return timestamps.size();
    }

    public long timestampAt(long offset) {
        return timestamps.get(offset);
    }

    public int keyIdAt(long offset) {
        return (int) keys.get(offset);
    }

    /**
     * Kafka's {@code offsetsForTimes}: the earliest offset whose timestamp is at or after {@code timestamp}, or -1
     * when every record is older.
     */
    public long offsetForTimestamp(long timestamp) {
        long low = 0;
        long high = logEndOffset();
        while (low < high) {
            long mid = (low + high) >>> 1;
            if (timestamps.get(mid) < timestamp) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low == logEndOffset() ? -1 : low;
    }
}
