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
                return condition.getAsBoolean();
            });
            // The condition is read off the FX thread: it can hold midway through the FX task that made it so (a
            // frame set on the view model, its drawing not done yet). Let that task finish before the test looks.
            WaitForAsyncUtils.waitForFxEvents();
        } catch (TimeoutException e) {
            throw new AssertionError("condition not reached in " + seconds + " s", e);
        }
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
}
