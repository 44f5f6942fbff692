package dev.groupscope.ui;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Hands work from the simulation's thread to the FX thread at the start of the next pulse, in the order it was
 * given. {@code Platform.runLater} runs it as soon as the FX thread is free, at any moment between two pulses: a
 * frame of the model that takes a few milliseconds to draw, started just before a pulse is due, made that pulse
 * late by as much (while playing, frames come at up to 60 a second, so this happened every few pulses). Run at the
 * start of a pulse, the same work is drawn by that pulse, as a frame handed over between two pulses always was, and
 * delays none: a pulse is late only when its own work does not fit in a frame interval.
 */
public final class PulseExecutor implements Executor {

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean waiting = new AtomicBoolean();
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            runQueued();
        }
    };

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (waiting.compareAndSet(false, true)) {
            // Started on the FX thread; it runs in the next pulse and stops until more work comes.
            Platform.runLater(pulse::start);
        }
    }

    private void runQueued() {
        pulse.stop();
        // From here a task handed over starts the timer again; one handed over meanwhile is run now as well.
        waiting.set(false);
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                // As runLater would: report it and go on with the next task.
                Thread thread = Thread.currentThread();
                thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
            }
        }
    }
}
