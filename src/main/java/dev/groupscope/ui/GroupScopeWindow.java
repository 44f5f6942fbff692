package dev.groupscope.ui;

import dev.groupscope.i18n.Messages;
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
    private static final String SHELL = "/fxml/main.fxml";
    private static final String STYLESHEET = "/dev/groupscope/ui/groupscope.css";

    private final Stage stage;
    private final AssignorLabViewModel lab;
    private final AssignorCompareViewModel compare = new AssignorCompareViewModel();
    private final PlaygroundViewModel playground;
    private final AnimationTimer clock;
    private UiLanguage language;
    private TextZoom zoom = new TextZoom(1);
    private TextZoom startingZoom = zoom;
    private boolean labShown;

    public GroupScopeWindow(Stage stage) {
        this(stage, new AssignorLabViewModel(), PlaygroundViewModel.playground());
    }

    public GroupScopeWindow(Stage stage, AssignorLabViewModel lab) {
        this(stage, lab, PlaygroundViewModel.playground());
    }

    public GroupScopeWindow(Stage stage, AssignorLabViewModel lab, PlaygroundViewModel playground) {
        this.stage = stage;
        this.lab = lab;
        this.playground = playground;
        this.clock = new AnimationTimer() {
            @Override
            public void handle(long now) {
                playground.tick(now);
            }
        };
        stage.setOnHidden(event -> clock.stop());
    }

    public void show(UiLanguage initial) {
        language = initial;
        Rectangle2D size = initialSize(Screen.getPrimary().getVisualBounds());
        startingZoom = TextZoom.forWindow(size.getWidth(), size.getHeight());
        zoom = startingZoom;
        Scene scene = new Scene(load(initial), size.getWidth(), size.getHeight());
        stage.setScene(scene);
        stage.setTitle(title(initial));
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
    }

    void zoomIn() {
        zoomTo(zoom.larger());
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
        return lab;
    }

    /** Whether the assignor lab's tab is the one shown (kept across language switches). */
    public boolean labShown() {
        return labShown;
    }

    /** Shows the assignor lab's tab (true) or the playground's. */
    public void labShown(boolean shown) {
        if (labShown != shown) {
            labShown = shown;
            if (stage.getScene() != null && stage.getScene().getRoot() != null) {
                javafx.scene.Node tabs = stage.getScene().getRoot().lookup("#tabs");
                // Leaving the lab for another tab (Numbers, say) must not pull the playground to the front.
                if (tabs instanceof javafx.scene.control.TabPane pane
                        && (shown || pane.getSelectionModel().getSelectedIndex() == 1)) {
                    pane.getSelectionModel().select(shown ? 1 : 0);
                }
            }
        }
    }

    /** The scene's root (for tools that look at the whole window). */
    javafx.scene.Parent stageRoot() {
        return stage.getScene().getRoot();
    }

    public AssignorCompareViewModel compare() {
        return compare;
    }

    public PlaygroundViewModel playground() {
        return playground;
    }

    void toggleFullScreen() {
        stage.setFullScreen(!stage.isFullScreen());
    }

    void close() {
        stage.close();
    }

    private static String title(UiLanguage language) {
        return Messages.of(language.locale()).text("ui.window.title");
    }

    private Parent load(UiLanguage language) {
        Messages messages = Messages.of(language.locale());
        FXMLLoader loader = new FXMLLoader(GroupScopeWindow.class.getResource(SHELL), messages.bundle());
        loader.setControllerFactory(type -> controller(type, language, messages));
        try {
            Parent root = loader.load();
            root.getStylesheets().add(GroupScopeWindow.class.getResource(STYLESHEET).toExternalForm());
            root.setStyle(zoom.rootStyle(language));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + SHELL, e);
        }
    }

    private Object controller(Class<?> type, UiLanguage language, Messages messages) {
        if (type == ShellView.class) {
            return new ShellView(this, language);
        }
        if (type == PlaygroundView.class) {
            return new PlaygroundView(playground, messages);
        }
        if (type == AssignorLabView.class) {
            return new AssignorLabView(lab, messages);
        }
        if (type == AssignorCompareView.class) {
            return new AssignorCompareView(compare, messages);
        }
        if (type == NumbersView.class) {
            return new NumbersView(playground, messages);
        }
        throw new IllegalArgumentException("no controller for " + type.getName());
    }
}
