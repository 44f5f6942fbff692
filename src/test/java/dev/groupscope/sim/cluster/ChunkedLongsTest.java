package dev.groupscope.sim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChunkedLongsTest {

    private static ChunkedLongs filled(long count, long base) {
        ChunkedLongs values = new ChunkedLongs();
        for (long i = 0; i < count; i++) {
            values.add(base + i);
        }
        return values;
    }

    private static void assertHolds(ChunkedLongs values, long count, long base, long divergedAt, long otherBase) {
        assertThat(values.size()).isEqualTo(count);
        for (long i = 0; i < count; i++) {
            assertThat(values.get(i)).as("value %d", i).isEqualTo(i < divergedAt ? base + i : otherBase + i);
        }
    }

    @Test
    void copiesThatAppendDifferentValuesNeverSeeEachOthersValues() {
        // Copies taken mid-chunk, at a chunk boundary and across several chunks; each side then writes its own.
        for (long at : new long[] {0, 1, 255, 256, 257, 700}) {
            ChunkedLongs original = filled(at, 0);
            ChunkedLongs copy = original.copy();
            for (long i = at; i < at + 600; i++) {
                original.add(i);
                copy.add(1_000_000 + i);
            }
            assertHolds(original, at + 600, 0, Long.MAX_VALUE, 0);
            assertHolds(copy, at + 600, 0, at, 1_000_000);
        }
    }

    @Test
    void anOlderCopyThatFallsBehindStillReadsItsOwnPrefixAndCanGoOnFromIt() {
        ChunkedLongs original = filled(100, 0);
        ChunkedLongs snapshot = original.copy();
        for (long i = 100; i < 1000; i++) {
            original.add(i);
        }
        assertHolds(snapshot, 100, 0, Long.MAX_VALUE, 0);
        ChunkedLongs rebuilt = snapshot.copy();
        for (long i = 100; i < 1000; i++) {
            rebuilt.add(i);
        }
        assertHolds(rebuilt, 1000, 0, Long.MAX_VALUE, 0);
        assertHolds(original, 1000, 0, Long.MAX_VALUE, 0);
    }
}
