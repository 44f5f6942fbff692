package dev.groupscope.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.client.WorkerPoolView;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowRunsTest {

    @Test
    void recordsThatOvertookAnUnfinishedOneAreGroupedIntoRunsFromTheLowMark() {
        // Low mark 100, dispatched up to 106: 102, 103 and 105 finished, 100, 101, 104 and 106 not.
        WorkerPoolView.Window window = new WorkerPoolView.Window(100, 105, 107, 4, false, List.of(102L, 103L, 105L),
                10, 5);

        assertThat(WindowRuns.of(window)).containsExactly(new WindowRuns.Run(0, 2, false),
                new WindowRuns.Run(2, 2, true), new WindowRuns.Run(4, 1, false), new WindowRuns.Run(5, 1, true),
                new WindowRuns.Run(6, 1, false));
    }

    @Test
    void aDrainedWindowHasNoRuns() {
        assertThat(WindowRuns.of(new WorkerPoolView.Window(465, 464, 465, 0, false, List.of(), 60, 30))).isEmpty();
    }
}
