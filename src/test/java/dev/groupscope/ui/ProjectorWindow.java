package dev.groupscope.ui;

import javafx.stage.Stage;

/** For window tests: the main window on the built-in playground, in English, the size of a 1280×800 projector. */
final class ProjectorWindow {

    private ProjectorWindow() {
    }

    static GroupScopeWindow open(Stage stage) {
        GroupScopeWindow window = new GroupScopeWindow(stage, new AssignorLabViewModel(),
                PlaygroundViewModel.playground());
        window.show(UiLanguage.ENGLISH);
        stage.setWidth(1280);
        stage.setHeight(800);
        return window;
    }
}
