package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The consumers' cards are full (who above what it owns) where the group panel has the room for them, one line each
 * where it has not: the room at the present text size decides, not the number of consumers (it was one line from
 * four consumers on, even on a 1920×1080 projector with room to spare). The headless test screen is 1280×800, so
 * the room is made with the text size: at the smallest text (Ctrl −) the window has room for the four full cards of
 * the eager-join lesson; at the normal text, and in presenter mode, it has not, and they are one line each; back at
 * the smallest text they are full again. Deciding from the room does not make the cards flip to and fro.
 */
@ExtendWith(ApplicationExtension.class)
class RoomyGroupCardsTest {

    private static final List<UiLanguage> LANGUAGES = List.of(UiLanguage.ENGLISH, UiLanguage.SIMPLIFIED_CHINESE);

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void fourConsumersKeepTheirFullCardsWhereTheyFitAndGoOneLineWhereTheyDoNot(FxRobot robot) {
        GroupScopeWindow window = open(robot, "eager-join");
        robot.interact(() -> window.playground().scrubTo(30_000));
        waitFor(() -> frameAt(window, 30_000) && robot.lookup("#consumer-C4").tryQuery().isPresent());
        for (UiLanguage language : LANGUAGES) {
            robot.interact(() -> window.switchTo(language));
            waitFor(() -> robot.lookup("#consumer-C4").tryQuery().isPresent());

            show(robot, window, false, TextZoom.MIN);
            assertThat(oneLineCards(robot)).as(language + ": one-line cards at the smallest text").isEmpty();
            assertWholeGroupShows(robot, window, language + " smallest text, full cards");
            assertSteady(robot, language + " smallest text");

            show(robot, window, false, 1.0);
            assertThat(oneLineCards(robot)).as(language + ": one-line cards at the normal text")
                    .containsExactly("C1", "C2", "C3", "C4");
            assertWholeGroupShows(robot, window, language + " normal text, one-line cards");
            assertSteady(robot, language + " normal text");

            show(robot, window, true, null);
            assertThat(oneLineCards(robot)).as(language + ": one-line cards in presenter mode")
                    .containsExactly("C1", "C2", "C3", "C4");
            assertWholeGroupShows(robot, window, language + " presenter, one-line cards");
            assertSteady(robot, language + " presenter");

            show(robot, window, false, TextZoom.MIN);
            assertThat(oneLineCards(robot)).as(language + ": back at the smallest text").isEmpty();
            show(robot, window, false, 1.0);
        }
    }

    private GroupScopeWindow open(FxRobot robot, String lesson) {
        GroupScopeWindow[] made = new GroupScopeWindow[1];
        robot.interact(() -> made[0] = ProjectorWindow.openLesson(stage, lesson));
        waitFor(() -> made[0].playground().getFrame() != null);
        return made[0];
    }

    private static boolean frameAt(GroupScopeWindow window, long time) {
        return window.playground().getFrame() != null && window.playground().getFrame().time() == time;
    }

    /** The window 1280×800, in presenter mode or not, at the text size {@code zoom} (null: as the mode sets it). */
    private void show(FxRobot robot, GroupScopeWindow window, boolean presenter, Double zoom) {
        if (window.presenter() != presenter) {
            robot.interact(window::togglePresenter);
        }
        robot.interact(() -> {
            if (zoom != null) {
                window.zoomTo(new TextZoom(zoom));
            }
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        FxWait.settle(robot, window);
        FxWait.settle(robot, window);
    }

    /** The consumers whose card is one line, in order. */
    private static List<String> oneLineCards(FxRobot robot) {
        List<String> oneLine = new ArrayList<>();
        robot.interact(() -> robot.lookup(".member-row").queryAll().stream()
                .filter(card -> card.getStyleClass().contains("one-line"))
                .forEach(card -> oneLine.add(card.getId().substring("consumer-".length()))));
        oneLine.sort(String::compareTo);
        return oneLine;
    }

    /** Half a second of pulses changes no card's arrangement: no layout feedback loop. */
    private static void assertSteady(FxRobot robot, String when) {
        List<String> before = oneLineCards(robot);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            seen.add(String.join(",", oneLineCards(robot)));
        }
        assertThat(seen).as(when + ": the cards' arrangement pulse after pulse")
                .allMatch(shown -> shown.equals(String.join(",", before)));
    }

    /** No scroll bar in the group panel; every card, Crash button and chip inside what it shows; nothing cut. */
    private static void assertWholeGroupShows(FxRobot robot, GroupScopeWindow window, String when) {
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            Node panel = robot.lookup(".group-panel").query();
            ScrollPane scroll = (ScrollPane) robot.from(panel).lookup(".panel-scroll").query();
            for (Node bar : scroll.lookupAll(".scroll-bar")) {
                if (bar instanceof ScrollBar scrollBar && scrollBar.isVisible()) {
                    problems.add("a scroll bar");
                }
            }
            Bounds shown = scroll.localToScene(scroll.getLayoutBounds());
            for (PlaygroundFrame.ConsumerRow consumer : window.playground().getFrame().consumers()) {
                String id = consumer.clientId();
                List<Node> parts = new ArrayList<>();
                parts.add(robot.lookup("#consumer-" + id).query());
                robot.lookup("#crash-" + id).tryQuery().filter(Node::isVisible).ifPresent(parts::add);
                parts.addAll(robot.lookup(node -> node.getId() != null
                        && node.getId().startsWith("owned-" + id + "-")).queryAll());
                for (Node part : parts) {
                    Bounds bounds = part.localToScene(part.getLayoutBounds());
                    if (bounds.getMinY() < shown.getMinY() - 0.5 || bounds.getMaxY() > shown.getMaxY() + 0.5
                            || bounds.getMinX() < shown.getMinX() - 0.5 || bounds.getMaxX() > shown.getMaxX() + 0.5) {
                        problems.add(part.getId() + " " + bounds + " outside the panel's " + shown);
                    }
                }
            }
            TruncatedText.in(window.stageRoot()).forEach(text -> problems.add("cut short: " + text));
        });
        assertThat(problems).as(when).isEmpty();
    }
}
