package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The lab's member rows read as a table: each row's partition chips (or its idle note) start in one column. The
 * "new" badge beside a member that just joined pushed that row's chips about 20 px right of the others' at 1.5x
 * text, so the eye could not run down the column. Checked where a join shows a badge, on a 1280x800 projector at the
 * usual and the largest text, in both languages; with eleven members too, where "C10" is wider than "C9".
 */
@ExtendWith(ApplicationExtension.class)
class LabChipsLineUpTest {

    private static final List<TextZoom> ZOOMS = List.of(new TextZoom(1.0), TextZoom.largestFor(1280, 800));

    private GroupScopeWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = ProjectorWindow.open(stage);
    }

    @Test
    void aJoinersChipsStartWhereTheOthersDo(FxRobot robot) {
        openLab(robot);
        robot.interact(() -> window.lab().addConsumer());
        assertContentLinesUp(robot);
    }

    @Test
    void theIdleNoteAndTheJoinersChipsStartWhereTheOthersDoInTheTallestRound(FxRobot robot) {
        ProjectorWindow.labSixWithheld(robot, window);
        assertContentLinesUp(robot);
    }

    @Test
    void withElevenMembersTheTwoDigitNamesKeepTheColumnToo(FxRobot robot) {
        openLab(robot);
        robot.interact(() -> {
            while (window.lab().groupSizeProperty().get() < 11) {
                window.lab().addConsumer();
            }
        });
        assertContentLinesUp(robot);
    }

    private void openLab(FxRobot robot) {
        robot.interact(() -> window.showTab("labTab"));
        FxWait.waitFor(() -> robot.lookup("#consumers").tryQuery().isPresent());
    }

    /** In each language and zoom: some rows with a "new" badge, some without, and every row's content at one x. */
    private void assertContentLinesUp(FxRobot robot) {
        for (UiLanguage language : UiLanguage.values()) {
            for (TextZoom zoom : ZOOMS) {
                ProjectorWindow.showAt(robot, window, stage, language, zoom);
                String where = language + " at " + zoom.factor();

                List<Node> rows = List.copyOf(robot.lookup("#consumers > .member-row").queryAll());
                assertThat(rows).as("%s: rows with a new badge", where).anyMatch(row -> showsBadge(robot, row));
                assertThat(rows).as("%s: rows without", where).anyMatch(row -> !showsBadge(robot, row));
                double column = contentLeft(robot, rows.get(0));
                for (Node row : rows) {
                    assertThat(contentLeft(robot, row)).as("%s: where %s's chips start", where, row.getId())
                            .isCloseTo(column, within(0.5));
                }
            }
        }
    }

    private static boolean showsBadge(FxRobot robot, Node row) {
        return robot.from(row).lookup(".joined-badge").queryAll().stream()
                .anyMatch(badge -> FxWait.visibleUpTo(badge, row));
    }

    /** The scene x at which the row's first chip, or its idle note, starts. */
    private static double contentLeft(FxRobot robot, Node row) {
        Node content = robot.from(row).lookup(".idle-note").tryQuery()
                .orElseGet(() -> robot.from(row).lookup(".chip").query());
        return content.localToScene(content.getLayoutBounds()).getMinX();
    }
}
