package dev.groupscope.ui;

import dev.groupscope.sim.engine.LearnerFilter;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where the learner events (those {@code filter} passes: {@link LearnerFilter}, for one group) are in one run's log, extended as the run is computed ahead. A
 * frame names the current learner event and the few before it; in a large cluster thousands of record events lie
 * between two learner events, so scanning back for them on every frame cost more than reading the frame. Confined
 * to the simulation's worker thread, like the run it indexes; a different run (a fork, an undo) starts it afresh.
 */
final class LearnerIndex {

    /** Whether an event of a run's log is indexed: every one a filter passes, or a group's {@link LearnerSteps}. */
    private final java.util.function.BiPredicate<List<SimEvent>, SimEvent> filter;
    private Simulation run;
    private int scanned;
    private long[] seqs = new long[64];
    private int size;

    LearnerIndex(Predicate<SimEvent> filter) {
        this.filter = (log, event) -> filter.test(event);
    }

    /** An index of the steps Next and Previous land on. */
    LearnerIndex(LearnerSteps steps) {
        this.filter = steps::isStep;
    }

    /** An index of every {@link LearnerFilter} event, whatever its group. */
    LearnerIndex() {
        this(LearnerFilter.INSTANCE);
    }

    /** The same answer as {@code simulation.previousEvent(before, filter)}: the last before it, or -1. */
    long previous(Simulation simulation, long before) {
        catchUp(simulation);
        int low = 0;
        int high = size - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (seqs[mid] < before) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found < 0 ? -1 : seqs[found];
    }

    private void catchUp(Simulation simulation) {
        if (simulation != run) {
            run = simulation;
            scanned = 0;
            size = 0;
        }
        List<SimEvent> log = simulation.log();
        for (int i = scanned; i < log.size(); i++) {
            if (filter.test(log, log.get(i))) {
                if (size == seqs.length) {
                    seqs = Arrays.copyOf(seqs, size * 2);
                }
                seqs[size++] = i;
            }
        }
        scanned = log.size();
    }
}
