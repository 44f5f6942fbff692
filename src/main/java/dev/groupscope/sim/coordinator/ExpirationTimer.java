package dev.groupscope.sim.coordinator;

import dev.groupscope.sim.engine.Task;

/**
 * A shard's periodic clean-up (Kafka's {@code GROUP_EXPIRATION_KEY} job, every
 * offsets.retention.check.interval.ms): expired offsets are deleted, then groups left Empty without offsets.
 */
public record ExpirationTimer(String target, int partition) implements Task {

    public String key() {
        return "coordinator-" + partition + "/expiration";
    }
}
