package dev.groupscope.cli;

import dev.groupscope.scenario.json.StrictJson;
import dev.groupscope.scenario.json.EnglishText;
import dev.groupscope.scenario.json.JsonInputException;
import dev.groupscope.scenario.json.Utf8Text;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.groupscope.kafka.assignor.AssignmentTrace;
import dev.groupscope.kafka.assignor.Assignors;
import dev.groupscope.kafka.assignor.GroupAssignment;
import dev.groupscope.kafka.assignor.PartitionAssignor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groupscope assign <input.json> [--trace]}: runs an assignor on one case or an array of cases. */
@Command(name = "assign",
        mixinStandardHelpOptions = true,
        description = {"Runs a partition assignor on a group, as the group leader would.",
                "Input: one case or an array of cases, each {\"strategy\": ..., \"topics\": {\"t0\": 4},"
                        + " \"members\": [{\"id\": \"C0\", \"topics\": [\"t0\"]}]};",
                "a member may also give \"instanceId\", \"owned\": [\"t0-1\"] and \"generation\"."})
final class AssignCommand implements Callable<Integer> {

    private static final String STDIN = "-";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<input.json>", description = "The input file, or - for standard input.")
    private String input;

    @Option(names = "--trace", description = "Also print every step of the assignor's reasoning.")
    private boolean trace;

    @Override
    public Integer call() {
        JsonElement root = StrictJson.parse(input, read());
        AssignCaseReader.Cases cases = AssignCaseReader.read(input, root);
        PrintWriter err = spec.commandLine().getErr();
        cases.notes().forEach(note -> err.println("groupscope: " + note));
        err.flush();
        JsonArray results = new JsonArray();
        cases.cases().forEach(assignCase -> results.add(run(assignCase)));
        Options.print(spec, cases.array() ? results : results.get(0));
        return 0;
    }

    private String read() {
        try {
            if (STDIN.equals(input)) {
                return Utf8Text.decode(input, System.in.readAllBytes());
            }
            return Utf8Text.decode(input, Files.readAllBytes(Path.of(input)));
        } catch (NoSuchFileException e) {
            throw new BadInputException(EnglishText.format("cli.error.noSuchFile", "file", input));
        } catch (JsonInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(EnglishText.format("cli.error.unreadable", "file", input,
                    "reason", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        }
    }

    private JsonObject run(AssignCase assignCase) {
        PartitionAssignor assignor = Assignors.byName(assignCase.strategy()).orElseThrow();
        AssignmentTrace steps = trace ? AssignmentTrace.recording() : AssignmentTrace.off();
        GroupAssignment result = assignor.assign(assignCase.topics(), assignCase.members(), steps);
        return AssignmentJson.of(assignCase, result, trace);
    }
}
