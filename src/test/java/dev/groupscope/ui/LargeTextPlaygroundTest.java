package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A teacher pressing Ctrl + on a 1280×800 projector, step by step up to the largest text it allows: at every size,
 * in English and Chinese, the class still sees the group's first consumer card and three partitions without
 * scrolling, and the explanation ends inside the window. At 1.6 the transport and the explanation used to leave the panels a
 * 180 px strip: no consumer card in sight (ScreenTour's right click on C1 hit nothing), the partitions a 34 px sliver,
 * and the explanation's last lines and the legend below the bottom of the window.
 */
@ExtendWith(ApplicationExtension.class)
class LargeTextPlaygroundTest {

    private static final List<UiLanguage> LANGUAGES = List.of(UiLanguage.ENGLISH, UiLanguage.SIMPLIFIED_CHINESE);
    /** The fewest partition rows a class should see whole at any text size Ctrl + gives. */
    private static final int PARTITIONS_IN_SIGHT = 3;
    /** Pixels: near a quarter of a 1280-wide window, room to tell the timeline's marks apart. */
    private static final double MIN_TIME_BAR = 300;

    private GroupScopeWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = ProjectorWindow.open(stage);
    }

    @Test
    void everyTextSizeCtrlPlusGivesShowsTheConsumersThePartitionsAndTheWholeExplanation(FxRobot robot) {
        // 60 s: C2 has crashed, the group is Stable again with three cards (one of them the crashed C2's).
        robot.interact(() -> window.playground().scrubTo(60_000));
        waitFor(() -> window.playground().getFrame() != null && window.playground().getFrame().time() == 60_000);
        double largest = TextZoom.largestFor(1280, 800).factor();
        for (UiLanguage language : LANGUAGES) {
            robot.interact(() -> window.switchTo(language));
            for (TextZoom zoom = new TextZoom(1.0); zoom.factor() <= largest; zoom = zoom.larger()) {
                TextZoom shown = zoom;
                robot.interact(() -> window.zoomTo(shown));
                FxWait.settle(robot, window);
                String when = String.format("%s at %.1f", language, zoom.factor());

                Node firstCard = robot.lookup("#consumer-C1").query();
                assertThat(inView(firstCard, viewport(robot, "#consumers")))
                        .as(when + ": C1's card whole in the group panel's view").isTrue();
                Region row = robot.lookup("#partition-orders-0").query();
                assertThat(viewport(robot, "#partitions").getViewportBounds().getHeight())
                        .as(when + ": the partitions' view against " + PARTITIONS_IN_SIGHT + " rows")
                        .isGreaterThanOrEqualTo(PARTITIONS_IN_SIGHT * row.getHeight());
                Node explanation = robot.lookup(".explanation-panel").query();
                Bounds bottom = explanation.localToScene(explanation.getLayoutBounds());
                assertThat(bottom.getMaxY()).as(when + ": the explanation's bottom against the window's")
                        .isLessThanOrEqualTo(stage.getScene().getHeight() + 0.5);
                Region timeBar = robot.lookup("#scrubber").query();
                // Beside the buttons it was a 200 px strip at 1.6, its marks running into each other.
                assertThat(timeBar.getWidth()).as(when + ": the time bar's width").isGreaterThanOrEqualTo(MIN_TIME_BAR);
                assertThat(TruncatedText.in(window.stageRoot())).as(when + ": text cut short").isEmpty();
            }
        }
    }

    @Test
    void aWindowMadeShortForItsTextFoldsAsPresenterModeDoesAndTallerAgainUnfolds(FxRobot robot) {
        robot.interact(() -> window.zoomTo(new TextZoom(1.1)));
        FxWait.settle(robot, window);
        assertThat(window.compact()).as("1280x800 at 1.1: 43 lines").isFalse();
        assertThat(robot.lookup(".legend").query().isVisible()).as("the legend at 1280x800").isTrue();

        robot.interact(() -> stage.setHeight(700));
        FxWait.settle(robot, window);
        assertThat(window.compact()).as("1280x700 at 1.1: 37 lines").isTrue();
        assertThat(robot.lookup(".legend").query().isVisible()).as("the legend at 1280x700").isFalse();

        robot.interact(() -> stage.setHeight(800));
        FxWait.settle(robot, window);
        assertThat(window.compact()).as("1280x800 again").isFalse();
        assertThat(robot.lookup(".legend").query().isVisible()).as("the legend at 1280x800 again").isTrue();
    }

    /** Whether all of {@code node} shows in the scroll pane's view (not scrolled above or below it). */
    private static boolean inView(Node node, ScrollPane scroll) {
        Node viewport = scroll.lookup(".viewport");
        Bounds view = viewport.localToScene(viewport.getLayoutBounds());
        Bounds shown = node.localToScene(node.getLayoutBounds());
        return shown.getMinY() >= view.getMinY() - 0.5 && shown.getMaxY() <= view.getMaxY() + 0.5;
    }

    private static ScrollPane viewport(FxRobot robot, String query) {
        Node parent = robot.lookup(query).query().getParent();
        while (!(parent instanceof ScrollPane)) {
            parent = parent.getParent();
        }
        return (ScrollPane) parent;
    }
}
