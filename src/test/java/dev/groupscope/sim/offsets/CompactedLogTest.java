package dev.groupscope.sim.offsets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompactedLogTest {

    private static final OffsetCommitKey P0 = new OffsetCommitKey("g", "orders", 0);
    private static final OffsetCommitKey P1 = new OffsetCommitKey("g", "orders", 1);
    private static final long DAY = 86_400_000;

    private static OffsetCommitValue committed(long offset) {
        return new OffsetCommitValue(offset, "", 0);
    }

    @Test
    void compactionKeepsTheLatestCommitPerPartitionAndKeepsTheirOffsets() {
        CompactedLog log = new CompactedLog(4, 0.5, DAY);
        log.append(0, P0, committed(10));
        log.append(1, P1, committed(5));
        log.append(2, P0, committed(20));
        log.append(3, P0, committed(30));   // segment full, but still the active one
        log.append(4, P1, committed(6));    // does not fit: rolls, so offsets 0-3 become cleanable; 4 is active

        assertThat(log.maybeCompact(10)).isEqualTo(2);

        assertThat(log.entries()).extracting(OffsetsLogEntry::offset).containsExactly(1L, 3L, 4L);
        assertThat(log.entries().get(1).value()).isEqualTo(committed(30));
        assertThat(log.logEndOffset()).isEqualTo(5);
    }

    /**
     * Kafka rolls a segment on the append that would not fit in it ({@code LogSegment.shouldRoll}: size >
     * maxSegmentBytes - messagesSize), not on the append that fills it: a full segment stays the active one, which
     * the cleaner never cleans, until the next record arrives.
     */
    @Test
    void aFullSegmentStaysActiveAndUncleanedUntilTheNextAppend() {
        CompactedLog log = new CompactedLog(4, 0.5, DAY);
        for (int i = 0; i < 4; i++) {
            log.append(i, P0, committed(i));  // 0-2 superseded, but all in the active segment
        }
        assertThat(log.cleaningDue()).isFalse();
        assertThat(log.dirtyRatio()).isZero();
        assertThat(log.maybeCompact(10)).isZero();
        assertThat(log.entries()).hasSize(4);

        log.append(11, P0, committed(4));     // does not fit: the segment rolls, 0-3 are no longer active

        assertThat(log.cleaningDue()).isTrue();
        assertThat(log.maybeCompact(12)).isEqualTo(3);
        assertThat(log.entries()).extracting(OffsetsLogEntry::offset).containsExactly(3L, 4L);
    }

    @Test
    void theCleanerWaitsUntilEnoughOfTheLogIsDirty() {
        CompactedLog log = new CompactedLog(2, 0.5, DAY);
        log.append(0, P0, committed(1));
        log.append(1, P1, committed(1));
        log.append(2, P0, committed(2));      // rolls: 0-1 cleanable
        assertThat(log.maybeCompact(5)).isZero(); // nothing superseded yet, but all of it is dirty: cleaned anyway
        log.append(3, P1, committed(2));
        assertThat(log.dirtyRatio()).isZero(); // 2-3 fill the active segment, which is not counted
        log.append(4, P0, committed(3));      // rolls: 2-3 cleanable and dirty, 0-1 clean
        assertThat(log.dirtyRatio()).isEqualTo(0.5);
        assertThat(log.maybeCompact(6)).isEqualTo(2);
        assertThat(log.dirtyRatio()).isZero();
        assertThat(log.maybeCompact(7)).isZero();
    }

    @Test
    void aTombstoneOutlivesItsKeyForDeleteRetentionThenGoesToo() {
        CompactedLog log = new CompactedLog(2, 0.5, DAY);
        log.append(0, P0, committed(10));
        log.append(1, P0, null);           // group deleted: tombstone
        log.append(2, P1, committed(1));
        log.append(3, P1, committed(2));
        log.append(4, P1, committed(3));   // rolls: 0-3 cleanable, 4 active

        log.compact(1_000);
        assertThat(log.entries()).extracting(OffsetsLogEntry::offset).containsExactly(1L, 3L, 4L);
        assertThat(log.entries().get(0).isTombstone()).isTrue();

        log.compact(1_000 + DAY - 1);
        assertThat(log.entries()).extracting(OffsetsLogEntry::offset).containsExactly(1L, 3L, 4L);

        log.compact(1_000 + DAY);
        assertThat(log.entries()).extracting(OffsetsLogEntry::offset).containsExactly(3L, 4L);
    }

    @Test
    void aCopyKeepsItsEntriesWhenTheOriginalIsCompacted() {
        CompactedLog log = new CompactedLog(1, 0.5, DAY);
        log.append(0, P0, committed(1));
        log.append(1, P0, committed(2));
        log.append(2, P0, committed(3));   // active: offset 2 alone
        CompactedLog copy = log.copy();
        log.compact(5);
        assertThat(copy.entries()).hasSize(3);
        assertThat(log.entries()).extracting(OffsetsLogEntry::value).isEqualTo(List.of(committed(2), committed(3)));
    }
}
