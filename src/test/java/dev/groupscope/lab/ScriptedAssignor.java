package dev.groupscope.lab;

import dev.groupscope.kafka.RebalanceProtocol;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.AssignmentStep;
import dev.groupscope.kafka.assignor.AssignmentTrace;
import dev.groupscope.kafka.assignor.GroupAssignment;
import dev.groupscope.kafka.assignor.GroupMember;
import dev.groupscope.kafka.assignor.PartitionAssignor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A stand-in assignor for the lab's bookkeeping tests: it remembers what every member told it, and answers with
 * whatever the test scripts, so the tests can prove what the lab feeds in and how it describes what comes out.
 */
public final class ScriptedAssignor implements PartitionAssignor {

    public final List<List<GroupMember>> calls = new ArrayList<>();
    private final BiFunction<Map<String, Integer>, List<GroupMember>, GroupAssignment> answer;
    private List<RebalanceProtocol> protocols = List.of(RebalanceProtocol.EAGER);

    public ScriptedAssignor(BiFunction<Map<String, Integer>, List<GroupMember>, GroupAssignment> answer) {
        this.answer = answer;
    }

    /** Deals the sorted partitions out one by one over the members in the order given. */
    public static ScriptedAssignor dealing() {
        return new ScriptedAssignor((topics, members) -> deal(topics, members, Set.of()));
    }

    public static GroupAssignment deal(Map<String, Integer> topics, List<GroupMember> members, Set<TopicPartition> withheld) {
        return deal(topics, members, withheld, members.size());
    }

    /** Deals to the first {@code receivers} members only; the others are in the answer with nothing. */
    public static GroupAssignment deal(Map<String, Integer> topics, List<GroupMember> members, Set<TopicPartition> withheld,
                                int receivers) {
        Map<String, List<TopicPartition>> assignment = new LinkedHashMap<>();
        members.forEach(member -> assignment.put(member.memberId(), new ArrayList<>()));
        int next = 0;
        for (TopicPartition partition : allPartitions(topics)) {
            if (!withheld.contains(partition)) {
                assignment.get(members.get(next++ % receivers).memberId()).add(partition);
            }
        }
        AssignmentStep step = new AssignmentStep(AssignmentStep.Kind.RESULT, "test.result", null, null, Map.of());
        return new GroupAssignment(assignment, withheld, List.of(step));
    }

    public static List<TopicPartition> allPartitions(Map<String, Integer> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        topics.forEach((topic, count) -> {
            for (int p = 0; p < count; p++) {
                partitions.add(new TopicPartition(topic, p));
            }
        });
        partitions.sort(null);
        return partitions;
    }

    /** Claims to support {@code preferredFirst} instead of EAGER only, as Kafka's own assignors declare theirs. */
    public ScriptedAssignor supporting(RebalanceProtocol... preferredFirst) {
        protocols = List.of(preferredFirst);
        return this;
    }

    public List<GroupMember> lastCall() {
        return calls.get(calls.size() - 1);
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public List<RebalanceProtocol> supportedProtocols() {
        return protocols;
    }

    @Override
    public GroupAssignment assign(Map<String, Integer> partitionsPerTopic, List<GroupMember> members,
                                  AssignmentTrace trace) {
        calls.add(List.copyOf(members));
        return answer.apply(partitionsPerTopic, members);
    }
}
