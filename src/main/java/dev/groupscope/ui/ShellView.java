package dev.groupscope.ui;

import javafx.fxml.FXML;
import javafx.scene.control.RadioMenuItem;

/** Code-behind of {@code fxml/main.fxml}, the window shell: the menus for language, text size, full screen and
 * quitting. */
public final class ShellView {

    private final GroupScopeWindow window;
    private final UiLanguage language;

    @FXML private RadioMenuItem english;
    @FXML private RadioMenuItem chinese;

    public ShellView(GroupScopeWindow window, UiLanguage language) {
        this.window = window;
        this.language = language;
    }

    @FXML
    private void initialize() {
        english.setSelected(language == UiLanguage.ENGLISH);
        chinese.setSelected(language == UiLanguage.SIMPLIFIED_CHINESE);
    }

    @FXML
    private void useEnglish() {
        window.switchTo(UiLanguage.ENGLISH);
    }

    @FXML
    private void useChinese() {
        window.switchTo(UiLanguage.SIMPLIFIED_CHINESE);
    }

    @FXML
    private void toggleFullScreen() {
        window.toggleFullScreen();
    }

    @FXML
    private void largerText() {
        window.zoomIn();
    }

    @FXML
    private void smallerText() {
        window.zoomOut();
    }

    @FXML
    private void defaultTextSize() {
        window.resetZoom();
    }

    @FXML
    private void quit() {
        window.close();
    }
}
