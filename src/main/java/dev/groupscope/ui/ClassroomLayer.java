package dev.groupscope.ui;

import dev.groupscope.i18n.Messages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The scene's root: the window shell with three layers a teacher can lay over it — the help overlay listing every key
 * of the {@link UiActions} registry ({@code #helpOverlay}), the card saying what the lesson shown is about
 * ({@code #aboutOverlay}), and a blank screen ({@code #blankScreen}, the "." key) that hides everything while the
 * class looks at the teacher. The help overlay is built the first time it is shown: it is a third of the window's
 * nodes, and start-up would otherwise style and lay them out unseen.
 */
final class ClassroomLayer extends StackPane {

    /** The actions whose keys leave the card up: it toggles itself, the others change only how the window looks. */
    static final java.util.Set<String> KEEP_CARD =
            java.util.Set.of("about", "presenter", "fullScreen", "zoom.in", "zoom.out", "zoom.reset", "theme.next",
                    "blank");

    /** A number and its unit ("35 s", "500 ms", "15 秒"), which {@link #withUnits} keeps on one line. */
    private static final java.util.regex.Pattern UNIT_AFTER_NUMBER =
            java.util.regex.Pattern.compile("(\\d) (s|ms|min|秒|毫秒|分钟)(?![\\w])");
    /** A partition and its offset ("logs-2 @ 12"), which {@link #withUnits} keeps on one line too. */
    private static final java.util.regex.Pattern AT_OFFSET = java.util.regex.Pattern.compile("(\\S) @ (\\d)");

    /** The window's actions, asked for only when the help overlay or the card about the lesson is first shown. */
    private final java.util.function.Supplier<UiActions> actions;
    private final Messages messages;
    private Region help;
    private Region about;
    private final Region blank;

    ClassroomLayer(Parent shell, java.util.function.Supplier<UiActions> actions, Messages messages) {
        this.actions = actions;
        this.messages = messages;
        blank = new StackPane(new Label(messages.text("ui.blank.hint")));
        blank.setId("blankScreen");
        blank.getStyleClass().add("blank-screen");
        blank.setVisible(false);
        getStyleClass().add("classroom-layer");
        getChildren().addAll(shell, blank);
    }

    /** Puts the window's shell in place of the one shown so far (the content-first start's panels). */
    void replaceShell(Parent shell) {
        getChildren().set(0, shell);
    }

    void showHelp(boolean shown) {
        if (shown && help == null) {
            help = helpOverlay(actions.get(), messages);
            help.setOnMouseClicked(event -> help.setVisible(false));
            // Under the blank screen, which hides everything.
            getChildren().add(getChildren().indexOf(blank), help);
        }
        if (help != null) {
            help.setVisible(shown);
        }
    }

    boolean helpShown() {
        return help != null && help.isVisible();
    }

    /**
     * Lays the card about the lesson over the window: {@code title}, then {@code text} (what the lesson shows), or a
     * line saying the scenario says nothing about itself when {@code text} is empty.
     */
    void showAbout(String title, String text) {
        hideAbout();
        about = overlay("about", aboutCard(title, text, actions.get().keyText("about"), messages));
        about.setOnMouseClicked(event -> hideAbout());
        getChildren().add(getChildren().indexOf(blank), about);
    }

    void hideAbout() {
        getChildren().remove(about);
        about = null;
    }

    boolean aboutShown() {
        return about != null;
    }

    /**
     * Over the card, a key closes it and then does what it does (Space closes it and plays), as a learner expects of a
     * card that introduces what comes next; Esc only closes it (in full screen JavaFX also leaves full screen, before
     * any scene sees the key). The card's own key is left to toggle it, and the keys that only change how the window
     * looks ({@link #KEEP_CARD}) leave it up: a teacher makes the card larger for the class before reading it out.
     * The scene calls this before it dispatches the key to its action.
     */
    void keyOverAbout(KeyEvent event) {
        if (about == null || event.getCode().isModifierKey() || keptBy(event)) {
            return;
        }
        hideAbout();
        if (event.getCode() == KeyCode.ESCAPE) {
            event.consume();
        }
    }

    private boolean keptBy(KeyEvent event) {
        return actions.get().all().stream().filter(action -> KEEP_CARD.contains(action.id()))
                .anyMatch(action -> action.keys().stream().anyMatch(keys -> keys.match(event)));
    }

    void blank(boolean blanked) {
        blank.setVisible(blanked);
    }

    boolean blanked() {
        return blank.isVisible();
    }

    /** Two columns of sections, so the whole list fits a 1280x800 screen without scrolling, even in presenter mode. */
    private static Region helpOverlay(UiActions actions, Messages messages) {
        GridPane left = new GridPane();
        GridPane right = new GridPane();
        int rows = (int) actions.all().stream().filter(a -> !a.keys().isEmpty()).count()
                + UiAction.Section.values().length;
        GridPane keys = left;
        int row = 0;
        UiAction.Section section = null;
        List<UiAction> bySection = new ArrayList<>(actions.all());
        bySection.sort(Comparator.comparing(UiAction::section)); // stable: registry order within a section
        for (UiAction action : bySection) {
            if (action.keys().isEmpty()) {
                continue;
            }
            if (action.section() != section) {
                section = action.section();
                if (keys == left && row >= rows / 2 - 3) {
                    keys = right;
                    row = 0;
                }
                Label heading = new Label(messages.text("ui.help.section." + section.name()));
                heading.getStyleClass().add("help-section");
                keys.add(heading, 0, row++, 2, 1);
            }
            Label key = new Label(action.keyText());
            key.setId("help-key-" + action.id().replace('.', '-'));
            key.getStyleClass().add("help-key");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label label = new Label(withoutMnemonic(messages.text(action.labelKey())));
            label.setId("help-label-" + action.id().replace('.', '-'));
            label.getStyleClass().add("help-label");
            label.setMinWidth(Region.USE_PREF_SIZE);
            keys.add(key, 0, row);
            keys.add(label, 1, row++);
        }
        left.getStyleClass().add("help-keys");
        right.getStyleClass().add("help-keys");
        Label title = new Label(messages.text("ui.help.title"));
        title.getStyleClass().add("help-title");
        Label close = new Label(messages.format("ui.help.close", Map.of("key", actions.keyText("help"))));
        close.getStyleClass().add("help-close");
        // What no key does: the mouse's what-ifs, which a class otherwise only finds by chance.
        Label mouse = new Label(messages.text("ui.help.mouse"));
        mouse.setId("help-mouse");
        mouse.getStyleClass().add("help-close");
        HBox columns = new HBox(left, right);
        columns.getStyleClass().add("help-columns");
        VBox card = new VBox(title, close, mouse, columns);
        // The card keeps its whole size, even where the window is smaller (shrinkToFit scales it down): squeezed
        // by the overlay, it gave a line one row and the mouse line ended in "right-clic...".
        card.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        wrapWithin(close);
        wrapWithin(mouse);
        return overlay("help", card);
    }

    /**
     * The lesson's title and what it shows, wrapped at a width one reads comfortably (the card's CSS max width, in
     * em so that it grows with the text), and how to close it.
     */
    private static Region aboutCard(String title, String text, String key, Messages messages) {
        // Names such as auto.offset.reset and orders-2 stay whole where the Chinese text wraps.
        Label heading = new Label(WholeNames.in(title));
        heading.setId("aboutTitle");
        heading.getStyleClass().add("help-title");
        Label body = new Label(WholeNames.in(withUnits(text.isEmpty() ? messages.text("ui.about.none") : text)));
        body.setId("aboutText");
        body.getStyleClass().add("about-text");
        Label close = new Label(messages.format("ui.about.close", Map.of("key", key)));
        close.getStyleClass().add("help-close");
        for (Label line : List.of(heading, body, close)) {
            line.setWrapText(true);
            line.setMinHeight(Region.USE_PREF_SIZE); // a wrapped line keeps every row it needs
        }
        VBox card = new VBox(heading, body, close);
        card.getStyleClass().add("about-card");
        card.setMaxHeight(Region.USE_PREF_SIZE);
        return card;
    }

    /**
     * "35 s" and "500 ms" never break between the number and its unit, nor "logs-2 @ 12" around its "@": no-break
     * spaces join them.
     */
    static String withUnits(String text) {
        String units = UNIT_AFTER_NUMBER.matcher(text).replaceAll("$1\u00A0$2");
        return AT_OFFSET.matcher(units).replaceAll("$1\u00A0@\u00A0$2");
    }

    /**
     * A card centred over the window on a dimmed backdrop ({@code #<name>Overlay}, the card {@code #<name>Card}): the
     * overlay takes the window's size, however large the card, and the card then scales itself down to fit it.
     */
    private static Region overlay(String name, Region card) {
        card.getStyleClass().add("help-card");
        card.setId(name + "Card");
        StackPane overlay = new StackPane(card);
        overlay.setId(name + "Overlay");
        overlay.getStyleClass().add("help-overlay");
        StackPane.setAlignment(card, Pos.CENTER);
        overlay.setMinSize(0, 0);
        javafx.beans.InvalidationListener fit = observable -> shrinkToFit(card, overlay);
        overlay.widthProperty().addListener(fit);
        overlay.heightProperty().addListener(fit);
        card.layoutBoundsProperty().addListener(fit);
        return overlay;
    }

    /**
     * A line of the card wraps at the width the key columns below it give the card: it asks for no width of its
     * own (so the card is as wide as the columns) and takes all the card has.
     */
    private static void wrapWithin(Label line) {
        line.setWrapText(true);
        line.setMinWidth(0);
        line.setPrefWidth(1);
        line.setMaxWidth(Double.MAX_VALUE);
    }

    /**
     * Presenter mode and Ctrl + make the list of keys larger than the screen: then the card is scaled down (about
     * its centre, where the overlay puts it) until all of it shows, rather than being cut at every edge.
     */
    private static void shrinkToFit(Region card, Region overlay) {
        double width = overlay.getWidth() - overlay.snappedLeftInset() - overlay.snappedRightInset();
        double height = overlay.getHeight() - overlay.snappedTopInset() - overlay.snappedBottomInset();
        double cardWidth = card.getLayoutBounds().getWidth();
        double cardHeight = card.getLayoutBounds().getHeight();
        if (width <= 0 || height <= 0 || cardWidth <= 0 || cardHeight <= 0) {
            return;
        }
        double scale = Math.min(1, Math.min(width / cardWidth, height / cardHeight));
        card.setScaleX(scale);
        card.setScaleY(scale);
    }

    /**
     * A menu label as the help lists it: "_Quit" is "Quit", and a Chinese label's "(_O)" goes wherever it stands
     * ("打开场景(_O)…" is "打开场景…"; only one at the end was removed, and the help said "打开场景(O)…").
     */
    static String withoutMnemonic(String menuLabel) {
        return menuLabel.replaceAll("\\(_.\\)", "").replace("_", "");
    }
}
