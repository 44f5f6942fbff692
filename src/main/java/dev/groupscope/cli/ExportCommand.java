package dev.groupscope.cli;

import dev.groupscope.diagram.Drawing;
import dev.groupscope.diagram.ProtocolLog;
import dev.groupscope.diagram.SequenceLayout;
import dev.groupscope.diagram.TopologyLayout;
import dev.groupscope.diagram.TopologyReader;
import dev.groupscope.export.DiagramExport;
import dev.groupscope.export.PngExporter;
import dev.groupscope.i18n.Messages;
import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.scenario.json.EnglishText;
import dev.groupscope.sim.engine.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code groupscope export <scenario.json> --at <ms> --format svg|png --out <file>}: the topology at a moment, or
 * with {@code --view sequence --from <ms> --to <ms>} the sequence diagram of the group protocol over a time range,
 * drawn from the same drawing model the window's File → Export uses, so both give the same picture.
 */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {"Draws a scenario as SVG or PNG (2x): the cluster and its groups at one moment (--view topology),",
                "or the group protocol between two moments as a sequence diagram (--view sequence)."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<scenario.json>", description = "The scenario file.")
    private Path scenarioFile;

    @Option(names = "--view", paramLabel = "topology|sequence", defaultValue = "topology",
            description = "What to draw (default: topology).")
    private String view;

    @Option(names = "--at", paramLabel = "<ms>", description = "Topology: the virtual time to draw (default: the end).")
    private Long at;

    @Option(names = "--from", paramLabel = "<ms>", description = "Sequence: first virtual time shown (default 0).")
    private Long from;

    @Option(names = "--to", paramLabel = "<ms>", description = "Sequence: last virtual time shown (default: the end).")
    private Long to;

    @Option(names = "--format", paramLabel = "svg|png",
            description = "File format (default: from the --out file's extension, else svg).")
    private String format;

    @Option(names = "--out", paramLabel = "<file>", required = true, description = "The file to write.")
    private Path out;

    @Option(names = "--lang", paramLabel = "en|zh-CN", defaultValue = "en",
            description = "Language of the text in the picture (default: en).")
    private String lang;

    @Option(names = "--fold-heartbeats", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Sequence: fold runs of successful heartbeats into one row (default; --no-fold-heartbeats "
                    + "draws every one).")
    private boolean foldHeartbeats;

    @Override
    public Integer call() {
        DiagramExport fileFormat = format();
        Messages messages = Messages.of(locale());
        boolean sequence = switch (view) {
            case "topology" -> false;
            case "sequence" -> true;
            default -> throw new BadInputException(EnglishText.format("cli.export.badView", "value", view));
        };
        Scenario scenario = ScenarioReader.read(scenarioFile);
        Drawing drawing = sequence ? sequence(scenario, messages) : topology(scenario, messages);
        if (fileFormat == DiagramExport.PNG && !PngExporter.fits(drawing, PngExporter.SCALE)) {
            throw new BadInputException(EnglishText.format("cli.export.tooLarge",
                    "width", PngExporter.pixelWidth(drawing, PngExporter.SCALE),
                    "height", PngExporter.pixelHeight(drawing, PngExporter.SCALE)));
        }
        try {
            Files.write(out, fileFormat.bytes(drawing));
        } catch (IOException e) {
            throw new BadInputException(EnglishText.format("cli.error.unwritable", "file", out,
                    "reason", String.valueOf(e.getMessage())));
        }
        return 0;
    }

    private Drawing topology(Scenario scenario, Messages messages) {
        if (from != null || to != null) {
            throw new BadInputException(EnglishText.format("cli.export.rangeNeedsSequence"));
        }
        long time = at == null ? scenario.durationMs() : at;
        BadInputException.requireWithin("--at", time, scenario);
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(time);
        return TopologyLayout.layout(TopologyReader.read(simulation.stateAtTime(time)), messages);
    }

    private Drawing sequence(Scenario scenario, Messages messages) {
        if (at != null) {
            throw new BadInputException(EnglishText.format("cli.export.atNeedsTopology"));
        }
        long start = from == null ? 0 : from;
        long end = to == null ? scenario.durationMs() : to;
        BadInputException.requireWithin("--from", start, scenario);
        BadInputException.requireWithin("--to", end, scenario);
        if (end < start) {
            throw new BadInputException(EnglishText.format("cli.export.emptyRange", "from", start, "to", end));
        }
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(end);
        // Every group's messages; each group's notes on its own coordinator's lane. The rows before --from are not
        // drawn, but the lane headers (who coordinates, who is down) are as of all of them.
        java.util.List<dev.groupscope.diagram.ProtocolEvent> rows = ProtocolLog.read(simulation.log(), 0, end,
                new dev.groupscope.sim.report.EventGroups(scenario.groupOfEveryClient(),
                        dev.groupscope.kafka.config.BrokerSettings.from(scenario.cluster().brokerSettings())
                                .offsetsTopicNumPartitions()));
        int first = (int) rows.stream().filter(row -> row.time() < start).count();
        return SequenceLayout.layout(rows.subList(0, first), rows.subList(first, rows.size()), start, end, messages,
                foldHeartbeats, -1, null, null, Double.POSITIVE_INFINITY).drawing();
    }

    private DiagramExport format() {
        if (format != null) {
            return DiagramExport.named(format).orElseThrow(() -> new BadInputException(
                    EnglishText.format("cli.export.badFormat", "value", format)));
        }
        String name = out.getFileName() == null ? "" : out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Optional<DiagramExport> byExtension = dot < 0 ? Optional.empty() : DiagramExport.named(name.substring(dot + 1));
        return byExtension.orElse(DiagramExport.SVG);
    }

    private Locale locale() {
        switch (lang.toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "en":
                return Locale.ENGLISH;
            case "zh":
            case "zh-cn":
            case "zh-hans":
                return Locale.SIMPLIFIED_CHINESE;
            default:
                throw new BadInputException(EnglishText.format("cli.export.badLang", "value", lang));
        }
    }
}
