package dev.groupscope.sim.offsets;

import dev.groupscope.sim.engine.SharedList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One partition of {@code __consumer_offsets}: appended to by the group coordinator, cleaned by compaction.
 *
 * <p>Compaction as Kafka's log cleaner does it, with segments counted in records rather than bytes so a lesson
 * can watch it happen: the active (last) segment is never cleaned, even when full (it rolls only when the next
 * record arrives, as in Kafka); the cleaner runs when the dirty part — records appended since the last cleaning,
 * outside the active segment — is at least {@code minCleanableDirtyRatio} of the cleanable log; it keeps, among
 * cleanable records, only the latest per key (offsets stay as they were, so the log gets gaps); a tombstone
 * survives cleaning for {@code deleteRetentionMs} so that readers see the deletion.
 */
public final class CompactedLog {

    private final int segmentRecords;
    private final double minCleanableDirtyRatio;
    private final long deleteRetentionMs;
    /**
     * In offset order. Copies share all but the newest few (the group's commits land here by the hundred between two
     * snapshots of a large group, and every snapshot copied the whole list).
     */
    private SharedList<OffsetsLogEntry> entries;
    private long logEndOffset;
    /** First offset of the active segment. */
    private long activeSegmentBase;
    /** Offsets below this have been through a cleaning. */
    private long cleanedUpTo;

    public CompactedLog(int segmentRecords, double minCleanableDirtyRatio, long deleteRetentionMs) {
        if (segmentRecords < 1) {
            throw new IllegalArgumentException("a segment holds at least one record");
        }
        this.segmentRecords = segmentRecords;
        this.minCleanableDirtyRatio = minCleanableDirtyRatio;
        this.deleteRetentionMs = deleteRetentionMs;
        this.entries = new SharedList<>();
    }

    private CompactedLog(CompactedLog other) {
        this.segmentRecords = other.segmentRecords;
        this.minCleanableDirtyRatio = other.minCleanableDirtyRatio;
        this.deleteRetentionMs = other.deleteRetentionMs;
        this.entries = other.entries.copy();
        this.logEndOffset = other.logEndOffset;
        this.activeSegmentBase = other.activeSegmentBase;
        this.cleanedUpTo = other.cleanedUpTo;
    }

    public CompactedLog copy() {
        return new CompactedLog(this);
    }

    /**
     * Appends a record (value null = tombstone) and returns its offset, first rolling the active segment if the
     * record would not fit in it.
     *
     * <p>Kafka rolls lazily: {@code UnifiedLog.maybeRoll} runs on the next append and {@code LogSegment.shouldRoll}
     * rolls only if {@code size > maxSegmentBytes - messagesSize}, i.e. if the incoming batch would not fit. A segment
     * that has just been filled therefore stays the active segment, which the cleaner never touches, until the next
     * record arrives. (Counted in records here; the model appends record by record.)
     */
    public long append(long timestamp, CoordinatorKey key, Object value) {
        if (logEndOffset - activeSegmentBase >= segmentRecords) {
            activeSegmentBase = logEndOffset; // the active segment is full: this record opens a new one
        }
        long offset = logEndOffset++;
        entries.add(new OffsetsLogEntry(offset, timestamp, key, value, -1));
        return offset;
    }

    public long logEndOffset() {
        return logEndOffset;
    }

    /** The records still in the log, in offset order (with gaps where compaction removed some). */
    public List<OffsetsLogEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** Records appended since the last cleaning, outside the active segment, over all cleanable records. */
    public double dirtyRatio() {
        long cleanable = countBelow(activeSegmentBase);
        if (cleanable == 0) {
            return 0;
        }
        return (double) (cleanable - countBelow(cleanedUpTo)) / cleanable;
    }

    /** Whether {@link #maybeCompact} would clean: a dirty part outside the active segment, at the threshold. */
    public boolean cleaningDue() {
        return activeSegmentBase > cleanedUpTo && dirtyRatio() >= minCleanableDirtyRatio;
    }

    /** Cleans if the dirty ratio has reached the threshold; returns how many records were removed. */
    public int maybeCompact(long now) {
        if (!cleaningDue()) {
            return 0;
        }
        return compact(now);
    }

    /** Keeps only the latest cleanable record per key, and drops tombstones past their retention. */
    public int compact(long now) {
        Map<CoordinatorKey, Long> latest = new HashMap<>();
        for (OffsetsLogEntry entry : entries) {
            if (entry.offset() < activeSegmentBase) {
                latest.put(entry.key(), entry.offset());
            }
        }
        List<OffsetsLogEntry> kept = new ArrayList<>(entries.size());
        for (OffsetsLogEntry entry : entries) {
            OffsetsLogEntry survivor = survivor(entry, latest, now);
            if (survivor != null) {
                kept.add(survivor);
            }
        }
        int removed = entries.size() - kept.size();
        entries = new SharedList<>();
        entries.addAll(kept);
        cleanedUpTo = activeSegmentBase;
        return removed;
    }

    private OffsetsLogEntry survivor(OffsetsLogEntry entry, Map<CoordinatorKey, Long> latest, long now) {
        if (entry.offset() >= activeSegmentBase) {
            return entry;
        }
        if (latest.get(entry.key()) != entry.offset()) {
            return null;
        }
        if (!entry.isTombstone()) {
            return entry;
        }
        if (entry.firstCleanedAt() < 0) {
            return entry.cleanedAt(now);
        }
        return now - entry.firstCleanedAt() >= deleteRetentionMs ? null : entry;
    }

    private long countBelow(long offset) {
        int low = 0;
        int high = entries.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (entries.get(mid).offset() < offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
