package dev.groupscope.kafka;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The answer to FindCoordinator for one group: the partition of {@code __consumer_offsets} it maps to, and either
 * the coordinator broker (error {@link Errors#NONE}) or {@link Errors#COORDINATOR_NOT_AVAILABLE}, with the reason.
 */
public record CoordinatorLookup(OffsetsTopicPartition partition, Errors error, OptionalInt coordinator, Reason reason) {

    /** Why the broker answered as it did; each reason has an i18n key that says so. */
    public enum Reason {
        /** The partition's leader is alive: it is the coordinator. */
        FOUND,
        /** {@code __consumer_offsets} does not exist yet; the broker asks for it to be created. */
        TOPIC_MISSING,
        /** The partition has no leader (e.g. all its replicas are offline). */
        NO_LEADER,
        /** The partition's leader is a broker that is not alive. */
        LEADER_NOT_ALIVE;

        public String messageKey() {
            return "coordinator.reason." + name();
        }
    }

    public CoordinatorLookup {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(coordinator, "coordinator");
        Objects.requireNonNull(reason, "reason");
    }

    static CoordinatorLookup found(OffsetsTopicPartition partition, int brokerId) {
        return new CoordinatorLookup(partition, Errors.NONE, OptionalInt.of(brokerId), Reason.FOUND);
    }

    static CoordinatorLookup notAvailable(OffsetsTopicPartition partition, Reason reason) {
        return new CoordinatorLookup(partition, Errors.COORDINATOR_NOT_AVAILABLE, OptionalInt.empty(), reason);
    }

    public boolean isFound() {
        return error == Errors.NONE;
    }
}
