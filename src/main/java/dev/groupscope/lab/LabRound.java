package dev.groupscope.lab;

import dev.groupscope.kafka.assignor.AssignmentStep;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the assignor lab shows after one run of the assignor: which strategy ran, the generation it produced,
 * the topics, each member's row (in join order), the partitions withheld for cooperative revocation, and the
 * assignor's own step trace. Language-neutral: views turn it into words.
 */
public record LabRound(String strategy, int generation, Map<String, Integer> topics, List<MemberRow> members,
                       List<PartitionChip> withheld, List<AssignmentStep> steps) {

    public LabRound {
        topics = Collections.unmodifiableMap(new LinkedHashMap<>(topics));
        members = List.copyOf(members);
        withheld = List.copyOf(withheld);
        steps = List.copyOf(steps);
    }

    public int partitionCount() {
        return topics.values().stream().mapToInt(Integer::intValue).sum();
    }

    public long movedCount() {
        return members.stream().flatMap(row -> row.partitions().stream()).filter(PartitionChip::moved).count();
    }

    public long idleCount() {
        return members.stream().filter(row -> row.idle().isPresent()).count();
    }
}
