package dev.groupscope.sim.coordinator;

import dev.groupscope.sim.engine.Task;

/**
 * The end of a shard's load: the new leader of {@code __consumer_offsets-partition} has read the partition
 * (Kafka's {@code CoordinatorLoader} finishing), so the shard replays it and starts answering its groups.
 */
public record LoadTimer(String target, int partition) implements Task {

    public String key() {
        return "coordinator-" + partition + "/load";
    }
}
