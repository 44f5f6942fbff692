package dev.groupscope.ui;

import dev.groupscope.scenario.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Not a test: a tool for looking at the window as a class would. Run it on a real display (Xvfb) with the test
 * classpath; the window fills the screen, and each picture is a screen capture, so context menus and tooltips
 * (their own windows) are in it:
 * {@code xvfb-run -a -s "-screen 0 1280x800x24" java -cp ... dev.groupscope.ui.ScreenTour dir en light [large.json]}.
 * It pictures the playground while a rebalance is in progress and once the group is Stable, every other tab, the
 * help overlay, presenter mode, a context menu and a tooltip; with a scenario file, only the playground of that
 * (large) run. Beside each PNG it prints the labels whose text is cut short ({@link TruncatedText}).
 * {@code -Dtour.zoom=2.0} pictures it at that text size; {@code -Dtour.only=protocol,numbers} only those pictures;
 * {@code -Dtour.at=46000} pictures a scenario at that moment (and on every tab) instead of at 30 s;
 * {@code -Dtour.partition=events-2 -Dtour.consumer=C2} adds that partition's tooltip and that consumer's context menu;
 * {@code -Dtour.cut=C3} cuts C3 off from its coordinator for 15 s at that moment and pictures the run 12 s later.
 */
public final class ScreenTour {

    private final Path dir;
    private final String prefix;
    private GroupScopeWindow window;
    private Stage stage;
    private Robot robot;

    private ScreenTour(Path dir, String prefix) {
        this.dir = dir;
        this.prefix = prefix;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        UiLanguage language = args[1].equals("zh-CN") ? UiLanguage.SIMPLIFIED_CHINESE : UiLanguage.ENGLISH;
        String theme = args[2];
        Path scenario = args.length > 3 ? Path.of(args[3]) : null;
        Files.createDirectories(dir);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Rectangle2D screen = call(() -> Screen.getPrimary().getBounds());
        String size = (int) screen.getWidth() + "x" + (int) screen.getHeight();
        String zoom = System.getProperty("tour.zoom");
        ScreenTour tour = new ScreenTour(dir, size + "-" + args[1] + "-" + theme + (scenario == null ? "" : "-large")
                + (zoom == null ? "" : "-zoom" + zoom));
        int truncated = 0;
        try {
            truncated = tour.run(language, theme, scenario, screen);
        } finally {
            Platform.exit();
        }
        System.out.println("truncated labels in all pictures: " + truncated);
        System.exit(0);
    }

    private int run(UiLanguage language, String theme, Path scenario, Rectangle2D screen) throws Exception {
        run(() -> {
            stage = new Stage();
            window = scenario == null ? new GroupScopeWindow(stage) : new GroupScopeWindow(stage,
                    new AssignorLabViewModel(), PlaygroundViewModel.running(ScenarioReader.read(scenario)));
            Theme.fromTag(theme).ifPresent(window::useTheme);
            window.show(language);
            // What a teacher does first on a projector: the window takes the whole screen.
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
            // -Dtour.zoom=2.0: the text size a teacher sets with Ctrl + (TextZoom.MAX is the largest).
            String zoom = System.getProperty("tour.zoom");
            if (zoom != null) {
                TextZoom asked = new TextZoom(Double.parseDouble(zoom));
                TextZoom reachable = TextZoom.largestFor(screen.getWidth(), screen.getHeight());
                if (asked.factor() > reachable.factor()) {
                    // 2.0 on 1280x800: Ctrl + stops at 1.6 there, so these pictures are not what a class can see.
                    System.out.printf("note: Ctrl + stops at %.1f on this screen; %.1f is beyond it%n",
                            reachable.factor(), asked.factor());
                }
                window.zoomTo(asked);
            }
            robot = new Robot();
        });
        int truncated = 0;
        if (scenario != null) {
            // 30 s, or the end of a shorter lesson (seven-consumers-six-partitions.json runs 20 s).
            long at = Long.getLong("tour.at", Math.min(30_000, call(() -> window.playground().durationMs())));
            truncated += computingShot(at);
            scrubTo(at);
            String cut = System.getProperty("tour.cut");
            if (cut != null) {
                // -Dtour.cut=C3: what if C3 is cut off from its coordinator for 15 s (-Dtour.cutMs) here; pictured
                // 12 s later (-Dtour.cutSeenMs), after a 10 s session timeout has removed it.
                long cutMs = Long.getLong("tour.cutMs", 15_000);
                run(() -> window.playground().perform(ModelCommand.FileAction.of(
                        dev.groupscope.scenario.ActionType.CUT_OFF_CONSUMER, cut, java.util.Map.of("durationMs", cutMs),
                        window.playground().scenarioConsumers())));
                scrubTo(at + Long.getLong("tour.cutSeenMs", 12_000));
            }
            truncated += shot("playground-stable");
            truncated += aboutShot("about");
            if (System.getProperty("tour.partition") != null) {
                truncated += tooltipShot();
                truncated += contextMenuShot();
            }
            truncated += tabShots();
            truncated += otherGroupShots();
            truncated += presenterShot("presenter-stable");
            if (at < 30_000) {
                // A short lesson: its first rebalance (every member joining, then syncing), in presenter mode too.
                scrubTo(0);
                truncated += rebalanceShot();
                truncated += presenterShot("presenter-rebalance");
                scrubTo(at);
            }
            truncated += rebalanceShot();
            truncated += presenterShot();
            if (at + 15_000 <= call(() -> window.playground().durationMs())) {
                truncated += addedConsumerShot(at);
            }
            return truncated;
        }
        scrubTo(20_000);
        run(() -> window.playground().perform(new ModelCommand.CrashConsumer("C2")));
        truncated += rebalanceShot();
        truncated += assignmentShots();
        scrubTo(60_000);
        truncated += shot("playground-stable");
        truncated += tooltipShot();
        truncated += contextMenuShot();
        truncated += settingsShots();
        truncated += addedConsumerShot(60_000);
        // The first thing a teacher demos on a projector: Add consumer, the group's fourth card.
        truncated += presenterShot("presenter-four");
        run(() -> window.compare().addConsumer());
        truncated += tabShots();
        truncated += revocationShots();
        run(() -> tabs().getSelectionModel().select(0));
        run(window::toggleHelp);
        truncated += shot("help");
        run(window::toggleHelp);
        truncated += aboutShot("about");
        truncated += presenterShot();
        return truncated;
    }

    /** A lesson's moment on every other tab (the protocol, the numbers...), then back to the playground. */
    private int tabShots() throws Exception {
        int truncated = 0;
        int tabs = call(() -> tabs().getTabs().size());
        for (int tab = 1; tab < tabs; tab++) {
            int index = tab;
            run(() -> tabs().getSelectionModel().select(index));
            Thread.sleep(1200);
            truncated += shot(call(() -> tabs().getTabs().get(index).getId().replace("Tab", "")));
        }
        run(() -> tabs().getSelectionModel().select(0));
        return truncated;
    }

    /**
     * What a join revokes: the lab under an EAGER assignor (every member revokes everything) and a COOPERATIVE one
     * (only what moves), and the comparison's second round, where the cooperative column hands over what it withheld;
     * then what a member that leaves revokes, in the lab and in every column.
     */
    private int revocationShots() throws Exception {
        run(() -> tabs().getSelectionModel().select(tabIndex("labTab")));
        run(() -> window.lab().addConsumer());
        Thread.sleep(800);
        int truncated = shot("lab-eager-join");
        run(() -> window.lab().strategyProperty().set("cooperative-sticky"));
        run(() -> window.lab().addConsumer());
        Thread.sleep(800);
        truncated += shot("lab-cooperative-join");
        // The most rows the lab shows on a projector: six members, the last join withholding a partition.
        run(() -> {
            while (window.lab().groupSizeProperty().get() < 6) {
                window.lab().addConsumer();
            }
        });
        Thread.sleep(800);
        truncated += shot("lab-six-withheld");
        // A member leaves the settled group: the row that says what it revoked on its way out, above the six left.
        run(() -> {
            window.lab().rebalance();
            window.lab().addConsumer();
            window.lab().rebalance();
            window.lab().removeConsumer("C1");
        });
        Thread.sleep(800);
        truncated += shot("lab-leave");
        run(() -> tabs().getSelectionModel().select(tabIndex("compareTab")));
        run(() -> window.compare().rebalance());
        Thread.sleep(800);
        truncated += shot("compare-next-round");
        run(() -> window.compare().removeConsumer("C1"));
        Thread.sleep(800);
        truncated += shot("compare-leave");
        return truncated;
    }

    private int tabIndex(String id) {
        List<Tab> all = tabs().getTabs();
        for (int i = 0; i < all.size(); i++) {
            if (id.equals(all.get(i).getId())) {
                return i;
            }
        }
        throw new IllegalArgumentException("no tab " + id);
    }

    /** A jump past what a large run has computed: pictured while the notice says it is still computing. */
    private int computingShot(long at) throws Exception {
        // The window as it opens (the frame at 0 s), then the jump.
        waitUntil(() -> window.playground().getFrame() != null);
        Thread.sleep(1500);
        run(() -> window.playground().scrubTo(at));
        Thread.sleep(700);
        if (!call(() -> window.playground().computingProperty().get())) {
            System.out.println("computed " + at + " ms within 0.7 s: no computing notice to picture");
            return 0;
        }
        int truncated = shot("computing", 400);
        System.out.println("pictured at t = " + call(() -> window.playground().getTime()) + " ms, frame at "
                + call(() -> window.playground().getFrame().time()) + " ms, computing: "
                + call(() -> window.playground().computingProperty().get()));
        return truncated;
    }

    /** With several groups: the group choice open, then the next group at the same moment (and back). */
    private int otherGroupShots() throws Exception {
        if (call(() -> window.playground().groups().size()) < 2) {
            return 0;
        }
        run(() -> ((javafx.scene.control.ComboBox<?>) window.stageRoot().lookup("#group-choice")).show());
        int truncated = shot("group-choice");
        run(() -> ((javafx.scene.control.ComboBox<?>) window.stageRoot().lookup("#group-choice")).hide());
        run(() -> window.playground().showNextGroup());
        truncated += shot("playground-next-group");
        truncated += presenterShot("presenter-next-group");
        run(() -> window.showTab("protocolTab"));
        truncated += shot("protocol-next-group");
        run(() -> window.playground().showNextGroup());
        truncated += shot("protocol-first-group");
        run(() -> window.showTab("playgroundTab"));
        return truncated;
    }

    /** Finds the first moment after t at which the group is rebalancing, and pictures it. */
    private int rebalanceShot() throws Exception {
        long from = call(() -> window.playground().getTime());
        long end = call(() -> window.playground().durationMs());
        for (long t = from; t <= end; t += 250) {
            scrubTo(t);
            String state = call(() -> window.playground().getFrame().group().state());
            if (state.endsWith("Rebalance")) {
                System.out.println("rebalance at " + t + " ms: " + state);
                return shot("playground-rebalance");
            }
        }
        System.out.println("no rebalance after " + from + " ms");
        return 0;
    }

    /**
     * The leader's assignment after the rebalance: the explanation at the trace's first step, then at the first step
     * that places partitions (marked in the cluster), in the window and in presenter mode.
     */
    private int assignmentShots() throws Exception {
        for (int i = 0; i < 60 && !call(() -> window.playground().traceProperty().get().isPresent()); i++) {
            long seq = call(() -> window.playground().getFrame().current().map(e -> e.seq()).orElse(-1L));
            run(() -> window.playground().stepNext());
            waitUntil(() -> window.playground().getFrame().current().map(e -> e.seq()).orElse(-1L) != seq);
        }
        if (!call(() -> window.playground().traceProperty().get().isPresent())) {
            System.out.println("no assignment after the rebalance");
            return 0;
        }
        int truncated = shot("playground-assignment");
        for (int i = 0; i < 20 && call(() -> window.playground().placedPartitions().isEmpty()); i++) {
            run(() -> window.playground().nextTraceStep());
        }
        truncated += shot("playground-assignment-placed");
        truncated += presenterShot("presenter-assignment");
        return truncated;
    }

    private int presenterShot() throws Exception {
        return presenterShot("presenter");
    }

    private int presenterShot(String name) throws Exception {
        run(window::togglePresenter);
        // JavaFX's "Press ESC to exit full-screen mode" fades after a few seconds; picture the steady screen.
        Thread.sleep(Long.getLong("tour.presenterWaitMs", 5500));
        run(() -> {
            // Without a window manager full screen may not resize the stage; the screen's size is what counts.
            stage.setWidth(Screen.getPrimary().getBounds().getWidth());
            stage.setHeight(Screen.getPrimary().getBounds().getHeight());
        });
        int truncated = shot(name);
        run(window::toggleHelp);
        truncated += shot(name + "-help");
        run(window::toggleHelp);
        truncated += aboutShot(name + "-about");
        run(window::togglePresenter);
        return truncated;
    }

    private int tooltipShot() throws Exception {
        // orders-2 was the crashed C2's: its tooltip also says which records C1 processed again.
        java.util.Optional<Bounds> shown = call(() -> screenBounds("#partition-"
                + System.getProperty("tour.partition", "orders-2")));
        if (shown.isEmpty()) {
            return 0;
        }
        Bounds partition = shown.get();
        run(() -> robot.mouseMove(partition.getCenterX(), partition.getCenterY()));
        Thread.sleep(400);
        run(() -> robot.mouseMove(partition.getCenterX() + 2, partition.getCenterY() + 1));
        Thread.sleep(1800);
        int truncated = shot("tooltip");
        run(() -> robot.mouseMove(1, 1));
        Thread.sleep(600);
        return truncated;
    }

    private int contextMenuShot() throws Exception {
        java.util.Optional<Bounds> shown = call(() -> screenBounds("#consumer-"
                + System.getProperty("tour.consumer", "C1")));
        if (shown.isEmpty()) {
            return 0;
        }
        Bounds consumer = shown.get();
        run(() -> {
            robot.mouseMove(consumer.getMinX() + 12, consumer.getMinY() + 12);
            robot.mouseClick(MouseButton.SECONDARY);
        });
        Thread.sleep(800);
        int truncated = shot("context-menu");
        run(() -> robot.keyType(javafx.scene.input.KeyCode.ESCAPE));
        run(() -> robot.mouseMove(1, 1));
        Thread.sleep(400);
        return truncated;
    }

    /** C1's settings sheet as it opens, then with a value Kafka refuses and its reason in place. */
    private int settingsShots() throws Exception {
        String only = System.getProperty("tour.only", "");
        if (!only.isEmpty() && !only.contains("settings")) {
            return 0;
        }
        java.util.Optional<Bounds> c1 = call(() -> screenBounds("#consumer-C1"));
        if (c1.isEmpty()) {
            return 0;
        }
        Bounds consumer = c1.get();
        run(() -> {
            robot.mouseMove(consumer.getMinX() + 12, consumer.getMinY() + 12);
            robot.mouseClick(MouseButton.SECONDARY);
        });
        Thread.sleep(800);
        // The sheet is a modal dialog (showAndWait): opened from a later pulse, not waited for here.
        Platform.runLater(() -> javafx.stage.Window.getWindows().stream()
                .filter(shown -> shown instanceof javafx.scene.control.ContextMenu).findFirst()
                .ifPresent(shown -> {
                    javafx.scene.control.ContextMenu menu = (javafx.scene.control.ContextMenu) shown;
                    menu.getItems().stream().filter(item -> "menu-settings-C1".equals(item.getId())).findFirst()
                            .ifPresent(item -> {
                                menu.hide();
                                Platform.runLater(item::fire);
                            });
                }));
        String session = "#" + ConsumerSettingsSheet.editorId("session.timeout.ms");
        waitUntil(() -> sheetNode(session) != null);
        int truncated = shot("settings");
        run(() -> {
            ((javafx.scene.control.TextField) sheetNode(session)).setText("5000");
            ((javafx.scene.control.Button) sheetNode("#settings-apply")).fire();
        });
        truncated += shot("settings-refused");
        run(() -> robot.keyType(javafx.scene.input.KeyCode.ESCAPE));
        Thread.sleep(600);
        return truncated;
    }

    private static Node sheetNode(String query) {
        for (javafx.stage.Window shown : javafx.stage.Window.getWindows()) {
            if (shown.getScene() != null && shown.getScene().lookup(query) != null) {
                return shown.getScene().lookup(query);
            }
        }
        return null;
    }

    /**
     * Where {@code query} is on the screen. A node scrolled out of its panel's view, or below the screen, cannot be
     * clicked: said at once (and its pictures left out), where the tour used to right-click empty space there and
     * wait two minutes for a menu (C1's settings at 1.6, when the group panel had no room for its cards).
     */
    private java.util.Optional<Bounds> screenBounds(String query) {
        Node node = window.stageRoot().lookup(query);
        Bounds bounds = node.localToScreen(node.getBoundsInLocal());
        Bounds corner = new javafx.geometry.BoundingBox(bounds.getMinX(), bounds.getMinY(), 13, 13);
        List<Bounds> shownIn = new ArrayList<>();
        shownIn.add(toBounds(Screen.getPrimary().getBounds()));
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up instanceof javafx.scene.control.ScrollPane scroll && scroll.lookup(".viewport") != null) {
                Node viewport = scroll.lookup(".viewport");
                shownIn.add(viewport.localToScreen(viewport.getBoundsInLocal()));
            }
        }
        for (Bounds shown : shownIn) {
            if (!shown.contains(corner)) {
                System.out.println("NOT ON SCREEN, no picture: " + query + " at " + bounds + " outside " + shown);
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(bounds);
    }

    private static Bounds toBounds(Rectangle2D rectangle) {
        return new javafx.geometry.BoundingBox(rectangle.getMinX(), rectangle.getMinY(), rectangle.getWidth(),
                rectangle.getHeight());
    }

    /** Add consumer at {@code time}: before, the moment it is added, and 15 s later, joined (a new card, or cell when aggregated). */
    private int addedConsumerShot(long time) throws Exception {
        scrubTo(time);
        int truncated = shot("playground-before-add");
        run(() -> window.playground().act(PlaygroundViewModel.WhatIf.ADD_CONSUMER, null));
        truncated += shot("playground-adding");
        scrubTo(time + 15_000);
        return truncated + shot("playground-added");
    }

    /** The card saying what the run shows (F2), as opening it from File → Lessons lays it over the window. */
    private int aboutShot(String name) throws Exception {
        run(window::toggleAbout);
        int truncated = shot(name);
        run(window::toggleAbout);
        return truncated;
    }

    /** Writes the screen as {@code <size>-<lang>-<theme>-<name>.png}; returns how many labels are cut short. */
    private int shot(String name) throws Exception {
        return shot(name, 1200);
    }

    private int shot(String name, long settleMs) throws Exception {
        String only = System.getProperty("tour.only", "");
        if (!only.isEmpty() && !java.util.Arrays.asList(only.split(",")).contains(name)) {
            return 0;
        }
        Thread.sleep(settleMs);
        Path file = dir.resolve(prefix + "-" + name + ".png");
        List<String> cut = new ArrayList<>();
        run(() -> {
            window.stageRoot().applyCss();
            window.stageRoot().layout();
            cut.addAll(TruncatedText.in(window.stageRoot()));
            // Dialogs (the settings sheet) are windows of their own.
            for (javafx.stage.Window shown : javafx.stage.Window.getWindows()) {
                if (shown != stage && shown.getScene() != null && shown instanceof Stage) {
                    shown.getScene().getRoot().applyCss();
                    cut.addAll(TruncatedText.in(shown.getScene().getRoot()));
                }
            }
            Rectangle2D screen = Screen.getPrimary().getBounds();
            WritableImage image = robot.getScreenCapture(null, screen);
            try {
                Files.write(file, dev.groupscope.export.PngEncoder.encode(Snapshots.argb(image),
                        (int) image.getWidth(), (int) image.getHeight()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        System.out.println("wrote " + file + (cut.isEmpty() ? "" : "; cut short: " + cut));
        return cut.size();
    }

    private void scrubTo(long at) throws Exception {
        run(() -> window.playground().scrubTo(at));
        // A large run is computed in the background from the scrub on: once it has reached t, show t again.
        waitUntil(() -> window.playground().horizonProperty().get() >= at);
        PlaygroundFrame before = call(() -> window.playground().getFrame());
        run(() -> window.playground().scrubTo(at));
        // The computed frame replaces the provisional one (a large run's cells then fade to their owners' colours).
        for (int i = 0; i < 100 && call(() -> window.playground().getFrame()) == before; i++) {
            Thread.sleep(50);
        }
        waitUntil(() -> window.playground().getFrame() != null && window.playground().getFrame().time() == at);
    }

    private TabPane tabs() {
        return (TabPane) window.stageRoot().lookup("#tabs");
    }

    private static <T> T call(Supplier<T> supplier) throws Exception {
        List<T> result = new ArrayList<>(1);
        run(() -> result.add(supplier.get()));
        return result.get(0);
    }

    private static void run(Runnable action) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Throwable[] failure = new Throwable[1];
        Platform.runLater(() -> {
            try {
                action.run();
            } catch (Throwable e) {
                failure[0] = e;
            } finally {
                done.countDown();
            }
        });
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the FX thread did not answer in 30 s");
        }
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        for (int i = 0; i < 2400; i++) {
            if (call(condition::getAsBoolean)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("timed out");
    }
}
