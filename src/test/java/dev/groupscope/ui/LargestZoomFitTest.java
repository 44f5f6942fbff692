package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A 1280×800 projector at the largest text size (Ctrl + up to {@link TextZoom#MAX}) and in presenter mode, in
 * English and Chinese: every tab's header shows, none behind the tab pane's overflow menu and none cut short; the
 * Numbers tab's three charts share the height they get instead of needing a scroll bar; the state machine's arrow
 * into Dead is no smaller in presenter mode than in the window; the Chinese brokers stay inside the cluster panel.
 */
@ExtendWith(ApplicationExtension.class)
class LargestZoomFitTest {

    private static final List<UiLanguage> LANGUAGES = List.of(UiLanguage.ENGLISH, UiLanguage.SIMPLIFIED_CHINESE);

    private GroupScopeWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = ProjectorWindow.open(stage);
    }

    @Test
    void everyTabHeaderShowsWholeAt1280x800AtTheLargestZoom(FxRobot robot) {
        for (UiLanguage language : LANGUAGES) {
            robot.interact(() -> window.switchTo(language));
            robot.interact(() -> window.zoomTo(new TextZoom(TextZoom.MAX)));
            FxWait.settle(robot, window);

            assertThat(hiddenTabHeaders(robot)).as(language + ": tab headers not fully shown").isEmpty();
            assertThat(shortenedWithoutTheirName(robot)).as(language + ": shortened headers without the full name")
                    .isEmpty();
            // Not shrunk to fit: a header is still as large as the normal window's text.
            for (Node label : robot.lookup("#tabs .tab-label").queryAll()) {
                assertThat(((Label) label).getFont().getSize()).as(language + ": " + ((Label) label).getText())
                        .isGreaterThanOrEqualTo(TextZoom.forWindow(1280, 800).fontPixels(language));
            }
        }
    }

    @Test
    void everyTabHeaderShowsWholeInPresenterModeAt1280x800AtTheLargestZoom(FxRobot robot) {
        for (UiLanguage language : LANGUAGES) {
            ProjectorWindow.presenterAtLargestText(robot, window, stage, language);

            assertThat(hiddenTabHeaders(robot)).as(language + ": tab headers not fully shown").isEmpty();
            robot.interact(window::togglePresenter);
        }
    }

    @Test
    void theTabHeadersShowTheirFullNamesWhenThereIsRoom(FxRobot robot) {
        for (UiLanguage language : LANGUAGES) {
            robot.interact(() -> window.switchTo(language));
            robot.interact(() -> window.zoomTo(new TextZoom(1.0)));
            FxWait.settle(robot, window);
            var messages = dev.groupscope.i18n.Messages.of(language.locale());
            List<String> shown = new ArrayList<>();
            robot.interact(() -> robot.lookup("#tabs").<TabPane>query().getTabs()
                    .forEach(tab -> shown.add(tab.getText())));
            assertThat(shown).as(language.toString()).containsExactly(messages.text("ui.tab.playground"),
                    messages.text("ui.tab.lab"), messages.text("ui.tab.coordinator"),
                    messages.text("ui.tab.protocol"), messages.text("ui.tab.numbers"),
                    messages.text("ui.tab.compare"));
        }
    }

    @Test
    void thePlaygroundIsNoWiderThanTheWindowAt1280x800AtTheLargestZoom(FxRobot robot) {
        for (UiLanguage language : LANGUAGES) {
            robot.interact(() -> window.switchTo(language));
            robot.interact(() -> window.zoomTo(new TextZoom(TextZoom.MAX)));
            FxWait.settle(robot, window);

            // Wider, the group panel, the last what-if buttons and the explanation's line ends were cut off.
            Region playground = robot.lookup("#playgroundRoot").query();
            assertThat(playground.getWidth()).as(language + ": the playground's width against the window's")
                    .isLessThanOrEqualTo(stage.getScene().getWidth());
            Region group = robot.lookup(".group-panel").query();
            assertThat(group.localToScene(group.getLayoutBounds()).getMaxX()).as(language + ": the group panel")
                    .isLessThanOrEqualTo(stage.getScene().getWidth() + 0.5);
        }
    }

    @Test
    void theNumbersChartsShareTheHeightAt1280x800AtTheLargestZoom(FxRobot robot) {
        for (UiLanguage language : LANGUAGES) {
            robot.interact(() -> window.switchTo(language));
            robot.interact(() -> window.playground().scrubTo(75_000));
            waitFor(() -> window.playground().getFrame() != null
                    && window.playground().getFrame().time() == 75_000);
            robot.interact(() -> window.zoomTo(new TextZoom(TextZoom.MAX)));
            robot.interact(() -> window.showTab("numbersTab"));
            waitFor(() -> robot.lookup("#pause-chart").tryQuery().isPresent());
            FxWait.settle(robot, window);

            Node numbers = robot.lookup("#numbersRoot").query();
            assertThat(shownScrollBars(numbers)).as(language + ": scroll bars on the Numbers tab").isEmpty();
            Bounds tab = numbers.localToScene(numbers.getLayoutBounds());
            for (String chart : List.of("#lag-chart", "#pause-chart", "#ledger-chart")) {
                Node node = robot.lookup(chart).query();
                Bounds shown = node.localToScene(node.getLayoutBounds());
                assertThat(shown.getMaxY()).as(language + ": " + chart + " bottom against the tab's")
                        .isLessThanOrEqualTo(tab.getMaxY() + 0.5);
                Region plot = robot.from(node).lookup(".chart-plot-background").query();
                assertThat(plot.getHeight()).as(language + ": " + chart + " plot height").isGreaterThan(100);
            }
            assertThat(TruncatedText.in(window.stageRoot())).as(language + ": text cut short").isEmpty();
        }
    }

    @Test
    void theArrowIntoDeadIsNoSmallerInPresenterModeThanInTheWindow(FxRobot robot) {
        for (UiLanguage language : LANGUAGES) {
            robot.interact(() -> window.switchTo(language));
            FxWait.settle(robot, window);
            double inWindow = robot.lookup("#transition-any-Dead").<Label>query().getFont().getSize();

            robot.interact(window::togglePresenter);
            robot.interact(() -> {
                stage.setWidth(1280);
                stage.setHeight(800);
            });
            FxWait.settle(robot, window);

            Label arrow = robot.lookup("#transition-any-Dead").query();
            Label dead = robot.lookup("#group-state-Dead").query();
            assertThat(arrow.getFont().getSize()).as(language + ": the arrow into Dead against the window's")
                    .isGreaterThanOrEqualTo(inWindow);
            assertThat(arrow.getFont().getSize()).as(language + ": the arrow into Dead against the Dead pill")
                    .isGreaterThanOrEqualTo(dead.getFont().getSize());
            assertThat(shownScrollBars(robot.lookup(".group-panel").query())).as(language + ": group scroll bars")
                    .isEmpty();
            assertThat(TruncatedText.in(window.stageRoot())).as(language + ": text cut short").isEmpty();
            robot.interact(window::togglePresenter);
        }
    }

    @Test
    void theChineseBrokersStayInsideTheClusterPanelAtTheZoomsPeopleUse(FxRobot robot) {
        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        for (double factor = 1.0; factor <= 1.61; factor += 0.1) {
            double shown = factor;
            robot.interact(() -> window.zoomTo(new TextZoom(shown)));
            FxWait.settle(robot, window);
            assertBrokersInside(robot, String.format("zoom %.1f", factor));
        }
        robot.interact(() -> window.zoomTo(new TextZoom(1.0)));
        robot.interact(window::togglePresenter);
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        FxWait.settle(robot, window);
        assertBrokersInside(robot, "presenter");
        assertThat(ProjectorLayoutTest.overflow(robot, "#partitions")).as("presenter: partitions below the fold")
                .isLessThanOrEqualTo(0);
    }

    private void assertBrokersInside(FxRobot robot, String when) {
        Node panel = robot.lookup(".cluster-panel").query();
        Bounds inside = panel.localToScene(panel.getLayoutBounds());
        for (Node broker : robot.lookup("#brokers .broker").queryAll()) {
            Bounds shown = broker.localToScene(broker.getLayoutBounds());
            assertThat(shown.getMaxX()).as(when + ": " + broker.getId() + " right edge against the cluster panel's")
                    .isLessThanOrEqualTo(inside.getMaxX() + 0.5);
        }
        assertThat(TruncatedText.in(robot.lookup("#brokers").<javafx.scene.Parent>query())).as(when).isEmpty();
    }

    /**
     * Tab headers a class cannot see: behind the overflow menu's button, scrolled out of the header area, or with
     * their text cut short.
     */
    private List<String> hiddenTabHeaders(FxRobot robot) {
        List<String> hidden = new ArrayList<>();
        TabPane tabs = robot.lookup("#tabs").query();
        robot.interact(() -> {
            Region area = (Region) tabs.lookup(".tab-header-area");
            Bounds areaBounds = area.localToScene(area.getLayoutBounds());
            double right = areaBounds.getMaxX();
            Node menu = tabs.lookup(".control-buttons-tab");
            if (menu != null && menu.isVisible() && tabs.lookup(".tab-down-button") != null
                    && tabs.lookup(".tab-down-button").isVisible()) {
                hidden.add("the overflow menu shows");
                right = Math.min(right, menu.localToScene(menu.getLayoutBounds()).getMinX());
            }
            for (Node header : area.lookupAll(".tab")) {
                if (!(header.getParent() != null && header.getParent().getStyleClass().contains("headers-region"))) {
                    continue;
                }
                Bounds shown = header.localToScene(header.getLayoutBounds());
                String name = ((Label) header.lookup(".tab-label")).getText();
                if (shown.getMinX() < areaBounds.getMinX() - 0.5 || shown.getMaxX() > right + 0.5) {
                    hidden.add(name + " at " + (int) shown.getMinX() + ".." + (int) shown.getMaxX() + " of "
                            + (int) areaBounds.getMinX() + ".." + (int) right);
                }
            }
            TruncatedText.in(area).forEach(hidden::add);
        });
        return hidden;
    }

    /** Tabs whose header shows less than the tab's name, and no tooltip that gives it. */
    private List<String> shortenedWithoutTheirName(FxRobot robot) {
        List<String> missing = new ArrayList<>();
        var messages = dev.groupscope.i18n.Messages.of(window.language().locale());
        robot.interact(() -> {
            for (Tab tab : robot.lookup("#tabs").<TabPane>query().getTabs()) {
                String full = messages.text("ui.tab." + tab.getId().replace("Tab", ""));
                if (!full.equals(tab.getText())
                        && (tab.getTooltip() == null || !tab.getTooltip().getText().contains(full))) {
                    missing.add(tab.getText() + " (" + full + ")");
                }
            }
        });
        return missing;
    }

    private static List<String> shownScrollBars(Node under) {
        List<String> shown = new ArrayList<>();
        for (Node node : under.lookupAll(".scroll-pane")) {
            ScrollPane scroll = (ScrollPane) node;
            if (!FxWait.visibleUpTo(scroll, under)) {
                continue;
            }
            for (Node bar : scroll.lookupAll(".scroll-bar")) {
                if (bar instanceof ScrollBar scrollBar && scrollBar.isVisible()
                        && FxWait.visibleUpTo(scrollBar, scroll)) {
                    shown.add(scroll.getId() + " " + (scrollBar.getOrientation() == Orientation.VERTICAL
                            ? "vertical" : "horizontal"));
                }
            }
        }
        return shown;
    }
}
