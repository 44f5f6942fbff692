package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.report.MetricsFrame;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Acting on the model through the one command path: each command forks the run at t as a new branch, undo goes back
 * to the run it forked from at that moment, and every branch stays there to return to. Synchronous runner.
 */
class WhatIfBranchesTest {

    private PlaygroundViewModel viewModel;

    @BeforeEach
    void setUp() {
        viewModel = new PlaygroundViewModel(PlaygroundViewModel.readPlayground(), Runnable::run, Runnable::run);
    }

    private List<BranchInfo> branches() {
        return viewModel.branchesProperty().get();
    }

    @Test
    void theScenarioAsWrittenIsTheOnlyBranchAtFirst() {
        assertThat(branches()).singleElement().satisfies(branch -> {
            assertThat(branch.parent()).isEqualTo(-1);
            assertThat(branch.command()).isEmpty();
            assertThat(branch.current()).isTrue();
        });
    }

    @Test
    void aCommandForksANewBranchAndUndoReturnsToThePreviousRunAtTheForkTime() {
        viewModel.scrubTo(20_000);
        viewModel.perform(new ModelCommand.CrashConsumer("C2"));
        viewModel.scrubTo(25_000);
        assertThat(viewModel.getFrame().consumer("C2").orElseThrow().state()).isEqualTo("CRASHED");
        assertThat(branches()).hasSize(2);
        assertThat(branches().get(1)).satisfies(branch -> {
            assertThat(branch.parent()).isZero();
            assertThat(branch.forkTimeMs()).isEqualTo(20_000);
            assertThat(branch.command()).contains(new ModelCommand.CrashConsumer("C2"));
            assertThat(branch.current()).isTrue();
        });

        viewModel.undo();

        assertThat(viewModel.getTime()).isEqualTo(20_000);
        assertThat(viewModel.getFrame().consumer("C2").orElseThrow().state()).isNotEqualTo("CRASHED");
        viewModel.scrubTo(25_000);
        assertThat(viewModel.getFrame().consumer("C2").orElseThrow().state()).isNotEqualTo("CRASHED");
        assertThat(branches()).hasSize(2).filteredOn(BranchInfo::current).extracting(BranchInfo::id).containsExactly(0);
    }

    @Test
    void aBranchLeftByUndoCanBeShownAgain() {
        viewModel.scrubTo(20_000);
        viewModel.perform(new ModelCommand.StopBroker(1));
        viewModel.undo();
        assertThat(viewModel.getFrame().brokers()).allMatch(PlaygroundFrame.BrokerRow::up);

        viewModel.showBranch(1);

        assertThat(viewModel.getTime()).isEqualTo(20_000);
        assertThat(viewModel.getFrame().brokers()).filteredOn(b -> b.id() == 1).allMatch(b -> !b.up());
    }

    @Test
    void aCommandOnAForkForksItAgainAndUndoWalksBackOneStepAtATime() {
        viewModel.scrubTo(20_000);
        viewModel.perform(new ModelCommand.AddConsumer("C4"));
        viewModel.scrubTo(30_000);
        viewModel.perform(new ModelCommand.StallConsumer("C1", 5_000));

        assertThat(branches()).extracting(BranchInfo::parent).containsExactly(-1, 0, 1);
        viewModel.undo();
        assertThat(viewModel.getTime()).isEqualTo(30_000);
        assertThat(viewModel.getFrame().consumer("C4")).isPresent();
        viewModel.undo();
        assertThat(viewModel.getTime()).isEqualTo(20_000);
        assertThat(viewModel.getFrame().spares()).contains("C4");
        viewModel.undo();
        assertThat(viewModel.getTime()).isEqualTo(20_000);
    }

    @Test
    void theNumbersFollowTheBranchShown() {
        viewModel.scrubTo(20_000);
        viewModel.perform(new ModelCommand.CrashConsumer("C2"));
        viewModel.scrubTo(60_000);
        MetricsFrame crashed = viewModel.metricsProperty().get();
        assertThat(crashed.timeMs()).isEqualTo(60_000);
        assertThat(crashed.rebalances()).hasSize(2);

        viewModel.undo();
        viewModel.scrubTo(60_000);

        assertThat(viewModel.metricsProperty().get().rebalances()).hasSize(1);
    }
}
