package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioWorld;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * A scrub far past what is computed (a large run, 30 s ahead): until the frame at t arrives the window may only
 * show moments it knows, as what they are. Here the model's thread and the UI's are queues run by hand.
 */
class ScrubAheadTest {

    private final Deque<Runnable> worker = new ArrayDeque<>();
    private final Deque<Runnable> ui = new ArrayDeque<>();
    private final Executor workerQueue = worker::add;
    private final Executor uiQueue = ui::add;

    @Test
    void whileComputingFarAheadTheRunnerShowsTheLatestMomentComputedSoFar() {
        Scenario large = LargeClusterViewTest.scenario();
        List<PlaygroundFrame> shown = new ArrayList<>();
        List<Long> horizons = new ArrayList<>();
        long[] clock = {0};
        SimulationRunner runner = new SimulationRunner(ScenarioWorld.simulation(large),
                FrameReader.of(large, large.consumers().get(0).groupId()), large.durationMs(), Runnable::run,
                Runnable::run, shown::add, horizons::add);
        // Every chunk "takes" 100 ms: catching up 30 s takes 1.5 s of this clock.
        runner.nanoClock(() -> clock[0] += 100_000_000L);
        runner.show(0);
        shown.clear();

        runner.show(30_000);

        List<Long> times = shown.stream().map(PlaygroundFrame::time).toList();
        assertThat(times).last().isEqualTo(30_000L);
        List<Long> provisional = times.subList(0, times.size() - 1);
        assertThat(provisional).as("the latest moments computed, shown on the way").isNotEmpty()
                .isSorted().doesNotHaveDuplicates().allMatch(time -> time > 0 && time < 30_000)
                .allMatch(horizons::contains);
    }

    @Test
    void aFrameAskedForBeforeAScrubDoesNotMoveTBackAndTheScrubIsComputingUntilItsFrameArrives() {
        PlaygroundViewModel viewModel = new PlaygroundViewModel(PlaygroundViewModel.readPlayground(), workerQueue,
                uiQueue);
        drain(worker);
        // The frame at 0 s is on its way to the UI when the teacher jumps to 30 s.

        viewModel.scrubTo(30_000);
        drain(ui);

        assertThat(viewModel.getTime()).as("t stays where the scrub put it").isEqualTo(30_000);
        assertThat(viewModel.getFrame().time()).isZero();
        assertThat(viewModel.computingProperty().get()).as("the frame shown is not t, and says so").isTrue();

        drain(worker);
        drain(ui);

        assertThat(viewModel.getFrame().time()).isEqualTo(30_000);
        assertThat(viewModel.getTime()).isEqualTo(30_000);
        assertThat(viewModel.computingProperty().get()).isFalse();
    }

    @Test
    void aStepAfterAScrubMovesTToTheEventItFinds() {
        PlaygroundViewModel viewModel = new PlaygroundViewModel(PlaygroundViewModel.readPlayground(), workerQueue,
                uiQueue);
        drain(worker);
        viewModel.scrubTo(30_000);

        viewModel.stepNext();
        drain(worker);
        drain(ui);

        PlaygroundFrame frame = viewModel.getFrame();
        assertThat(frame.current()).isPresent();
        assertThat(viewModel.getTime()).isEqualTo(frame.time()).isEqualTo(frame.current().get().time());
        assertThat(viewModel.computingProperty().get()).isFalse();
    }

    private static void drain(Deque<Runnable> queue) {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
    }
}
