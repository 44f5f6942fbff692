package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.sim.ledger.Ledger;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What hovering an entity tells a learner, read from the frame at t. */
class EntityTooltipsTest {

    private final PlaygroundViewModel viewModel =
            new PlaygroundViewModel(PlaygroundViewModel.readPlayground(), Runnable::run, Runnable::run);

    @Test
    void aPartitionShowsLeaderReplicasAndTheGroupsOwnerAndOffsets() {
        viewModel.scrubTo(30_000);
        PlaygroundFrame frame = viewModel.getFrame();
        PlaygroundFrame.PartitionRow row = frame.partitions().get(0);

        String tip = new EntityTooltips(Messages.english()).partition(frame, row.name());

        assertThat(tip).startsWith(row.name() + ": leader broker " + row.leader() + " (leader epoch 0), replicas [")
                .contains("log end offset " + row.logEndOffset())
                .contains("Group orders-app: owner " + row.owner() + ", committed " + row.committed()
                        + ", owner's position " + row.position());
    }

    @Test
    void aPartitionSaysWhichRecordsItsGroupProcessedAgainByWhomAndWhen() {
        PlaygroundFrame frame = lessonAt("auto-commit-crash-duplicates.json", 45_000).getFrame();
        FrameDetails.PartitionDetail repeated = frame.partitions().stream()
                .map(row -> frame.details().partition(row.name()).orElseThrow())
                .filter(detail -> !detail.groups().get(0).repeats().isEmpty()).findFirst().orElseThrow();
        Ledger.Repeat newest = repeated.groups().get(0).repeats().get(0);

        String tip = new EntityTooltips(Messages.english()).partition(frame, repeated.name());

        // C2 processed them after its last auto commit and crashed; C1 took the partition from that commit.
        assertThat(newest.times()).isEqualTo(2);
        assertThat(newest.by()).extracting(Ledger.Run::consumer).containsExactly("C2", "C1");
        assertThat(tip).contains("↻ offsets " + newest.first() + "–" + newest.last() + " (" + newest.count()
                + " records) processed 2 times: by C2 (");
        assertThat(tip).containsPattern("by C2 \\(until [0-9.]+ s\\), then C1 \\(from [0-9.]+ s\\)");
    }

    @Test
    void aPartitionSaysHowManyRecordsItsGroupCommittedPastWithoutProcessingThem() {
        // logs-2 and logs-3 were added while indexer read the topic; its C2 started them at their log end (latest),
        // so what was written there before is lost (11 and 7 records: the lesson says so); safe-indexer read it all.
        PlaygroundFrame frame = lessonAt("partitions-added.json", 40_000).getFrame();
        FrameDetails.GroupOnPartition logs2 = group(frame, "logs-2", "indexer");

        assertThat(logs2.lost()).isEqualTo(11);
        assertThat(group(frame, "logs-3", "indexer").lost()).isEqualTo(7);
        assertThat(group(frame, "logs-2", "safe-indexer").lost()).isZero();
        assertThat(group(frame, "logs-0", "indexer").lost()).as("latest skips a new group's first records on purpose")
                .isZero();
        assertThat(new EntityTooltips(Messages.english()).partition(frame, "logs-2"))
                .contains("✗ 11 records below the committed offset " + logs2.committed() + " never processed: lost");
    }

    private static FrameDetails.GroupOnPartition group(PlaygroundFrame frame, String partition, String group) {
        return frame.details().partition(partition).orElseThrow().groups().stream()
                .filter(g -> g.groupId().equals(group)).findFirst().orElseThrow();
    }

    @Test
    void aConsumerSaysHowManyRecordsItProcessedAndHowManyOfThemAgain() {
        PlaygroundFrame frame = lessonAt("auto-commit-crash-duplicates.json", 45_000).getFrame();
        FrameDetails.ConsumerDetail c1 = frame.details().consumer("C1").orElseThrow();
        FrameDetails.ConsumerDetail c2 = frame.details().consumer("C2").orElseThrow();

        String took = new EntityTooltips(Messages.english()).consumer(frame, "C1");
        String crashed = new EntityTooltips(Messages.english()).consumer(frame, "C2");

        // C1 took over C2's partitions from C2's last auto commit: what C2 processed after it, C1 processed again.
        assertThat(c1.processed().duplicates()).isPositive();
        assertThat(took).contains(String.format(Locale.ROOT, "Processed %,d records so far, %d of them again",
                c1.processed().processed(), c1.processed().duplicates()));
        assertThat(c2.processed().duplicates()).isZero();
        assertThat(crashed).contains(String.format(Locale.ROOT, "Processed %,d records so far",
                c2.processed().processed())).doesNotContain("of them again");
    }

    @Test
    void aZombiesRecordsReadAsProcessedAtTheSameTimeByTheNewOwner() {
        PlaygroundFrame frame = lessonAt("network-partition.json", 60_000).getFrame();

        String tips = frame.partitions().stream()
                .map(row -> new EntityTooltips(Messages.english()).partition(frame, row.name()))
                .collect(java.util.stream.Collectors.joining("\n"));

        // C2, cut off from its coordinator, kept processing what the group had handed to C1 at 30 s.
        assertThat(tips).containsPattern("by C2 \\(until [0-9.]+ s\\), and at the same time C1 \\(from 30\\.0 s\\)");
    }

    @Test
    void aConsumerShowsItsIdentitySettingsAndTimers() {
        viewModel.scrubTo(30_000);
        PlaygroundFrame frame = viewModel.getFrame();
        FrameDetails.ConsumerDetail c1 = frame.details().consumer("C1").orElseThrow();

        String tip = new EntityTooltips(Messages.english()).consumer(frame, "C1");

        assertThat(c1.memberId()).isNotEmpty();
        assertThat(tip).contains("C1 in orders-app: member id " + c1.memberId())
                .contains("session.timeout.ms=" + c1.settings().sessionTimeoutMs())
                .contains("Next heartbeat at " + String.format(Locale.ROOT, "%.1f", c1.nextHeartbeatAt() / 1000.0));
        assertThat(c1.nextHeartbeatAt()).isGreaterThanOrEqualTo(30_000);
    }

    @Test
    void beforeAnyCommitAPartitionSaysSoInChinese() {
        viewModel.scrubTo(1_000);
        PlaygroundFrame frame = viewModel.getFrame();

        String tip = new EntityTooltips(Messages.of(Locale.SIMPLIFIED_CHINESE)).partition(frame, "orders-0");

        assertThat(tip).startsWith("orders-0：leader 为 broker");
    }

    @Test
    void withTwoGroupsAPartitionNamesTheGroupShownFirstThenTheOther() {
        PlaygroundViewModel twoGroups = lessonAt("two-groups-one-topic.json", 20_000);
        twoGroups.showGroup("shipping");
        PlaygroundFrame frame = twoGroups.getFrame();

        String tip = new EntityTooltips(Messages.english()).partition(frame, "orders-0");

        assertThat(tip.lines().skip(1)).hasSize(2).first().asString()
                .startsWith("Group shipping: owner " + frame.partitions().get(0).owner());
        assertThat(tip.lines().skip(2)).singleElement().asString().startsWith("Group billing: owner B1");
    }

    /** A lesson's playground, synchronous, moved to {@code at}. */
    @Test
    void aConsumerTheCoordinatorRemovedSaysSoAndWhatItStillProcesses() {
        PlaygroundFrame frame = lessonAt("network-partition.json", 35_000).getFrame();

        String zombie = new EntityTooltips(Messages.english()).consumer(frame, "C2");
        String member = new EntityTooltips(Messages.english()).consumer(frame, "C1");

        assertThat(frame.group().generation()).isEqualTo(2);
        assertThat(zombie).contains("The coordinator removed C2 from stream; C2 has not heard and still processes "
                + "events-2, events-3 from generation 1.");
        assertThat(member).doesNotContain("removed");
    }

    @Test
    void theRemovedConsumersTooltipIsInChineseInChinese() {
        PlaygroundFrame frame = lessonAt("network-partition.json", 35_000).getFrame();

        String zombie = new EntityTooltips(Messages.of(Locale.SIMPLIFIED_CHINESE)).consumer(frame, "C2");

        assertThat(zombie).contains("协调者已把 C2 移出 stream；C2 并不知道，仍在处理第 1 代分到的 events-2, events-3。");
    }

    @Test
    void theChineseTooltipSaysWhenInSecondsAsTheRestOfTheChineseWindowDoes() {
        PlaygroundFrame frame = lessonAt("network-partition.json", 40_000).getFrame();

        String tip = new EntityTooltips(Messages.of(Locale.SIMPLIFIED_CHINESE)).partition(frame, "events-2");

        // C2, cut off, processed events-2 until its last record before 40 s (at 39.9 s since its heartbeat thread
        // notices the lost session at its deadline) while C1 processed it too from 30 s.
        assertThat(tip).contains("C2（直到 39.9 秒），同时还有 C1（30.0–39.9 秒）").doesNotContain(" s）");
    }

    @Test
    void aPartitionNobodyReadsSaysWhomTheCoordinatorGaveItTo() {
        PlaygroundFrame frame = lessonAt("lost-join-answer.json", 22_000).getFrame();

        String tip = new EntityTooltips(Messages.english()).partition(frame, "orders-4");

        assertThat(tip).contains("Group orders-app: owner none").contains("assigned to C3, which has not heard");
        assertThat(new EntityTooltips(Messages.english()).partition(frame, "orders-0")).doesNotContain("assigned");
    }

    @Test
    void aConsumerWaitingForItsJoinGroupAnswerSaysSinceWhenAndWhenItGivesUp() {
        // C3's JoinGroup (sent at 15,008 ms) lost its answer: kafka-clients waits max.poll.interval.ms (30 s) + 5 s.
        PlaygroundFrame frame = lessonAt("lost-join-answer.json", 22_000).getFrame();

        String waiting = new EntityTooltips(Messages.english()).consumer(frame, "C3");
        String stable = new EntityTooltips(Messages.english()).consumer(frame, "C1");

        assertThat(waiting).contains("Waiting for the answer to its JoinGroup, sent at 15.0 s: kafka-clients waits "
                + "35,000 ms for it").contains("it gives up at 50.0 s");
        assertThat(stable).doesNotContain("Waiting for the answer");
    }

    @Test
    void aPartitionSaysItsLeaderEpochWhichGrowsEachTimeLeadershipMoves() {
        // Broker 2 stops at 15 s and is back at 25 s; the preferred-leader check at 40 s gives it its partitions back.
        String before = leaderLine(lessonAt("coordinator-comes-home.json", 10_000).getFrame());
        String away = leaderLine(lessonAt("coordinator-comes-home.json", 20_000).getFrame());
        String back = leaderLine(lessonAt("coordinator-comes-home.json", 41_000).getFrame());

        assertThat(before).contains("leader broker 2 (leader epoch 0)");
        assertThat(away).doesNotContain("leader broker 2").contains("(leader epoch 1)");
        assertThat(back).contains("leader broker 2 (leader epoch 2)");
    }

    /** The first line of the tooltip of the first partition of transfers that broker 2 leads at 10 s. */
    private static String leaderLine(PlaygroundFrame frame) {
        String led = lessonAt("coordinator-comes-home.json", 10_000).getFrame().partitions().stream()
                .filter(row -> row.leader() == 2).findFirst().orElseThrow().name();
        return new EntityTooltips(Messages.english()).partition(frame, led).lines().findFirst().orElseThrow();
    }

    private static PlaygroundViewModel lessonAt(String file, long at) {
        PlaygroundViewModel lesson = new PlaygroundViewModel(dev.groupscope.scenario.ScenarioReader.read(
                java.nio.file.Path.of("lessons/scenarios", file)), Runnable::run, Runnable::run);
        lesson.scrubTo(at);
        return lesson;
    }
}
