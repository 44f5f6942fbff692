package dev.groupscope.sim.client;

import dev.groupscope.sim.engine.Task;

/** What can happen to a consumer's worker pool: its timer, and the slow-worker fault. */
public final class WorkerPoolTasks {

    private WorkerPoolTasks() {
    }

    /** The pool's timer fired: every record due now is finished. */
    record Tick(String target) implements Task {
    }

    /** Fault: worker {@code worker} (1-based) runs {@code factor} times slower for {@code durationMs}. */
    public record SlowWorker(String target, int worker, long durationMs, int factor) implements Task {
        public SlowWorker {
            if (worker < 1 || durationMs < 1 || factor < 1) {
                throw new IllegalArgumentException("worker, duration and factor must be positive");
            }
        }
    }
}
