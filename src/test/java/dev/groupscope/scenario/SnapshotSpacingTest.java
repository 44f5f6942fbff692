package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnapshotSpacingTest {

    @Test
    void aLessonSizedWorldKeepsTheBaseInterval() {
        assertThat(ScenarioWorld.snapshotSpacing(3)).isEqualTo(ScenarioWorld.SNAPSHOT_EVERY);
        assertThat(ScenarioWorld.snapshotSpacing(17)).isEqualTo(ScenarioWorld.SNAPSHOT_EVERY);
    }

    @Test
    void aWorldOfManyActorsIsSnapshottedLessOften() {
        assertThat(ScenarioWorld.snapshotSpacing(18)).isEqualTo(2 * ScenarioWorld.SNAPSHOT_EVERY);
        assertThat(ScenarioWorld.snapshotSpacing(33)).isEqualTo(3 * ScenarioWorld.SNAPSHOT_EVERY);
    }

    @Test
    void theIntervalStopsWhereARebuildWouldReplayTooMuch() {
        // The benchmark's world: cluster, ledger, 5 producers and 100 consumers.
        assertThat(ScenarioWorld.snapshotSpacing(107)).isEqualTo(11 * ScenarioWorld.SNAPSHOT_EVERY);
        assertThat(ScenarioWorld.snapshotSpacing(1_000)).isEqualTo(11 * ScenarioWorld.SNAPSHOT_EVERY);
    }
}
