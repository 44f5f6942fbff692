package dev.groupscope.kafka.assignor;

import static dev.groupscope.kafka.assignor.AssignmentStep.args;

import dev.groupscope.kafka.TopicPartition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The rebalance algorithm as the second source note describes it — not one of Kafka 4.1's assignors, nor quite the
 * old ZooKeeper-based consumer's, whose code gave the remainder to the first consumers as RangeAssignor does. Per
 * topic: sort the partitions (PT) and the subscribed consumers (CG), let N = ceil(size(PT) / size(CG)), and give
 * consumer i the partitions iN … (i+1)N − 1.
 *
 * <p>Because N rounds up, the last consumers can get fewer partitions or none at all even when there are enough
 * partitions to go round (4 partitions, 3 consumers: 2, 2, 0); Kafka's RangeAssignor spreads the remainder
 * instead (2, 1, 1). The lab shows both side by side for that reason. Previous ownership plays no part: every
 * consumer gives up everything and the ranges are recomputed from scratch.
 */
public final class LegacyAssignor implements PartitionAssignor {

    public static final String NAME = "legacy";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GroupAssignment assign(Map<String, Integer> partitionsPerTopic, List<GroupMember> members,
                                  AssignmentTrace trace) {
        Map<String, List<TopicPartition>> assignment = new LinkedHashMap<>();
        for (GroupMember member : members) {
            assignment.put(member.memberId(), new ArrayList<>());
        }
        for (String topic : subscribedTopics(members)) {
            Integer partitionCount = partitionsPerTopic.get(topic);
            if (partitionCount == null) {
                trace.step(AssignmentStep.Kind.SKIP_TOPIC, "assign.skipTopic", null, null, args("topic", topic));
                continue;
            }
            assignTopic(topic, partitionCount, consumersOf(topic, members), assignment, trace);
        }
        reportIdle(assignment, trace);
        return new GroupAssignment(assignment, java.util.Set.of(), trace.steps());
    }

    private static void assignTopic(String topic, int partitionCount, List<String> consumers,
                                    Map<String, List<TopicPartition>> assignment, AssignmentTrace trace) {
        trace.step(AssignmentStep.Kind.SORT_MEMBERS, "assign.legacy.sortConsumers", null, null,
                args("topic", topic, "consumers", consumers));
        int perConsumer = ceilDiv(partitionCount, consumers.size());
        trace.step(AssignmentStep.Kind.QUOTA, "assign.legacy.quota", null, null,
                args("topic", topic, "partitions", partitionCount, "consumers", consumers.size(), "n", perConsumer));
        for (int i = 0; i < consumers.size(); i++) {
            String consumer = consumers.get(i);
            int first = i * perConsumer;
            int last = Math.min((i + 1) * perConsumer, partitionCount) - 1;
            for (int p = first; p <= last; p++) {
                TopicPartition partition = new TopicPartition(topic, p);
                assignment.get(consumer).add(partition);
                if (trace.enabled()) {
                    trace.step(AssignmentStep.Kind.PLACE, "assign.legacy.place", consumer, partition,
                            args("index", i, "n", perConsumer,
                                    "first", first, "last", (i + 1) * perConsumer - 1));
                }
            }
        }
    }

    /** Subscribers of a topic sorted by member id, as the old consumer sorted its consumer ids. */
    private static List<String> consumersOf(String topic, List<GroupMember> members) {
        return members.stream()
                .filter(member -> member.topics().contains(topic))
                .map(GroupMember::memberId)
                .sorted()
                .toList();
    }

    private static TreeSet<String> subscribedTopics(List<GroupMember> members) {
        TreeSet<String> topics = new TreeSet<>();
        members.forEach(member -> topics.addAll(member.topics()));
        return topics;
    }

    static void reportIdle(Map<String, List<TopicPartition>> assignment, AssignmentTrace trace) {
        if (!trace.enabled()) {
            return;
        }
        assignment.forEach((member, partitions) -> {
            if (partitions.isEmpty()) {
                trace.step(AssignmentStep.Kind.IDLE, "assign.idle", member, null, args());
            }
        });
    }

    private static int ceilDiv(int dividend, int divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
