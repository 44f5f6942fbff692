package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A pooled partition's window words ("window 12/60 · …") went after the partition's numbers where the line had room
 * and onto a line of their own where it had not, so rows of one group looked uneven (two-threading-schemes,
 * pool-app: orders-0's words beside its numbers, orders-1's under them). Now the group's rows are alike: the words
 * after the facts on the facts' line in every row, or on a line of their own under the facts (from the row's left
 * edge) in every row; at the normal text, with the group panel folded (a wide cluster panel), at the largest text,
 * in both languages; never cut short, never scrolling sideways.
 */
@ExtendWith(ApplicationExtension.class)
class PoolWindowWordsPlacementTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void poolAppsRowsAllPlaceTheirWindowsWordsAlike(FxRobot robot) {
        GroupScopeWindow window = open(robot, "two-threading-schemes");
        robot.interact(() -> window.playground().showGroup("pool-app"));
        for (UiLanguage language : List.of(UiLanguage.ENGLISH, UiLanguage.SIMPLIFIED_CHINESE)) {
            robot.interact(() -> window.switchTo(language));
            for (long at : List.of(10_000L, 27_000L)) {
                showAt(robot, window, at);
                assertWordsPlacedAlike(robot, language + " at " + at + " ms", 1);
            }
            robot.interact(() -> window.togglePanel(GroupScopeWindow.GROUP_PANEL));
            showAt(robot, window, 10_000);
            assertWordsPlacedAlike(robot, language + ", the group panel folded", 1);
            robot.interact(() -> window.togglePanel(GroupScopeWindow.GROUP_PANEL));
            robot.interact(() -> window.zoomTo(new TextZoom(TextZoom.MAX)));
            showAt(robot, window, 10_000);
            assertWordsPlacedAlike(robot, language + ", the largest text", 1);
            robot.interact(() -> window.zoomTo(new TextZoom(1.0)));
        }
    }

    @Test
    void theWindowCommitLessonsRowsToo(FxRobot robot) {
        GroupScopeWindow window = open(robot, "window-commit");
        robot.interact(() -> window.togglePanel(GroupScopeWindow.GROUP_PANEL));
        for (long at : List.of(8_000L, 16_000L)) {
            showAt(robot, window, at);
            assertWordsPlacedAlike(robot, "window-commit at " + at + " ms, the group panel folded", 1);
        }
    }

    private GroupScopeWindow open(FxRobot robot, String lesson) {
        GroupScopeWindow[] made = new GroupScopeWindow[1];
        robot.interact(() -> made[0] = ProjectorWindow.openLesson(stage, lesson));
        waitFor(() -> made[0].playground().getFrame() != null);
        return made[0];
    }

    private static void showAt(FxRobot robot, GroupScopeWindow window, long at) {
        robot.interact(() -> window.playground().scrubTo(at));
        waitFor(() -> window.playground().getFrame() != null && window.playground().getFrame().time() == at);
        FxWait.settle(robot, window);
    }

    /**
     * At least {@code least} rows have a window; the window's words are after the facts on their line in every one of
     * them, or under the facts at the row's left in every one; nothing in the cluster panel is cut short and the
     * rows are no wider than it.
     */
    private static void assertWordsPlacedAlike(FxRobot robot, String when, int least) {
        List<String> problems = new ArrayList<>();
        List<String> places = new ArrayList<>();
        int[] windows = new int[1];
        robot.interact(() -> {
            for (Node row : robot.lookup(".partition-row").queryAll()) {
                Node words = row.lookup(".pool-window-facts");
                if (words == null || !words.isVisible() || words.getParent() == null) {
                    continue;
                }
                windows[0]++;
                Bounds said = words.localToScene(words.getLayoutBounds());
                Node numbers = row.lookup(".partition-numbers");
                Bounds facts = numbers.localToScene(numbers.getLayoutBounds());
                Node position = row.lookup(".partition-position");
                if (position != null && position.isVisible()
                        && !((javafx.scene.control.Labeled) position).getText().isEmpty()) {
                    Bounds at = position.localToScene(position.getLayoutBounds());
                    facts = new javafx.geometry.BoundingBox(facts.getMinX(), facts.getMinY(),
                            Math.max(facts.getMaxX(), at.getMaxX()) - facts.getMinX(),
                            Math.max(facts.getMaxY(), at.getMaxY()) - facts.getMinY());
                }
                if (said.getMinY() >= facts.getMaxY() - 0.5 && Math.abs(said.getMinX() - facts.getMinX()) <= 0.5) {
                    places.add(row.getId() + " under");
                } else if (Math.abs(said.getMinY() - facts.getMinY()) <= 0.5 && said.getMinX() >= facts.getMaxX()) {
                    places.add(row.getId() + " after");
                } else {
                    problems.add(row.getId() + ": the window's words " + said + " neither after nor under the facts "
                            + facts);
                }
            }
            if (places.stream().map(place -> place.substring(place.indexOf(' '))).distinct().count() > 1) {
                problems.add("the window's words after the facts in some rows, under them in others: " + places);
            }
            Region partitions = robot.lookup("#partitions").query();
            Node up = partitions.getParent();
            while (up != null && !(up instanceof ScrollPane)) {
                up = up.getParent();
            }
            if (up instanceof ScrollPane scroll && partitions.getWidth() > scroll.getViewportBounds().getWidth()
                    + 0.5) {
                problems.add("the partitions are " + partitions.getWidth() + " wide in a panel of "
                        + scroll.getViewportBounds().getWidth());
            }
            TruncatedText.in(robot.lookup(".cluster-panel").<Parent>query())
                    .forEach(text -> problems.add("cut short: " + text));
        });
        assertThat(windows[0]).as(when + ": rows with a window").isGreaterThanOrEqualTo(least);
        assertThat(problems).as(when).isEmpty();
    }
}
