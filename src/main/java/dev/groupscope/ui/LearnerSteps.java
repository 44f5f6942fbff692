package dev.groupscope.ui;

import dev.groupscope.sim.engine.LearnerFilter;
import dev.groupscope.sim.engine.SimEvent;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The events Next and Previous land on: the learner events of the shown group ({@link LearnerFilter}), less one that
 * would say again, at the same moment, exactly what the learner event just before it said. Each member's
 * FindCoordinator is found for the same reason, one rule releases every JoinGroup of a generation, and a session
 * expiry removes its member in the same words: Next showed the same sentence two or three times and a learner
 * thought nothing had happened. The events stay in the log, the Protocol tab and the explanation's history.
 */
final class LearnerSteps {

    /** How far back a step looks for the learner event before it at the same moment (a busy millisecond is long). */
    private static final int SAME_MOMENT_SCAN = 256;

    private final Predicate<SimEvent> learner;

    LearnerSteps(Predicate<SimEvent> learner) {
        this.learner = learner;
    }

    /** Whether {@code event}, of the run whose log is {@code log}, is a step. */
    boolean isStep(List<SimEvent> log, SimEvent event) {
        if (!learner.test(event)) {
            return false;
        }
        if (event.ruleKey() == null) {
            return true;
        }
        long stop = Math.max(0, event.seq() - SAME_MOMENT_SCAN);
        for (long i = event.seq() - 1; i >= stop; i--) {
            SimEvent before = log.get((int) i);
            if (before.time() != event.time()) {
                return true;
            }
            if (learner.test(before)) {
                return !saysTheSame(before, event);
            }
        }
        return true;
    }

    /** The steps of one run, as a filter of its events. */
    Predicate<SimEvent> of(List<SimEvent> log) {
        return event -> isStep(log, event);
    }

    private static boolean saysTheSame(SimEvent one, SimEvent other) {
        return Objects.equals(one.ruleKey(), other.ruleKey()) && Objects.equals(one.ruleArgs(), other.ruleArgs());
    }
}
