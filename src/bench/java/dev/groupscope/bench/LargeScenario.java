package dev.groupscope.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The "large cluster" for the window: 3 brokers, one topic of 1,000 partitions, one group of 100 consumers,
 * one producer (500 records/s, so two minutes of history stay small), and changes of ownership a class can watch:
 * a consumer crashes at 20 s (its partitions move after the session timeout), one leaves at 45 s, and a new one
 * joins at 70 s. {@code main} writes it as a scenario file for {@code --scenario}.
 */
public final class LargeScenario {

    static final int PARTITIONS = 1000;
    static final int CONSUMERS = 100;
    static final long DURATION_MS = 120_000;

    private LargeScenario() {
    }

    static String json() {
        StringBuilder json = new StringBuilder();
        json.append("{\"name\": \"A large cluster\", \"seed\": 7, \"durationMs\": ").append(DURATION_MS).append(",\n");
        json.append(" \"description\": \"1,000 partitions and 100 consumers: the window shows them aggregated\",\n");
        json.append(" \"cluster\": {\"brokers\": 3},\n");
        json.append(" \"topics\": [{\"name\": \"events\", \"partitions\": ").append(PARTITIONS)
                .append(", \"replicationFactor\": 3}],\n");
        json.append(" \"producers\": [{\"id\": \"P1\", \"topic\": \"events\", \"recordsPerSecond\": 500,")
                .append(" \"keys\": \"uniform\", \"keyCount\": 5000}],\n");
        json.append(" \"consumers\": [");
        for (int c = 1; c <= CONSUMERS + 1; c++) {
            json.append(c > 1 ? ",\n  " : "\n  ").append("{\"id\": \"").append(consumerId(c))
                    .append("\", \"groupId\": \"large-app\", \"topics\": [\"events\"], \"processingMsPerRecord\": 1")
                    .append(c > CONSUMERS ? ", \"startAtMs\": 70000" : "").append("}");
        }
        json.append("],\n \"actions\": [\n");
        json.append("  {\"atMs\": 20000, \"action\": \"crashConsumer\", \"consumer\": \"").append(consumerId(7))
                .append("\"},\n");
        json.append("  {\"atMs\": 45000, \"action\": \"closeConsumer\", \"consumer\": \"").append(consumerId(42))
                .append("\", \"leaveGroup\": true}\n");
        json.append(" ]}\n");
        return json.toString();
    }

    static String consumerId(int index) {
        return String.format(Locale.ROOT, "C%03d", index);
    }

    /** Writes the scenario to the file named by the first argument (default {@code large-cluster.json}). */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "large-cluster.json");
        Files.writeString(file, json(), StandardCharsets.UTF_8);
        System.out.println("wrote " + file);
    }
}
