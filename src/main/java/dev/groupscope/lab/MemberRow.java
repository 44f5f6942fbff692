package dev.groupscope.lab;

import dev.groupscope.kafka.TopicPartition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One consumer as the lab shows it after a round: its partitions, whether it just joined, why it is idle, and the
 * partitions it revoked in this rebalance (its {@code onPartitionsRevoked}). Under EAGER that is everything it owned
 * in the previous round, including partitions the assignor then hands straight back; under COOPERATIVE only those it
 * no longer has, whether they moved on now or are withheld until a later round.
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

    /** Revoked and assigned back to this same member (only under EAGER): it stopped them for nothing. */
    public List<TopicPartition> revokedAndGivenBack() {
        return revoked.stream().filter(this::has).toList();
    }

    /** Revoked and not this member's any more: moved to another member, withheld, or deleted. */
    public List<TopicPartition> revokedAndGone() {
        return revoked.stream().filter(partition -> !has(partition)).toList();
    }

    private boolean has(TopicPartition partition) {
        return partitions.stream().anyMatch(chip -> chip.partition().equals(partition));
    }
}
