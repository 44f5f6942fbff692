package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.client.ConsumerTasks;
import dev.groupscope.sim.engine.LearnerFilter;
import dev.groupscope.sim.engine.Simulation;
import org.junit.jupiter.api.Test;

/** The index answers exactly what scanning the log back would, as the run grows and when it is replaced by a fork. */
class LearnerIndexTest {

    private final LearnerIndex index = new LearnerIndex();

    @Test
    void findsTheSameLearnerEventAsAScanBackAtEveryPosition() {
        Simulation run = ScenarioWorld.simulation(PlaygroundViewModel.readPlayground());
        run.runUntil(5_000);
        assertSameAsScan(run);

        run.runUntil(20_000);
        assertSameAsScan(run);
    }

    @Test
    void startsAfreshForAForkedRun() {
        Simulation run = ScenarioWorld.simulation(PlaygroundViewModel.readPlayground());
        run.runUntil(20_000);
        assertSameAsScan(run);

        Simulation fork = run.fork(12_000, new ConsumerTasks.Crash("C1"));
        fork.runUntil(25_000);
        assertSameAsScan(fork);
    }

    @Test
    void aGroupsIndexFindsTheSameAsAScanBackForThatGroupsLearnerEvents() {
        dev.groupscope.scenario.Scenario twoGroups = dev.groupscope.scenario.ScenarioReader.read(
                java.nio.file.Path.of("lessons/scenarios/two-groups-one-topic.json"));
        Simulation run = ScenarioWorld.simulation(twoGroups);
        run.runUntil(12_000);
        for (String group : java.util.List.of("billing", "shipping")) {
            java.util.function.Predicate<dev.groupscope.sim.engine.SimEvent> filter =
                    FrameReader.of(twoGroups, group).learnerEvents();
            LearnerIndex groupIndex = new LearnerIndex(filter);
            for (long seq = 0; seq <= run.log().size() + 1; seq++) {
                assertThat(groupIndex.previous(run, seq)).as("%s before %d", group, seq)
                        .isEqualTo(run.previousEvent(seq, filter));
            }
        }
    }

    private void assertSameAsScan(Simulation run) {
        int size = run.log().size();
        assertThat(size).isGreaterThan(100);
        for (long seq = 0; seq <= size + 1; seq++) {
            assertThat(index.previous(run, seq)).as("before %d", seq)
                    .isEqualTo(run.previousEvent(seq, LearnerFilter.INSTANCE));
        }
    }
}
