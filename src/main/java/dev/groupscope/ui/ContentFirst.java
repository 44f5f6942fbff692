package dev.groupscope.ui;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;

/**
 * The window's first frame when it starts content first: the playground's panels, drawn from the model, at about
 * the place they keep when the menus, tabs and transport arrive above them and the explanation below (so nothing
 * jumps across the window); the strips those take are left blank until then. Once a frame of the model has been
 * laid out, the rest of the window is attached right after that pulse, while the frame is being drawn.
 */
final class ContentFirst {

    /** What the menu bar, the tab headers and the two transport rows take above the panels, in em of the root font. */
    static final double CHROME_ABOVE_EM = 9.6;
    /** What the explanation (two lines) and the legend take below them, in em. */
    static final double CHROME_BELOW_EM = 9.0;

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
