package dev.groupscope.sim.client;

import dev.groupscope.kafka.assignor.Assignors;
import dev.groupscope.kafka.assignor.PartitionAssignor;
import java.util.Optional;

/**
 * Finds the assignor for a protocol name in partition.assignment.strategy. Kafka loads the configured classes,
 * which may be the application's own; the default here is GroupScope's registry of Kafka's assignors. Must be
 * stateless: each call returns a fresh assignor, as {@link Assignors#byName} does.
 */
@FunctionalInterface
public interface AssignorLookup {

    AssignorLookup BUILT_IN = Assignors::byName;

    Optional<PartitionAssignor> byName(String name);
}
