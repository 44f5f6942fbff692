package dev.groupscope.lab;

import dev.groupscope.kafka.TopicPartition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One consumer as the lab shows it after a round: its partitions, whether it just joined, why it is idle, and the
 * partitions it owned in the previous round and no longer has (revoked: given up, whether they moved on now or are
 * withheld until a later round).
 */
public record MemberRow(String memberId, List<PartitionChip> partitions, boolean joinedThisRound,
                        Optional<IdleReason> idle, List<TopicPartition> revoked) {

    public MemberRow {
        Objects.requireNonNull(memberId, "memberId");
        partitions = List.copyOf(partitions);
        Objects.requireNonNull(idle, "idle");
        revoked = List.copyOf(revoked);
    }

    /** A row with nothing revoked. */
    public MemberRow(String memberId, List<PartitionChip> partitions, boolean joinedThisRound,
                     Optional<IdleReason> idle) {
        this(memberId, partitions, joinedThisRound, idle, List.of());
    }
}
