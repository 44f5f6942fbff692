package dev.groupscope.bench;

import com.sun.javafx.perf.PerformanceTracker;
import com.sun.javafx.scene.SceneHelper;
import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.ui.GroupScopeWindow;
import dev.groupscope.ui.PlaygroundViewModel;
import dev.groupscope.ui.UiLanguage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The window's frame rate and start-up on the software renderer, under Monocle headless (no display, no GPU: the
 * slowest case a classroom laptop could be), each beside a bare JavaFX window measured the same way.
 *
 * <ul>
 *   <li>{@code frameInterval} (sample time): each sample is the time from one pulse to the next while the view
 *       plays at 1×. JavaFX pulses at 60 Hz, so a view that keeps up shows p50 ≈ p95 ≈ 16.7 ms; a pulse whose CSS,
 *       layout and rendering take longer stretches the interval. Views: {@code bare} (an empty window),
 *       {@code playground} (the main window on the built-in playground) and {@code large} (the main window on
 *       {@link LargeScenario}: 1,000 partitions, 100 consumers).</li>
 *   <li>{@code firstFrame} (single shot, one per fork, so each is a cold JVM): from starting the toolkit to the end
 *       of rendering (on the render thread) the first frame that shows the view's content (for the playground: the first frame drawn from
 *       the model, not the empty shell). The window opens as the app opens it
 *       ({@link GroupScopeWindow#showContentFirst}): the playground's panels first, the menus, tabs and transport
 *       right after; {@code complete} times the window until those are drawn as well.</li>
 * </ul>
 * Run: {@code mvn -B -o -Pbench verify -Djmh.args="FrameBenchmark"}. A command-line {@code -jvmArgsAppend}
 * replaces the Monocle switches below rather than adding to them.
 */
public class FrameBenchmark {

    static final double WIDTH = 1280;
    static final double HEIGHT = 800;

    /** A view opened on the FX thread; {@code ready} says when it shows its content. */
    interface OpenView {
        BooleanSupplier open(Stage stage);
    }

    static OpenView view(String name) {
        switch (name) {
            case "bare":
                return stage -> {
                    stage.setScene(new Scene(new Pane(), WIDTH, HEIGHT));
                    stage.show();
                    return () -> true;
                };
            case "playground":
                return stage -> mainWindow(stage, PlaygroundViewModel.playground()).content();
            case "complete":
                return stage -> mainWindow(stage, PlaygroundViewModel.playground()).complete();
            case "large":
                return stage -> mainWindow(stage, PlaygroundViewModel.running(large())).content();
            default:
                throw new IllegalArgumentException(name);
        }
    }

    static Scenario large() {
        return ScenarioReader.read("large-cluster.json", LargeScenario.json());
    }

    /** The main window opened as the app opens it: the playground's panels first, the rest right after. */
    private static Opened mainWindow(Stage stage, PlaygroundViewModel playground) {
        GroupScopeWindow window = new GroupScopeWindow(stage, playground);
        window.showContentFirst(UiLanguage.ENGLISH);
        playground.play();
        return new Opened(window, playground);
    }

    record Opened(GroupScopeWindow window, PlaygroundViewModel playground) {

        /** The panels show a frame of the model. */
        BooleanSupplier content() {
            return () -> playground.getFrame() != null;
        }

        /** That, and the menus, tabs and transport are in the window too. */
        BooleanSupplier complete() {
            return () -> playground.getFrame() != null && window.complete();
        }
    }

    static void startToolkit() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(started::countDown);
        started.await();
    }

    /** A view playing, and a pulse counter the benchmark thread waits on. */
    @State(Scope.Benchmark)
    public static class Playing {

        @Param({"bare", "playground", "large"})
        public String view;

        private final Object lock = new Object();
        private long pulses;
        private AnimationTimer counter;
        private Stage stage;

        @Setup(Level.Trial)
        public void open() throws Exception {
            startToolkit();
            CountDownLatch opened = new CountDownLatch(1);
            Throwable[] failed = new Throwable[1];
            Platform.runLater(() -> {
                try {
                    stage = new Stage();
                    view(view).open(stage);
                } catch (RuntimeException | Error e) {
                    // Without this the trial would wait for pulses that never come.
                    failed[0] = e;
                    opened.countDown();
                    return;
                }
                counter = new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        synchronized (lock) {
                            pulses++;
                            lock.notifyAll();
                        }
                    }
                };
                counter.start();
                opened.countDown();
            });
            opened.await();
            if (failed[0] != null) {
                throw new IllegalStateException("cannot open the " + view + " view", failed[0]);
            }
        }

        /** Returns when the next pulse starts. */
        long nextPulse() throws InterruptedException {
            synchronized (lock) {
                long seen = pulses;
                while (pulses == seen) {
                    lock.wait();
                }
                return pulses;
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            Platform.runLater(() -> {
                counter.stop();
                stage.close();
            });
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1, time = 10)
    @Measurement(iterations = 3, time = 10)
    @Fork(value = 1, jvmArgsAppend = {"-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
        "-Dprism.order=sw", "-Djava.awt.headless=true", "-Duser.language=en", "-Duser.country=US",
        "-Dfile.encoding=UTF-8", "-Xmx3g"})
    public long frameInterval(Playing playing) throws InterruptedException {
        return playing.nextPulse();
    }

    /** Which view a cold start opens. */
    @State(Scope.Benchmark)
    public static class Cold {

        /** {@code complete}: the playground too, but timed until the menus, tabs and transport are drawn as well. */
        @Param({"bare", "playground", "complete"})
        public String view;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 7, jvmArgsAppend = {"-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
        "-Dprism.order=sw", "-Djava.awt.headless=true", "-Duser.language=en", "-Duser.country=US",
        "-Dfile.encoding=UTF-8", "-Xmx3g"})
    public Object firstFrame(Cold cold) throws Exception {
        CountDownLatch rendered = new CountDownLatch(1);
        Stage[] shown = new Stage[1];
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            shown[0] = new Stage();
            BooleanSupplier ready = view(cold.view).open(shown[0]);
            Scene scene = shown[0].getScene();
            scene.addPostLayoutPulseListener(new Runnable() {
                private boolean done;

                @Override
                public void run() {
                    if (!done && ready.getAsBoolean() && scene.getRoot().getLayoutBounds().getWidth() > 0) {
                        done = true;
                        // Laid out in this pulse, rendered on the render thread once the pulse ends. With the
                        // frames before it drawn, the next frame the render thread finishes is this one: the
                        // clock stops there, not when the FX thread next runs a task (the content-first start
                        // queues the shell's FXML first, to load while this frame is drawn).
                        SceneHelper.getPeer(scene).waitForRenderingToComplete();
                        PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(rendered::countDown);
                    }
                }
            });
        });
        rendered.await();
        return shown[0];
    }
}
