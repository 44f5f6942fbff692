package dev.groupscope.cli;

import dev.groupscope.scenario.json.EnglishText;

import com.google.gson.JsonElement;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** What the subcommands share: checking a partition count and printing the answer. */
final class Options {

    private Options() {
    }

    /** A topic, __consumer_offsets included, has at least one partition. */
    static void requirePartitions(int partitions, String messageKey) {
        if (partitions < 1) {
            throw new BadInputException(EnglishText.format(messageKey, "value", partitions));
        }
    }

    static void print(CommandSpec spec, JsonElement json) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(JsonOut.render(json));
        out.flush();
    }
}
