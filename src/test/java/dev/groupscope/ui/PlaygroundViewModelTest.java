package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.LearnerFilter;
import dev.groupscope.ui.PlaygroundViewModel.WhatIf;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The main window's view model without a window: a synchronous runner, so every command's frame is there at once. */
class PlaygroundViewModelTest {

    private PlaygroundViewModel viewModel;

    @BeforeEach
    void setUp() {
        viewModel = new PlaygroundViewModel(PlaygroundViewModel.readPlayground(), Runnable::run, Runnable::run);
    }

    @Test
    void opensAtTimeZeroOnThreeBrokersSixPartitionsAndThreeConsumers() {
        PlaygroundFrame frame = viewModel.getFrame();

        assertThat(frame.time()).isZero();
        assertThat(frame.brokers()).hasSize(3);
        assertThat(frame.partitions()).extracting(PlaygroundFrame.PartitionRow::name)
                .containsExactly("orders-0", "orders-1", "orders-2", "orders-3", "orders-4", "orders-5");
        assertThat(frame.spares()).isEmpty();
        assertThat(viewModel.canAddConsumerProperty().get()).isTrue();
        assertThat(viewModel.horizonProperty().get()).isGreaterThanOrEqualTo(PlaygroundViewModel.MIN_LOOKAHEAD_MS);
    }

    @Test
    void steppingVisitsOnlyLearnerEventsInOrderAndReachesAStableGroup() {
        long previous = -1;
        for (int i = 0; i < 200 && !"Stable".equals(viewModel.getFrame().group().state()); i++) {
            viewModel.stepNext();
            PlaygroundFrame frame = viewModel.getFrame();
            assertThat(frame.current()).isPresent();
            assertThat(LearnerFilter.INSTANCE.test(frame.current().get())).isTrue();
            assertThat(frame.current().get().seq()).isGreaterThan(previous);
            assertThat(viewModel.getTime()).isEqualTo(frame.current().get().time());
            previous = frame.current().get().seq();
        }
        PlaygroundFrame stable = viewModel.getFrame();
        assertThat(stable.group().state()).isEqualTo("Stable");
        assertThat(stable.group().generation()).isEqualTo(1);
        assertThat(stable.group().coordinatorBroker()).isPositive();
        assertThat(stable.brokers()).filteredOn(PlaygroundFrame.BrokerRow::coordinator).hasSize(1);
    }

    @Test
    void steppingBackReturnsToTheEventBefore() {
        viewModel.stepNext();
        viewModel.stepNext();
        long second = viewModel.getFrame().current().get().seq();
        viewModel.stepNext();

        viewModel.stepPrevious();

        assertThat(viewModel.getFrame().current().get().seq()).isEqualTo(second);
    }

    @Test
    void playingMovesTimeBySpeedAndNeverPastTheComputedHorizon() {
        viewModel.speedExponentProperty().set(1);
        viewModel.play();
        viewModel.tick(0);
        viewModel.tick(100_000_000L);

        assertThat(viewModel.getTime()).isEqualTo(1_000);
        assertThat(viewModel.speedProperty().get()).isEqualTo(10.0);
        assertThat(viewModel.getFrame().time()).isEqualTo(1_000);

        viewModel.speedExponentProperty().set(5);
        assertThat(viewModel.speedProperty().get()).isEqualTo(100.0);
        for (int i = 2; i < 20; i++) {
            viewModel.tick(i * 250_000_000L);
        }
        assertThat(viewModel.getTime()).isLessThanOrEqualTo(viewModel.horizonProperty().get());
        assertThat(viewModel.getTime()).isGreaterThan(100_000);
    }

    @Test
    void crashingAConsumerForksTheRunAndTheGroupRebalancesWithoutIt() {
        viewModel.scrubTo(20_000);
        assertThat(viewModel.getFrame().group().state()).isEqualTo("Stable");

        assertThat(viewModel.act(WhatIf.CRASH_CONSUMER, "C2")).isTrue();
        assertThat(viewModel.getFrame().consumer("C2").orElseThrow().state()).isEqualTo("CRASHED");

        stepUntilGeneration(2);
        viewModel.scrubTo(viewModel.getTime() + 5_000);
        PlaygroundFrame after = viewModel.getFrame();
        assertThat(after.group().state()).isEqualTo("Stable");
        assertThat(after.partitions()).allSatisfy(p -> assertThat(p.owner()).isIn("C1", "C3"));
    }

    @Test
    void addingAConsumerStartsANewOneAndItGetsPartitions() {
        viewModel.scrubTo(20_000);

        assertThat(viewModel.act(WhatIf.ADD_CONSUMER, null)).isTrue();
        assertThat(viewModel.getFrame().consumers()).extracting(PlaygroundFrame.ConsumerRow::clientId)
                .containsExactly("C1", "C2", "C3", "C4");
        assertThat(viewModel.canAddConsumerProperty().get()).isTrue();

        stepUntilGeneration(2);
        viewModel.scrubTo(viewModel.getTime() + 5_000);
        assertThat(viewModel.getFrame().consumer("C4").orElseThrow().assigned()).isNotEmpty();
    }

    @Test
    void stoppingTheCoordinatorsBrokerMovesTheGroupToAnotherBroker() {
        viewModel.scrubTo(20_000);
        int coordinator = viewModel.getFrame().group().coordinatorBroker();

        assertThat(viewModel.act(WhatIf.STOP_COORDINATOR_BROKER, null)).isTrue();
        viewModel.scrubTo(60_000);

        PlaygroundFrame after = viewModel.getFrame();
        assertThat(after.brokers()).filteredOn(b -> b.id() == coordinator).allMatch(b -> !b.up());
        assertThat(after.group().coordinatorBroker()).isNotEqualTo(coordinator).isPositive();
        assertThat(viewModel.canStopCoordinatorProperty().get()).isTrue();
    }

    @Test
    void committedOffsetsAndPositionsAreReadFromTheModel() {
        viewModel.scrubTo(30_000);

        List<PlaygroundFrame.PartitionRow> partitions = viewModel.getFrame().partitions();
        assertThat(partitions).allSatisfy(p -> {
            assertThat(p.owner()).isNotNull();
            assertThat(p.committed()).isNotNull().isLessThanOrEqualTo(p.logEndOffset());
            assertThat(p.position()).isNotNull().isLessThanOrEqualTo(p.logEndOffset());
            assertThat(p.lag()).hasValue(p.logEndOffset() - p.committed());
        });
    }

    @Test
    void beforeTheFirstCommitAPartitionHasNoLag() {
        PlaygroundFrame.PartitionRow fresh = new PlaygroundFrame.PartitionRow("orders", 0, 1, 40, null, "C1", 0, 12L);

        assertThat(fresh.lag()).isEmpty();
        assertThat(new PlaygroundFrame.PartitionRow("orders", 0, 1, 40, 30L, "C1", 0, 35L).lag()).hasValue(10);
    }

    @Test
    void changingAConsumersSettingsIsARecordedActionOnTheOneCommandPath() {
        viewModel.scrubTo(20_000);

        viewModel.perform(new ModelCommand.ChangeSettings("C2", java.util.Map.of("session.timeout.ms", 20000), null));
        viewModel.scrubTo(30_000);

        assertThat(viewModel.getFrame().details().consumer("C2").orElseThrow().settings().sessionTimeoutMs())
                .isEqualTo(20000);
        assertThat(viewModel.branchesProperty().get()).hasSize(2);
        stepUntilGeneration(2);
        assertThat(viewModel.getFrame().recent()).isNotEmpty();
    }

    @Test
    void aScenarioWithTwoGroupsShowsTheFirstAndSwitchesToTheOtherAtTheSameMomentOfTheSameRun() {
        PlaygroundViewModel twoGroups = twoGroups("two-groups-one-topic.json");
        assertThat(twoGroups.groups()).containsExactly("billing", "shipping");
        twoGroups.scrubTo(20_000);
        assertThat(twoGroups.getFrame().consumers()).extracting(PlaygroundFrame.ConsumerRow::clientId)
                .containsExactly("B1");
        java.util.concurrent.atomic.AtomicReference<Object> before = new java.util.concurrent.atomic.AtomicReference<>();
        twoGroups.query(simulation -> simulation, before::set);

        twoGroups.showGroup("shipping");

        PlaygroundFrame shipping = twoGroups.getFrame();
        assertThat(twoGroups.getGroup()).isEqualTo("shipping");
        assertThat(shipping.time()).isEqualTo(20_000);
        assertThat(twoGroups.getTime()).isEqualTo(20_000);
        assertThat(shipping.group().groupId()).isEqualTo("shipping");
        assertThat(shipping.consumers()).extracting(PlaygroundFrame.ConsumerRow::clientId).containsExactly("S1", "S2");
        assertThat(shipping.partitions()).extracting(PlaygroundFrame.PartitionRow::owner).containsOnly("S1", "S2");
        // Read again from the same run, not simulated again; and the charts follow the group shown.
        twoGroups.query(simulation -> simulation, after -> assertThat(after).isSameAs(before.get()));
        java.util.Map<String, Long> lag = new java.util.TreeMap<>();
        shipping.partitions().forEach(p -> lag.put(p.name(), p.lag().orElseThrow()));
        assertThat(twoGroups.metricsProperty().get().latest().orElseThrow().lag()).isEqualTo(lag);
        assertThat(twoGroups.metricsProperty().get().marks()).filteredOn(m -> m.kind()
                == dev.groupscope.sim.report.TimelineMark.Kind.COMMIT).isNotEmpty()
                .allSatisfy(m -> assertThat(m.event().orElseThrow().actor()).isIn("S1", "S2"));

        twoGroups.showNextGroup();
        assertThat(twoGroups.getFrame().group().groupId()).isEqualTo("billing");
        assertThat(twoGroups.getFrame().time()).isEqualTo(20_000);
    }

    @Test
    void aSteppedEventIsReadAgainForTheOtherGroupAtThatSameMomentAndExplainedByItsOwnEvent() {
        PlaygroundViewModel twoGroups = twoGroups("two-groups-one-topic.json");
        for (int i = 0; i < 12; i++) {
            twoGroups.stepNext();
        }
        dev.groupscope.sim.engine.SimEvent billing = twoGroups.getFrame().current().orElseThrow();
        assertThat(twoGroups.eventGroups().of(billing)).containsExactly("billing");

        twoGroups.showGroup("shipping");

        assertThat(twoGroups.getFrame().group().groupId()).isEqualTo("shipping");
        assertThat(twoGroups.getFrame().time()).isEqualTo(billing.time());
        dev.groupscope.sim.engine.SimEvent shipping = twoGroups.getFrame().current().orElseThrow();
        assertThat(shipping.seq()).isLessThan(billing.seq());
        assertThat(twoGroups.eventGroups().shows(shipping, "shipping")).isTrue();
    }

    @Test
    void theWhatIfActionsActOnTheGroupShown() {
        PlaygroundViewModel twoGroups = twoGroups("commit-on-revoke.json");
        twoGroups.scrubTo(5_000);
        assertThat(twoGroups.getFrame().spares()).containsExactly("L3");
        twoGroups.showGroup("no-listener");
        assertThat(twoGroups.getFrame().spares()).containsExactly("N3");

        // A new consumer of the shown group, after the ids in use (N3 is the declared spare, still waiting).
        assertThat(twoGroups.act(WhatIf.ADD_CONSUMER, null)).isTrue();
        assertThat(twoGroups.getFrame().consumer("N4")).isPresent();
        assertThat(twoGroups.getFrame().spares()).containsExactly("N3");
        assertThat(twoGroups.act(WhatIf.CRASH_CONSUMER, null)).isTrue();
        assertThat(twoGroups.getFrame().consumer("N1").orElseThrow().state()).isEqualTo("CRASHED");
        assertThat(twoGroups.taskFor(WhatIf.STOP_COORDINATOR_BROKER, null)).isPresent();
        int coordinator = twoGroups.getFrame().group().coordinatorBroker();
        assertThat(twoGroups.commandFor(WhatIf.STOP_COORDINATOR_BROKER, null).orElseThrow())
                .isEqualTo(new ModelCommand.StopBroker(coordinator));

        // The other group was left as it was: its spare still waits, its first consumer still runs.
        twoGroups.showGroup("with-listener");
        assertThat(twoGroups.getFrame().spares()).containsExactly("L3");
        assertThat(twoGroups.getFrame().consumer("N4")).isEmpty();
        assertThat(twoGroups.getFrame().consumer("L1").orElseThrow().state()).isNotEqualTo("CRASHED");
    }

    private static PlaygroundViewModel twoGroups(String file) {
        return new PlaygroundViewModel(dev.groupscope.scenario.ScenarioReader.read(
                java.nio.file.Path.of("lessons/scenarios", file)), Runnable::run, Runnable::run);
    }

    private void stepUntilGeneration(int generation) {
        for (int i = 0; i < 300 && viewModel.getFrame().group().generation() < generation; i++) {
            viewModel.stepNext();
        }
        assertThat(viewModel.getFrame().group().generation()).isEqualTo(generation);
    }
}
