package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
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

        assertThat(tip).startsWith(row.name() + ": leader broker " + row.leader() + ", replicas [")
                .contains("log end offset " + row.logEndOffset())
                .contains("Group orders-app: owner " + row.owner() + ", committed " + row.committed()
                        + ", owner's position " + row.position());
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
        PlaygroundViewModel twoGroups = new PlaygroundViewModel(dev.groupscope.scenario.ScenarioReader.read(
                java.nio.file.Path.of("lessons/scenarios/two-groups-one-topic.json")), Runnable::run, Runnable::run);
        twoGroups.scrubTo(20_000);
        twoGroups.showGroup("shipping");
        PlaygroundFrame frame = twoGroups.getFrame();

        String tip = new EntityTooltips(Messages.english()).partition(frame, "orders-0");

        assertThat(tip.lines().skip(1)).hasSize(2).first().asString()
                .startsWith("Group shipping: owner " + frame.partitions().get(0).owner());
        assertThat(tip.lines().skip(2)).singleElement().asString().startsWith("Group billing: owner B1");
    }
}
