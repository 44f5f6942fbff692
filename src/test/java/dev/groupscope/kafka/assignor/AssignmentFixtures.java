package dev.groupscope.kafka.assignor;

import dev.groupscope.i18n.Messages;
import dev.groupscope.kafka.TopicPartition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Short ways to write groups and read assignments in example-based assignor tests. */
final class AssignmentFixtures {

    private AssignmentFixtures() {
    }

    static GroupMember dynamic(String memberId, String... topics) {
        return GroupMember.of(memberId, List.of(topics));
    }

    static GroupMember staticMember(String memberId, String instanceId, String... topics) {
        return new GroupMember(memberId, Optional.of(instanceId), List.of(topics), List.of(),
                GroupMember.NO_GENERATION);
    }

    /** Members {@code C0 … C(count−1)}, all subscribed to {@code topics}. */
    static List<GroupMember> consumers(int count, String... topics) {
        List<GroupMember> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(dynamic("C" + i, topics));
        }
        return members;
    }

    /** Each member's partitions as {@code t0-1} strings, sorted by topic then partition. */
    static Map<String, List<String>> readable(GroupAssignment assignment) {
        Map<String, List<String>> readable = new LinkedHashMap<>();
        assignment.assignment().keySet().forEach(member -> readable.put(member,
                assignment.sortedPartitionsOf(member).stream().map(TopicPartition::toString).toList()));
        return readable;
    }

    /** Kafka's answer in the same form as {@link #readable}. */
    static Map<String, List<String>> kafka(String strategy, Map<String, Integer> topics, List<GroupMember> members) {
        Map<String, List<String>> readable = new LinkedHashMap<>();
        KafkaAssignorOracle.assignAsSets(strategy, topics, members).forEach((member, partitions) ->
                readable.put(member, partitions.stream().map(TopicPartition::toString).toList()));
        return readable;
    }

    /** Our answer as sets per member, the form {@link KafkaAssignorOracle#assignAsSets} returns. */
    static Map<String, Set<TopicPartition>> asSets(GroupAssignment assignment) {
        Map<String, Set<TopicPartition>> sets = new LinkedHashMap<>();
        assignment.assignment().forEach((member, partitions) -> sets.put(member, new TreeSet<>(partitions)));
        return sets;
    }

    /** The same group after a round: every member owns what it was given, in {@code generation}. */
    static List<GroupMember> owning(List<GroupMember> members, GroupAssignment previous, int generation) {
        List<GroupMember> next = new ArrayList<>();
        for (GroupMember member : members) {
            next.add(new GroupMember(member.memberId(), member.groupInstanceId(), member.topics(),
                    previous.assignment().get(member.memberId()), generation));
        }
        return next;
    }

    /** The English sentences of the steps recorded under {@code key}, in order. */
    static List<String> english(List<AssignmentStep> steps, String key) {
        Messages messages = Messages.english();
        return steps.stream().filter(step -> step.messageKey().equals(key))
                .map(step -> messages.format(step.messageKey(), step.textArgs())).toList();
    }
}
