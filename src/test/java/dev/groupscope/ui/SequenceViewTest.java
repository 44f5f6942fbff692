package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.diagram.SequenceDiagram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The protocol tab on Monocle: the sequence diagram grows with t, clicking an arrow moves time to it, heartbeats
 * fold. With {@code -Dgroupscope.screens=<dir>} it also writes screenshots of the pane there.
 */
@ExtendWith(ApplicationExtension.class)
class SequenceViewTest {

    private GroupScopeWindow window;

    @Start
    void start(Stage stage) {
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), PlaygroundViewModel.playground());
        window.show(UiLanguage.ENGLISH);
        window.showTab("protocolTab");
    }

    @Test
    void theDiagramGrowsAsTimeMoves(FxRobot robot) {
        goTo(robot, 3_000);
        int early = rows();
        assertThat(robot.lookup("#lane-C1").tryQuery()).isPresent();

        goTo(robot, 12_000);

        assertThat(rows()).isGreaterThan(early);
        assertThat(robot.lookup("#lane-C3").tryQuery()).isPresent();
        assertThat(robot.from(robot.lookup("#sequenceCanvas").<Node>query()).lookup(".coordinator-lane").queryAll())
                .hasSize(1);
        assertThat(diagram().rows()).allMatch(row -> row.time() <= 12_000);
    }

    @Test
    void noLifelineRunsThroughTheWordsOfAMessage(FxRobot robot) {
        goTo(robot, 12_000);
        javafx.scene.Parent canvas = robot.lookup("#sequenceCanvas").query();
        java.util.List<String> crossed = new java.util.ArrayList<>();
        robot.interact(() -> {
            java.util.List<Node> drawn = new java.util.ArrayList<>(canvas.lookupAll("Text"));
            javafx.scene.Parent content = drawn.isEmpty() ? null : drawn.get(0).getParent();
            java.util.List<Node> order = content == null ? java.util.List.of()
                    : content.getChildrenUnmodifiable();
            for (Node node : order) {
                if (!(node instanceof javafx.scene.text.Text label) || !label.getId().endsWith("-label")
                        || robot.lookup("#" + label.getId().replace("-label", "")).tryQuery()
                                .filter(javafx.scene.Group.class::isInstance).isEmpty()) {
                    continue;
                }
                javafx.geometry.Bounds words = label.getBoundsInParent();
                for (Node life : order) {
                    if (life.getId() != null && life.getId().endsWith("-life")
                            && life.getBoundsInParent().intersects(words)
                            && !coveredAbove(order, life, words)) {
                        crossed.add(life.getId() + " through " + label.getText());
                    }
                }
            }
        });

        assertThat(crossed).isEmpty();
    }

    /** Whether something opaque drawn after {@code below} and before the words hides it under {@code words}. */
    private static boolean coveredAbove(java.util.List<Node> order, Node below, javafx.geometry.Bounds words) {
        javafx.geometry.Bounds crossing = below.getBoundsInParent();
        for (Node node : order.subList(order.indexOf(below) + 1, order.size())) {
            if (node instanceof javafx.scene.shape.Rectangle patch && patch.getFill() != null
                    && ((javafx.scene.paint.Color) patch.getFill()).getOpacity() == 1
                    && patch.getBoundsInParent().getMinX() <= crossing.getMinX()
                    && patch.getBoundsInParent().getMaxX() >= crossing.getMaxX()
                    && patch.getBoundsInParent().getMinY() <= words.getMinY() + 0.5
                    && patch.getBoundsInParent().getMaxY() >= words.getMinY() + words.getHeight() * 0.7) {
                return true;
            }
        }
        return false;
    }

    @Test
    void noRowIsDrawnUnderTheLaneHeadsWhereverTheDiagramIsScrolled(FxRobot robot) {
        // The heads stay in view while the rows scroll; drawn over the rows, they hid the topmost one shown.
        goTo(robot, 31_000);
        javafx.scene.control.ScrollPane scroll = robot.lookup("#sequenceScroll").query();
        java.util.List<String> hidden = new java.util.ArrayList<>();
        for (double at : new double[] {0, 0.01, 0.02, 0.03, 0.05, 0.1, 0.3, 0.6, 1}) {
            robot.interact(() -> {
                scroll.setVvalue(at);
                window.stageRoot().layout();
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> hidden.addAll(wordsUnderTheHeads(robot, scroll, at)));
        }

        assertThat(hidden).isEmpty();
    }

    /** The rows' words (times, message and note labels) in the scroll's view that the lane heads cover. */
    private static java.util.List<String> wordsUnderTheHeads(FxRobot robot, javafx.scene.control.ScrollPane scroll,
                                                             double at) {
        javafx.geometry.Bounds view = scroll.localToScene(scroll.getLayoutBounds());
        Node heads = robot.lookup("#sequenceHeads").query();
        javafx.geometry.Bounds band = heads.localToScene(heads.getLayoutBounds());
        java.util.List<String> hidden = new java.util.ArrayList<>();
        Node laneHead = robot.lookup("#lane-C1").query();
        javafx.geometry.Bounds head = laneHead.localToScene(laneHead.getBoundsInLocal());
        boolean headsInSight = heads.isVisible() && band.getHeight() >= head.getHeight()
                || head.getMinY() >= view.getMinY();
        if (!headsInSight) {
            hidden.add(String.format("at %.2f: no lane heads in sight", at));
        }
        if (!heads.isVisible()) {
            return hidden;
        }
        for (Node word : robot.lookup("#sequenceCanvas").<javafx.scene.Parent>query().lookupAll("Text")) {
            String id = word.getId() == null ? "" : word.getId();
            if (!id.startsWith("time-") && !(id.endsWith("-label") && !id.startsWith("lane-"))) {
                continue;
            }
            javafx.geometry.Bounds words = word.localToScene(word.getBoundsInLocal());
            // Only what the scroll shows: a row scrolled out of view is not hidden by the heads.
            double top = Math.max(words.getMinY(), view.getMinY());
            double bottom = Math.min(words.getMaxY(), view.getMaxY());
            if (bottom - top > 0.5 && top < band.getMaxY() - 0.5 && bottom > band.getMinY() + 0.5) {
                hidden.add(String.format("at %.2f: %s", at, ((javafx.scene.text.Text) word).getText()));
            }
        }
        return hidden;
    }

    @Test
    void clickingAnArrowMovesTimeToItAndMarksItsRow(FxRobot robot) {
        goTo(robot, 12_000);
        SequenceDiagram.Row join = diagram().rows().stream()
                .filter(row -> row.id().startsWith("msg-") && robot.lookup("#" + row.id()).query()
                        .getStyleClass().contains("api-SyncGroup"))
                .findFirst().orElseThrow();
        assertThat(join.time()).isLessThan(12_000);

        robot.interact(() -> SequenceScroll.toRow(robot, join));
        robot.clickOn("#hit-" + join.id());
        waitFor(() -> window.playground().getTime() == join.time());

        assertThat(window.playground().getTime()).isEqualTo(join.time());
        waitFor(() -> currentRowY() == join.y() - dev.groupscope.diagram.SequenceLayout.ROW_HEIGHT / 2
                - dev.groupscope.diagram.SequenceLayout.CURRENT_LIFT);
        // Rows after the new t stay in the diagram, faded, so the class can click forward again.
        assertThat(diagram().rows().get(diagram().rows().size() - 1).time()).isGreaterThan(join.time());
        assertThat(robot.lookup(".future").queryAll()).isNotEmpty();
    }

    @Test
    void heartbeatsFoldIntoOneRowUntilUnfolded(FxRobot robot) {
        goTo(robot, 20_000);
        assertThat(robot.lookup(".folded").queryAll()).isNotEmpty();
        int folded = rows();

        robot.clickOn("#foldHeartbeats");
        waitFor(() -> !((CheckBox) robot.lookup("#foldHeartbeats").query()).isSelected()
                && robot.lookup(".folded").queryAll().isEmpty());

        assertThat(rows()).isGreaterThan(folded);
        assertThat(robot.lookup(".api-Heartbeat").queryAll()).isNotEmpty();
    }

    @Test
    void screenshots(FxRobot robot) throws IOException {
        String dir = System.getProperty("groupscope.screens");
        goTo(robot, 31_000);
        if (dir == null) {
            return;
        }
        Path screens = Path.of(dir);
        Files.createDirectories(screens);
        robot.interact(() -> write(window, screens.resolve("protocol-tab-en.png")));
        // The first rebalance: MEMBER_ID_REQUIRED answers, JoinGroup held by the initial delay, SyncGroup.
        goTo(robot, 6_020);
        robot.interact(() -> write(window, screens.resolve("protocol-tab-join-en.png")));
        robot.interact(() -> window.useTheme(Theme.DARK));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> write(window, screens.resolve("protocol-tab-join-dark.png")));
        robot.interact(() -> window.useTheme(Theme.HIGH_CONTRAST));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> write(window, screens.resolve("protocol-tab-join-high-contrast.png")));
        robot.interact(() -> window.useTheme(Theme.LIGHT));
        goTo(robot, 31_000);
        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        waitFor(() -> robot.lookup("#lane-C1").tryQuery().isPresent());
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> write(window, screens.resolve("protocol-tab-zh.png")));
    }

    private static void write(GroupScopeWindow window, Path file) {
        try {
            Snapshots.writePng(javafx.stage.Window.getWindows().get(0).getScene().getRoot(), 1, file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void goTo(FxRobot robot, long time) {
        robot.interact(() -> window.playground().scrubTo(time));
        waitFor(() -> diagram() != null && window.playground().getTime() == time
                && window.sequence().readUntil() >= time);
    }


    private double currentRowY() {
        return diagram().drawing().shape("current-row")
                .map(shape -> ((dev.groupscope.diagram.Shape.Box) shape).y()).orElse(-1.0);
    }

    private SequenceDiagram diagram() {
        return window.sequence().getDiagram();
    }

    private int rows() {
        return diagram().rows().size();
    }

    @SuppressWarnings("unused")
    private static Node node(FxRobot robot, String id) {
        return robot.lookup("#" + id).query();
    }
}
