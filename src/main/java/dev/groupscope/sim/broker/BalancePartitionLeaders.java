package dev.groupscope.sim.broker;

import dev.groupscope.sim.engine.Task;

/**
 * The controller's periodic check for leaders that are not their partition's preferred replica: one run of Kafka's
 * periodic task "electPreferred" ({@code ReplicationControlManager.maybeBalancePartitionLeaders}), armed by
 * {@link PreferredLeaderBalancer}.
 */
public record BalancePartitionLeaders(String target) implements Task {

    /** The timer's key: one run of the task is scheduled at a time (Kafka's deferred event is tagged by name). */
    static final String KEY = "maybeBalancePartitionLeaders";
}
