package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioWorld;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * While playing, a large cluster's frames are read at most {@link SimulationRunner#LARGE_FRAME_SHARE} of the
 * worker's time; a small one's at every pulse. The clock here moves 5 ms each time it is read, so every frame
 * "costs" 5 ms.
 */
class FramePacingTest {

    private final List<PlaygroundFrame> shown = new ArrayList<>();
    private long clock;

    private SimulationRunner runner(Scenario scenario) {
        SimulationRunner runner = new SimulationRunner(ScenarioWorld.simulation(scenario),
                FrameReader.of(scenario, scenario.consumers().get(0).groupId()), scenario.durationMs(), Runnable::run,
                Runnable::run, shown::add, horizon -> { });
        runner.nanoClock(() -> clock += 5_000_000);
        return runner;
    }

    @Test
    void aLargeClusterSkipsPulsesWhileItsLastFrameWouldTakeMoreThanItsShare() {
        SimulationRunner runner = runner(LargeClusterViewTest.scenario());
        assertThat(runner.showPlaying(1_000)).isTrue();
        assertThat(AggregatedPanels.needed(shown.get(0))).isTrue();

        // 5 ms after a 5 ms frame: reading the next now would be half the worker's time.
        assertThat(runner.showPlaying(1_016)).isFalse();
        // 10 ms after: a third of it.
        assertThat(runner.showPlaying(1_033)).isTrue();
        assertThat(shown).extracting(PlaygroundFrame::time).containsExactly(1_000L, 1_033L);
    }

    @Test
    void theSmallPlaygroundIsReadAtEveryPulse() {
        SimulationRunner runner = runner(PlaygroundViewModel.readPlayground());
        for (long time = 1_000; time < 1_100; time += 16) {
            assertThat(runner.showPlaying(time)).isTrue();
        }
        assertThat(shown).hasSize(7);
    }

    @Test
    void anExplicitShowIsNeverSkipped() {
        SimulationRunner runner = runner(LargeClusterViewTest.scenario());
        runner.showPlaying(1_000);
        runner.show(1_016);
        assertThat(shown).extracting(PlaygroundFrame::time).containsExactly(1_000L, 1_016L);
    }
}
