package dev.groupscope.lab;

import dev.groupscope.kafka.RebalanceProtocol;
import dev.groupscope.kafka.assignor.AssignmentStep;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the assignor lab shows after one run of the assignor: which strategy ran and the rebalance protocol
 * its group uses, the generation it produced, the topics, each member's row (in join order), the member whose
 * leaving started this round with what it revoked as it left (none when the round began otherwise), the partitions
 * withheld for cooperative revocation, and the assignor's own step trace. Language-neutral: views turn it into
 * words.
 */
public record LabRound(String strategy, RebalanceProtocol protocol, int generation, Map<String, Integer> topics,
                       List<MemberRow> members, Optional<Departure> departure, List<PartitionChip> withheld,
                       List<AssignmentStep> steps) {

    public LabRound {
        Objects.requireNonNull(protocol, "protocol");
        topics = Collections.unmodifiableMap(new LinkedHashMap<>(topics));
        members = List.copyOf(members);
        Objects.requireNonNull(departure, "departure");
        withheld = List.copyOf(withheld);
        steps = List.copyOf(steps);
    }

    public int partitionCount() {
        return topics.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Partitions that changed owner in this round: a separate number from the revoked ones under EAGER. */
    public long movedCount() {
        return members.stream().flatMap(row -> row.partitions().stream()).filter(PartitionChip::moved).count();
    }

    /**
     * Partitions revoked in this round: what the members gave up ({@link MemberRow#revoked()}: under EAGER
     * everything they owned, under COOPERATIVE only what moves away from them), plus, when a member left, everything
     * it owned ({@link Departure#revoked()}, under either protocol).
     */
    public long revokedCount() {
        return members.stream().mapToLong(row -> row.revoked().size()).sum()
                + departure.map(left -> left.revoked().size()).orElse(0);
    }

    public long idleCount() {
        return members.stream().filter(row -> row.idle().isPresent()).count();
    }
}
