package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.sim.client.WorkerPoolView;
import dev.groupscope.ui.PlaygroundFrame.PartitionRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Mission rows 20–21: a worker pool's sliding window per partition, filling and sliding, and the workers feeding
 * it. The model had both (the ledger counted what they did, the explanation named them), yet the playground drew
 * neither, so the class could not see why the committed offset stood still. In the window-commit lesson at 8 s
 * worker 1 is 100 times slower and holds orders-0's lowest unfinished record: the window behind it fills and the
 * poller pauses the partition.
 */
@ExtendWith(ApplicationExtension.class)
class PoolWindowViewTest {

    private static final long AT = 8_000;
    private PlaygroundViewModel lesson;
    private GroupScopeWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = ProjectorWindow.openLesson(stage, "window-commit");
        lesson = window.playground();
    }

    @Test
    void theFrameCarriesEachPartitionsWindowFromItsOwnersPool() {
        PlaygroundFrame frame = LessonFrames.at("window-commit.json", AT);
        PartitionRow slowed = row(frame, "orders-0");

        assertThat(slowed.owner()).isEqualTo("C1");
        WorkerPoolView pool = frame.consumer("C1").orElseThrow().pool();
        assertThat(slowed.window()).isEqualTo(pool.windows().get("orders-0"));
        assertThat(slowed.window().paused()).isTrue();
        assertThat(pool.workers().get(0).record()).isEqualTo("orders-0@" + slowed.window().lowMark());
        assertThat(row(frame, "orders-1").window()).isEqualTo(frame.consumer("C2").orElseThrow().pool().windows()
                .get("orders-1"));
    }

    @Test
    void aConsumerWithoutAPoolOrACrashedOneHasNoWindowsAndNoWorkers() {
        PlaygroundFrame playground = LessonFrames.at("playground.json", 30_000);
        assertThat(playground.partitions()).allSatisfy(row -> assertThat(row.window()).isNull());
        assertThat(playground.consumers()).allSatisfy(consumer -> assertThat(consumer.pool()).isNull());

        PlaygroundFrame afterCrash = LessonFrames.at("window-commit.json", 9_500);
        assertThat(afterCrash.consumer("C1").orElseThrow().state()).isEqualTo("CRASHED");
        assertThat(afterCrash.consumer("C1").orElseThrow().pool()).as("a crashed process has no threads").isNull();
    }

    @Test
    void eachPooledPartitionShowsItsWindowAndTheCardItsWorkers(FxRobot robot) {
        PlaygroundFrame frame = showAt(robot, AT);
        WorkerPoolView.Window pinned = row(frame, "orders-0").window();
        WindowSlots slots = robot.lookup("#partition-orders-0 .pool-window-slots").query();
        Labeled facts = robot.lookup("#partition-orders-0 .pool-window-facts").query();

        assertThat(facts.getText()).isEqualTo(String.format(Locale.ROOT,
                "window %d/%d: low mark %d, %d unfinished · full: paused", pinned.span(), pinned.capacity(),
                pinned.lowMark(), pinned.unfinished()));
        assertThat(slots.getStyleClass()).contains("paused");
        assertThat(facts.getStyleClass()).contains("alarm");
        assertThat(slots.runs()).isEqualTo(runs(pinned));
        assertThat(slots.runs().get(0)).as("the slow worker's record at the low mark").isEqualTo("unfinished 1");
        assertThat(robot.lookup("#partition-orders-1 .pool-window-slots").<WindowSlots>query().getStyleClass())
                .doesNotContain("paused");

        WorkersLine workers = robot.lookup("#consumer-C1 .workers-line").query();
        WorkerPoolView pool = frame.consumer("C1").orElseThrow().pool();
        assertThat(pool.workers().subList(1, 4)).as("the model: the other three are idle")
                .allMatch(WorkerPoolView.Worker::idle);
        List<String> expected = new ArrayList<>(List.of("worker 1: orders-0@" + pinned.lowMark() + " · 100× slower",
                "workers 2–4 idle"));
        if (pool.queued() > 0) {
            expected.add(pool.queued() + " queued");
        }
        assertThat(workers.texts()).isEqualTo(expected);
        assertThat(workers.getChildren().get(0).getStyleClass()).contains("slow");
        assertThat(workers.getChildren().get(1).getStyleClass()).contains("idle");

        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        FxWait.settle(robot, window);
        assertThat(robot.lookup("#partition-orders-0 .pool-window-facts").<Labeled>query().getText())
                .isEqualTo("窗口 " + pinned.span() + "/" + pinned.capacity() + "：低水位 " + pinned.lowMark()
                        + "，未完成 " + pinned.unfinished() + " · 已满：暂停");
    }

    @Test
    void aCrashedConsumersCardDropsItsWorkersAndItsPartitionsTheirWindows(FxRobot robot) {
        showAt(robot, 9_500);

        assertThat(robot.lookup("#consumer-C1 .workers-line").tryQuery()).isEmpty();
        assertThat(robot.lookup("#partition-orders-0 .pool-window-slots").tryQuery()).isEmpty();
        assertThat(robot.lookup("#partition-orders-0 .pool-window-facts").tryQuery()).isEmpty();
        assertThat(robot.lookup("#consumer-C2 .workers-line").tryQuery()).isPresent();
    }

    @Test
    void aWindowKeepsItsPartitionsRowTwoLinesHighWhereTheRowHasRoom(FxRobot robot) {
        // Beside the group panel this row's numbers (with its out-of-order count) and the window's words take two
        // lines; with the group panel folded (G) the cluster has the window's width and they fit one.
        robot.interact(() -> window.togglePanel(GroupScopeWindow.GROUP_PANEL));
        showAt(robot, 9_500);
        javafx.scene.layout.Region withWindow = robot.lookup("#partition-orders-1").query();
        javafx.scene.layout.Region without = robot.lookup("#partition-orders-0").query();

        assertThat(robot.lookup("#partition-orders-1 .pool-window-slots").tryQuery()).isPresent();
        assertThat(robot.lookup("#partition-orders-0 .pool-window-slots").tryQuery()).isEmpty();
        // Six partitions of a pool must fit a projector's cluster panel, as six without one do.
        assertThat(withWindow.getHeight()).isEqualTo(without.getHeight());
    }

    /** Six partitions of a pool, each with its window's line, still fit a 1280×800 projector's cluster panel. */
    @Test
    void poolAppsSixPartitionsWithTheirWindowsFitTheClusterPanel(FxRobot robot) {
        robot.interact(() -> {
            window = ProjectorWindow.openLesson(stage, "two-threading-schemes");
            lesson = window.playground();
            lesson.showGroup("pool-app");
        });
        showAt(robot, 10_000);
        javafx.scene.layout.Region partitions = robot.lookup("#partitions").query();
        javafx.scene.control.ScrollPane scroll = scrollAround(partitions);
        assertThat(robot.lookup(".pool-window-facts").queryAll()).as("rows with a window").hasSize(6);
        assertThat(scroll.getViewportBounds().getHeight()).as("the cluster panel's height against its content")
                .isGreaterThanOrEqualTo(scroll.getContent().getLayoutBounds().getHeight() - 0.5);
    }

    @Test
    void atTheLargestTextThePartitionsWrapTheirWordsInsideThePanelInsteadOfScrollingSideways(FxRobot robot) {
        showAt(robot, AT);
        robot.interact(() -> window.zoomTo(new TextZoom(TextZoom.MAX)));
        FxWait.settle(robot, window);
        javafx.scene.layout.Region partitions = robot.lookup("#partitions").query();
        javafx.scene.control.ScrollPane scroll = scrollAround(partitions);

        // "end 385 · committed 289 · lag 96 · ⇅ 38 out of order" alone is wider than the panel at this size.
        assertThat(partitions.getWidth()).as("the partitions' width against the panel's")
                .isLessThanOrEqualTo(scroll.getViewportBounds().getWidth());
        javafx.scene.layout.Region strip = robot.lookup("#partition-orders-0 .log-strip").query();
        WindowSlots slots = robot.lookup("#partition-orders-0 .pool-window-slots").query();
        assertThat(strip.getWidth()).as("the log keeps most of the row").isGreaterThan(slots.getWidth() * 0.5);
    }

    private static javafx.scene.control.ScrollPane scrollAround(javafx.scene.Node node) {
        javafx.scene.Node parent = node.getParent();
        while (!(parent instanceof javafx.scene.control.ScrollPane)) {
            parent = parent.getParent();
        }
        return (javafx.scene.control.ScrollPane) parent;
    }

    @Test
    void autoCommitPastUnfinishedRecordsIsMarkedInTheWindowAndCountedAsTheRecordsTheCrashLoses() {
        // worker-pool-auto-commit-loses: auto commit commits the poller's position, past the slow worker's record;
        // at 9 s C1 crashes and nobody will read the records below the commit that were never finished.
        PlaygroundFrame beforeCrash = LessonFrames.at("worker-pool-auto-commit-loses.json", 8_999);
        PartitionRow row = row(beforeCrash, "orders-0");
        WorkerPoolView.Window window = row.window();
        long unfinishedBelow = 0;
        for (long offset = window.lowMark(); offset < row.committed(); offset++) {
            unfinishedBelow += window.finishedAhead().contains(offset) ? 0 : 1;
        }
        assertThat(row.committed()).as("the commit passed the low mark").isGreaterThan(window.lowMark());

        assertThat(dev.groupscope.diagram.WindowLine.said(window, row.committed(),
                dev.groupscope.diagram.LayoutText.of(Messages.english())))
                .endsWith(String.format(Locale.ROOT, " · committed past %d unfinished records", unfinishedBelow));
        PlaygroundViewModel run = new PlaygroundViewModel(ScenarioReader.read(
                Path.of("lessons/scenarios/worker-pool-auto-commit-loses.json")), Runnable::run, Runnable::run);
        run.scrubTo(20_000);
        assertThat(run.metricsProperty().get().latest().orElseThrow().lost())
                .as("what the window said a crash would lose, the ledger counts lost").isEqualTo(unfinishedBelow);
    }

    @Test
    void aTooltipBesideACommitPastUnfinishedRecordsSaysSoInsteadOfOnlyTheRule() {
        // worker-pool-auto-commit-loses just before C1's crash: the rule alone ("Only 254 may be committed") stood
        // beside the row's "committed 354", as if one of them were wrong.
        PlaygroundFrame frame = LessonFrames.at("worker-pool-auto-commit-loses.json", 8_999);
        PartitionRow row = row(frame, "orders-0");
        long passed = dev.groupscope.diagram.WindowLine.unfinishedBelow(row.window(), row.committed());
        assertThat(passed).as("the commit passed unfinished records").isPositive();

        String tip = new EntityTooltips(Messages.english()).partition(frame, "orders-0");
        assertThat(tip).contains(String.format(Locale.ROOT,
                "Yet the group has committed %d, past %d unfinished records: a new owner would start at %d, so if C1 "
                        + "stopped now nobody would ever process those records.",
                row.committed(), passed, row.committed()));
        assertThat(new EntityTooltips(Messages.of(Locale.SIMPLIFIED_CHINESE)).partition(frame, "orders-0"))
                .contains("越过了 " + passed + " 条未完成的记录");
        // The window commit never passes its low mark, and says nothing of the kind.
        assertThat(new EntityTooltips(Messages.english()).partition(LessonFrames.at("window-commit.json", AT), "orders-0"))
                .doesNotContain("Yet the group has committed");
    }

    @Test
    void aPausedWindowThatIsDrainingIsNotCalledFull() {
        // two-threading-schemes, pool-app at 27 s: orders-1's window was paused at 200/200 and has drained to 151; the
        // pool resumes a partition at half its window. It said "window 151/200: … · full: paused".
        PlaygroundViewModel run = new PlaygroundViewModel(ScenarioReader.read(
                Path.of("lessons/scenarios/two-threading-schemes.json")), Runnable::run, Runnable::run);
        run.showGroup("pool-app");
        run.scrubTo(27_000);
        PartitionRow row = row(run.getFrame(), "orders-1");
        WorkerPoolView.Window window = row.window();
        assertThat(window.paused()).isTrue();
        assertThat(window.span()).as("paused, yet below its 200 offsets").isLessThan(window.capacity());

        assertThat(dev.groupscope.diagram.WindowLine.said(window, row.committed(),
                dev.groupscope.diagram.LayoutText.of(Messages.english())))
                .endsWith(String.format(Locale.ROOT, "%d unfinished · paused: resumes at 100/200", window.unfinished()))
                .doesNotContain("full");
        assertThat(dev.groupscope.diagram.WindowLine.said(window, row.committed(),
                dev.groupscope.diagram.LayoutText.of(Messages.of(Locale.SIMPLIFIED_CHINESE))))
                .endsWith("已暂停：降到 100/200 时恢复").doesNotContain("已满");
    }

    @Test
    void aWindowDrainedToItsResumeMarkButStillPausedSaysTheNextRoundResumesIt() {
        // window-commit at 16.348 s: C2's orders-0 window is down to 30/60 since 16.344 s and the poller resumes it
        // at its next round, at 16.352 s. (The moment moves with the run: it was 16.008 s before poll() took C2's
        // first records from a fetch answered after the rebalance.) It said "window 30/60: … · paused: resumes at
        // 30/60".
        PartitionRow row = row(LessonFrames.at("window-commit.json", 16_348), "orders-0");
        WorkerPoolView.Window window = row.window();
        assertThat(window.paused()).isTrue();
        assertThat(window.span()).isLessThanOrEqualTo(window.resumeAt());

        assertThat(dev.groupscope.diagram.WindowLine.said(window, row.committed(),
                dev.groupscope.diagram.LayoutText.of(Messages.english())))
                .endsWith(" · paused: down to 30/60, resumed on the poller's next round");
    }

    @Test
    void inPresenterModeTheWindowsWordsAreTheSizeOfThePartitionsNumbers(FxRobot robot) {
        // Presenter mode shrinks a partition's numbers to keep six partitions above the fold; the window's words
        // under them stayed larger, as if they said something else.
        showAt(robot, AT);
        robot.interact(window::togglePresenter);
        FxWait.settle(robot, window);

        Labeled numbers = robot.lookup("#partition-orders-0 .partition-numbers").query();
        Labeled facts = robot.lookup("#partition-orders-0 .pool-window-facts").query();
        assertThat(facts.getFont().getSize()).isEqualTo(numbers.getFont().getSize());
        robot.interact(window::togglePresenter);
    }

    @Test
    void theCommitShowsInsideTheWindowWhereItFalls(FxRobot robot) {
        PlaygroundFrame frame = showAt(robot, AT);
        PartitionRow pinned = row(frame, "orders-0");
        WindowSlots slots = robot.lookup("#partition-orders-0 .pool-window-slots").query();

        // The window commit: the group committed the low mark, the mark sits at the window's first slot.
        assertThat(pinned.committed()).isEqualTo(pinned.window().lowMark());
        assertThat(slots.committedSlot()).isZero();
        assertThat(robot.lookup("#partition-orders-0 .pool-window-facts").<Labeled>query().getText())
                .doesNotContain("committed past");
    }

    @Test
    void thePartitionsTooltipSaysWhyOnlyTheLowMarkMayBeCommitted() {
        PlaygroundFrame frame = LessonFrames.at("window-commit.json", AT);
        WorkerPoolView.Window pinned = row(frame, "orders-0").window();

        String tip = new EntityTooltips(Messages.english()).partition(frame, "orders-0");
        assertThat(tip).contains(String.format(Locale.ROOT, "C1's worker pool holds orders-0 from %d to %d",
                pinned.lowMark(), pinned.next() - 1))
                .contains("Only " + pinned.lowMark() + " may be committed")
                .contains("The window filled (60 offsets): the poller paused orders-0 and resumes it once the window "
                        + "is down to 30 offsets.");
        assertThat(new EntityTooltips(Messages.english()).consumer(frame, "C1"))
                .contains("Worker pool: 4 workers, unordered, a window of 60 offsets per partition");
    }

    private PlaygroundFrame showAt(FxRobot robot, long at) {
        waitFor(() -> lesson.getFrame() != null);
        robot.interact(() -> lesson.scrubTo(at));
        waitFor(() -> lesson.getFrame().time() == at);
        FxWait.settle(robot, window);
        return lesson.getFrame();
    }

    /** The runs a window's slots are drawn as, worked out here offset by offset. */
    private static List<String> runs(WorkerPoolView.Window window) {
        List<String> runs = new ArrayList<>();
        Boolean done = null;
        int length = 0;
        for (long offset = window.lowMark(); offset < window.next(); offset++) {
            boolean finished = window.finishedAhead().contains(offset);
            if (done != null && finished != done) {
                runs.add((done ? "done " : "unfinished ") + length);
                length = 0;
            }
            done = finished;
            length++;
        }
        if (done != null) {
            runs.add((done ? "done " : "unfinished ") + length);
        }
        return runs;
    }

    private static PartitionRow row(PlaygroundFrame frame, String name) {
        return frame.partitions().stream().filter(row -> row.name().equals(name)).findFirst().orElseThrow();
    }

}
