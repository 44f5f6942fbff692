package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.Simulation;
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

    @Test
    void aLessonSizedWorldIsSnapshottedByItsEventsAloneHoweverManyRecordsItAppends() {
        // An append weighs more only where intervals are wide; here it would have doubled the snapshots.
        Scenario busy = ScenarioReader.read("busy.json", """
                {"name": "busy", "seed": 1, "durationMs": 5000,
                 "cluster": {"brokers": 1},
                 "topics": [{"name": "t", "partitions": 4, "replicationFactor": 1}],
                 "producers": [{"id": "P1", "topic": "t", "recordsPerSecond": 1000},
                               {"id": "P2", "topic": "t", "recordsPerSecond": 1000}],
                 "consumers": [{"id": "C1", "groupId": "g", "topics": ["t"]}]}
                """);
        Simulation simulation = ScenarioWorld.simulation(busy);
        simulation.runUntil(busy.durationMs());

        // A step counts its events, a silent one one: fewer than events + steps units in all. Weighed, the run's
        // 10,000 appends would have added 30,000.
        long events = simulation.log().size();
        assertThat((long) simulation.snapshotSteps().length).isBetween(events / ScenarioWorld.SNAPSHOT_EVERY - 1,
                (events + simulation.steps()) / ScenarioWorld.SNAPSHOT_EVERY);
    }
}
