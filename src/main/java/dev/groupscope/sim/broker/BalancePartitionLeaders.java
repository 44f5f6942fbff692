package dev.groupscope.sim.broker;

import dev.groupscope.sim.engine.Task;

/**
 * The controller's deferred check for leaders that are not their partition's preferred replica: Kafka's
 * {@code QuorumController} event {@code maybeBalancePartitionLeaders}, armed by {@link PreferredLeaderBalancer}.
 */
public record BalancePartitionLeaders(String target) implements Task {

    /** The timer's key: Kafka's name for the deferred event, of which at most one is ever scheduled. */
    static final String KEY = "maybeBalancePartitionLeaders";
}
