package dev.groupscope.sim.client;

import static dev.groupscope.sim.client.ClientEvents.fields;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.AssignmentStep;
import dev.groupscope.kafka.assignor.AssignmentTrace;
import dev.groupscope.kafka.assignor.GroupAssignment;
import dev.groupscope.kafka.assignor.GroupMember;
import dev.groupscope.kafka.assignor.PartitionAssignor;
import dev.groupscope.sim.client.ConsumerActor.Step;
import dev.groupscope.sim.protocol.Responses.JoinGroupMember;
import dev.groupscope.sim.protocol.Responses.JoinGroupResponse;
import dev.groupscope.sim.protocol.Subscription;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The group leader's work ({@code ConsumerCoordinator.onLeaderElected}): build the members from the JoinGroup
 * response, run the assignor the coordinator chose with the cluster's partition counts, and record the run.
 */
final class LeaderAssignment {

    private LeaderAssignment() {
    }

    static Map<String, List<TopicPartition>> run(Step step, JoinGroupResponse response) {
        String protocolName = response.protocolName();
        PartitionAssignor assignor = step.behavior().assignors().byName(protocolName)
                .orElseThrow(() -> new IllegalStateException("Coordinator selected invalid assignment protocol: "
                        + protocolName));
        List<GroupMember> members = new ArrayList<>();
        TreeSet<String> subscribed = new TreeSet<>();
        for (JoinGroupMember member : response.members()) {
            members.add(member(protocolName, member));
            subscribed.addAll(member.metadata().topics());
        }
        AssignmentTrace trace = AssignmentTrace.recording();
        Map<String, Integer> counts = partitionsPerTopic(step, subscribed);
        step.group().assignmentSnapshot = snapshot(step, subscribed);
        GroupAssignment result = assignor.assign(counts, members, trace);
        Map<String, List<TopicPartition>> assignments = new TreeMap<>();
        members.forEach(member -> assignments.put(member.memberId(), result.sortedPartitionsOf(member.memberId())));
        emit(step, protocolName, members, assignments, result);
        return assignments;
    }

    /**
     * {@code onLeaderElected} → {@code updateGroupSubscription}: the leader watches the group's topics (asking at
     * once for those beyond its own subscription) and makes sure its metadata is fresh before assigning
     * ({@code ensureFreshMetadata}). False while it waits for that Metadata answer.
     */
    static boolean metadataReady(Step step, JoinGroupResponse response) {
        TreeSet<String> subscribed = new TreeSet<>();
        response.members().forEach(member -> subscribed.addAll(member.metadata().topics()));
        if (step.subscription().groupSubscribe(subscribed)) {
            step.metadata().requestUpdateForNewTopics("newTopics");
        }
        return step.metadata().ensureFresh(step);
    }

    /**
     * A member as the assignor sees it. Sticky reads its user data (the previous assignment and its generation);
     * cooperative-sticky reads the owned partitions and the generation of the subscription; range and roundrobin
     * only use the instance id.
     */
    private static GroupMember member(String protocolName, JoinGroupMember member) {
        Subscription subscription = member.metadata();
        List<TopicPartition> owned = protocolName.equals("sticky") ? subscription.previousAssignment()
                : subscription.ownedPartitions();
        return new GroupMember(member.memberId(), Optional.ofNullable(member.groupInstanceId()),
                subscription.topics(), owned, subscription.generationId());
    }

    /**
     * What the leader remembers of the metadata it assigned with: every subscribed topic's partition count in its
     * cached metadata, -1 for a topic without metadata, so that its creation is noticed too.
     */
    static Map<String, Integer> snapshot(Step step, Collection<String> topics) {
        Map<String, Integer> existing = step.metadata().partitionCounts();
        Map<String, Integer> snapshot = new TreeMap<>();
        topics.forEach(topic -> snapshot.put(topic, existing.getOrDefault(topic, -1)));
        return java.util.Collections.unmodifiableMap(snapshot);
    }

    /**
     * Partition counts of the subscribed topics in the leader's cached metadata; a missing topic is skipped, as Kafka
     * skips it.
     */
    static Map<String, Integer> partitionsPerTopic(Step step, Collection<String> topics) {
        Map<String, Integer> existing = step.metadata().partitionCounts();
        Map<String, Integer> counts = new TreeMap<>();
        for (String topic : topics) {
            if (existing.containsKey(topic)) {
                counts.put(topic, existing.get(topic));
            }
        }
        return counts;
    }

    private static void emit(Step step, String protocolName, List<GroupMember> members,
                             Map<String, List<TopicPartition>> assignments, GroupAssignment result) {
        Map<String, Object> byMember = new LinkedHashMap<>();
        assignments.forEach((member, partitions) -> byMember.put(member, ClientEvents.partitions(partitions)));
        List<Object> steps = new ArrayList<>();
        for (AssignmentStep assignmentStep : result.steps()) {
            steps.add(fields("kind", assignmentStep.kind().name(), "messageKey", assignmentStep.messageKey(),
                    "member", assignmentStep.member(), "partition",
                    assignmentStep.partition() == null ? null : assignmentStep.partition().toString(),
                    "args", jsonFriendly(assignmentStep.args())));
        }
        step.client("AssignorRun", fields("assignor", protocolName, "generation",
                        step.group().generation.generationId(),
                        "members", members.stream().map(GroupMember::memberId).toList(),
                        "assignment", byMember, "withheld", ClientEvents.partitions(result.withheld()),
                        "steps", steps),
                "sim.client.assignorRun", Map.of("assignor", protocolName, "members", members.size()));
    }

    /** Strings, numbers and booleans stay; partitions become {@code topic-partition}; collections are converted. */
    static Object jsonFriendly(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value == null ? "" : value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new TreeMap<>();
            map.forEach((key, item) -> converted.put(String.valueOf(key), jsonFriendly(item)));
            return converted;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> converted = new ArrayList<>();
            collection.forEach(item -> converted.add(jsonFriendly(item)));
            return converted;
        }
        return value.toString();
    }
}
