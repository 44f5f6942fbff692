package dev.groupscope.ui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waiting in TestFX tests for what the window shows: the playground computes its run on a background thread, so a
 * test waits until the FX thread has caught up and the condition holds, or fails saying so.
 */
final class FxWait {

    private static final int DEFAULT_SECONDS = 20;

    private FxWait() {
    }

    static void waitFor(BooleanSupplier condition) {
        waitFor(DEFAULT_SECONDS, condition);
    }

    static void waitFor(int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return onFxThread(condition);
            });
            WaitForAsyncUtils.waitForFxEvents();
        } catch (TimeoutException e) {
            throw new AssertionError("condition not reached in " + seconds + " s", e);
        }
    }

    /**
     * The condition read on the FX thread: a lookup in the scene graph from the test's thread could meet a chart
     * in the middle of its redraw (a child list shrinking under it: IndexOutOfBoundsException).
     */
    private static boolean onFxThread(BooleanSupplier condition) throws Exception {
        if (javafx.application.Platform.isFxApplicationThread()) {
            return condition.getAsBoolean();
        }
        return WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get(DEFAULT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Waits until the window has settled: chips that change owner fly for {@link ChipMotion#MOVE}, so they are let
     * land, then the window is styled and laid out before a test measures it.
     */
    static void settle(FxRobot robot, GroupScopeWindow window) {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep((long) ChipMotion.MOVE.toMillis() + 200, TimeUnit.MILLISECONDS);
        robot.interact(() -> {
            window.stageRoot().applyCss();
            window.stageRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whether {@code node} and each of its parents up to {@code top} is visible. */
    static boolean visibleUpTo(Node node, Node top) {
        for (Node up = node; up != null && up != top; up = up.getParent()) {
            if (!up.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The window that took {@code stage} from {@code before} (File → Open and File → Lessons read the scenario off
     * the FX thread, so the new window comes a little later).
     */
    static GroupScopeWindow replacing(javafx.stage.Stage stage, GroupScopeWindow before) {
        waitFor(() -> GroupScopeWindow.on(stage).filter(shown -> shown != before).isPresent());
        return GroupScopeWindow.on(stage).orElseThrow();
    }

    /** A what-if as a teacher makes one: {@code consumer} crashes at {@code ms}, a second branch of the run. */
    static void crashAt(org.testfx.api.FxRobot robot, PlaygroundViewModel run, String consumer, long ms) {
        waitFor(() -> run.getFrame() != null);
        robot.interact(() -> run.scrubTo(ms));
        waitFor(() -> run.getFrame().time() == ms);
        int branches = run.branchesProperty().get().size();
        robot.interact(() -> run.act(PlaygroundViewModel.WhatIf.CRASH_CONSUMER, consumer));
        waitFor(() -> run.branchesProperty().get().size() == branches + 1);
    }
}
