package dev.groupscope.ui;

import dev.groupscope.i18n.Messages;
import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.json.JsonInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.animation.AnimationTimer;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * GroupScope's main window: the shell from {@code fxml/main.fxml} with the playground (a running simulation) and
 * the assignor lab as tabs, in one language. Switching language rebuilds the scene's root from FXML with the other
 * bundle, reusing the same view models, so the class sees the same run and the same group in the new language.
 * The window owns the one playback clock: an {@code AnimationTimer} that moves the playground's time t.
 */
public final class GroupScopeWindow {

    /** The size a classroom projector (1280×800) shows whole; smaller screens get their own size. */
    static final double PREFERRED_WIDTH = 1280;
    static final double PREFERRED_HEIGHT = 800;
    /** On larger screens the window takes this share of the screen, and its text grows to match. */
    static final double SHARE_OF_LARGE_SCREEN = 0.9;
    /** Presenter mode's text is this much larger than the window's starting size. */
    static final double PRESENTER_BOOST = 0.4;
    /**
     * A window with fewer lines of text than this is short for its text, and lays out as presenter mode does
     * ({@link #compact}): 1280×800 from 1.2 in English (39 lines) and Chinese (37); presenter mode at 1.4 has 34.
     * At 1.2 the window's own layout already scrolled C1's card half out of the group panel; at 1.1 (43 and 40
     * lines) it shows the cluster and the group without presenter's folding.
     */
    static final double COMPACT_LINES = 40;
    /** The collapsible panels, by their style class. */
    static final String CLUSTER_PANEL = "cluster-panel";
    static final String GROUP_PANEL = "group-panel";
    static final String EXPLANATION_PANEL = "explanation-panel";
    private static final String SHELL = "/fxml/main.fxml";
    private static final String STYLESHEET = "/dev/groupscope/ui/groupscope.css";

    private final Stage stage;
    /** Made when first asked for (the lab's tab): its first round runs an assignor, which the first frame does not need. */
    private final java.util.function.Supplier<AssignorLabViewModel> labMaker;
    private AssignorLabViewModel lab;
    /** Made when the Compare tab is first built: it runs every assignor, work the first frame does not need. */
    private AssignorCompareViewModel compare;
    private final PlaygroundViewModel playground;
    private final CoordinatorCalculatorViewModel calculator;
    private final SequenceViewModel sequence;
    private final ExportActions exports;
    private final SavedRuns saved;
    private final AnimationTimer clock;
    private UiLanguage language;
    private TextZoom zoom = new TextZoom(1);
    private TextZoom startingZoom = zoom;
    private Theme theme = Theme.LIGHT;
    /** Made when first asked for: a content-first start's first frame takes no keys and needs none of it. */
    private UiActions actions;
    private ClassroomLayer layer;
    private ShellView shellView;
    /** The playground view made before the shell's FXML, handed to it when the shell is loaded. */
    private PlaygroundView waitingView;
    private boolean presenter;
    /** While this window takes the stage from the one before it ({@link #takeOver}). */
    private boolean takingOver;
    /** The stage property that says its full-screen listener is in place ({@link #leftFullScreen}). */
    private static final String FULL_SCREEN_WATCH = "groupscope.fullScreenWatch";
    /** Whether the window shows the compact layout ({@link #compact}) as last applied. */
    private boolean compactShown;
    private TextZoom zoomBeforePresenter;
    private final java.util.Set<String> hiddenPanels = new java.util.TreeSet<>();
    private static final String PLAYGROUND_TAB = "playgroundTab";
    private static final String LAB_TAB = "labTab";
    private String shownTab = PLAYGROUND_TAB;

    public GroupScopeWindow(Stage stage) {
        this(stage, PlaygroundViewModel.playground());
    }

    public GroupScopeWindow(Stage stage, AssignorLabViewModel lab) {
        this(stage, lab, PlaygroundViewModel.playground());
    }

    public GroupScopeWindow(Stage stage, AssignorLabViewModel lab, PlaygroundViewModel playground) {
        this(stage, playground, () -> lab);
    }

    /** The window on this playground, with an assignor lab of every registered assignor made when first shown. */
    public GroupScopeWindow(Stage stage, PlaygroundViewModel playground) {
        this(stage, playground, AssignorLabViewModel::new);
    }

    private GroupScopeWindow(Stage stage, PlaygroundViewModel playground,
                             java.util.function.Supplier<AssignorLabViewModel> labMaker) {
        this.stage = stage;
        this.labMaker = labMaker;
        this.playground = playground;
        this.calculator = new CoordinatorCalculatorViewModel(playground);
        this.sequence = new SequenceViewModel(playground);
        this.exports = new ExportActions(playground, sequence);
        this.saved = new SavedRuns(stage, playground, () -> Messages.of(language.locale()));
        this.clock = new AnimationTimer() {
            @Override
            public void handle(long now) {
                playground.tick(now);
            }
        };
        stage.setOnHidden(event -> clock.stop());
    }

    /** Shows the whole window at once: its first frame has the menus, the tabs and the playground. */
    public void show(UiLanguage initial) {
        language = initial;
        Rectangle2D size = sizeAndZoom();
        open(new Scene(load(initial), size.getWidth(), size.getHeight()));
    }

    /**
     * Shows the window the way the app starts it: the first frame is the playground's cluster and group panels,
     * drawn from the model at their places in the window; the menus, tabs, transport, explanation and tooltips
     * (their FXML, and most of the classes and CSS of start-up) arrive right after that frame has been drawn.
     */
    public void showContentFirst(UiLanguage initial) {
        ContentFirst.startFonts();
        language = initial;
        Rectangle2D size = sizeAndZoom();
        Messages messages = Messages.of(initial.locale());
        ContentFirst.deferModena();
        PlaygroundView early = new PlaygroundView(playground, messages);
        ContentFirst first = new ContentFirst(early, zoom.fontPixels(initial));
        // The classroom layer is the scene's root from the start; only the shell inside it is swapped.
        ClassroomLayer starting = new ClassroomLayer(first.root(), this::actions, messages);
        layer = starting;
        applyStylesheets(layer);
        layer.setStyle(zoom.rootStyle(initial));
        Scene scene = new Scene(layer, size.getWidth(), size.getHeight());
        first.thenAttach(scene, () -> {
            listen(scene);
            if (layer != starting) {
                return; // a language switch came first and has built the whole window already
            }
            first.release();
            ContentFirst.loadModena();
            waitingView = early;
            layer.replaceShell(loadShell(language, messages));
            applyClassroomState();
        });
        openStage(scene);
    }

    /** Whether the menus, tabs and transport are in the window (at once with {@link #show}). */
    public boolean complete() {
        return shellView != null;
    }

    private Rectangle2D sizeAndZoom() {
        Rectangle2D size = initialSize(Screen.getPrimary().getVisualBounds());
        startingZoom = TextZoom.forWindow(size.getWidth(), size.getHeight());
        zoom = startingZoom;
        return size;
    }

    private void open(Scene scene) {
        listen(scene);
        openStage(scene);
    }

    /** The window's keys and a dropped scenario file, taken by {@code scene}. */
    private void listen(Scene scene) {
        // Before the actions (install keeps their filter last): a key over the lesson's card puts it away first.
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (layer != null) {
                layer.keyOverAbout(event);
            }
        });
        actions().install(scene);
        // A window made shorter (or taller) may need the compact layout (or no longer need it).
        scene.heightProperty().addListener((observable, before, now) -> {
            if (compact() != compactShown) {
                applyClassroomState();
            }
        });
        ScenarioDrop.install(scene, file -> open(() -> ScenarioReader.read(file), this::nameOf, true));
    }

    private void openStage(Scene scene) {
        // Which window the stage shows (see on()): after File → Open, no longer the one the app made.
        stage.getProperties().put(GroupScopeWindow.class, this);
        if (stage.getProperties().putIfAbsent(FULL_SCREEN_WATCH, Boolean.TRUE) == null) {
            // One listener per stage, for whichever window it shows now (File → Open replaces the window).
            stage.fullScreenProperty().addListener((observable, was, now) -> {
                if (!now) {
                    on(stage).ifPresent(GroupScopeWindow::leftFullScreen);
                }
            });
        }
        // Closing the window with unsaved what-ifs asks first, as File → Quit does.
        stage.setOnCloseRequest(event -> {
            if (saved.unsaved()) {
                event.consume();
                close();
            }
        });
        stage.setScene(scene);
        stage.setTitle(title(language));
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        stage.show();
        clock.start();
    }

    public void switchTo(UiLanguage next) {
        language = next;
        stage.getScene().setRoot(load(next));
        stage.setTitle(title(next));
    }

    /** The window's one registry of actions and their keys. */
    public UiActions actions() {
        if (actions == null) {
            actions = WindowActions.create(this);
        }
        return actions;
    }

    public Theme theme() {
        return theme;
    }

    /** Switches the colour theme (before or after the window is shown). */
    public void useTheme(Theme next) {
        theme = next;
        if (stage.getScene() != null && stage.getScene().getRoot() != null) {
            applyStylesheets(stage.getScene().getRoot());
        }
    }

    void nextTheme() {
        useTheme(Theme.values()[(theme.ordinal() + 1) % Theme.values().length]);
    }

    public boolean presenter() {
        return presenter;
    }

    /**
     * Presenter mode: full screen, larger text, the legend folded away; toggling it again restores the text size
     * and the window. Panels stay as the teacher set them (keys C, G, E).
     */
    public void togglePresenter() {
        presenter = !presenter;
        if (presenter) {
            zoomBeforePresenter = zoom;
            zoomTo(new TextZoom(Math.max(zoom.factor(), startingZoom.factor() + PRESENTER_BOOST)));
        } else if (zoomBeforePresenter != null) {
            zoomTo(zoomBeforePresenter);
        }
        // JavaFX's own hint follows the JVM's locale and says Esc; the class sees the window's language and F5.
        stage.setFullScreenExitHint(Messages.of(language.locale()).text("ui.presenter.exitHint"));
        stage.setFullScreen(presenter);
        applyClassroomState();
    }

    /**
     * Full screen was left without F5 — JavaFX's own exit key, Esc, or F11 — so presenter mode ends too, as F5 ends
     * it: otherwise the window stayed in presenter's large text with its menu bar folded away. Not while a new run
     * takes the stage ({@link #takeOver}): a new scene leaves full screen, and the class keeps its view.
     */
    private void leftFullScreen() {
        if (presenter && !takingOver) {
            togglePresenter();
        }
    }

    /** The "." key: blanks the screen, or shows it again. */
    public void toggleBlank() {
        if (layer != null) {
            layer.blank(!layer.blanked());
        }
    }

    public boolean blanked() {
        return layer != null && layer.blanked();
    }

    public void toggleHelp() {
        if (layer != null) {
            layer.showHelp(!layer.helpShown());
        }
    }

    public boolean helpShown() {
        return layer != null && layer.helpShown();
    }

    /** F2: the card saying what the lesson shown is about, in the window's language (or hides it). */
    public void toggleAbout() {
        if (layer == null) {
            return;
        }
        if (layer.aboutShown()) {
            layer.hideAbout();
        } else {
            layer.showAbout(runTitle(language), playground.scenarioDescription(language.tag()));
        }
    }

    public boolean aboutShown() {
        return layer != null && layer.aboutShown();
    }

    /**
     * Lays the card about the run over the window if its scenario says what it shows (every lesson does): a scenario
     * opened from a menu, dropped on the window, or named at start. One that says nothing starts without it (F2 then
     * says so).
     */
    public void introduce() {
        if (!playground.scenarioDescription(language.tag()).isEmpty() && !aboutShown()) {
            toggleAbout();
        }
    }

    /** Folds a panel away (or back): {@link #CLUSTER_PANEL}, {@link #GROUP_PANEL}, {@link #EXPLANATION_PANEL}. */
    public void togglePanel(String panel) {
        if (!hiddenPanels.remove(panel)) {
            hiddenPanels.add(panel);
        }
        applyClassroomState();
    }

    public boolean panelHidden(String panel) {
        return hiddenPanels.contains(panel);
    }

    void showTab(int index) {
        if (stage.getScene() != null && stage.getScene().getRoot().lookup("#tabs")
                instanceof javafx.scene.control.TabPane pane && index < pane.getTabs().size()) {
            pane.getSelectionModel().select(index);
        }
    }

    private void applyClassroomState() {
        if (stage.getScene() == null || stage.getScene().getRoot() == null) {
            return;
        }
        Parent root = stage.getScene().getRoot();
        // A TabPane's tab contents are its skin's children: until a CSS pass has made the skins (a rebuilt window
        // may run this before its first pulse), the lookups below would not find the panels inside the tabs.
        root.applyCss();
        root.pseudoClassStateChanged(PRESENTER, presenter);
        compactShown = compact();
        root.pseudoClassStateChanged(COMPACT, compactShown);
        // The compact layout folds away what the teacher talks through anyway: the playground's legend and the
        // earlier events; presenter mode every legend and the menu bar too (their keys still work), so a 1280x800
        // projector shows the whole playground. A window at large text keeps the lab's legend: it lists the lab's keys.
        fold(root, java.util.List.of(".recent-title", ".recent-events"), compactShown);
        for (javafx.scene.Node legend : root.lookupAll(".legend")) {
            boolean folded = presenter || compactShown && inPlayground(legend);
            legend.setVisible(!folded);
            legend.setManaged(!folded);
        }
        fold(root, java.util.List.of(".menu-bar"), presenter);
        for (String panel : java.util.List.of(CLUSTER_PANEL, GROUP_PANEL, EXPLANATION_PANEL)) {
            for (javafx.scene.Node node : root.lookupAll("." + panel)) {
                if (node.getParent() != null && node.getParent().getStyleClass().contains("stage-panes")
                        || panel.equals(EXPLANATION_PANEL)) {
                    node.setVisible(!hiddenPanels.contains(panel));
                    node.setManaged(!hiddenPanels.contains(panel));
                }
            }
        }
    }

    private static void fold(Parent root, java.util.List<String> selectors, boolean folded) {
        for (String selector : selectors) {
            for (javafx.scene.Node node : root.lookupAll(selector)) {
                node.setVisible(!folded);
                node.setManaged(!folded);
            }
        }
    }

    private static boolean inPlayground(javafx.scene.Node node) {
        for (javafx.scene.Node up = node; up != null; up = up.getParent()) {
            if (up.getStyleClass().contains("playground")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the window lays out compactly, as presenter mode does: in presenter mode, and wherever the text is large
     * for the window's height (fewer than {@link #COMPACT_LINES} lines). Otherwise Ctrl + on a 1280×800 projector
     * left the cluster and group panels a 180 px strip between the transport and the explanation, the consumers out of
     * sight, and pushed the explanation's last lines and the legend off the bottom of the window.
     */
    boolean compact() {
        Scene scene = stage.getScene();
        return presenter || scene != null && language != null
                && scene.getHeight() / zoom.fontPixels(language) < COMPACT_LINES;
    }

    private static final javafx.css.PseudoClass PRESENTER = javafx.css.PseudoClass.getPseudoClass("presenter");
    private static final javafx.css.PseudoClass COMPACT = javafx.css.PseudoClass.getPseudoClass("compact");

    private void applyStylesheets(Parent root) {
        root.getStylesheets().setAll(GroupScopeWindow.class.getResource(STYLESHEET).toExternalForm());
        theme.stylesheet().ifPresent(root.getStylesheets()::add);
        root.getStylesheets().add(zoom.menuStylesheet(language));
    }

    /** 1280×800 where the screen has room (all of it where it has less); 90% of a larger screen. */
    static Rectangle2D initialSize(Rectangle2D screen) {
        double width = Math.min(screen.getWidth(), Math.max(PREFERRED_WIDTH, screen.getWidth() * SHARE_OF_LARGE_SCREEN));
        double height = Math.min(screen.getHeight(),
                Math.max(PREFERRED_HEIGHT, screen.getHeight() * SHARE_OF_LARGE_SCREEN));
        return new Rectangle2D(0, 0, Math.floor(width), Math.floor(height));
    }

    public TextZoom zoom() {
        return zoom;
    }

    void zoomTo(TextZoom next) {
        zoom = next;
        stage.getScene().getRoot().setStyle(zoom.rootStyle(language));
        applyStylesheets(stage.getScene().getRoot());
        applyClassroomState();
    }

    /** Ctrl +: a step larger, as far as the window's size keeps the playground usable ({@link TextZoom#largestFor}). */
    void zoomIn() {
        Scene scene = stage.getScene();
        TextZoom larger = zoom.larger().atMost(TextZoom.largestFor(scene.getWidth(), scene.getHeight()));
        if (larger.factor() > zoom.factor()) {
            zoomTo(larger);
        }
    }

    void zoomOut() {
        zoomTo(zoom.smaller());
    }

    void resetZoom() {
        zoomTo(startingZoom);
    }

    public UiLanguage language() {
        return language;
    }

    public AssignorLabViewModel lab() {
        if (lab == null) {
            lab = labMaker.get();
        }
        return lab;
    }

    /** Whether the lab's model has been made (it waits for its tab or keys). */
    boolean labMade() {
        return lab != null;
    }

    /** Whether the assignor lab's tab is the one shown (kept across language switches). */
    public boolean labShown() {
        return LAB_TAB.equals(shownTab);
    }

    /** Shows the assignor lab's tab (true) or the playground's. */
    public void labShown(boolean shown) {
        showTab(shown ? LAB_TAB : PLAYGROUND_TAB);
    }

    /** The fx:id of the tab shown (kept across language switches). */
    public String shownTab() {
        return shownTab;
    }

    /** Shows the tab with this fx:id (playgroundTab, labTab, protocolTab). */
    public void showTab(String tabId) {
        if (!tabId.equals(shownTab)) {
            shownTab = tabId;
            if (stage.getScene() != null && stage.getScene().getRoot() != null) {
                javafx.scene.Node tabs = stage.getScene().getRoot().lookup("#tabs");
                if (tabs instanceof javafx.scene.control.TabPane pane) {
                    pane.getTabs().stream().filter(tab -> tabId.equals(tab.getId())).findFirst()
                            .ifPresent(tab -> pane.getSelectionModel().select(tab));
                }
            }
        }
    }

    /** The fx:ids of the tabs built so far in the current language (each is built when first shown). */
    java.util.Set<String> builtTabs() {
        return shellView == null ? java.util.Set.of() : shellView.builtTabs();
    }

    public CoordinatorCalculatorViewModel calculator() {
        return calculator;
    }

    /** The scene's root (for tools that look at the whole window). */
    javafx.scene.Parent stageRoot() {
        return stage.getScene().getRoot();
    }

    public AssignorCompareViewModel compare() {
        if (compare == null) {
            compare = new AssignorCompareViewModel();
        }
        return compare;
    }

    public PlaygroundViewModel playground() {
        return playground;
    }

    public SequenceViewModel sequence() {
        return sequence;
    }

    /** File → Export: asks where, then writes the picture of the current moment (see {@link ExportActions}). */
    void export(ExportActions.Kind kind) {
        Messages messages = Messages.of(language.locale());
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(messages.text("ui.export.title"));
        chooser.setInitialFileName(kind.suggestedFileName(playground.getTime()));
        String extension = kind.format().extension();
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(
                extension.toUpperCase(java.util.Locale.ROOT), "*." + extension));
        java.io.File file = chooser.showSaveDialog(stage);
        if (file != null) {
            exports.export(kind, file.toPath(), messages, failure -> failure.ifPresent(reason -> {
                javafx.scene.control.Alert alert = OwnedDialogs.ownedBy(new javafx.scene.control.Alert(
                        javafx.scene.control.Alert.AlertType.ERROR, messages.format("ui.export.failed",
                        java.util.Map.of("file", file.getName(), "reason", reason))), stage);
                alert.show();
            }));
        }
    }

    /** File → Open scenario…: asks for a scenario file, then opens it (see {@link #open}). */
    void chooseScenario() {
        Messages messages = Messages.of(language.locale());
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(messages.text("ui.open.title"));
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("JSON", "*.json"));
        java.io.File file = chooser.showOpenDialog(stage);
        if (file != null) {
            open(() -> ScenarioReader.read(file.toPath()), this::nameOf, true);
        }
    }

    /** File → Lessons: opens one of the lessons GroupScope comes with, and says what it shows (F2 again). */
    void openLesson(Lessons.Lesson lesson) {
        open(lesson::read, this::nameOf, true);
    }

    /**
     * Opens another scenario in this window's place. It is read and checked off the FX thread first: a file that
     * cannot be shown is an error dialog naming the file and the line and column or JSON path (in the window's
     * language), and the run shown goes on as it was, its what-if branches included. Otherwise, once what-ifs not yet
     * saved are saved or let go ({@link SavedRuns#thenLetGo}: cancelling keeps the run shown), a window on the new
     * run takes the stage, keeping this one's size, language, theme, text size, presenter mode, folded panels, tab,
     * assignor lab and comparison ({@link #on} then gives it).
     */
    public void open(java.util.function.Supplier<Scenario> reading) {
        open(reading, this::nameOf, false);
    }

    /**
     * {@link #open}, where {@code title} names the scenario when the person is asked about unsaved what-ifs, and
     * {@code introduced} lays the card about it over the new window ({@link #introduce}: the person chose it).
     */
    private void open(java.util.function.Supplier<Scenario> reading,
                      java.util.function.Function<Scenario, String> title, boolean introduced) {
        java.util.concurrent.CompletableFuture.supplyAsync(() -> PlaygroundViewModel.showable(reading.get()))
                .whenComplete((scenario, failure) -> javafx.application.Platform.runLater(
                        () -> opened(scenario, failure, title, introduced)));
    }

    /** The window {@code stage} shows now, if it shows one. */
    public static java.util.Optional<GroupScopeWindow> on(Stage stage) {
        return java.util.Optional.ofNullable((GroupScopeWindow) stage.getProperties().get(GroupScopeWindow.class));
    }

    private void opened(Scenario scenario, Throwable failure,
                        java.util.function.Function<Scenario, String> title, boolean introduced) {
        // Another scenario may have been opened meanwhile: the window shown now is the one to replace or to stay.
        GroupScopeWindow shown = on(stage).orElse(this);
        Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
        if (cause instanceof JsonInputException refused) {
            shown.refuse(refused);
        } else if (cause != null) {
            throw new IllegalStateException("cannot open the scenario", cause);
        } else {
            shown.saved.thenLetGo("ui.unsaved.open", java.util.Map.of("name", title.apply(scenario)), () -> {
                GroupScopeWindow next = new GroupScopeWindow(stage, PlaygroundViewModel.running(scenario), shown::lab);
                next.takeOver(shown);
                if (introduced) {
                    next.introduce();
                }
            });
        }
    }

    private void refuse(JsonInputException failure) {
        Messages messages = Messages.of(language.locale());
        // The reason wraps and often names a setting ("enable.auto.commit"): kept whole wherever a line breaks.
        javafx.scene.control.Alert alert = OwnedDialogs.ownedBy(new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.ERROR, WholeNames.in(failure.localized(messages))), stage);
        alert.setHeaderText(messages.text("ui.open.failed"));
        alert.getDialogPane().setId("open-failed");
        alert.show();
    }

    /** Shows this window on the stage in {@code previous}'s place, as the teacher had set that one up. */
    private void takeOver(GroupScopeWindow previous) {
        previous.clock.stop();
        previous.playground.close();
        language = previous.language;
        theme = previous.theme;
        zoom = previous.zoom;
        startingZoom = previous.startingZoom;
        zoomBeforePresenter = previous.zoomBeforePresenter;
        presenter = previous.presenter;
        hiddenPanels.addAll(previous.hiddenPanels);
        shownTab = previous.shownTab;
        compare = previous.compare;
        Scene shown = stage.getScene();
        // A stage given a new scene leaves full screen (presenter mode's, or F11's): the class keeps its view.
        boolean fullScreen = stage.isFullScreen();
        takingOver = true;
        try {
            open(new Scene(load(language), shown.getWidth(), shown.getHeight()));
            if (fullScreen) {
                String hint = stage.getFullScreenExitHint();
                stage.setFullScreenExitHint(""); // the class was told how to leave when it went full screen
                stage.setFullScreen(true);
                stage.setFullScreenExitHint(hint);
            }
        } finally {
            takingOver = false;
        }
    }

    void toggleFullScreen() {
        stage.setFullScreen(!stage.isFullScreen());
    }

    /** File → Quit: closes the window, once any unsaved what-ifs are saved or let go (see {@link SavedRuns}). */
    void close() {
        saved.thenLetGo("ui.unsaved.quit", java.util.Map.of(), stage::close);
    }

    /** File → Save run as scenario…: the branch shown, as a scenario file that runs it again. */
    void chooseSaveFile() {
        saved.choose(() -> { });
    }

    SavedRuns savedRuns() {
        return saved;
    }

    /** "Crash and rebalance — GroupScope": the run shown, a lesson by its title in the window's language. */
    private String title(UiLanguage language) {
        Messages messages = Messages.of(language.locale());
        return messages.format("ui.window.titleWithRun", java.util.Map.of("run", runTitle(language)));
    }

    /** {@code scenario}'s name in the window's language, where its file gives one. */
    private String nameOf(Scenario scenario) {
        return scenario.nameIn(language.tag());
    }

    /** The run shown, by its name in {@code language} where its file gives one (every lesson's does). */
    private String runTitle(UiLanguage language) {
        return playground.scenarioName(language.tag());
    }

    private Parent load(UiLanguage language) {
        ContentFirst.loadModena();
        Messages messages = Messages.of(language.locale());
        layer = new ClassroomLayer(loadShell(language, messages), this::actions, messages);
        applyStylesheets(layer);
        layer.setStyle(zoom.rootStyle(language));
        javafx.application.Platform.runLater(this::applyClassroomState);
        return layer;
    }

    /** The shell from its FXML (menus, tabs, the playground), its menus bound to the window's actions. */
    private Parent loadShell(UiLanguage language, Messages messages) {
        FXMLLoader loader = new FXMLLoader(GroupScopeWindow.class.getResource(SHELL), WholeNames.in(messages.bundle()));
        loader.setControllerFactory(type -> controller(type, language, messages));
        try {
            Parent shell = loader.load();
            actions().menusRebuilt();
            shellView = loader.getController();
            shellView.bindActions(actions());
            return shell;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + SHELL, e);
        }
    }

    /** Loads a part of the shell (a tab's content) in the current language, with the window's controllers. */
    Parent loadPart(String fxml) {
        Messages messages = Messages.of(language.locale());
        FXMLLoader loader = new FXMLLoader(GroupScopeWindow.class.getResource(fxml), WholeNames.in(messages.bundle()));
        loader.setControllerFactory(type -> controller(type, language, messages));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }

    private Object controller(Class<?> type, UiLanguage language, Messages messages) {
        if (type == ShellView.class) {
            return new ShellView(this, language);
        }
        if (type == PlaygroundView.class) {
            // The view whose panels were the first frame (showContentFirst) keeps them; later loads make their own.
            PlaygroundView view = waitingView != null ? waitingView : new PlaygroundView(playground, messages);
            waitingView = null;
            return view;
        }
        if (type == SequenceView.class) {
            return new SequenceView(sequence, playground, messages);
        }
        if (type == AssignorLabView.class) {
            return new AssignorLabView(lab(), messages);
        }
        if (type == AssignorCompareView.class) {
            return new AssignorCompareView(compare(), messages);
        }
        if (type == CoordinatorCalculatorView.class) {
            return new CoordinatorCalculatorView(calculator, messages);
        }
        if (type == NumbersView.class) {
            return new NumbersView(playground, messages);
        }
        throw new IllegalArgumentException("no controller for " + type.getName());
    }
}
