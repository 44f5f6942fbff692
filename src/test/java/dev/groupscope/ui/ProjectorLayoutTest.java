package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What a projector at 1280×800 shows: the whole playground, without scrolling, in both languages. */
@ExtendWith(ApplicationExtension.class)
class ProjectorLayoutTest {

    private GroupScopeWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = ProjectorWindow.open(stage);
    }

    @Test
    void allSixPartitionsOfThePlaygroundFitAt1280x800InEnglish(FxRobot robot) {
        showMomentWithAStableGroup(robot);

        assertThat(overflow(robot, "#partitions")).as("pixels of partitions below the fold").isLessThanOrEqualTo(0);
        assertThat(overflow(robot, "#consumers")).as("pixels of consumers below the fold").isLessThanOrEqualTo(0);
    }

    @Test
    void allSixPartitionsOfThePlaygroundFitAt1280x800InChinese(FxRobot robot) {
        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        showMomentWithAStableGroup(robot);

        assertThat(overflow(robot, "#partitions")).as("pixels of partitions below the fold").isLessThanOrEqualTo(0);
        assertThat(overflow(robot, "#consumers")).as("pixels of consumers below the fold").isLessThanOrEqualTo(0);
    }

    @Test
    void sixLabMembersAndAWithheldPartitionFitAt1280x800InEnglish(FxRobot robot) {
        joinTheSixthCooperatively(robot);

        assertThat(robot.lookup("#withheldBox").query().isVisible()).isTrue();
        assertThat(robot.lookup("#labRoot .member-row").queryAll()).hasSize(6);
        assertThat(overflow(robot, "#labRoot #consumers")).as("pixels of lab members below the fold")
                .isLessThanOrEqualTo(0);
    }

    @Test
    void sixLabMembersAndAWithheldPartitionFitAt1280x800InChinese(FxRobot robot) {
        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        joinTheSixthCooperatively(robot);

        assertThat(robot.lookup("#withheldBox").query().isVisible()).isTrue();
        assertThat(overflow(robot, "#labRoot #consumers")).as("pixels of lab members below the fold")
                .isLessThanOrEqualTo(0);
    }

    @Test
    void sixLabMembersAndTheOneThatLeftFitAt1280x800InEnglish(FxRobot robot) {
        leaveSevenForSix(robot);

        assertThat(robot.lookup("#departure").tryQuery()).isPresent();
        assertThat(robot.lookup("#labRoot .member-row").queryAll()).hasSize(6);
        assertThat(overflow(robot, "#labRoot #consumers")).as("pixels of lab members below the fold")
                .isLessThanOrEqualTo(0);
    }

    @Test
    void sixLabMembersAndTheOneThatLeftFitAt1280x800InChinese(FxRobot robot) {
        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        leaveSevenForSix(robot);

        assertThat(robot.lookup("#departure").tryQuery()).isPresent();
        assertThat(overflow(robot, "#labRoot #consumers")).as("pixels of lab members below the fold")
                .isLessThanOrEqualTo(0);
    }

    /** Seven cooperative members, settled, then C0 leaves: six rows and the departure, its sentence the longest. */
    private void leaveSevenForSix(FxRobot robot) {
        robot.interact(() -> {
            window.labShown(true);
            window.lab().strategyProperty().set("cooperative-sticky");
            while (window.lab().groupSizeProperty().get() < 7) {
                window.lab().addConsumer();
            }
            window.lab().rebalance();
            window.lab().removeConsumer("C0");
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.getScene().getRoot().layout());
    }

    /** The lab's tallest group on a projector: six members, the last join withholding a partition (cooperative). */
    private void joinTheSixthCooperatively(FxRobot robot) {
        robot.interact(() -> {
            window.labShown(true);
            window.lab().strategyProperty().set("cooperative-sticky");
            while (window.lab().groupSizeProperty().get() < 6) {
                window.lab().addConsumer();
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.getScene().getRoot().layout());
    }

    private void showMomentWithAStableGroup(FxRobot robot) {
        robot.interact(() -> window.playground().scrubTo(30_000));
        waitFor(() -> window.playground().getFrame() != null && window.playground().getFrame().time() == 30_000
                && robot.lookup("#partition-orders-5").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.getScene().getRoot().layout());
    }

    /** How far the content of the scroll pane around {@code query} reaches past its viewport. */
    static double overflow(FxRobot robot, String query) {
        Region content = robot.lookup(query).query();
        Node parent = content.getParent();
        while (parent != null && !(parent instanceof ScrollPane)) {
            parent = parent.getParent();
        }
        ScrollPane scroll = (ScrollPane) parent;
        return content.getHeight() - scroll.getViewportBounds().getHeight();
    }
}
