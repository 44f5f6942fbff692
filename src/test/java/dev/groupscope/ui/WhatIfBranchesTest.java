package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.report.MetricsFrame;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Acting on the model through the one command path: each command forks the run right after the moment shown (t + 1
 * ms) as a new branch, undo goes back to the run it forked from at the moment shown, and every branch stays there to
 * return to. Synchronous runner.
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
            assertThat(branch.forkTimeMs()).isEqualTo(20_001);
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
    void anActionTakenAtTheMomentShownLeavesThatMomentAsItWasAndActsAtTheNextMillisecond() {
        // A moment at which C2 itself does something: what the learner may have just watched it do.
        viewModel.scrubTo(25_000);
        long shown = this.<Long>eventsOfTheRunShown(events -> events.stream()
                .filter(e -> e.time() >= 20_000 && "C2".equals(e.actor())).findFirst().orElseThrow().time());
        viewModel.scrubTo(shown);
        List<String> before = eventsOfTheRunShown(events -> upTo(events, shown));

        viewModel.perform(new ModelCommand.CrashConsumer("C2"));

        List<String> after = eventsOfTheRunShown(events -> upTo(events, shown));
        assertThat(after).as("every event up to the moment shown").isEqualTo(before);
        assertThat(viewModel.getTime()).isEqualTo(shown + 1);
        String next = eventsOfTheRunShown(events -> events.get(before.size()).time() + " "
                + events.get(before.size()).type());
        assertThat(next).as("the first event after them").isEqualTo((shown + 1) + " CrashConsumer");
        assertThat(viewModel.getFrame().consumer("C2").orElseThrow().state()).isEqualTo("CRASHED");

        viewModel.undo();

        assertThat(viewModel.getTime()).as("undo returns to the moment shown").isEqualTo(shown);
    }

    private <T> T eventsOfTheRunShown(java.util.function.Function<List<dev.groupscope.sim.engine.SimEvent>, T> read) {
        java.util.concurrent.atomic.AtomicReference<T> answer = new java.util.concurrent.atomic.AtomicReference<>();
        viewModel.query(simulation -> read.apply(simulation.log()), answer::set);
        return answer.get();
    }

    private static List<String> upTo(List<dev.groupscope.sim.engine.SimEvent> events, long time) {
        return events.stream().takeWhile(e -> e.time() <= time)
                .map(e -> e.time() + " " + e.type() + " " + e.actor() + " " + e.fields()).toList();
    }

    @Test
    void aBranchLeftByUndoCanBeShownAgain() {
        viewModel.scrubTo(20_000);
        viewModel.perform(new ModelCommand.StopBroker(1));
        viewModel.undo();
        assertThat(viewModel.getFrame().brokers()).allMatch(PlaygroundFrame.BrokerRow::up);

        viewModel.showBranch(1);

        assertThat(viewModel.getTime()).isEqualTo(20_001);
        assertThat(viewModel.getFrame().brokers()).filteredOn(b -> b.id() == 1).allMatch(b -> !b.up());
    }

    @Test
    void aCommandOnAForkForksItAgainAndUndoWalksBackOneStepAtATime() {
        viewModel.scrubTo(20_000);
        viewModel.perform(viewModel.commandFor(PlaygroundViewModel.WhatIf.ADD_CONSUMER, null).orElseThrow());
        viewModel.scrubTo(30_000);
        viewModel.perform(new ModelCommand.StallConsumer("C1", 5_000));

        assertThat(branches()).extracting(BranchInfo::parent).containsExactly(-1, 0, 1);
        viewModel.undo();
        assertThat(viewModel.getTime()).isEqualTo(30_000);
        assertThat(viewModel.getFrame().consumer("C4")).isPresent();
        viewModel.undo();
        assertThat(viewModel.getTime()).isEqualTo(20_000);
        assertThat(viewModel.getFrame().consumer("C4")).isEmpty();
        viewModel.undo();
        assertThat(viewModel.getTime()).isEqualTo(20_000);
    }

    @Test
    void addingAConsumerIsABranchThatSaysWhatItDidAndUndoRemovesTheConsumer() {
        viewModel.scrubTo(20_000);
        assertThat(viewModel.act(PlaygroundViewModel.WhatIf.ADD_CONSUMER, null)).isTrue();

        assertThat(branches()).hasSize(2);
        ModelCommand command = branches().get(1).command().orElseThrow();
        assertThat(dev.groupscope.i18n.Messages.english().format(command.messageKey(), command.args()))
                .isEqualTo("Add a consumer to orders-app");
        assertThat(viewModel.getFrame().consumer("C4")).isPresent();
        // Recorded in the run: stepping back from a moment later stops at it.
        viewModel.scrubTo(24_000);
        for (int i = 0; i < 80 && !viewModel.getFrame().current().map(e -> e.type().equals("AddConsumer"))
                .orElse(false); i++) {
            viewModel.stepPrevious();
        }
        assertThat(viewModel.getFrame().current()).hasValueSatisfying(event -> {
            assertThat(event.type()).isEqualTo("AddConsumer");
            assertThat(event.actor()).isEqualTo("C4");
            assertThat(event.time()).isEqualTo(20_001);
        });
        viewModel.scrubTo(40_000);
        assertThat(viewModel.getFrame().consumer("C4").orElseThrow().assigned()).isNotEmpty();

        viewModel.undo();

        assertThat(viewModel.getTime()).isEqualTo(20_000);
        viewModel.scrubTo(40_000);
        assertThat(viewModel.getFrame().consumer("C4")).isEmpty();
        assertThat(viewModel.getFrame().consumers()).extracting(PlaygroundFrame.ConsumerRow::clientId)
                .containsExactly("C1", "C2", "C3");
        assertThat(viewModel.getFrame().partitions()).allSatisfy(p -> assertThat(p.owner()).isIn("C1", "C2", "C3"));
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

    @Test
    void aCommandIsRecordedInTheRunSoSteppingBackStopsAtIt() {
        viewModel.scrubTo(20_000);
        viewModel.perform(new ModelCommand.CrashConsumer("C2"));
        viewModel.scrubTo(24_000);

        for (int i = 0; i < 50 && !viewModel.getFrame().current().map(e -> e.type().equals("CrashConsumer"))
                .orElse(false); i++) {
            viewModel.stepPrevious();
        }

        assertThat(viewModel.getFrame().current()).hasValueSatisfying(event -> {
            assertThat(event.type()).isEqualTo("CrashConsumer");
            assertThat(event.actor()).isEqualTo("C2");
            assertThat(event.time()).isEqualTo(20_001);
        });
        viewModel.stepPrevious();
        assertThat(viewModel.getFrame().consumer("C2").orElseThrow().state()).isNotEqualTo("CRASHED");
    }

    @Test
    void theWhatIfActionsAreThoseOfTheBranchShownFromTheScenarioToIt() {
        viewModel.scrubTo(20_000);
        viewModel.perform(new ModelCommand.CrashConsumer("C2"));
        viewModel.undo();
        viewModel.perform(new ModelCommand.StopBroker(1));
        viewModel.scrubTo(30_000);
        viewModel.perform(new ModelCommand.StallConsumer("C1", 5_000));

        assertThat(viewModel.whatIfActions()).extracting(a -> a.type().fileName() + "@" + a.atMs())
                .containsExactly("stopBroker@20001", "stallConsumer@30001");
        viewModel.showBranch(1);
        assertThat(viewModel.whatIfActions()).extracting(a -> a.type().fileName() + "@" + a.atMs())
                .containsExactly("crashConsumer@20001");
        viewModel.showBranch(0);
        assertThat(viewModel.whatIfActions()).isEmpty();
    }

    @Test
    void aSavedRunOpensAsTheBranchItWasSavedFromEvenWithAWhatIfOnAnAddedConsumer() {
        viewModel.scrubTo(20_000);
        viewModel.perform(viewModel.commandFor(PlaygroundViewModel.WhatIf.ADD_CONSUMER, null).orElseThrow());
        viewModel.scrubTo(30_000);
        viewModel.perform(new ModelCommand.CrashConsumer("C4"));
        viewModel.scrubTo(60_000);
        PlaygroundFrame branch = viewModel.getFrame();

        PlaygroundViewModel saved = new PlaygroundViewModel(dev.groupscope.scenario.ScenarioReader.read("saved.json",
                viewModel.asScenarioFile().get()), Runnable::run, Runnable::run);
        saved.scrubTo(60_000);

        assertThat(saved.branchesProperty().get()).hasSize(1);
        assertThat(saved.getFrame().consumers()).isEqualTo(branch.consumers());
        assertThat(saved.getFrame().partitions()).isEqualTo(branch.partitions());
        assertThat(saved.getFrame().consumer("C4").orElseThrow().state()).isEqualTo("CRASHED");
    }

    @Test
    void aConsumerAddedFromTheWindowIsItsGroupsThoughBothGroupsNameTheirConsumersAlike() {
        dev.groupscope.scenario.Scenario twoGroups = dev.groupscope.scenario.ScenarioReader.read("demo.json", """
                {"seed": 1, "durationMs": 60000, "cluster": {"brokers": 1},
                 "topics": [{"name": "orders", "partitions": 4}],
                 "consumers": [{"id": "C1", "groupId": "a", "topics": ["orders"]},
                               {"id": "C2", "groupId": "a", "topics": ["orders"]},
                               {"id": "C3", "groupId": "b", "topics": ["orders"]}]}""");
        PlaygroundViewModel window = new PlaygroundViewModel(twoGroups, Runnable::run, Runnable::run);
        // The same what-if, run on its own: C4 is b's (copied from C3), though C1-C3 share one naming style.
        dev.groupscope.scenario.Scenario.ActionSpec addToB = ModelCommand.FileAction.addConsumer("b",
                twoGroups.consumers()).action().at(5_000);
        dev.groupscope.sim.engine.Simulation run = dev.groupscope.scenario.ScenarioWorld.simulation(
                twoGroups.withActions(List.of(addToB)));
        run.runUntil(15_000);
        List<dev.groupscope.sim.engine.SimEvent> ofC4 = run.log().stream()
                .filter(event -> "C4".equals(event.actor()) || "C4".equals(event.peer())).toList();
        // Guessed from its name, most of them (those that do not name the group) would be every group's.
        assertThat(ofC4).isNotEmpty().anySatisfy(event -> assertThat(window.eventGroups().of(event)).isEmpty());

        window.scrubTo(5_000);
        window.perform(ModelCommand.FileAction.addConsumer("b", twoGroups.consumers()));

        assertThat(ofC4).allSatisfy(event -> assertThat(window.eventGroups().of(event)).containsExactly("b"));
    }
}
