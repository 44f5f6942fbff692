package dev.groupscope.cli;

import com.google.gson.GsonBuilder;
import dev.groupscope.export.TraceJson;
import dev.groupscope.i18n.Messages;
import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.scenario.json.EnglishText;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.report.RunSummary;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code groupscope simulate <scenario.json> [--until <ms>] [--trace <out.jsonl>]}: runs a scenario and prints what
 * it came to. Same scenario and seed, same bytes.
 */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        description = {"Runs a scenario in the simulated cluster and prints a JSON summary: per group its state,",
                "generation, protocol, leader, members and partitions, committed offsets, lag and rebalances."})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<scenario.json>", description = "The scenario file.")
    private Path scenarioFile;

    @Option(names = "--until", paramLabel = "<ms>",
            description = "Virtual time to run until (default: the scenario's durationMs).")
    private Long until;

    @Option(names = "--trace", paramLabel = "<out.jsonl>", description = "Also write every event, one JSON per line.")
    private Path trace;

    @Override
    public Integer call() {
        Scenario scenario = ScenarioReader.read(scenarioFile);
        if (until != null) {
            // Past the end there is nothing the scenario says, and a far time would run out of memory first.
            BadInputException.requireWithin("--until", until, scenario);
        }
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(until == null ? scenario.durationMs() : until);
        if (trace != null) {
            writeTrace(simulation);
        }
        RunSummary summary = RunSummary.of(simulation, scenario.groupOfClient());
        Options.print(spec, new GsonBuilder().serializeNulls().create().toJsonTree(summary));
        return 0;
    }

    private void writeTrace(Simulation simulation) {
        Messages english = Messages.english();
        try (BufferedWriter out = Files.newBufferedWriter(trace, StandardCharsets.UTF_8)) {
            for (SimEvent event : simulation.log()) {
                out.write(TraceJson.line(event, english));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new BadInputException(EnglishText.format("cli.error.unwritable", "file", trace,
                    "reason", String.valueOf(e.getMessage())));
        }
    }
}
