package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
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
 * What a teacher demos first on a 1280×800 projector: Add consumer on the playground (three consumers become four),
 * and the lesson of seven consumers on six partitions. In presenter mode, and in the normal window, in English and
 * Chinese, the group panel shows every consumer's card whole (its colour, name, leader mark, state, generation,
 * partitions and Crash button) without a scroll bar, stable and in the middle of a rebalance, nothing cut short.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterGroupFitTest {

    private static final List<UiLanguage> LANGUAGES = List.of(UiLanguage.ENGLISH, UiLanguage.SIMPLIFIED_CHINESE);

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void presenterModeShowsAllFourConsumersAfterAddConsumerOnThePlayground(FxRobot robot) {
        GroupScopeWindow window = open(robot, PlaygroundViewModel.playground());
        robot.interact(() -> window.playground().scrubTo(60_000));
        waitFor(() -> frameAt(window, 60_000));
        robot.interact(() -> window.playground().act(PlaygroundViewModel.WhatIf.ADD_CONSUMER, null));
        waitFor(() -> robot.lookup("#consumer-C4").tryQuery().isPresent());
        // Joined: C4 has partitions of its own.
        robot.interact(() -> window.playground().scrubTo(75_000));
        waitFor(() -> frameAt(window, 75_000)
                && !window.playground().getFrame().consumer("C4").orElseThrow().assigned().isEmpty());

        for (UiLanguage language : LANGUAGES) {
            robot.interact(() -> window.switchTo(language));
            presenterAt1280x800(robot, window, true);
            assertWholeGroupShows(robot, window, language + " presenter, four consumers");
            presenterAt1280x800(robot, window, false);
        }
    }

    @Test
    void presenterModeShowsAllSevenConsumersOfTheLessonStableAndRebalancing(FxRobot robot) {
        GroupScopeWindow window = open(robot, PlaygroundViewModel.running(ScenarioReader.read(
                Path.of("lessons/scenarios/seven-consumers-six-partitions.json"))));
        // Every member joining (no partitions yet), then syncing, then stable with one partition each.
        long joining = firstMomentIn(robot, window, "PreparingRebalance", 0);
        long syncing = firstMomentIn(robot, window, "CompletingRebalance", joining);

        for (UiLanguage language : LANGUAGES) {
            robot.interact(() -> window.switchTo(language));
            presenterAt1280x800(robot, window, true);
            for (long at : List.of(joining, syncing, 20_000L)) {
                robot.interact(() -> window.playground().scrubTo(at));
                waitFor(() -> frameAt(window, at) && robot.lookup("#consumer-C7").tryQuery().isPresent());
                FxWait.settle(robot, window);
                assertThat(window.playground().getFrame().consumers()).hasSize(7);
                assertWholeGroupShows(robot, window, language + " presenter, seven consumers at " + at + " ms");
            }
            presenterAt1280x800(robot, window, false);
        }
    }

    @Test
    void theWindowShowsAllSevenConsumersOfTheLessonAt1280x800(FxRobot robot) {
        GroupScopeWindow window = open(robot, PlaygroundViewModel.running(ScenarioReader.read(
                Path.of("lessons/scenarios/seven-consumers-six-partitions.json"))));
        robot.interact(() -> window.playground().scrubTo(20_000));
        waitFor(() -> frameAt(window, 20_000) && robot.lookup("#consumer-C7").tryQuery().isPresent());

        for (UiLanguage language : LANGUAGES) {
            robot.interact(() -> window.switchTo(language));
            FxWait.settle(robot, window);
            assertWholeGroupShows(robot, window, language + " window, seven consumers");
        }
    }

    /**
     * Presenter mode and Ctrl + up to the largest text: presenter's least widths for the two panels (28.5em and
     * 21em, 1,683 px of 34-px text) made the playground wider than a 1280-pixel window and cut off the group panel,
     * the last what-if buttons and the explanation's line ends. Now everything stays inside the window, the
     * consumers' cards with their Crash buttons too (scrolling down to them is the price of text that large).
     */
    @Test
    void presenterModeAtTheLargestTextKeepsThePlaygroundInsideTheWindow(FxRobot robot) {
        GroupScopeWindow window = open(robot, PlaygroundViewModel.playground());
        robot.interact(() -> window.playground().scrubTo(30_000));
        waitFor(() -> frameAt(window, 30_000) && robot.lookup("#crash-C3").tryQuery().isPresent());

        for (UiLanguage language : LANGUAGES) {
            ProjectorWindow.presenterAtLargestText(robot, window, stage, language);

            List<String> outside = new ArrayList<>();
            robot.interact(() -> {
                double width = stage.getScene().getWidth();
                for (String query : List.of("#playgroundRoot", ".group-panel", ".cluster-panel", "#explanation",
                        "#stopBroker", "#branches")) {
                    robot.lookup(query).tryQuery().ifPresent(node -> {
                        Bounds shown = node.localToScene(node.getLayoutBounds());
                        if (shown.getMaxX() > width + 0.5) {
                            outside.add(query + " reaches " + shown.getMaxX());
                        }
                    });
                }
                Node panel = robot.lookup(".group-panel").query();
                ScrollPane scroll = (ScrollPane) robot.from(panel).lookup(".panel-scroll").query();
                double right = scroll.localToScene(scroll.getLayoutBounds()).getMinX()
                        + scroll.getViewportBounds().getWidth();
                for (String consumer : List.of("C1", "C2", "C3")) {
                    Node crash = robot.lookup("#crash-" + consumer).query();
                    double maxX = crash.localToScene(crash.getLayoutBounds()).getMaxX();
                    if (maxX > right + 0.5) {
                        outside.add("#crash-" + consumer + " reaches " + maxX + " past the panel's " + right);
                    }
                }
                TruncatedText.in(window.stageRoot()).forEach(text -> outside.add("cut short: " + text));
            });
            assertThat(outside).as(language + ": presenter mode at zoom " + TextZoom.MAX).isEmpty();
            robot.interact(window::togglePresenter);
            robot.interact(() -> window.zoomTo(new TextZoom(1.0)));
        }
    }

    /**
     * Presenter mode at the largest text: in Chinese each state of the group's state machine carries its Chinese
     * name too, so the states took five lines, the summary ran on under the explanation and the consumers' list was
     * left no height inside the panel at all (in English a 15-pixel sliver of it); the panels' least heights pushed
     * the explanation out of the window. The cards are too tall to show whole at that size: each panel keeps what
     * it shows inside itself, the cards one scroll away, and the explanation stays in the window.
     */
    @Test
    void presenterModeAtTheLargestTextKeepsEachPanelsContentInsideItAndTheCardsInReach(FxRobot robot) {
        GroupScopeWindow window = open(robot, PlaygroundViewModel.playground());
        robot.interact(() -> window.playground().scrubTo(30_000));
        waitFor(() -> frameAt(window, 30_000) && robot.lookup("#consumer-C1").tryQuery().isPresent());

        for (UiLanguage language : LANGUAGES) {
            ProjectorWindow.presenterAtLargestText(robot, window, stage, language);

            List<String> problems = new ArrayList<>();
            robot.interact(() -> {
                for (String query : List.of(".cluster-panel", ".group-panel")) {
                    javafx.scene.layout.Region panel = robot.lookup(query).query();
                    double bottom = panel.localToScene(panel.getLayoutBounds()).getMaxY()
                            - panel.snappedBottomInset();
                    for (Node part : panel.getChildrenUnmodifiable()) {
                        double partBottom = part.localToScene(part.getLayoutBounds()).getMaxY();
                        if (part.isVisible() && partBottom > bottom + 0.5) {
                            problems.add(query + ": " + part.getId() + " " + part.getStyleClass() + " ends at "
                                    + partBottom + ", below the panel's " + bottom);
                        }
                    }
                }
                javafx.scene.layout.Region panel = robot.lookup(".group-panel").query();
                ScrollPane scroll = (ScrollPane) robot.from(panel).lookup(".panel-scroll").query();
                if (!isInside(robot.lookup("#consumer-C1").query(), scroll)) {
                    problems.add("C1's card is not in the group panel's scroll pane");
                }
                double lines = scroll.getViewportBounds().getHeight()
                        / robot.lookup("#groupSummary").<javafx.scene.control.Label>query().getFont().getSize();
                if (lines < 3) {
                    problems.add(String.format("the group panel's scroll pane shows %.1f lines", lines));
                }
                Node explanation = robot.lookup("#explanation").query();
                double end = explanation.localToScene(explanation.getLayoutBounds()).getMaxY();
                if (end > stage.getScene().getHeight() + 0.5) {
                    problems.add("the explanation ends at " + end + ", below the window");
                }
            });
            assertThat(problems).as(language + ": presenter mode at zoom " + TextZoom.MAX).isEmpty();
            robot.interact(window::togglePresenter);
            robot.interact(() -> window.zoomTo(new TextZoom(1.0)));
        }
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up == ancestor) {
                return true;
            }
        }
        return false;
    }

    private GroupScopeWindow open(FxRobot robot, PlaygroundViewModel playground) {
        GroupScopeWindow[] made = new GroupScopeWindow[1];
        robot.interact(() -> {
            made[0] = new GroupScopeWindow(stage, new AssignorLabViewModel(), playground);
            made[0].show(UiLanguage.ENGLISH);
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        return made[0];
    }

    private static boolean frameAt(GroupScopeWindow window, long time) {
        return window.playground().getFrame() != null && window.playground().getFrame().time() == time;
    }

    /** The first moment from {@code from} at which the group is in {@code state}, stepping event by event. */
    private static long firstMomentIn(FxRobot robot, GroupScopeWindow window, String state, long from) {
        robot.interact(() -> window.playground().scrubTo(from));
        waitFor(() -> frameAt(window, from));
        for (int step = 0; step < 400; step++) {
            PlaygroundFrame frame = window.playground().getFrame();
            if (frame.group().state().equals(state)) {
                return frame.time();
            }
            long seq = frame.current().map(event -> event.seq()).orElse(-1L);
            robot.interact(() -> window.playground().stepNext());
            waitFor(() -> window.playground().getFrame().current().map(event -> event.seq()).orElse(-1L) != seq);
        }
        throw new AssertionError("the group is never " + state + " in 400 steps");
    }

    private void presenterAt1280x800(FxRobot robot, GroupScopeWindow window, boolean on) {
        if (window.presenter() != on) {
            robot.interact(window::togglePresenter);
        }
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        FxWait.settle(robot, window);
    }

    /**
     * No scroll bar in the group panel; each consumer's card, its Crash button (a running one's) and its partition
     * chips inside what the panel shows; no text in the window cut short.
     */
    private void assertWholeGroupShows(FxRobot robot, GroupScopeWindow window, String when) {
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            Node panel = robot.lookup(".group-panel").query();
            ScrollPane scroll = (ScrollPane) robot.from(panel).lookup(".panel-scroll").query();
            for (Node bar : scroll.lookupAll(".scroll-bar")) {
                if (bar instanceof ScrollBar scrollBar && scrollBar.isVisible()) {
                    problems.add((scrollBar.getOrientation() == Orientation.VERTICAL ? "vertical" : "horizontal")
                            + " scroll bar");
                }
            }
            Bounds shown = scroll.localToScene(scroll.getLayoutBounds());
            Bounds panelShown = panel.localToScene(panel.getLayoutBounds());
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
                            || bounds.getMinX() < shown.getMinX() - 0.5 || bounds.getMaxX() > shown.getMaxX() + 0.5
                            || bounds.getMaxX() > panelShown.getMaxX() + 0.5) {
                        problems.add(part.getId() + " " + bounds + " outside the panel's " + shown);
                    }
                }
            }
            TruncatedText.in(window.stageRoot()).forEach(text -> problems.add("cut short: " + text));
        });
        assertThat(problems).as(when).isEmpty();
    }
}
