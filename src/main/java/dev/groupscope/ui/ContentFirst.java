package dev.groupscope.ui;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * The window's first frame when it starts content first: the playground's panels, drawn from the model, at about
 * the place they keep when the menus, tabs and transport arrive above them and the explanation below (so nothing
 * jumps across the window); the strips those take are left blank until then. Once a frame of the model has been
 * laid out, the rest of the window is attached right after that pulse, while the frame is being drawn.
 *
 * <p>The frame is styled without Modena: the first control JavaFX makes loads Modena (every control's look, most of
 * what that first control costs) unless the application has a user-agent stylesheet of its own. The panels' labels,
 * button and scroll panes need only a few of its looks, which {@code first-frame.css} gives them; Modena takes over
 * when the rest of the window is attached ({@link #loadModena}), and restyles the same nodes as it always did.
 */
final class ContentFirst {

    /** What the menu bar, the tab headers and the two transport rows take above the panels, in em of the root font. */
    static final double CHROME_ABOVE_EM = 9.6;
    /** What the explanation (two lines) and the legend take below them, in em. */
    static final double CHROME_BELOW_EM = 9.0;

    private static final String FIRST_FRAME_STYLESHEET = "/dev/groupscope/ui/first-frame.css";
    /** Once per JVM, and only before anything has asked for another user-agent stylesheet. */
    private static final AtomicBoolean MODENA_DEFERRED_ONCE = new AtomicBoolean();
    private static final AtomicBoolean FONTS_STARTED = new AtomicBoolean();
    /** Whether the user-agent stylesheet is the first frame's now, waiting for {@link #loadModena}. */
    private static volatile boolean withoutModena;

    private final PlaygroundView view;
    private final BorderPane root;

    ContentFirst(PlaygroundView view, double fontPixels) {
        this.view = view;
        root = new BorderPane(view.panels());
        root.getStyleClass().add("content-first");
        root.setTop(blank(CHROME_ABOVE_EM * fontPixels));
        root.setBottom(blank(CHROME_BELOW_EM * fontPixels));
    }

    private static Region blank(double height) {
        Region blank = new Region();
        blank.setMinHeight(height);
        blank.setPrefHeight(height);
        return blank;
    }

    /**
     * Starts the font system on a thread of its own, once per JVM: the first text laid out asks fontconfig for every
     * installed font and opens the default one's files, a tenth of a second or more (a bare window, with no text,
     * never does). The FX thread would do it in the middle of building the panels; this way it is done, or under
     * way, by the time they need it. Measuring a text that belongs to no scene is allowed on any thread.
     */
    static void startFonts() {
        if (!FONTS_STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread fonts = new Thread(() -> {
            Font regular = Font.getDefault();
            for (Font font : List.of(regular, Font.font(regular.getFamily(), FontWeight.BOLD, regular.getSize()))) {
                Text text = new Text("Broker 1 orders-0");
                text.setFont(font);
                text.getLayoutBounds();
            }
        }, "groupscope-fonts");
        fonts.setDaemon(true);
        fonts.start();
    }

    /**
     * Makes the first frame's stylesheet the user agent's, so no control made before {@link #loadModena} loads
     * Modena; does nothing when the application has one of its own or has been through this before (a control made
     * earlier may have loaded Modena already, and swapping it out would restyle every window for nothing).
     */
    static void deferModena() {
        if (Application.getUserAgentStylesheet() == null && MODENA_DEFERRED_ONCE.compareAndSet(false, true)) {
            Application.setUserAgentStylesheet(ContentFirst.class.getResource(FIRST_FRAME_STYLESHEET).toExternalForm());
            withoutModena = true;
        }
    }

    /** Gives every control Modena's look again (the JavaFX default), if {@link #deferModena} took it away. */
    static void loadModena() {
        if (withoutModena) {
            withoutModena = false;
            Application.setUserAgentStylesheet(null);
        }
    }

    /** Whether the controls shown are styled without Modena (between {@link #deferModena} and {@link #loadModena}). */
    static boolean withoutModena() {
        return withoutModena;
    }

    Parent root() {
        return root;
    }

    /** Runs {@code attach} right after the first pulse that lays out the panels with a frame of the model. */
    void thenAttach(Scene scene, Runnable attach) {
        scene.addPostLayoutPulseListener(new Runnable() {
            private boolean queued;

            @Override
            public void run() {
                if (!queued && view.showsFrame()) {
                    queued = true;
                    // Not removed here: the scene is going through its listeners.
                    Platform.runLater(() -> {
                        scene.removePostLayoutPulseListener(this);
                        attach.run();
                    });
                }
            }
        });
    }

    /** Lets go of the panels, so the shell can take them. */
    void release() {
        root.setCenter(null);
    }
}
