package dev.groupscope.bench;

import com.sun.javafx.perf.PerformanceTracker;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;

/**
 * The frame rate as the toolkit itself sees it, beside {@link FrameBenchmark#frameInterval}. That benchmark times
 * how long its own thread waits between two pulses, so with two cores busy (the FX thread, the render thread and
 * the simulation's worker) a sample also holds how late that thread was woken. Here the intervals are read from
 * the toolkit's own clocks: the time each pulse started ({@link AnimationTimer}'s {@code now}) and the time the
 * render thread finished each frame ({@link PerformanceTracker}). An interval over 25 ms is a frame a 60 Hz
 * display would have shown twice.
 *
 * <p>Run under Monocle: {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw
 * -Xmx3g -cp … dev.groupscope.bench.FrameRate large 30}; views as in {@link FrameBenchmark}, and {@code moving}
 * (a bare window with one moving square).
 */
public final class FrameRate {

    private static final long WARM_UP_NANOS = 10_000_000_000L;
    private static final int MAX_FRAMES = 1 << 16;

    private final long[] pulses = new long[MAX_FRAMES];
    private final long[] rendered = new long[MAX_FRAMES];
    private volatile int pulseCount;
    private volatile int renderedCount;
    private volatile boolean measuring;

    private FrameRate() {
    }

    public static void main(String[] args) throws Exception {
        String view = args.length > 0 ? args[0] : "large";
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 30;
        new FrameRate().measure(view, seconds);
        System.exit(0);
    }

    private void measure(String view, long seconds) throws Exception {
        FrameBenchmark.startToolkit();
        PerformanceTracker[] tracker = new PerformanceTracker[1];
        CountDownLatch opened = new CountDownLatch(1);
        Platform.runLater(() -> {
            Stage stage = new Stage();
            if (view.equals("moving")) {
                openMoving(stage);
            } else {
                FrameBenchmark.view(view).open(stage);
            }
            tracker[0] = PerformanceTracker.getSceneTracker(stage.getScene());
            tracker[0].setOnRenderedFrameTask(this::frameRendered);
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (measuring && pulseCount < MAX_FRAMES) {
                        pulses[pulseCount++] = now;
                    }
                }
            }.start();
            opened.countDown();
        });
        opened.await();
        Thread.sleep(WARM_UP_NANOS / 1_000_000);
        Platform.runLater(() -> tracker[0].resetAverageFPS());
        measuring = true;
        Thread.sleep(seconds * 1000);
        measuring = false;
        CountDownLatch read = new CountDownLatch(1);
        float[] averageFps = new float[1];
        Platform.runLater(() -> {
            averageFps[0] = tracker[0].getAverageFPS();
            read.countDown();
        });
        read.await();
        System.out.printf(Locale.ROOT, "%s: JavaFX average fps %.1f%n", view, averageFps[0]);
        System.out.println(view + ": pulses started  " + summary(pulses, pulseCount, seconds));
        System.out.println(view + ": frames rendered " + summary(rendered, renderedCount, seconds));
    }

    /**
     * The bare window with one square that moves every pulse: a bare window draws only its first frame, so its
     * rendered frames cannot be compared with an animated view's; this one renders every pulse, at almost no cost.
     */
    private static void openMoving(Stage stage) {
        Rectangle square = new Rectangle(40, 40);
        stage.setScene(new Scene(new Pane(square), FrameBenchmark.WIDTH, FrameBenchmark.HEIGHT));
        stage.show();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                square.setTranslateX((now / 10_000_000L) % (long) (FrameBenchmark.WIDTH - 40));
            }
        }.start();
    }

    /** Called by the render thread when it has finished a frame. */
    private void frameRendered() {
        if (measuring && renderedCount < MAX_FRAMES) {
            rendered[renderedCount++] = System.nanoTime();
        }
    }

    private static String summary(long[] times, int count, long seconds) {
        if (count < 2) {
            return "n=" + count;
        }
        double[] intervals = new double[count - 1];
        int long25 = 0;
        for (int i = 1; i < count; i++) {
            intervals[i - 1] = (times[i] - times[i - 1]) / 1e6;
            if (intervals[i - 1] > 25) {
                long25++;
            }
        }
        Arrays.sort(intervals);
        return String.format(Locale.ROOT,
                "n=%d (%.1f/s) interval p50 %.1f p90 %.1f p95 %.1f p99 %.1f max %.1f ms, over 25 ms: %d (%.2f %%)",
                count, count / (double) seconds, at(intervals, 0.50), at(intervals, 0.90), at(intervals, 0.95),
                at(intervals, 0.99), intervals[intervals.length - 1], long25, 100.0 * long25 / intervals.length);
    }

    private static double at(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(quantile * sorted.length))];
    }
}
