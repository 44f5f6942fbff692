package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * C1's settings sheet on a 1280×800 projector at the largest text Ctrl + gives, in English and Chinese: on the screen,
 * no heading cut to "Kafka's …", and every limit in view without scrolling sideways, none broken inside a number (it
 * read "[6000,...,18" over "00000]" when the long names and the value boxes took all the width).
 */
@ExtendWith(ApplicationExtension.class)
class SettingsSheetAtLargeTextTest {

    private static final String SESSION = "#" + ConsumerSettingsSheet.editorId("session.timeout.ms");

    private GroupScopeWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = ProjectorWindow.open(stage);
    }

    @Test
    void theSheetShowsEveryHeadingAndEveryLimitWholeAtTheLargestText(FxRobot robot) {
        robot.interact(() -> window.playground().scrubTo(20_000));
        waitFor(() -> window.playground().getFrame() != null && window.playground().getFrame().time() == 20_000);
        for (UiLanguage language : List.of(UiLanguage.ENGLISH, UiLanguage.SIMPLIFIED_CHINESE)) {
            robot.interact(() -> window.switchTo(language));
            robot.interact(() -> window.zoomTo(TextZoom.largestFor(1280, 800)));
            FxWait.settle(robot, window);
            Parent sheet = openSettingsOfC1(robot);

            assertThat(TruncatedText.in(sheet)).as(language + ": text cut short in the sheet").isEmpty();
            assertThat(brokenWords(sheet)).as(language + ": limits narrower than a word of theirs").isEmpty();
            // Chinese text is a pixel larger: its names, assignor box and limits needed ~60 px more than the 1224 the
            // sheet's view has, and the sheet now makes its text just small enough to fit.
            FxWait.settle(robot, window);
            assertThat(outOfView(sheet)).as(language + ": limits out of the sheet's view").isEmpty();
            Bounds shown = sheet.localToScreen(sheet.getLayoutBounds());
            assertThat(shown.getMaxX()).as(language + ": the sheet's right edge against the screen's")
                    .isLessThanOrEqualTo(Screen.getPrimary().getBounds().getMaxX() + 0.5);
            robot.interact(() -> sheet.getScene().getWindow().hide());
            waitFor(() -> robot.lookup(SESSION).tryQuery().isEmpty());
        }
    }

    private Parent openSettingsOfC1(FxRobot robot) {
        robot.rightClickOn("#consumer-C1");
        waitFor(() -> ShownMenus.item("menu-settings-C1") != null);
        MenuItem settings = ShownMenus.item("menu-settings-C1");
        Platform.runLater(() -> {
            settings.getParentPopup().hide();
            settings.fire();
        });
        waitFor(() -> robot.lookup(SESSION).tryQuery().isPresent());
        FxWait.settle(robot, window);
        Node editor = robot.lookup(SESSION).query();
        return editor.getScene().getRoot();
    }

    /** Limits labels that reach past the right edge of the sheet's scrolling view. */
    private static List<String> outOfView(Parent sheet) {
        Node viewport = sheet.lookup(".settings-scroll .viewport");
        double right = viewport.localToScreen(viewport.getLayoutBounds()).getMaxX();
        List<String> out = new ArrayList<>();
        for (Node node : sheet.lookupAll(".settings-limits")) {
            Bounds shown = node.localToScreen(node.getLayoutBounds());
            if (shown.getMaxX() > right + 0.5) {
                out.add(((Label) node).getText() + " to " + (int) shown.getMaxX() + " of " + (int) right);
            }
        }
        return out;
    }

    /** Limits labels narrower than one of their words: JavaFX then breaks that word inside. */
    private static List<String> brokenWords(Parent sheet) {
        List<String> broken = new ArrayList<>();
        for (Node node : sheet.lookupAll(".settings-limits")) {
            Label limits = (Label) node;
            // Spaces, and the zero width space after "by_duration:", are where a line may break.
            for (String word : limits.getText().split("[\\s\u200B]+")) {
                Text measured = new Text(word);
                measured.setFont(limits.getFont());
                double room = limits.getWidth() - limits.getInsets().getLeft() - limits.getInsets().getRight();
                if (measured.getLayoutBounds().getWidth() > room + 0.5) {
                    broken.add(word + " in " + (int) room + " px");
                }
            }
        }
        return broken;
    }
}
