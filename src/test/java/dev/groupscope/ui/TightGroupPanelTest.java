package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The group panel at 1.6x text (Ctrl + up to the most a 1280×800 projector gives) in Chinese, on the playground at
 * 30 s (C1, C2 and C3 running, two partitions each). Each state pill carried its Chinese gloss, so the state machine
 * took five rows, the summary two, and in presenter mode the panel scrolled before C2's card. Tight, only the lit
 * state keeps its gloss (the others' in their tooltips), the summary keeps to one line (the whole sentence in its
 * tooltip) and the cards stand closer: presenter mode shows all three cards whole without scrolling, the window at
 * least C1 and C2 whole and C3's name. At the normal text size nothing changes: every pill with its gloss, the whole
 * summary.
 */
@ExtendWith(ApplicationExtension.class)
class TightGroupPanelTest {

    private static final Messages ZH = Messages.of(UiLanguage.SIMPLIFIED_CHINESE.locale());

    private GroupScopeWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = ProjectorWindow.open(stage);
    }

    @Test
    void inPresenterModeAt16InChineseTheWholeGroupShowsWithoutScrollingAndTheLitStateKeepsItsGloss(FxRobot robot) {
        at30s(robot);
        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        robot.interact(window::togglePresenter);
        robot.interact(() -> {
            window.zoomTo(new TextZoom(1.6));
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        FxWait.settle(robot, window);

        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            ScrollPane scroll = groupScroll(robot);
            Region body = robot.lookup("#groupBody").query();
            if (body.getHeight() > scroll.getViewportBounds().getHeight() + 0.5) {
                problems.add(String.format("the content is %.0f px high, the panel shows %.0f", body.getHeight(),
                        scroll.getViewportBounds().getHeight()));
            }
            for (String consumer : List.of("C1", "C2", "C3")) {
                for (String part : List.of("#consumer-" + consumer, "#crash-" + consumer)) {
                    if (!inside(robot.lookup(part).query(), scroll)) {
                        problems.add(part + " is not all shown");
                    }
                }
            }
            TruncatedText.in(window.stageRoot()).forEach(text -> problems.add("cut short: " + text));
        });
        assertThat(problems).as("presenter mode, zoom 1.6, Chinese, 1280x800").isEmpty();
        assertStatesTeach(robot);
    }

    @Test
    void inTheWindowAt16InChineseC1AndC2ShowWholeAndC3sName(FxRobot robot) {
        at30s(robot);
        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        robot.interact(() -> window.zoomTo(new TextZoom(1.6)));
        FxWait.settle(robot, window);

        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            ScrollPane scroll = groupScroll(robot);
            for (String part : List.of("#consumer-C1", "#crash-C1", "#consumer-C2", "#crash-C2",
                    "#consumer-C3 .member-name", "#crash-C3")) {
                if (!inside(robot.lookup(part).query(), scroll)) {
                    problems.add(part + " is not all shown");
                }
            }
            TruncatedText.in(window.stageRoot()).forEach(text -> problems.add("cut short: " + text));
        });
        assertThat(problems).as("window, zoom 1.6, Chinese, 1280x800").isEmpty();
        assertStatesTeach(robot);
    }

    @Test
    void atTheNormalTextEveryStateKeepsItsGlossAndTheSummaryIsWhole(FxRobot robot) {
        at30s(robot);
        for (UiLanguage language : List.of(UiLanguage.SIMPLIFIED_CHINESE, UiLanguage.ENGLISH)) {
            robot.interact(() -> window.switchTo(language));
            robot.interact(() -> window.zoomTo(new TextZoom(1.0)));
            FxWait.settle(robot, window);
            Messages messages = Messages.of(language.locale());

            for (String state : GroupStateGraph.STATES) {
                Label pill = robot.lookup("#group-state-" + state).query();
                assertThat(pill.getText()).as(language + " " + state)
                        .isEqualTo(messages.text("ui.main.groupState." + state));
            }
            Label summary = robot.lookup("#groupSummary").query();
            assertThat(summary.getText()).as(language + ": the whole summary").contains("__consumer_offsets");
            assertThat(summary.getTooltip()).as(language + ": no tooltip repeating the summary").isNull();
        }
    }

    /**
     * Every state shows, each with its Kafka name; the lit one with its Chinese gloss too, the others with theirs in
     * their tooltips; every transition's arrow shows, the one just taken lit; the summary names the generation on
     * one line, its whole sentence in its tooltip.
     */
    private void assertStatesTeach(FxRobot robot) {
        String lit = window.playground().getFrame().group().state();
        robot.interact(() -> {
            Node graph = robot.lookup("#group-state").query();
            ScrollPane scroll = groupScroll(robot);
            for (String state : GroupStateGraph.STATES) {
                Label pill = robot.lookup("#group-state-" + state).query();
                String whole = ZH.text("ui.main.groupState." + state);
                assertThat(inside(pill, scroll)).as(state + " shown").isTrue();
                if (state.equals(lit)) {
                    assertThat(pill.getStyleClass()).as(state).contains("lit");
                    assertThat(pill.getText()).as("the lit state with its gloss").isEqualTo(whole);
                } else {
                    assertThat(pill.getText()).as(state + ": its Kafka name").isEqualTo(state);
                    assertThat(pill.getTooltip()).as(state + ": a tooltip with its gloss").isNotNull();
                    assertThat(pill.getTooltip().getText()).isEqualTo(whole);
                    assertThat(pill.getAccessibleText()).isEqualTo(whole);
                }
            }
            for (GroupStateGraph.Edge edge : GroupStateGraph.edges()) {
                Node arrow = robot.lookup("#" + edge.id()).query();
                assertThat(inside(arrow, scroll)).as(edge.id() + " shown").isTrue();
            }
            List<String> taken = robot.from(graph).lookup(".state-edge").queryAll().stream()
                    .filter(node -> node.getStyleClass().contains("taken")).map(Node::getId).toList();
            assertThat(taken).as("the transition just taken").hasSize(1);
            Label summary = robot.lookup("#groupSummary").query();
            assertThat(summary.getText()).startsWith("第 1 代");
            assertThat(summary.getHeight()).as("the summary on one line")
                    .isLessThan(summary.getFont().getSize() * 2);
            assertThat(summary.getTooltip().getText()).as("the whole summary in its tooltip")
                    .contains("__consumer_offsets");
        });
    }

    private void at30s(FxRobot robot) {
        robot.interact(() -> window.playground().scrubTo(30_000));
        waitFor(() -> window.playground().getFrame() != null && window.playground().getFrame().time() == 30_000
                && robot.lookup("#crash-C3").tryQuery().isPresent());
    }

    private static ScrollPane groupScroll(FxRobot robot) {
        Node panel = robot.lookup(".group-panel").query();
        return (ScrollPane) robot.from(panel).lookup(".panel-scroll").query();
    }

    /** Whether {@code node} shows whole inside what the scroll pane's viewport shows. */
    private static boolean inside(Node node, ScrollPane scroll) {
        Node viewport = scroll.lookup(".viewport");
        Bounds shown = viewport.localToScene(viewport.getLayoutBounds());
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        return node.isVisible() && bounds.getMinY() >= shown.getMinY() - 0.5
                && bounds.getMaxY() <= shown.getMaxY() + 0.5 && bounds.getMinX() >= shown.getMinX() - 0.5
                && bounds.getMaxX() <= shown.getMaxX() + 0.5;
    }
}
