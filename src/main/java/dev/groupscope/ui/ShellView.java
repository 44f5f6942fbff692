package dev.groupscope.ui;

import dev.groupscope.i18n.Messages;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** Code-behind of {@code fxml/main.fxml}, the window shell: the menus (their actions and keys from
 * {@link UiActions}), the language and theme choices, and the tabs. */
public final class ShellView {

    /**
     * The tabs other than the playground, by fx:id, and the FXML of their content. Each is loaded the first time its
     * tab is selected: start-up builds (and styles) only what the first frame shows.
     */
    static final Map<String, String> PARTS = Map.of(
            "labTab", "/fxml/assignor-lab.fxml",
            "coordinatorTab", "/fxml/coordinator.fxml",
            "protocolTab", "/fxml/sequence.fxml",
            "numbersTab", "/fxml/numbers.fxml",
            "compareTab", "/fxml/assignor-compare.fxml");

    private final GroupScopeWindow window;
    private final UiLanguage language;

    @FXML private java.util.ResourceBundle resources;
    @FXML private RadioMenuItem english;
    @FXML private RadioMenuItem chinese;
    @FXML private TabPane tabs;
    @FXML private Tab playgroundTab;
    @FXML private MenuItem quitItem;
    @FXML private MenuItem openItem;
    @FXML private MenuItem saveItem;
    @FXML private Menu lessonsMenu;
    @FXML private MenuItem exportTopologySvg;
    @FXML private MenuItem exportTopologyPng;
    @FXML private MenuItem exportSequenceSvg;
    @FXML private MenuItem largerText;
    @FXML private MenuItem smallerText;
    @FXML private MenuItem defaultTextSize;
    @FXML private MenuItem fullScreenItem;
    @FXML private MenuItem presenterItem;
    @FXML private MenuItem helpItem;
    @FXML private MenuItem aboutItem;
    @FXML private Menu themeMenu;
    private final Map<Tab, Node> contents = new HashMap<>();

    public ShellView(GroupScopeWindow window, UiLanguage language) {
        this.window = window;
        this.language = language;
    }

    @FXML
    private void initialize() {
        english.setSelected(language == UiLanguage.ENGLISH);
        listLessons();
        chinese.setSelected(language == UiLanguage.SIMPLIFIED_CHINESE);
        // Only the shown tab's nodes are in the scene, so ids such as consumer-C1 are unique in it.
        for (Tab tab : tabs.getTabs()) {
            contents.put(tab, tab.getContent());
            // ui.tab.lab.short for labTab: what its header says when the six full names do not fit the width.
            FittingTabPane.setShortText(tab, resources.getString(
                    "ui.tab." + tab.getId().substring(0, tab.getId().length() - "Tab".length()) + ".short"));
        }
        tabs.getSelectionModel().selectedItemProperty().addListener((observable, before, now) -> showOnly(now));
        tabs.getSelectionModel().select(tabs.getTabs().stream().filter(tab -> window.shownTab().equals(tab.getId()))
                .findFirst().orElse(playgroundTab));
        showOnly(tabs.getSelectionModel().getSelectedItem());
    }

    /** Menus take their handlers and keys from the window's one action registry. */
    void bindActions(UiActions actions) {
        actions.bind(quitItem, "quit");
        actions.bind(openItem, "open");
        actions.bind(saveItem, "save");
        actions.bind(exportTopologySvg, "export.topologySvg");
        actions.bind(exportTopologyPng, "export.topologyPng");
        actions.bind(exportSequenceSvg, "export.sequenceSvg");
        actions.bind(largerText, "zoom.in");
        actions.bind(smallerText, "zoom.out");
        actions.bind(defaultTextSize, "zoom.reset");
        actions.bind(fullScreenItem, "fullScreen");
        actions.bind(presenterItem, "presenter");
        actions.bind(helpItem, "help");
        actions.bind(aboutItem, "about");
        ToggleGroup themes = new ToggleGroup();
        for (Theme theme : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(resources.getString(theme.labelKey()));
            item.setId("theme-" + theme.tag());
            item.setToggleGroup(themes);
            item.setSelected(window.theme() == theme);
            item.setOnAction(event -> window.useTheme(theme));
            themeMenu.getItems().add(item);
        }
    }

    /** File → Lessons: a submenu per section, each lesson under its title in the window's language. */
    private void listLessons() {
        Messages messages = Messages.of(language.locale());
        for (Lessons.Section section : Lessons.sections()) {
            Menu part = new Menu(section.title(messages));
            part.setMnemonicParsing(false);
            for (Lessons.Lesson lesson : section.lessons()) {
                MenuItem item = new MenuItem(lesson.title(language.tag()));
                item.setMnemonicParsing(false); // titles such as auto.offset.reset_none hold underscores
                item.setId("lesson-" + lesson.name());
                item.setOnAction(event -> window.openLesson(lesson));
                part.getItems().add(item);
            }
            lessonsMenu.getItems().add(part);
        }
    }

    /** The fx:ids of the tabs whose content has been built (the playground's always is). */
    Set<String> builtTabs() {
        Set<String> built = new TreeSet<>();
        contents.forEach((tab, content) -> {
            if (content != null) {
                built.add(tab.getId());
            }
        });
        return built;
    }

    private void showOnly(Tab shown) {
        if (contents.get(shown) == null && PARTS.containsKey(shown.getId())) {
            contents.put(shown, window.loadPart(PARTS.get(shown.getId())));
        }
        for (Tab tab : tabs.getTabs()) {
            tab.setContent(tab == shown ? contents.get(tab) : null);
        }
        window.showTab(shown.getId());
    }

    @FXML
    private void useEnglish() {
        window.switchTo(UiLanguage.ENGLISH);
    }

    @FXML
    private void useChinese() {
        window.switchTo(UiLanguage.SIMPLIFIED_CHINESE);
    }

}
