package dev.groupscope.scenario;

import dev.groupscope.sim.broker.ClusterActorView;
import dev.groupscope.sim.client.ConsumerView;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.engine.World;
import dev.groupscope.sim.report.RunSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** A lesson scenario run to its end, with the questions the scenario tests ask of it. */
final class ScenarioRun {

    final Scenario scenario;
    final Simulation simulation;
    final RunSummary summary;

    private ScenarioRun(Scenario scenario) {
        this.scenario = scenario;
        this.simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(scenario.durationMs());
        this.summary = RunSummary.of(simulation, scenario.groupOfClient());
    }

    /** The names of the lessons GroupScope comes with (their files under lessons/scenarios, without .json). */
    static java.util.stream.Stream<String> lessons() throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of("lessons", "scenarios"))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .sorted().toList().stream();
        }
    }

    static ScenarioRun of(String name) {
        return new ScenarioRun(ScenarioReader.read(Path.of("lessons", "scenarios", name + ".json")));
    }

    static ScenarioRun of(Scenario scenario) {
        return new ScenarioRun(scenario);
    }

    /** The summary of the same run stopped at {@code time} (a fresh run of the scenario to that moment). */
    RunSummary summaryAt(long time) {
        Simulation stopped = ScenarioWorld.simulation(scenario);
        stopped.runUntil(time);
        return RunSummary.of(stopped, scenario.groupOfClient());
    }

    RunSummary.GroupSummary group(String groupId) {
        return summary.groups().stream().filter(g -> g.groupId().equals(groupId)).findFirst().orElseThrow();
    }

    RunSummary.ConsumerSummary consumer(String clientId) {
        return summary.consumers().stream().filter(c -> c.clientId().equals(clientId)).findFirst().orElseThrow();
    }

    static ConsumerView consumerAt(World world, String clientId) {
        return (ConsumerView) world.views().get(clientId);
    }

    static ClusterActorView clusterAt(World world) {
        return (ClusterActorView) world.views().get("cluster");
    }

    List<SimEvent> events(Predicate<SimEvent> filter) {
        return simulation.log().stream().filter(filter).toList();
    }
}
