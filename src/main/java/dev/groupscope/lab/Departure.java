package dev.groupscope.lab;

import dev.groupscope.kafka.TopicPartition;
import java.util.List;
import java.util.Objects;

/**
 * A member that left the group, starting this round, and the partitions it revoked on its way out: everything it
 * owned in the previous generation, sorted.
 *
 * <p>In Kafka a consumer that leaves ({@code close()} or {@code unsubscribe()}) first runs
 * {@code ConsumerCoordinator.onLeavePrepare}, which hands every partition it owns to {@code onPartitionsRevoked}
 * under EAGER and COOPERATIVE alike, and only then sends LeaveGroup. (A member that has already lost its generation
 * or member id, or is in the middle of a rebalance, calls {@code onPartitionsLost} instead; a lab member always
 * leaves a settled group between rounds.) From then on nobody consumes those partitions until the rebalance its
 * LeaveGroup starts gives them to new owners.
 */
public record Departure(String memberId, List<TopicPartition> revoked) {

    public Departure {
        Objects.requireNonNull(memberId, "memberId");
        revoked = List.copyOf(revoked);
    }
}
