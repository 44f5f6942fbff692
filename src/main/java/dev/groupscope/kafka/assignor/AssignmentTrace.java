package dev.groupscope.kafka.assignor;

import dev.groupscope.kafka.TopicPartition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where an assignor writes its steps. {@link #off()} records nothing and costs nothing: assignors check
 * {@link #enabled()} before building a step, so a million-partition assignment pays no trace cost.
 */
public interface AssignmentTrace {

    boolean enabled();

    void add(AssignmentStep step);

    /** The steps recorded so far, in order (empty when off). */
    List<AssignmentStep> steps();

    default void step(AssignmentStep.Kind kind, String messageKey, String member, TopicPartition partition,
                      Map<String, Object> args) {
        if (enabled()) {
            add(new AssignmentStep(kind, messageKey, member, partition, args));
        }
    }

    static AssignmentTrace off() {
        return Off.INSTANCE;
    }

    static AssignmentTrace recording() {
        return new Recording();
    }

    /** The trace that records nothing. */
    enum Off implements AssignmentTrace {
        INSTANCE;

        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void add(AssignmentStep step) {
            // deliberately nothing: tracing is off
        }

        @Override
        public List<AssignmentStep> steps() {
            return List.of();
        }
    }

    /** The trace that keeps every step in order. */
    final class Recording implements AssignmentTrace {
        private final List<AssignmentStep> steps = new ArrayList<>();

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public void add(AssignmentStep step) {
            steps.add(step);
        }

        @Override
        public List<AssignmentStep> steps() {
            return List.copyOf(steps);
        }
    }
}
