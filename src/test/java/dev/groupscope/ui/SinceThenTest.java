package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.nio.file.Path;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A teacher scrubbing worker-pool-by-key to 12 s saw the explanation of its second commit, at 0.032 s ("clicks-0 @
 * 0"), beside partitions committed at 344: the pool's later commits are routine, so nothing newer is explained.
 * Under the explanation the window now shows the latest commit like it since then, with what it committed.
 */
@ExtendWith(ApplicationExtension.class)
class SinceThenTest {

    private PlaygroundViewModel lesson;
    private GroupScopeWindow window;

    @Start
    void start(Stage stage) {
        lesson = PlaygroundViewModel.running(
                ScenarioReader.read(Path.of("lessons/scenarios/worker-pool-by-key.json")));
        window = new GroupScopeWindow(stage, new AssignorLabViewModel(), lesson);
        window.show(UiLanguage.ENGLISH);
    }

    @Test
    void longAfterTheExplainedCommitTheLatestCommitLikeItIsGiven() {
        PlaygroundFrame frame = LessonFrames.at("worker-pool-by-key.json", 12_000);
        SimEvent explained = frame.current().orElseThrow();
        SimEvent latest = frame.since().orElseThrow();

        assertThat(explained.type()).isEqualTo("CommitSync");
        assertThat(explained.time()).isLessThan(1_000);
        assertThat(latest.type()).isEqualTo(explained.type());
        assertThat(latest.actor()).isEqualTo(explained.actor());
        assertThat(latest.time()).isBetween(11_000L, 12_000L);
    }

    @Test
    void anEventThatIsTheLatestOfItsKindHasNothingSinceIt() {
        // Auto commits are each explained (not routine): the one explained is the latest of its consumer.
        PlaygroundFrame frame = LessonFrames.at("playground.json", 25_000);

        assertThat(frame.current().orElseThrow().type()).isEqualTo("AutoCommit");
        assertThat(frame.since()).isEmpty();
    }

    @Test
    void theLatestLikeItIsOneTheShownGroupsViewShows() {
        // At 3 s payments' JoinGroup is still parked at broker 2, and so is reports': the broker is the actor of both.
        PlaygroundFrame frame = LessonFrames.at("close-during-failover.json", 3_000);
        SimEvent explained = frame.current().orElseThrow();
        assertThat(explained.type()).isEqualTo("JoinGroupParked");
        assertThat(explained.peer()).isEqualTo("C2");

        Simulation run = ScenarioWorld.simulation(
                ScenarioReader.read(Path.of("lessons/scenarios/close-during-failover.json")));
        run.runUntil(3_000);
        long last = run.log().size() - 1;
        assertThat(SinceThen.latestLike(run.log(), explained.seq(), last, event -> true).map(SimEvent::peer))
                .as("whichever group's: reports' R2 was parked since").contains("R2");
        assertThat(frame.since().map(SimEvent::peer)).as("but this is payments' view").isEmpty();
    }

    @Test
    void theWindowTitlesTheRowSinceThenAndSaysWhatTheLatestCommitted(FxRobot robot) {
        waitFor(() -> lesson.getFrame() != null);
        robot.interact(() -> lesson.scrubTo(12_000));
        waitFor(() -> lesson.getFrame().time() == 12_000);
        FxWait.settle(robot, window);
        SimEvent latest = lesson.getFrame().since().orElseThrow();

        assertThat(robot.lookup(".recent-title").<Labeled>query().getText())
                .isEqualTo("Since then, the latest like it (routine: Next ▶▶ does not stop at these)");
        assertThat(WholeNames.read(robot.lookup(".recent-event").<Labeled>query().getText()))
                .startsWith(String.format(java.util.Locale.ROOT, "%.3f s · CommitSync — C1 commits its windows'",
                        latest.time() / 1000.0));
        // Stepped to, an event is the latest thing explained: the row is the one before it again.
        robot.interact(() -> lesson.stepNext());
        waitFor(() -> lesson.getFrame().time() > 12_000);
        FxWait.settle(robot, window);
        assertThat(lesson.getFrame().since()).isEmpty();
        assertThat(robot.lookup(".recent-title").<Labeled>query().getText()).isEqualTo("Earlier");
    }

}
