package dev.groupscope.lab;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One consumer as the lab shows it after a round: its partitions, whether it just joined, and why it is idle. */
public record MemberRow(String memberId, List<PartitionChip> partitions, boolean joinedThisRound,
                        Optional<IdleReason> idle) {

    public MemberRow {
        Objects.requireNonNull(memberId, "memberId");
        partitions = List.copyOf(partitions);
        Objects.requireNonNull(idle, "idle");
    }
}
