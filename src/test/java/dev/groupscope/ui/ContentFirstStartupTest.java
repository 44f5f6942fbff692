package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window as the app opens it ({@link GroupScopeWindow#showContentFirst}): the first frame that shows anything
 * of the model is the playground's two panels drawn from it; the menus, tabs, transport and tooltips come in the
 * frames right after, around the same panel nodes, which stay where they were.
 */
@ExtendWith(ApplicationExtension.class)
class ContentFirstStartupTest {

    /** Where the panels may move when the chrome arrives: less than half a line of text. */
    private static final double MOST_THE_PANELS_MOVE = 8;
    /** The key under which {@link Tooltip#install} keeps a node's tooltip. */
    private static final String TOOLTIP = "javafx.scene.control.Tooltip";

    private GroupScopeWindow window;
    /** What each laid-out frame held, recorded on the FX thread after layout, before it is drawn. */
    private final List<Laid> frames = new CopyOnWriteArrayList<>();

    private record Laid(Node partition, Object partitionData, boolean broker, String groupState, boolean chrome,
                        boolean tooltip, double panelsY, boolean withoutModena, boolean scrolls,
                        boolean card, boolean crashButton) {
    }

    @Start
    void start(Stage stage) {
        window = new GroupScopeWindow(stage, PlaygroundViewModel.playground());
        window.showContentFirst(UiLanguage.ENGLISH);
        Scene scene = stage.getScene();
        scene.addPostLayoutPulseListener(() -> frames.add(laid(scene.getRoot())));
    }

    private static Laid laid(Parent root) {
        Node partition = root.lookup("#partition-orders-0");
        Node panels = root.lookup(".stage-panes"); // none while another tab is shown
        Node states = root.lookup("#group-state");
        boolean chrome = root.lookup(".menu-bar") != null || root.lookup("#tabs") != null
                || root.lookup("#play") != null || root.lookup("#explanation") != null;
        return new Laid(partition, partition == null ? null : partition.getUserData(),
                root.lookup("#broker-1") != null, states == null ? null : (String) states.getUserData(), chrome,
                partition != null && partition.getProperties().get(TOOLTIP) instanceof Tooltip,
                panels == null ? Double.NaN : panels.localToScene(panels.getLayoutBounds()).getMinY(),
                ContentFirst.withoutModena(), partition != null && inScrollPane(partition),
                root.lookup("#consumer-C1") != null, root.lookup("#crash-C1") != null);
    }

    private static boolean inScrollPane(Node node) {
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up instanceof javafx.scene.control.ScrollPane) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theFirstFrameWithContentIsThePanelsDrawnFromTheModelAndTheRestFollowsAroundThem(FxRobot robot) {
        waitFor(() -> window.complete() && frames.stream().anyMatch(Laid::chrome));

        Laid first = frames.stream().filter(laid -> laid.partition() != null).findFirst().orElseThrow();
        assertThat(first.chrome()).as("menus, tabs, transport or explanation in the first frame").isFalse();
        assertThat(first.partitionData()).as("the partition row drawn from the model's frame")
                .isInstanceOf(PlaygroundFrame.PartitionRow.class);
        assertThat(first.broker()).isTrue();
        assertThat(first.groupState()).isEqualTo(window.playground().getFrame().group().state());
        assertThat(first.tooltip()).as("tooltips are chrome: they come after").isFalse();
        assertThat(first.scrolls()).as("a scroll pane (a control) in the first frame").isFalse();
        assertThat(first.card()).as("the consumer's card").isTrue();
        assertThat(first.crashButton()).as("its Crash button, a control, in the first frame").isFalse();

        Laid complete = frames.stream().filter(Laid::chrome).findFirst().orElseThrow();
        assertThat(complete.partition()).as("the same row, moved into the shell, not drawn again")
                .isSameAs(first.partition());
        assertThat(complete.tooltip()).isTrue();
        assertThat(complete.scrolls()).as("the partitions scroll once the window is complete").isTrue();
        assertThat(complete.crashButton()).isTrue();
        assertThat(Math.abs(complete.panelsY() - first.panelsY())).as("how far the panels moved down")
                .isLessThanOrEqualTo(MOST_THE_PANELS_MOVE);
        assertThat(robot.lookup("#tabs").tryQuery()).isPresent();
        assertThat(robot.lookup("#play").tryQuery()).isPresent();
        assertThat(robot.lookup("#explanation").<Labeled>query().getText()).isNotBlank();
        assertThat(window.builtTabs()).containsExactly("playgroundTab");
        // Modena may be left out of the panels' first frame (only the JVM's first window does), never the window's.
        assertThat(frames.stream().filter(Laid::chrome)).as("frames with the chrome laid out without Modena")
                .noneMatch(Laid::withoutModena);
        assertThat(javafx.application.Application.getUserAgentStylesheet()).as("the user agent's look: Modena")
                .isNull();
    }

    @Test
    void theAssignorLabsModelIsMadeWhenItsTabIsFirstShown(FxRobot robot) {
        waitFor(window::complete);
        assertThat(window.labMade()).isFalse();

        robot.interact(() -> window.showTab("labTab"));

        assertThat(window.labMade()).isTrue();
        assertThat(window.builtTabs()).contains("labTab");
        assertThat(robot.lookup("#strategy").tryQuery()).isPresent();
    }

    @Test
    void aLanguageSwitchAfterAContentFirstStartRebuildsThePanelsInTheNewLanguage(FxRobot robot) {
        waitFor(window::complete);

        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));

        String cluster = Messages.of(UiLanguage.SIMPLIFIED_CHINESE.locale()).text("ui.main.cluster");
        waitFor(() -> robot.lookup(".cluster-header > .panel-title").<Labeled>query().getText().equals(cluster)
                && robot.lookup("#partition-orders-0").tryQuery().isPresent());
        assertThat(robot.lookup(".stage-panes").queryAll()).hasSize(1);
    }
}
