package dev.groupscope.cli;

import com.google.gson.JsonObject;
import dev.groupscope.kafka.GroupCoordinatorPartitioning;
import dev.groupscope.kafka.OffsetsTopicPartition;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groupscope coordinator <groupId> [--partitions N]}: the group's partition of __consumer_offsets. */
@Command(name = "coordinator",
        mixinStandardHelpOptions = true,
        description = {"Which partition of __consumer_offsets holds a group, hence which broker coordinates it:",
                "Utils.abs(groupId.hashCode()) % partitions, as Kafka computes it."})
final class CoordinatorCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<groupId>", description = "The group id (group.id).")
    private String groupId;

    @Option(names = "--partitions", paramLabel = "<n>", defaultValue = "50",
            description = "Partitions of __consumer_offsets (offsets.topic.num.partitions), default ${DEFAULT-VALUE}.")
    private int partitions;

    @Override
    public Integer call() {
        Options.requirePartitions(partitions, "cli.error.offsetsPartitions");
        OffsetsTopicPartition result = GroupCoordinatorPartitioning.partitionFor(groupId, partitions);
        JsonObject json = new JsonObject();
        json.addProperty("group", result.groupId());
        json.addProperty("hashCode", result.hash());
        json.addProperty("abs", result.abs());
        json.addProperty("partition", result.partition());
        Options.print(spec, json);
        return 0;
    }
}
