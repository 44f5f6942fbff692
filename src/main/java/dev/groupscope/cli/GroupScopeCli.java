package dev.groupscope.cli;

import dev.groupscope.scenario.json.DidYouMean;
import dev.groupscope.scenario.json.EnglishText;
import dev.groupscope.scenario.json.JsonInputException;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: the same core as the app, JSON on standard output, one readable line on standard error and
 * exit code 2 for bad input. It never starts JavaFX.
 */
@Command(name = "groupscope",
        mixinStandardHelpOptions = true,
        versionProvider = GroupScopeCli.Version.class,
        description = "Watch Kafka consumer groups think. With no subcommand the app opens its window.",
        subcommands = {CommandLine.HelpCommand.class, CoordinatorCommand.class, PartitionCommand.class,
                AssignCommand.class, SimulateCommand.class, ExportCommand.class})
public final class GroupScopeCli {

    /** Exit code for bad input or usage, as the README promises. */
    public static final int BAD_INPUT = 2;

    /** Exit code for a failure that is GroupScope's fault, not the input's (reported on one line too). */
    public static final int INTERNAL_ERROR = 1;

    private GroupScopeCli() {
    }

    /** Runs the CLI and returns its exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new GroupScopeCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((ex, ignored) -> {
            err.println("groupscope: " + unknownCommand(commandLine, ex).orElse(ex.getMessage()));
            err.flush();
            return BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((ex, ignored, parseResult) -> {
            boolean badInput = ex instanceof BadInputException || ex instanceof JsonInputException;
            err.println("groupscope: " + (badInput ? ex.getMessage() : "internal error: " + ex));
            err.flush();
            return badInput ? BAD_INPUT : INTERNAL_ERROR;
        });
        return commandLine.execute(args);
    }

    /**
     * A first word that is no command: picocli says "Unmatched argument at index 0: 'simulat'", which names neither
     * the commands nor the one meant; this names both.
     */
    private static java.util.Optional<String> unknownCommand(CommandLine top, CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException unmatched) || ex.getCommandLine() != top
                || unmatched.getUnmatched().isEmpty() || unmatched.getUnmatched().get(0).startsWith("-")) {
            return java.util.Optional.empty();
        }
        String typed = unmatched.getUnmatched().get(0);
        java.util.Set<String> commands = top.getSubcommands().keySet();
        return java.util.Optional.of(EnglishText.format("cli.error.unknownCommand", "command", typed,
                "hint", DidYouMean.hint(typed, commands), "known", String.join(", ", commands)));
    }

    /** Reports the version from the jar's manifest when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = GroupScopeCli.class.getPackage().getImplementationVersion();
            return new String[] {"GroupScope " + (version == null ? "(development build)" : version)};
        }
    }
}
