package dev.groupscope.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The model's worker thread for a window test, which the test can hold: while held, tasks wait in order, so the
 * window is seen in a moment the model has not reached yet (no first frame, a scrub still computing).
 */
final class HeldWorker implements Executor {

    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;

    HeldWorker(boolean holding) {
        this.holding = holding;
    }

    @Override
    public synchronized void execute(Runnable task) {
        if (holding) {
            held.add(task);
        } else {
            thread.execute(task);
        }
    }

    synchronized void hold() {
        holding = true;
    }

    /** Runs what waited, in order, and every task after it at once. */
    synchronized void release() {
        holding = false;
        held.forEach(thread::execute);
        held.clear();
    }

    void shutdown() {
        thread.shutdownNow();
    }
}
