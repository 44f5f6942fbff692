package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Work from the simulation's thread reaches the FX thread at the start of a pulse, in order, and is laid out by it. */
@ExtendWith(ApplicationExtension.class)
class PulseExecutorTest {

    private Label label;
    /** What each pulse's layout saw: the pulse's number and the label's text. */
    private final List<String> layouts = new CopyOnWriteArrayList<>();
    private volatile long pulses;
    private AnimationTimer counter;

    @Start
    void start(Stage stage) {
        label = new Label("before");
        Scene scene = new Scene(new StackPane(label), 200, 100);
        scene.addPreLayoutPulseListener(() -> layouts.add(pulses + ":" + label.getText()));
        stage.setScene(scene);
        stage.show();
        counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses++;
            }
        };
        counter.start();
    }

    @AfterEach
    void stop() {
        Platform.runLater(counter::stop);
    }

    @Test
    void workHandedOverBetweenPulsesIsLaidOutByThePulseThatRunsIt() throws InterruptedException {
        PulseExecutor executor = new PulseExecutor();
        long[] ranIn = {-1};
        Thread worker = new Thread(() -> executor.execute(() -> {
            assertThat(Platform.isFxApplicationThread()).isTrue();
            ranIn[0] = pulses;
            label.setText("after");
        }));
        worker.start();
        worker.join();
        waitFor(() -> ranIn[0] >= 0 && pulses > ranIn[0] + 1);

        assertThat(layouts).as("the layout of the pulse that ran it already shows it").contains(ranIn[0] + ":after")
                .doesNotContain(ranIn[0] + ":before");
    }

    @Test
    void tasksRunInTheOrderTheyWereHandedOver(FxRobot robot) throws InterruptedException {
        PulseExecutor executor = new PulseExecutor();
        List<Integer> ran = new CopyOnWriteArrayList<>();
        Thread worker = new Thread(() -> {
            for (int i = 0; i < 500; i++) {
                int task = i;
                executor.execute(() -> ran.add(task));
                if (i % 50 == 0) {
                    Thread.onSpinWait();
                }
            }
        });
        worker.start();
        worker.join();
        waitFor(() -> ran.size() == 500);

        assertThat(ran).isSorted().hasSize(500);
    }

    @Test
    void aTaskThatFailsDoesNotStopTheOnesAfterIt(FxRobot robot) throws InterruptedException {
        PulseExecutor executor = new PulseExecutor();
        List<String> ran = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler[] handler = new Thread.UncaughtExceptionHandler[1];
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            handler[0] = Thread.currentThread().getUncaughtExceptionHandler();
            Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> reported.add(e));
        });
        try {
            Thread worker = new Thread(() -> {
                executor.execute(() -> ran.add("first"));
                executor.execute(() -> {
                    throw new IllegalStateException("broken frame");
                });
                executor.execute(() -> ran.add("third"));
            });
            worker.start();
            worker.join();
            waitFor(() -> ran.size() == 2);

            assertThat(ran).containsExactly("first", "third");
            assertThat(reported).singleElement().extracting(Throwable::getMessage).isEqualTo("broken frame");
        } finally {
            robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(handler[0]));
        }
    }
}
