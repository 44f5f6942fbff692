package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.ActionType;
import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.ScenarioWriter;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.client.CommitPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every command the window makes is a line a scenario file could have: the file's line makes the same tasks. */
class ModelCommandTest {

    private final List<Scenario.ConsumerSpec> consumers = PlaygroundViewModel.readPlayground().consumers();

    @Test
    void eachCommandsActionMakesTheCommandsOwnTasks() {
        List<ModelCommand> commands = List.of(
                new ModelCommand.CloseConsumer("C1"),
                new ModelCommand.CrashConsumer("C2"),
                new ModelCommand.StallConsumer("C3", 7_000),
                new ModelCommand.ChangeSettings("C1", Map.of("max.poll.records", 10), null),
                new ModelCommand.ChangeSettings("C1", Map.of("enable.auto.commit", false),
                        CommitPolicy.of(CommitPolicy.Kind.SYNC_AFTER_BATCH)),
                new ModelCommand.RestartConsumer("C2", false),
                new ModelCommand.StopBroker(2),
                new ModelCommand.StartBroker(2),
                new ModelCommand.AddPartitions("orders", 9),
                new ModelCommand.CreateTopic("payments", 3, 2),
                ModelCommand.FileAction.addConsumer("orders-app", consumers),
                ModelCommand.FileAction.of(ActionType.CUT_OFF_CONSUMER, "C1", Map.of("durationMs", 4_000L),
                        consumers));

        for (ModelCommand command : commands) {
            assertThat(ScenarioWorld.tasks(command.action(), consumers)).as(command.toString())
                    .isEqualTo(command.tasks());
        }
    }

    @Test
    void everyCommandSavedInAFileReadsBackAsItsOwnTasksEvenOnAnAddedConsumer() {
        Scenario playground = PlaygroundViewModel.readPlayground();
        Map<String, Object> strategyAndUnset = new java.util.HashMap<>();
        strategyAndUnset.put("partition.assignment.strategy", List.of("cooperative-sticky"));
        strategyAndUnset.put("group.instance.id", null); // left out: what the settings sheet's empty field means
        List<ModelCommand> commands = List.of(
                ModelCommand.FileAction.addConsumer("orders-app", consumers),
                new ModelCommand.ChangeSettings("C4", strategyAndUnset, null),
                new ModelCommand.CrashConsumer("C4"),
                new ModelCommand.StallConsumer("C1", 7_000),
                new ModelCommand.ChangeSettings("C3", Map.of("enable.auto.commit", false),
                        CommitPolicy.of(CommitPolicy.Kind.SYNC_AFTER_BATCH)),
                new ModelCommand.CloseConsumer("C2"),
                new ModelCommand.RestartConsumer("C2", false),
                new ModelCommand.StopBroker(2),
                new ModelCommand.StartBroker(2),
                new ModelCommand.AddPartitions("orders", 9),
                new ModelCommand.CreateTopic("payments", 3, 2),
                ModelCommand.FileAction.of(ActionType.CUT_OFF_CONSUMER, "C1", Map.of("durationMs", 4_000L),
                        consumers));
        List<Scenario.ActionSpec> actions = new java.util.ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            actions.add(commands.get(i).action().at(1_000L * (i + 1)));
        }

        Scenario saved = ScenarioReader.read("saved.json", ScenarioWriter.withActions(playground, actions));

        List<Scenario.ActionSpec> read = saved.actions().subList(saved.actions().size() - commands.size(),
                saved.actions().size());
        for (int i = 0; i < commands.size(); i++) {
            assertThat(ScenarioWorld.tasks(read.get(i), saved.consumers())).as(commands.get(i).toString())
                    .isEqualTo(commands.get(i).tasks());
        }
    }

    @Test
    void aCommandsActionIsAtZeroUntilARunIsSavedWithItsForkTime() {
        Scenario.ActionSpec crash = new ModelCommand.CrashConsumer("C2").action();

        assertThat(crash.atMs()).isZero();
        assertThat(crash.at(12_000).atMs()).isEqualTo(12_000);
        assertThat(crash.at(12_000).type()).isEqualTo(ActionType.CRASH_CONSUMER);
    }
}
