package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Compare assignors tab on a 1280×800 projector at the largest text (Ctrl + up to {@link TextZoom#MAX}), in
 * English and Chinese: each column's title ("roundrobin", "cooperative-sticky") and protocol badge stay inside
 * their column instead of running into the next one, still at least as large as the window's normal text; at the
 * normal text size they are drawn as they always were.
 */
@ExtendWith(ApplicationExtension.class)
class CompareTitlesFitTest {


    private GroupScopeWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = ProjectorWindow.open(stage);
    }

    @Test
    void everyColumnsTitleAndBadgeStayInsideItsColumnAtTheLargestZoom(FxRobot robot) {
        for (UiLanguage language : List.of(UiLanguage.ENGLISH, UiLanguage.SIMPLIFIED_CHINESE)) {
            robot.interact(() -> window.switchTo(language));
            robot.interact(() -> window.zoomTo(new TextZoom(TextZoom.MAX)));
            showCompare(robot);

            for (String assignor : ProjectorWindow.COMPARE_COLUMNS) {
                Node column = robot.lookup("#compare-" + assignor).query();
                Bounds inside = column.localToScene(column.getLayoutBounds());
                for (String part : List.of("-title", "-protocol")) {
                    Label label = robot.lookup("#compare-" + assignor + part).query();
                    Bounds shown = label.localToScene(label.getLayoutBounds());
                    String what = language + ": " + assignor + part;
                    assertThat(shown.getMinX()).as(what + " left edge against its column's")
                            .isGreaterThanOrEqualTo(inside.getMinX() - 0.5);
                    assertThat(shown.getMaxX()).as(what + " right edge against its column's")
                            .isLessThanOrEqualTo(inside.getMaxX() + 0.5);
                }
                // Fitted, not shrunk to a speck: the title is still as large as the window's normal text.
                Label title = robot.lookup("#compare-" + assignor + "-title").query();
                assertThat(title.getFont().getSize() * title.getScaleY()).as(language + ": " + assignor + " size")
                        .isGreaterThanOrEqualTo(TextZoom.forWindow(1280, 800).fontPixels(language));
            }
            assertThat(TruncatedText.in(window.stageRoot())).as(language + ": text cut short").isEmpty();
        }
    }

    @Test
    void atTheNormalTextSizeTheTitlesAreDrawnWholeOnOneLineAndUnscaled(FxRobot robot) {
        robot.interact(() -> window.zoomTo(new TextZoom(1.0)));
        showCompare(robot);

        for (String assignor : ProjectorWindow.COMPARE_COLUMNS) {
            Label title = robot.lookup("#compare-" + assignor + "-title").query();
            assertThat(title.getScaleX()).as(assignor).isEqualTo(1.0);
            // A line is about 1.2 times the font's size; two would be over twice it.
            assertThat(title.getHeight()).as(assignor + ": one line high")
                    .isLessThan(title.getFont().getSize() * 2);
        }
    }

    private void showCompare(FxRobot robot) {
        robot.interact(() -> window.showTab("compareTab"));
        waitFor(() -> robot.lookup("#compare-cooperative-sticky-title").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        // The headings fit after the columns have their widths: a layout, then one more for the fitted sizes.
        for (int i = 0; i < 3; i++) {
            robot.interact(() -> {
                window.stageRoot().applyCss();
                window.stageRoot().layout();
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
