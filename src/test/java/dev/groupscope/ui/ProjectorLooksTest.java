package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a class sees on a 1280×800 projector after a consumer crashed and the group settled again: no text on any
 * tab cut short with "…", in English and Chinese, and in presenter mode (larger text) the whole group without a
 * scroll bar.
 */
@ExtendWith(ApplicationExtension.class)
class ProjectorLooksTest {

    private GroupScopeWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = ProjectorWindow.open(stage);
    }

    @Test
    void noTabCutsTextShortAt1280x800InEnglish(FxRobot robot) {
        afterACrashAndTheRebalance(robot);

        assertThat(truncatedOnEveryTab(robot)).isEmpty();
    }

    @Test
    void noTabCutsTextShortAt1280x800InChinese(FxRobot robot) {
        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        afterACrashAndTheRebalance(robot);

        assertThat(truncatedOnEveryTab(robot)).isEmpty();
    }

    @Test
    void presenterModeShowsTheWholeGroupWithoutAScrollBarAt1280x800(FxRobot robot) {
        afterACrashAndTheRebalance(robot);

        robot.interact(window::togglePresenter);
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        FxWait.settle(robot, window);

        assertThat(stage.getHeight()).isEqualTo(800);
        assertThat(shownScrollBars(robot, ".group-panel")).as("scroll bars shown in the group panel").isEmpty();
        assertThat(robot.lookup("#crash-C3").query().isVisible()).isTrue();
        assertThat(TruncatedText.in(window.stageRoot())).isEmpty();
    }

    @Test
    void presenterModeShowsTheWholeGroupWithoutAScrollBarAt1280x800InChinese(FxRobot robot) {
        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        afterACrashAndTheRebalance(robot);

        robot.interact(window::togglePresenter);
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        FxWait.settle(robot, window);

        assertThat(shownScrollBars(robot, ".group-panel")).as("scroll bars shown in the group panel").isEmpty();
        assertThat(TruncatedText.in(window.stageRoot())).isEmpty();
    }

    @Test
    void presenterModeShowsAllSixPartitionsWithoutScrollingAt1280x800(FxRobot robot) {
        for (UiLanguage language : List.of(UiLanguage.ENGLISH, UiLanguage.SIMPLIFIED_CHINESE)) {
            robot.interact(() -> window.switchTo(language));
            afterACrashAndTheRebalance(robot);
            inPresenterModeAt1280x800(robot);

            assertThat(ProjectorLayoutTest.overflow(robot, "#partitions")).as(language + ": pixels of partitions"
                    + " below the cluster panel's fold").isLessThanOrEqualTo(0);
            assertThat(shownScrollBars(robot, ".cluster-panel")).as(language + ": scroll bars in the cluster")
                    .isEmpty();
            assertThat(widthOverflow(robot, "#consumers")).as(language + ": pixels of the group's cards cut off"
                    + " on the right").isLessThanOrEqualTo(0);
            // Fitted by layout, not by shrinking: a partition's numbers stay at least the normal window's size.
            javafx.scene.control.Label numbers = robot.lookup("#partition-orders-5 .partition-numbers").query();
            assertThat(numbers.getFont().getSize()).as(language + ": size of a partition's numbers")
                    .isGreaterThanOrEqualTo(TextZoom.forWindow(1280, 800).fontPixels(language));
            robot.interact(window::togglePresenter);
        }
    }

    @Test
    void theListOfKeysShowsWholeInPresenterModeAt1280x800(FxRobot robot) {
        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        robot.interact(window::togglePresenter);
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        robot.interact(window::toggleHelp);
        FxWait.settle(robot, window);

        Node card = robot.lookup("#helpCard").query();
        javafx.geometry.Bounds shown = card.localToScene(card.getBoundsInLocal());
        assertThat(shown.getMinX()).isGreaterThanOrEqualTo(0);
        assertThat(shown.getMinY()).isGreaterThanOrEqualTo(0);
        assertThat(shown.getMaxX()).isLessThanOrEqualTo(stage.getScene().getWidth());
        assertThat(shown.getMaxY()).isLessThanOrEqualTo(stage.getScene().getHeight());
        assertThat(card.getScaleX()).as("still large enough to read from the back").isGreaterThan(0.6);
    }

    @Test
    void theAssignorsStepSentencesAreLightOnTheDarkAndHighContrastSurfaces(FxRobot robot) {
        for (Theme theme : List.of(Theme.DARK, Theme.HIGH_CONTRAST)) {
            robot.interact(() -> window.useTheme(theme));
            robot.interact(() -> robot.lookup("#tabs").<TabPane>query().getSelectionModel().select(1));
            FxWait.waitFor(() -> !robot.lookup(".step-text").queryAll().isEmpty());
            robot.interact(() -> window.stageRoot().applyCss());

            for (Node node : robot.lookup(".step-text").queryAll()) {
                javafx.scene.paint.Color fill = (javafx.scene.paint.Color) ((javafx.scene.text.Text) node).getFill();
                assertThat(fill.getBrightness()).as(theme + ": " + ((javafx.scene.text.Text) node).getText())
                        .isGreaterThan(0.85);
            }
        }
    }

    /** C2 crashes at 20 s; by 60 s C1 and C3 share its partitions (C1 holds three) and C2's card says so. */
    private void afterACrashAndTheRebalance(FxRobot robot) {
        robot.interact(() -> window.playground().scrubTo(20_000));
        FxWait.waitFor(() -> window.playground().getFrame() != null
                && window.playground().getFrame().time() == 20_000);
        robot.interact(() -> window.playground().perform(new ModelCommand.CrashConsumer("C2")));
        robot.interact(() -> window.playground().scrubTo(60_000));
        FxWait.waitFor(() -> window.playground().getFrame().time() == 60_000
                && window.playground().getFrame().consumer("C1").orElseThrow().assigned().size() == 3
                && robot.lookup("#owned-C1-orders-2").tryQuery().isPresent());
        FxWait.settle(robot, window);
    }

    /** How far the content of the scroll pane around {@code query} reaches past its viewport's right edge. */
    private static double widthOverflow(FxRobot robot, String query) {
        javafx.scene.layout.Region content = robot.lookup(query).query();
        Node parent = content.getParent();
        while (!(parent instanceof ScrollPane)) {
            parent = parent.getParent();
        }
        return content.getWidth() - ((ScrollPane) parent).getViewportBounds().getWidth();
    }

    private void inPresenterModeAt1280x800(FxRobot robot) {
        robot.interact(window::togglePresenter);
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        FxWait.settle(robot, window);
    }

    private List<String> truncatedOnEveryTab(FxRobot robot) {
        List<String> cut = new ArrayList<>();
        TabPane tabs = robot.lookup("#tabs").query();
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            int index = i;
            robot.interact(() -> tabs.getSelectionModel().select(index));
            FxWait.settle(robot, window);
            robot.interact(() -> TruncatedText.in(window.stageRoot())
                    .forEach(text -> cut.add(tabs.getTabs().get(index).getId() + " " + text)));
        }
        return cut;
    }

    private List<String> shownScrollBars(FxRobot robot, String panel) {
        List<String> shown = new ArrayList<>();
        Node group = robot.lookup(panel).query();
        robot.interact(() -> {
            for (Node node : group.lookupAll(".scroll-pane")) {
                ScrollPane scroll = (ScrollPane) node;
                for (Node bar : scroll.lookupAll(".scroll-bar")) {
                    if (bar instanceof ScrollBar scrollBar && scrollBar.isVisible()
                            && FxWait.visibleUpTo(scrollBar, scroll)) {
                        shown.add(scrollBar.getOrientation() == Orientation.VERTICAL ? "vertical" : "horizontal");
                    }
                }
            }
        });
        return shown;
    }
}
