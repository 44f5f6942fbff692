package dev.groupscope.sim.broker;

import dev.groupscope.sim.protocol.Network;

/**
 * The simulation's own knobs for the brokers, beside Kafka's settings ({@code BrokerSettings}): how messages
 * travel, how big a record counts as, and the log cleaner that compacts {@code __consumer_offsets}, sized so that a
 * lesson can watch compaction happen.
 *
 * @param network               delay and jitter of every request and response
 * @param recordSizeBytes       the size every record counts as against a fetch's max bytes and min bytes
 * @param offsetsSegmentRecords records per segment of a {@code __consumer_offsets} partition (Kafka sizes segments
 *                              in bytes, offsets.topic.segment.bytes); the active segment is never cleaned, not
 *                              even when full: as in Kafka, it rolls only when the next record would not fit
 * @param minCleanableDirtyRatio Kafka's min.cleanable.dirty.ratio (log.cleaner.min.cleanable.ratio), 0.5
 * @param deleteRetentionMs     Kafka's delete.retention.ms: how long a cleaned tombstone stays, 86400000
 * @param logCleanerBackoffMs   how often the cleaner looks for work (log.cleaner.backoff.ms, 15000); 0 = never
 * @param coordinatorLoadMs     how long a new leader of a {@code __consumer_offsets} partition with records takes to
 *                              load it, answering its groups' requests COORDINATOR_LOAD_IN_PROGRESS meanwhile. In
 *                              Kafka that is the time reading the partition takes, with no setting behind it; 0 (the
 *                              default) loads at once
 */
public record SimSettings(Network network, int recordSizeBytes, int offsetsSegmentRecords,
                          double minCleanableDirtyRatio, long deleteRetentionMs, long logCleanerBackoffMs,
                          long coordinatorLoadMs) {

    public static final SimSettings DEFAULT =
            new SimSettings(Network.DEFAULT, 100, 20, 0.5, 86_400_000L, 15_000L, 0L);

    public SimSettings {
        if (recordSizeBytes < 1) {
            throw new IllegalArgumentException("a record counts as at least one byte");
        }
        if (offsetsSegmentRecords < 1) {
            throw new IllegalArgumentException("a segment holds at least one record");
        }
        if (logCleanerBackoffMs < 0) {
            throw new IllegalArgumentException("the cleaner interval must not be negative");
        }
        if (coordinatorLoadMs < 0) {
            throw new IllegalArgumentException("a load takes no negative time");
        }
    }

    public SimSettings withRecordSizeBytes(int value) {
        return new SimSettings(network, value, offsetsSegmentRecords, minCleanableDirtyRatio, deleteRetentionMs,
                logCleanerBackoffMs, coordinatorLoadMs);
    }

    public SimSettings withNetwork(Network value) {
        return new SimSettings(value, recordSizeBytes, offsetsSegmentRecords, minCleanableDirtyRatio,
                deleteRetentionMs, logCleanerBackoffMs, coordinatorLoadMs);
    }

    public SimSettings withOffsetsSegmentRecords(int value) {
        return new SimSettings(network, recordSizeBytes, value, minCleanableDirtyRatio, deleteRetentionMs,
                logCleanerBackoffMs, coordinatorLoadMs);
    }

    public SimSettings withLogCleanerBackoffMs(long value) {
        return new SimSettings(network, recordSizeBytes, offsetsSegmentRecords, minCleanableDirtyRatio,
                deleteRetentionMs, value, coordinatorLoadMs);
    }

    public SimSettings withCoordinatorLoadMs(long value) {
        return new SimSettings(network, recordSizeBytes, offsetsSegmentRecords, minCleanableDirtyRatio,
                deleteRetentionMs, logCleanerBackoffMs, value);
    }
}
