package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnapshotSpacingTest {

    @Test
    void aLessonSizedWorldKeepsTheBaseInterval() {
        assertThat(ScenarioWorld.snapshotSpacing(3)).isEqualTo(ScenarioWorld.SNAPSHOT_EVERY);
        assertThat(ScenarioWorld.snapshotSpacing(32)).isEqualTo(ScenarioWorld.SNAPSHOT_EVERY);
    }

    @Test
    void aWorldOfManyActorsIsSnapshottedLessOften() {
        // The benchmark's world: cluster, ledger, 5 producers and 100 consumers.
        assertThat(ScenarioWorld.snapshotSpacing(107)).isEqualTo(4 * ScenarioWorld.SNAPSHOT_EVERY);
        assertThat(ScenarioWorld.snapshotSpacing(33)).isEqualTo(2 * ScenarioWorld.SNAPSHOT_EVERY);
    }
}
