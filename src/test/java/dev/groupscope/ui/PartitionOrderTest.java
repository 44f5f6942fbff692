package dev.groupscope.ui;

import static dev.groupscope.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.scenario.ScenarioReader;
import java.nio.file.Path;
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
 * The worker-pool lessons are about order: a pool without order breaks every partition's order, a pool by key keeps
 * each key's order but not the partition's. The ledger counted both, yet the playground showed neither (only a
 * consumer's tooltip had a total), so the class could not see the lesson's point. Each partition now says how many
 * of its records were processed after a later one, and its tooltip how many of those after a later one of their key.
 */
@ExtendWith(ApplicationExtension.class)
class PartitionOrderTest {

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
    void aPoolWithoutOrderBreaksEveryPartitionsOrderAndKeysToo() {
        List<FrameDetails.GroupOnPartition> partitions = shownGroup(LessonFrames.at("worker-pool-unordered.json", 10_000));

        assertThat(partitions).isNotEmpty().allSatisfy(p -> assertThat(p.outOfOrder()).isPositive());
        assertThat(partitions).anySatisfy(p -> assertThat(p.keyOutOfOrder()).isPositive());
    }

    @Test
    void aPoolByKeyBreaksThePartitionsOrderButNoKeys() {
        List<FrameDetails.GroupOnPartition> partitions = shownGroup(LessonFrames.at("worker-pool-by-key.json", 10_000));

        assertThat(partitions).anySatisfy(p -> assertThat(p.outOfOrder()).isPositive());
        assertThat(partitions).allSatisfy(p -> assertThat(p.keyOutOfOrder()).isZero());
    }

    @Test
    void oneThreadPerConsumerKeepsEveryOrder() {
        assertThat(shownGroup(LessonFrames.at("playground.json", 30_000)))
                .allSatisfy(p -> assertThat(p.outOfOrder()).isZero());
    }

    @Test
    void theTooltipSaysHowManyOutOfOrderAndHowManyOfThemOutOfTheirKeysOrder() {
        PlaygroundFrame frame = LessonFrames.at("worker-pool-by-key.json", 10_000);
        FrameDetails.GroupOnPartition broken = shownGroup(frame).stream().filter(p -> p.outOfOrder() > 0)
                .findFirst().orElseThrow();
        String name = partitionOf(frame, broken);

        assertThat(new EntityTooltips(Messages.english()).partition(frame, name)).contains(String.format(Locale.ROOT,
                "⇅ %,d records processed after a later record of %s, none after a later record of their key",
                broken.outOfOrder(), name));
        assertThat(new EntityTooltips(Messages.of(Locale.SIMPLIFIED_CHINESE)).partition(frame, name))
                .contains("⇅ " + name + " 有 " + String.format(Locale.ROOT, "%,d", broken.outOfOrder())
                        + " 条记录晚于其后的记录才被处理，其中没有一条晚于同一键的后续记录");
    }

    @Test
    void thePartitionsRowSaysHowManyOfItsRecordsWereProcessedOutOfOrder(FxRobot robot) {
        waitFor(() -> lesson.getFrame() != null);
        robot.interact(() -> lesson.scrubTo(10_000));
        waitFor(() -> lesson.getFrame().time() == 10_000);
        FxWait.settle(robot, window);
        PlaygroundFrame frame = lesson.getFrame();

        for (FrameDetails.GroupOnPartition p : shownGroup(frame)) {
            String name = partitionOf(frame, p);
            String numbers = robot.lookup("#partition-" + name + " .partition-numbers").<Labeled>query().getText();
            if (p.outOfOrder() > 0) {
                assertThat(numbers).as(name).endsWith(String.format(Locale.ROOT, "⇅ %,d out of order",
                        p.outOfOrder()));
            } else {
                assertThat(numbers).as(name).doesNotContain("⇅");
            }
        }
        robot.interact(() -> window.switchTo(UiLanguage.SIMPLIFIED_CHINESE));
        FxWait.settle(robot, window);
        FrameDetails.GroupOnPartition broken = shownGroup(frame).stream().filter(p -> p.outOfOrder() > 0)
                .findFirst().orElseThrow();
        assertThat(robot.lookup("#partition-" + partitionOf(frame, broken) + " .partition-numbers").<Labeled>query()
                .getText()).endsWith("⇅ 乱序 " + String.format(Locale.ROOT, "%,d", broken.outOfOrder()));
    }


    /** The shown group on each of the frame's partitions, in the frame's order. */
    private static List<FrameDetails.GroupOnPartition> shownGroup(PlaygroundFrame frame) {
        return frame.partitions().stream().flatMap(row -> frame.details().partition(row.name()).orElseThrow()
                .groups().stream().filter(g -> g.groupId().equals(frame.group().groupId()))).toList();
    }

    private static String partitionOf(PlaygroundFrame frame, FrameDetails.GroupOnPartition group) {
        return frame.partitions().stream().filter(row -> frame.details().partition(row.name()).orElseThrow()
                .groups().contains(group)).findFirst().orElseThrow().name();
    }
}
