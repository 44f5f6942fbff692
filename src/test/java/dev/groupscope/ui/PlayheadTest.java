package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioWorld;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * While playing, a frame a pulse after the last is read from the last frame's state stepped forward instead of a
 * rebuilt one: the frames must be the very frames a rebuild gives, whatever happens between them (rebalances,
 * commits, a crash).
 */
class PlayheadTest {

    private static List<PlaygroundFrame> frames(Scenario scenario, List<Long> times) {
        List<PlaygroundFrame> shown = new ArrayList<>();
        SimulationRunner runner = new SimulationRunner(ScenarioWorld.simulation(scenario),
                FrameReader.of(scenario, scenario.consumers().get(0).groupId()), scenario.durationMs(), Runnable::run,
                Runnable::run, shown::add, horizon -> { });
        // A clock that stands still: a rebuild far ahead would otherwise show the moments computed meanwhile every
        // 250 ms of wall time (on a busy machine, extra frames in one list and not the other).
        runner.nanoClock(() -> 0L);
        times.forEach(runner::show);
        return shown;
    }

    /** Everything a frame says, to the last field (two runs' events are equal, not the same objects). */
    private static List<String> described(List<PlaygroundFrame> frames) {
        return frames.stream().map(PlaygroundFrame::toString).toList();
    }

    /**
     * Every pulse of playback at 1× over the first 6 s (the group forming, fetches, the first auto-commit), read in
     * order (stepping forward) and backwards (each rebuilt).
     */
    @Test
    void playingForwardShowsTheFramesARebuildShows() {
        Scenario scenario = PlaygroundViewModel.readPlayground();
        List<Long> pulses = new ArrayList<>();
        for (long time = 0; time <= 6_000; time += 16) {
            pulses.add(time);
        }
        List<PlaygroundFrame> stepped = frames(scenario, pulses);
        List<PlaygroundFrame> rebuilt = backwards(scenario, pulses);

        assertThat(stepped).hasSize(pulses.size());
        assertThat(described(stepped)).isEqualTo(described(rebuilt));
    }

    /** A large cluster at 50×: a frame every 0.8 s of the run, through its group forming and the commits after. */
    @Test
    void fastPlaybackOfALargeClusterShowsTheFramesARebuildShows() {
        Scenario scenario = LargeClusterViewTest.scenario();
        List<Long> pulses = new ArrayList<>();
        for (long time = 0; time <= 30_000; time += 800) {
            pulses.add(time);
        }
        assertThat(described(frames(scenario, pulses))).isEqualTo(described(backwards(scenario, pulses)));
    }

    /** The frames at {@code times} read latest first: each one before the last is rebuilt. */
    private static List<PlaygroundFrame> backwards(Scenario scenario, List<Long> times) {
        List<Long> reversed = new ArrayList<>(times);
        java.util.Collections.reverse(reversed);
        List<PlaygroundFrame> frames = new ArrayList<>(frames(scenario, reversed));
        java.util.Collections.reverse(frames);
        return frames;
    }
}
