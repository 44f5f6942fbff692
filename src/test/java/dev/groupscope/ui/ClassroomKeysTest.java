package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The classroom keys as a teacher with a clicker uses them, and the registry behind menus and the help overlay. */
@ExtendWith(ApplicationExtension.class)
class ClassroomKeysTest {

    private GroupScopeWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), PlaygroundViewModel.playground());
        window.show(UiLanguage.ENGLISH);
    }

    @Test
    void f1ListsEveryActionWithItsKeysAndClosesAgain(FxRobot robot) {
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#helpOverlay").query().isVisible()).isTrue();
        for (UiAction action : window.actions().all()) {
            String id = action.id().replace('.', '-');
            assertThat(text(robot, "#help-key-" + id)).as(action.id()).isEqualTo(action.keyText());
            assertThat(text(robot, "#help-label-" + id)).as(action.id()).isNotBlank().doesNotStartWith("ui.");
        }
        assertThat(text(robot, "#help-key-next")).isEqualTo("Page Down / →");
        assertThat(text(robot, "#help-key-blank")).isEqualTo(".");
        // What no key does is on the card too: the mouse's what-ifs.
        assertThat(text(robot, "#help-mouse")).contains("right-click it to lose that message");

        robot.type(KeyCode.F1);
        assertThat(robot.lookup("#helpOverlay").query().isVisible()).isFalse();
    }

    @Test
    void theHelpCardShowsEveryLineWholeOnAProjectorsScreenInBothLanguages(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        for (UiLanguage language : UiLanguage.values()) {
            robot.interact(() -> window.switchTo(language));
            for (boolean presenter : new boolean[] {false, true}) {
                if (presenter) {
                    robot.type(KeyCode.F5);
                }
                robot.type(KeyCode.F1);
                WaitForAsyncUtils.waitForFxEvents();
                javafx.scene.Parent card = robot.lookup("#helpCard").query();

                // The mouse line is the longest: it wraps inside the card rather than ending in "right-clic...".
                assertThat(TruncatedText.in(card)).as(language + (presenter ? ", presenter mode" : "")).isEmpty();
                // Where the screen is too small the card is scaled down whole, never squeezed to less than it needs.
                javafx.scene.layout.Region region = (javafx.scene.layout.Region) card;
                assertThat(region.getHeight()).isGreaterThanOrEqualTo(region.prefHeight(region.getWidth()) - 0.5);

                robot.type(KeyCode.F1);
                if (presenter) {
                    robot.type(KeyCode.F5);
                }
            }
        }
    }

    @Test
    void theChineseHelpListsActionsWithoutTheirMenuMnemonics(FxRobot robot) {
        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();

        // The menu says "打开场景(_O)…" (Alt+O in the File menu); the help said "打开场景(O)…" beside Ctrl+O.
        assertThat(text(robot, "#help-label-open")).isEqualTo("打开场景…");
        assertThat(text(robot, "#help-label-quit")).isEqualTo("退出");
        for (UiAction action : window.actions().all()) {
            assertThat(text(robot, "#help-label-" + action.id().replace('.', '-'))).as(action.id())
                    .doesNotContainPattern("\\([A-Z]\\)").doesNotContain("_");
        }
    }

    @Test
    void everyToolbarButtonHasAKeyInTheRegistry(FxRobot robot) {
        for (String button : new String[] {"#play", "#next", "#previous", "#addConsumer", "#crashConsumer",
                                           "#stopBroker"}) {
            String tooltip = robot.lookup(button).<Labeled>query().getTooltip().getText();
            assertThat(window.actions().all().stream().anyMatch(action -> !action.keys().isEmpty()
                    && tooltip.contains(action.keys().get(0).getDisplayText()))).as(button).isTrue();
        }
    }

    @Test
    void menusShowTheRegistrysKeys(FxRobot robot) {
        MenuBar bar = robot.lookup("#menuBar").query();
        int checked = 0;
        for (var menu : bar.getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (item.getAccelerator() != null) {
                    assertThat(window.actions().all().stream().anyMatch(a -> a.keys().contains(item.getAccelerator())))
                            .as(item.getText()).isTrue();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(7);
    }

    @Test
    void ctrlPlusStopsAtTheLargestTextTheWindowShowsUsefully(FxRobot robot) {
        TextZoom largest = TextZoom.largestFor(stage.getScene().getWidth(), stage.getScene().getHeight());
        for (int i = 0; i < 15; i++) {
            robot.interact(window::zoomIn);
        }
        assertThat(window.zoom()).isEqualTo(largest);
        assertThat(largest.factor()).isLessThan(TextZoom.MAX);
        robot.interact(window::zoomOut);
        assertThat(window.zoom().factor()).isLessThan(largest.factor());
        robot.interact(window::resetZoom);
    }

    @Test
    void clickerKeysStepForwardAndBack(FxRobot robot) {
        waitFor(() -> window.playground().getFrame() != null);
        robot.type(KeyCode.PAGE_DOWN);
        waitFor(() -> window.playground().getFrame().current().isPresent());
        long first = window.playground().getFrame().current().get().seq();

        robot.type(KeyCode.RIGHT);
        waitFor(() -> window.playground().getFrame().current().get().seq() > first);
        robot.type(KeyCode.LEFT);
        waitFor(() -> window.playground().getFrame().current().get().seq() == first);

        robot.type(KeyCode.SPACE);
        assertThat(window.playground().playingProperty().get()).isTrue();
        robot.type(KeyCode.SPACE);
        assertThat(window.playground().playingProperty().get()).isFalse();
    }

    @Test
    void theDotBlanksTheScreenButNotWhileTypingAGroupId(FxRobot robot) {
        robot.type(KeyCode.PERIOD);
        assertThat(robot.lookup("#blankScreen").query().isVisible()).isTrue();
        robot.type(KeyCode.PERIOD);
        assertThat(robot.lookup("#blankScreen").query().isVisible()).isFalse();

        robot.interact(() -> robot.lookup("#tabs").<TabPane>query().getSelectionModel().select(2));
        robot.clickOn("#calcGroupId");
        robot.interact(() -> robot.lookup("#calcGroupId").<TextField>query().clear());
        robot.write("a.b c");
        assertThat(robot.lookup("#blankScreen").query().isVisible()).isFalse();
        assertThat(robot.lookup("#calcGroupId").<TextField>query().getText()).isEqualTo("a.b c");
        assertThat(window.playground().playingProperty().get()).isFalse();
    }

    @Test
    void presenterModeGoesFullScreenWithLargerTextAndFoldsTheLegend(FxRobot robot) {
        double before = window.zoom().factor();

        robot.type(KeyCode.F5);

        assertThat(window.presenter()).isTrue();
        assertThat(stage.isFullScreen()).isTrue();
        assertThat(window.zoom().factor()).isGreaterThanOrEqualTo(before + GroupScopeWindow.PRESENTER_BOOST - 1e-9);
        assertThat(robot.lookup(".legend").queryAll().stream().filter(Node::isVisible)).isEmpty();
        robot.type(KeyCode.C);
        assertThat(robot.lookup(".cluster-panel").query().isVisible()).isFalse();
        robot.type(KeyCode.C);
        assertThat(robot.lookup(".cluster-panel").query().isVisible()).isTrue();

        robot.type(KeyCode.F5);
        assertThat(window.presenter()).isFalse();
        assertThat(stage.isFullScreen()).isFalse();
        assertThat(window.zoom().factor()).isEqualTo(before);
    }

    @Test
    void leavingFullScreenWithoutF5EndsPresenterModeToo(FxRobot robot) {
        double before = window.zoom().factor();
        robot.type(KeyCode.F5);

        // What JavaFX does on its own exit key, Esc, before any scene sees it.
        robot.interact(() -> stage.setFullScreen(false));

        assertThat(window.presenter()).as("no large text and folded menu bar in a window").isFalse();
        assertThat(window.zoom().factor()).isEqualTo(before);
        assertThat(robot.lookup(".menu-bar").query().isVisible()).isTrue();
    }

    @Test
    void foldedPanelsStayFoldedAcrossALanguageSwitch(FxRobot robot) {
        robot.type(KeyCode.G);
        assertThat(robot.lookup(".group-panel").query().isVisible()).isFalse();

        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        // The rebuilt window takes its fold state in a pulse of its own: wait for it, or fail after FxWait's timeout.
        // Looked up in this window's rebuilt root only: a lookup over every window once found another's panel.
        waitFor(() -> panel(robot, ".group-panel").map(panel -> !panel.isVisible()).orElse(false));

        assertThat(panel(robot, ".group-panel").orElseThrow().isVisible()).isFalse();
        assertThat(panel(robot, ".cluster-panel").orElseThrow().isVisible()).isTrue();
    }

    @Test
    void aFoldAppliedBeforeTheRebuiltWindowsFirstPulseReachesThePanelsInsideItsTabs(FxRobot robot) {
        robot.type(KeyCode.G);
        boolean[] groupShown = new boolean[1];
        robot.interact(() -> {
            window.switchTo(UiLanguage.SIMPLIFIED_CHINESE);
            // Folding and unfolding the cluster applies every fold at once, before any pulse has made the skins.
            window.togglePanel(GroupScopeWindow.CLUSTER_PANEL);
            window.togglePanel(GroupScopeWindow.CLUSTER_PANEL);
            javafx.scene.Parent root = stage.getScene().getRoot();
            root.applyCss();
            groupShown[0] = root.lookup(".stage-panes > .group-panel").isVisible();
        });

        assertThat(groupShown[0]).as("the group panel, folded before the switch").isFalse();
    }

    /** The playground's panel of this style class in the window's current root. */
    private java.util.Optional<Node> panel(FxRobot robot, String styleClass) {
        return robot.from(stage.getScene().getRoot()).lookup(".stage-panes > " + styleClass).tryQuery();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).<Labeled>query().getText();
    }
}
