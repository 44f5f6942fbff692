package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A consumer's card says "revoking" while its onPartitionsRevoked has not returned (the model's listener commitSync
 * or worker pool still under way), "idle" when it is stable in the group with no partition, and "removed from group"
 * when its coordinator no longer lists it while it still believes it is a stable member (a zombie).
 */
@ExtendWith(ApplicationExtension.class)
class MemberDisplayStatesTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aMemberWhoseListenerCommitsOnRevokeIsRevokingUntilTheCommitIsAnswered() {
        PlaygroundViewModel lesson = lesson("commit-on-revoke.json");

        PlaygroundFrame.ConsumerRow revoking = stepUntil(lesson, row -> row.displayState().equals("REVOKING"));

        assertThat(revoking.revoking()).isTrue();
        assertThat(revoking.state()).as("the protocol's own state is unchanged").isNotEqualTo("REVOKING");
        stepUntil(lesson, row -> row.clientId().equals(revoking.clientId()) && !row.revoking());
    }

    @Test
    void theSeventhMemberOfSixPartitionsIsIdleAndAMemberWithPartitionsIsNot() {
        PlaygroundViewModel lesson = lesson("seven-consumers-six-partitions.json");

        PlaygroundFrame.ConsumerRow idle = stepUntil(lesson, row -> row.displayState().equals("IDLE"));

        assertThat(idle.state()).isEqualTo("STABLE");
        assertThat(idle.assigned()).isEmpty();
        assertThat(lesson.getFrame().consumers()).filteredOn(row -> !row.assigned().isEmpty())
                .allSatisfy(row -> assertThat(row.displayState()).isNotEqualTo("IDLE"));
    }

    @Test
    void aMemberCutOffFromItsCoordinatorIsRemovedWhileItStillBelievesItIsStable() {
        PlaygroundViewModel lesson = lesson("network-partition.json");

        // 20 s: C2 is cut off from its coordinator; 10 s later the coordinator removes it and hands its partitions on.
        lesson.scrubTo(35_000);
        PlaygroundFrame.ConsumerRow zombie = lesson.getFrame().consumer("C2").orElseThrow();

        assertThat(zombie.displayState()).isEqualTo("REMOVED");
        assertThat(zombie.state()).as("C2 itself does not know").isEqualTo("STABLE");
        assertThat(zombie.assigned()).as("and keeps processing its old partitions").isNotEmpty();
        assertThat(zombie.generation()).isLessThan(lesson.getFrame().group().generation());
        assertThat(lesson.getFrame().consumers()).filteredOn(row -> !row.clientId().equals("C2"))
                .allSatisfy(row -> assertThat(row.displayState()).isEqualTo("STABLE"));
    }

    @Test
    void noMemberIsRemovedBeforeTheCutOrAfterItRejoins() {
        PlaygroundViewModel lesson = lesson("network-partition.json");

        lesson.scrubTo(15_000);
        assertThat(lesson.getFrame().consumers()).noneMatch(row -> row.displayState().equals("REMOVED"));
        // 45 s: the network heals; C2's heartbeat is answered UNKNOWN_MEMBER_ID and it joins again.
        lesson.scrubTo(60_000);
        assertThat(lesson.getFrame().consumers()).noneMatch(row -> row.displayState().equals("REMOVED"));
    }

    @Test
    void aNewCoordinatorLoadingTheGroupRemovesNobody() {
        PlaygroundViewModel lesson = lesson("coordinator-failover.json");

        // 20 s: the coordinator's broker stops and another replica loads the group from the log.
        for (long t = 19_000; t <= 30_000; t += 250) {
            lesson.scrubTo(t);
            assertThat(lesson.getFrame().consumers()).as("at %d ms", t)
                    .noneMatch(row -> row.displayState().equals("REMOVED"));
        }
    }

    @Test
    void theCardOfAMemberTheCoordinatorRemovedSaysSoInBothLanguages(FxRobot robot) {
        PlaygroundViewModel lesson = PlaygroundViewModel.running(
                ScenarioReader.read(Path.of("lessons/scenarios/network-partition.json")));
        GroupScopeWindow[] window = new GroupScopeWindow[1];
        robot.interact(() -> {
            window[0] = new GroupScopeWindow(stage, new AssignorLabViewModel(), lesson);
            window[0].show(UiLanguage.ENGLISH);
        });
        waitFor(() -> lesson.getFrame() != null);
        robot.interact(() -> lesson.scrubTo(35_000));

        waitFor(() -> text(robot, "#member-state-C2").equals("removed from group"));
        assertThat(robot.lookup("#member-state-C2").query().getStyleClass()).contains("member-state-removed");

        robot.interact(() -> window[0].switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        waitFor(() -> text(robot, "#member-state-C2").equals("已被移出组"));
    }

    @Test
    void theCardsSayRevokingAndIdleInBothLanguages(FxRobot robot) {
        PlaygroundViewModel lesson = PlaygroundViewModel.running(
                ScenarioReader.read(Path.of("lessons/scenarios/commit-on-revoke.json")));
        GroupScopeWindow[] window = new GroupScopeWindow[1];
        robot.interact(() -> {
            window[0] = new GroupScopeWindow(stage, new AssignorLabViewModel(), lesson);
            window[0].show(UiLanguage.ENGLISH);
        });
        waitFor(() -> lesson.getFrame() != null);
        String[] who = new String[1];
        for (int i = 0; i < 300 && who[0] == null; i++) {
            long seq = lesson.getFrame().current().map(event -> event.seq()).orElse(-1L);
            robot.interact(lesson::stepNext);
            waitFor(() -> lesson.getFrame().current().map(event -> event.seq()).orElse(-1L) != seq);
            lesson.getFrame().consumers().stream().filter(PlaygroundFrame.ConsumerRow::revoking).findFirst()
                    .ifPresent(row -> who[0] = row.clientId());
        }
        assertThat(who[0]).as("a consumer revoking").isNotNull();
        waitFor(() -> text(robot, "#member-state-" + who[0]).equals("revoking"));

        robot.interact(() -> window[0].switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        waitFor(() -> text(robot, "#member-state-" + who[0]).equals("撤销分区中"));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(node -> ((Labeled) node).getText()).orElse("");
    }

    private static PlaygroundFrame.ConsumerRow stepUntil(PlaygroundViewModel lesson,
                                                        Predicate<PlaygroundFrame.ConsumerRow> wanted) {
        for (int i = 0; i < 400; i++) {
            Optional<PlaygroundFrame.ConsumerRow> found = lesson.getFrame().consumers().stream().filter(wanted)
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            lesson.stepNext();
        }
        throw new AssertionError("never reached");
    }

    private static PlaygroundViewModel lesson(String file) {
        return new PlaygroundViewModel(ScenarioReader.read(Path.of("lessons/scenarios", file)), Runnable::run,
                Runnable::run);
    }
}
