package dev.groupscope.kafka.assignor.sticky;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.AssignmentStep.Kind;
import dev.groupscope.kafka.assignor.AssignmentTrace;
import dev.groupscope.kafka.assignor.GroupAssignment;
import dev.groupscope.kafka.assignor.GroupMember;
import dev.groupscope.kafka.assignor.PartitionAssignor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What Kafka's {@code StickyAssignor} and {@code CooperativeStickyAssignor} share ({@code AbstractStickyAssignor}
 * in kafka-clients 4.1.1): resolve the previous owners, then take the constrained path when all members subscribe
 * to the same topics, else the general path.
 *
 * <p>Like Kafka's, an instance remembers the highest generation it has seen (it only matters on the general
 * path), so use a fresh instance per group, as {@code Assignors.byName} hands out. Rack-aware assignment is out
 * of scope: GroupScope's members have no rack, and Kafka then skips every rack-aware step.
 */
public abstract class AbstractStickyAssignor implements PartitionAssignor {

    private int maxGeneration = GroupMember.NO_GENERATION;

    @Override
    public final GroupAssignment assign(Map<String, Integer> partitionsPerTopic, List<GroupMember> members,
                                        AssignmentTrace trace) {
        StickyNarrator narrator = new StickyNarrator(trace);
        if (members.isEmpty()) {
            return new GroupAssignment(Map.of(), Set.of(), trace.steps());
        }
        narrator.previousAssignmentSource(previousAssignmentKey());
        StickyGroup group = new StickyGroup(members);
        SubscriptionCheck subscriptions = SubscriptionCheck.of(group);
        PartitionIndex index = PartitionIndex.of(subscriptions.subscribedTopics(), partitionsPerTopic);
        narrateSetting(group, subscriptions, partitionsPerTopic, narrator);
        PreviousOwnership previous = PreviousOwnership.resolve(group, index, narrator);
        maxGeneration = Math.max(maxGeneration, previous.maxGeneration());
        StickyOutcome outcome = subscriptions.allEqual()
                ? constrained(group, index, previous, subscriptions, narrator)
                : general(group, index, previous, subscriptions, narrator);
        return result(group, index, outcome, narrator);
    }

    /** The message key that says where this assignor reads the previous assignment from. */
    protected abstract String previousAssignmentKey();

    /** Whether partitions still owned by someone else are held back from their new owner (cooperative). */
    protected abstract boolean withholdsTransfers();

    private StickyOutcome constrained(StickyGroup group, PartitionIndex index, PreviousOwnership previous,
                                      SubscriptionCheck subscriptions, StickyNarrator narrator) {
        if (narrator.on()) {
            narrator.constrainedPath(sortedTopics(subscriptions.subscribedTopics()));
        }
        return new ConstrainedAssignment(group, index, previous, narrator, withholdsTransfers()).build();
    }

    private StickyOutcome general(StickyGroup group, PartitionIndex index, PreviousOwnership previous,
                                  SubscriptionCheck subscriptions, StickyNarrator narrator) {
        if (narrator.on()) {
            GroupMember different = group.member(subscriptions.firstDifferent());
            GroupMember reference = group.member(subscriptions.reference());
            narrator.generalPath(different.memberId(), different.topics(), reference.memberId(), reference.topics());
        }
        int[] owner = new GeneralAssignment(group, index, previous, maxGeneration, narrator).build();
        return new GeneralOutcome(group, index, owner, narrator).build(withholdsTransfers());
    }

    private GroupAssignment result(StickyGroup group, PartitionIndex index, StickyOutcome outcome,
                                   StickyNarrator narrator) {
        Set<TopicPartition> withheld = new LinkedHashSet<>();
        if (outcome.transfersWithheld()) {
            for (int i = 0; i < outcome.transferCount(); i++) {
                TopicPartition partition = index.partition(outcome.transferredPartition(i));
                withheld.add(partition);
                if (narrator.on()) {
                    String newOwner = group.id(outcome.transferredTo(i));
                    narrator.withheld(newOwner, partition, previousClaimants(group, partition));
                }
            }
            if (narrator.on() && withheld.isEmpty()) {
                narrateNothingWithheld(group, outcome, narrator);
            }
        }
        Map<String, List<TopicPartition>> assignment = new LinkedHashMap<>();
        for (int m = 0; m < group.size(); m++) {
            List<TopicPartition> partitions = outcome.partitionsOf(m);
            assignment.put(group.id(m), partitions);
            narrator.result(group.id(m), partitions);
        }
        return new GroupAssignment(assignment, withheld, narrator.steps());
    }

    /**
     * No transfer: the rebalance is complete unless a member loses a partition all the same (a deleted topic's, or a
     * claim lost to a member of a newer generation, which keeps it). kafka-clients' onJoinComplete revokes what it
     * owned and was not assigned, and then rejoins.
     */
    private static void narrateNothingWithheld(StickyGroup group, StickyOutcome outcome, StickyNarrator narrator) {
        List<String> lost = new ArrayList<>();
        for (int m = 0; m < group.size(); m++) {
            Set<TopicPartition> revoked = new TreeSet<>(group.member(m).ownedPartitions());
            outcome.partitionsOf(m).forEach(revoked::remove);
            for (TopicPartition partition : revoked) {
                lost.add(partition + " (" + group.id(m) + ")");
            }
        }
        if (lost.isEmpty()) {
            narrator.step(Kind.BRANCH, "assign.cooperative.nothingWithheld", null, null, Map.of());
        } else {
            narrator.step(Kind.BRANCH, "assign.cooperative.nothingWithheld.revokes", null, null,
                    Map.of("lost", lost));
        }
    }

    /** Members that listed the partition as theirs: they must revoke it before anyone else may have it. */
    private static List<String> previousClaimants(StickyGroup group, TopicPartition partition) {
        List<String> owners = new ArrayList<>();
        for (GroupMember member : group.members()) {
            if (member.ownedPartitions().contains(partition)) {
                owners.add(member.memberId());
            }
        }
        return owners;
    }

    private static void narrateSetting(StickyGroup group, SubscriptionCheck subscriptions,
                                       Map<String, Integer> partitionsPerTopic, StickyNarrator narrator) {
        if (!narrator.on()) {
            return;
        }
        for (String topic : sortedTopics(subscriptions.subscribedTopics())) {
            Integer count = partitionsPerTopic.get(topic);
            if (count == null || count <= 0) {
                narrator.skippedTopic(topic);
            }
        }
        narrator.memberOrder(group.ids(group.subscriptionOrder(), group.size()));
    }

    private static List<String> sortedTopics(Collection<String> topics) {
        return topics.stream().sorted().toList();
    }
}
