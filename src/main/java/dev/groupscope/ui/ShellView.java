package dev.groupscope.ui;

import java.util.HashMap;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** Code-behind of {@code fxml/main.fxml}, the window shell: the menus for language, text size, full screen and
 * quitting. */
public final class ShellView {

    private final GroupScopeWindow window;
    private final UiLanguage language;

    @FXML private RadioMenuItem english;
    @FXML private RadioMenuItem chinese;
    @FXML private TabPane tabs;
    @FXML private Tab playgroundTab;
    @FXML private Tab labTab;
    private final Map<Tab, Node> contents = new HashMap<>();

    public ShellView(GroupScopeWindow window, UiLanguage language) {
        this.window = window;
        this.language = language;
    }

    @FXML
    private void initialize() {
        english.setSelected(language == UiLanguage.ENGLISH);
        chinese.setSelected(language == UiLanguage.SIMPLIFIED_CHINESE);
        // Only the shown tab's nodes are in the scene, so ids such as consumer-C1 are unique in it.
        for (Tab tab : tabs.getTabs()) {
            contents.put(tab, tab.getContent());
        }
        tabs.getSelectionModel().selectedItemProperty().addListener((observable, before, now) -> showOnly(now));
        tabs.getSelectionModel().select(window.labShown() ? labTab : playgroundTab);
        showOnly(tabs.getSelectionModel().getSelectedItem());
    }

    private void showOnly(Tab shown) {
        if (shown == labTab && contents.get(labTab) == null) {
            contents.put(labTab, window.loadPart(GroupScopeWindow.LAB));
        }
        for (Tab tab : tabs.getTabs()) {
            tab.setContent(tab == shown ? contents.get(tab) : null);
        }
        window.labShown(shown == labTab);
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
