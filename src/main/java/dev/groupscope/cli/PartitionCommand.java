package dev.groupscope.cli;

import com.google.gson.JsonObject;
import dev.groupscope.kafka.producer.BuiltInPartitioner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groupscope partition <key> --partitions N}: where the default partitioner puts a record with this key. */
@Command(name = "partition",
        mixinStandardHelpOptions = true,
        description = {"The partition a producer sends a record with this string key to:",
                "toPositive(murmur2(UTF-8 bytes of the key)) % partitions, as Kafka's default partitioner does."})
final class PartitionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<key>", description = "The record key, serialized as UTF-8.")
    private String key;

    @Option(names = "--partitions", paramLabel = "<n>", required = true, description = "Partitions of the topic.")
    private int partitions;

    @Override
    public Integer call() {
        Options.requirePartitions(partitions, "cli.error.topicPartitions");
        JsonObject json = new JsonObject();
        json.addProperty("key", key);
        json.addProperty("partition", BuiltInPartitioner.partitionForKey(key, partitions).partition());
        Options.print(spec, json);
        return 0;
    }
}
