package dev.groupscope.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * Not a test: a tool for looking at the window as a class would. Opens it at the headless screen's size
 * ({@code -Dheadless.geometry=1920x1080-32}), crashes C2 at 20 s, moves to {@code at} ms, shows each tab in turn
 * and writes a PNG per tab into {@code dir}. Run it with Monocle on the test classpath:
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp ... ScreenTour dir en 60000}.
 */
public final class ScreenTour {

    private ScreenTour() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        UiLanguage language = args[1].equals("zh-CN") ? UiLanguage.SIMPLIFIED_CHINESE : UiLanguage.ENGLISH;
        long at = Long.parseLong(args[2]);
        Files.createDirectories(dir);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        GroupScopeWindow[] window = new GroupScopeWindow[1];
        Platform.runLater(() -> {
            window[0] = new GroupScopeWindow(new Stage());
            window[0].show(language);
            window[0].playground().scrubTo(20_000);
        });
        waitUntil(() -> window[0] != null && window[0].playground().getFrame() != null
                && window[0].playground().getFrame().time() == 20_000);
        Platform.runLater(() -> window[0].playground().perform(new ModelCommand.CrashConsumer("C2")));
        Thread.sleep(1500);
        Platform.runLater(() -> window[0].playground().scrubTo(at));
        waitUntil(() -> window[0].playground().getFrame().time() == at);
        String size = System.getProperty("headless.geometry", "1280x800").replaceAll("-.*", "");
        for (int tab = 0; tab < tabCount(window[0]); tab++) {
            int index = tab;
            run(() -> ((TabPane) window[0].stageRoot().lookup("#tabs")).getSelectionModel().select(index));
            Thread.sleep(1200);
            Path file = dir.resolve("tab" + index + "-" + size + "-" + args[1] + ".png");
            run(() -> {
                try {
                    Snapshots.writePng(window[0].stageRoot(), 1, file);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            System.out.println("wrote " + file);
        }
        Platform.exit();
        System.exit(0);
    }

    private static int tabCount(GroupScopeWindow window) throws Exception {
        int[] count = new int[1];
        run(() -> count[0] = ((TabPane) window.stageRoot().lookup("#tabs")).getTabs().size());
        return count[0];
    }

    private static void run(Runnable action) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                action.run();
            } finally {
                done.countDown();
            }
        });
        done.await(20, TimeUnit.SECONDS);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws Exception {
        for (int i = 0; i < 400; i++) {
            boolean[] ok = new boolean[1];
            run(() -> ok[0] = condition.getAsBoolean());
            if (ok[0]) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("timed out");
    }
}
