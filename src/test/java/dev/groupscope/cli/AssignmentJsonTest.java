package dev.groupscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.AssignmentStep;
import dev.groupscope.kafka.assignor.GroupAssignment;
import dev.groupscope.kafka.assignor.GroupMember;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The result layout, whatever assignor produced it (here a hand-made cooperative round). */
class AssignmentJsonTest {

    private static final AssignCase CASE = new AssignCase("cooperative-sticky", Map.of("t0", 3, "t1", 1),
            List.of(GroupMember.of("C1", List.of("t0", "t1")), GroupMember.of("C0", List.of("t0", "t1")),
                    GroupMember.of("C2", List.of("t0"))));

    @Test
    void membersInInputOrderPartitionsSortedWithheldShownWhenAny() {
        Map<String, List<TopicPartition>> assignment = new LinkedHashMap<>();
        assignment.put("C0", List.of(tp("t1", 0), tp("t0", 2), tp("t0", 0)));
        assignment.put("C1", List.of());
        GroupAssignment result = new GroupAssignment(assignment, Set.of(tp("t0", 1), tp("t0", 0)), List.of());

        assertThat(JsonOut.render(AssignmentJson.of(CASE, result, false))).isEqualTo("""
                {
                  "strategy": "cooperative-sticky",
                  "assignment": {
                    "C1": [],
                    "C0": ["t0-0", "t0-2", "t1-0"],
                    "C2": []
                  },
                  "withheld": ["t0-0", "t0-1"]
                }
                """);
    }

    @Test
    void noWithheldKeyWhenNothingIsWithheld() {
        GroupAssignment result = new GroupAssignment(Map.of("C0", List.of(tp("t0", 0))), Set.of(), List.of());

        assertThat(AssignmentJson.of(CASE, result, false).has("withheld")).isFalse();
    }

    @Test
    void stepsNameTheirMemberAndPartitionInTheSentence() {
        AssignmentStep withheld = new AssignmentStep(AssignmentStep.Kind.WITHHOLD, "assign.idle", "C2", tp("t0", 1),
                Map.of());
        GroupAssignment result = new GroupAssignment(Map.of(), Set.of(), List.of(withheld));

        assertThat(JsonOut.render(AssignmentJson.of(CASE, result, true))).contains("""
                  "steps": [
                    {"kind": "WITHHOLD", "key": "assign.idle", "member": "C2", "partition": "t0-1", "args": {}, \
                "text": "C2 gets no partitions this round: it stays in the group but is idle."}
                  ]
                """);
    }

    private static TopicPartition tp(String topic, int partition) {
        return new TopicPartition(topic, partition);
    }
}
