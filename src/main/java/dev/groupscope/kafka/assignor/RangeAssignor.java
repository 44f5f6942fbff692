package dev.groupscope.kafka.assignor;

import static dev.groupscope.kafka.assignor.AssignmentStep.args;

import dev.groupscope.kafka.TopicPartition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kafka's {@code RangeAssignor} ({@code "range"}, EAGER only), with kafka-clients 4.1.1's results for every input.
 *
 * <p>Each topic on its own: its subscribers in Kafka's member order ({@link KafkaMemberOrder}), its partitions in
 * number order; with P partitions and C subscribers everyone gets P / C and the first P % C get one extra. Each
 * subscriber takes the next contiguous run of partitions. Because the remainder always goes to the first
 * subscribers, in every topic, the same members collect every topic's extra partition, and with more members
 * than partitions the last ones get nothing at all.
 *
 * <p>Kafka 4.1's rack-aware pre-pass is not modelled: GroupScope's members declare no rack, and without a
 * consumer rack Kafka skips that pass entirely, so the plain ranges below are its whole answer.
 *
 * <p>The lists come out topic by topic, alphabetically; Kafka's list order follows a {@code HashMap} of topics,
 * so the same partitions may be listed in a different topic order.
 */
public final class RangeAssignor implements PartitionAssignor {

    public static final String NAME = "range";
    private static final String KEYS = "assign.range";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GroupAssignment assign(Map<String, Integer> partitionsPerTopic, List<GroupMember> members,
                                  AssignmentTrace trace) {
        SubscriptionIndex group = SubscriptionIndex.of(members);
        KafkaMemberOrder.trace(KEYS, group.members(), trace);
        List<TopicShare> shares = shares(group, partitionsPerTopic, trace);
        int[] counts = new int[group.memberCount()];
        for (TopicShare share : shares) {
            share.addCounts(counts);
        }
        List<TopicPartition>[] lists = SubscriptionIndex.presizedLists(counts);
        for (TopicShare share : shares) {
            if (trace.enabled()) {
                traceQuota(share, group, trace);
            }
            place(share, lists, group, trace);
        }
        Map<String, List<TopicPartition>> assignment = group.byMemberId(members, lists);
        LegacyAssignor.reportIdle(assignment, trace);
        return new GroupAssignment(assignment, Set.of(), trace.steps());
    }

    /**
     * Every subscribed topic with metadata and its quota. Topics without metadata are dropped first, as Kafka's
     * driver drops them before the assignor runs; a partition count of 0 means no metadata too.
     */
    private static List<TopicShare> shares(SubscriptionIndex group, Map<String, Integer> partitionsPerTopic,
                                           AssignmentTrace trace) {
        List<TopicShare> shares = new ArrayList<>(group.subscribersByTopic().size());
        group.subscribersByTopic().forEach((topic, subscribers) -> {
            Integer partitions = partitionsPerTopic.get(topic);
            if (partitions == null || partitions <= 0) {
                trace.step(AssignmentStep.Kind.SKIP_TOPIC, "assign.skipTopic", null, null, args("topic", topic));
            } else {
                shares.add(new TopicShare(topic, partitions, subscribers));
            }
        });
        return shares;
    }

    /** Hands each subscriber its run of partitions, creating each partition once, straight into its list. */
    private static void place(TopicShare share, List<TopicPartition>[] lists, SubscriptionIndex group,
                              AssignmentTrace trace) {
        int[] subscribers = share.subscribers();
        for (int i = 0, served = share.served(); i < served; i++) {
            List<TopicPartition> list = lists[subscribers[i]];
            int start = share.start(i);
            int end = start + share.countFor(i);
            for (int p = start; p < end; p++) {
                list.add(new TopicPartition(share.topic(), p));
            }
            if (trace.enabled()) {
                traceRange(share, i, list.subList(list.size() - (end - start), list.size()), group, trace);
            }
        }
    }

    private static void traceQuota(TopicShare share, SubscriptionIndex group, AssignmentTrace trace) {
        int[] subscribers = share.subscribers();
        int consumers = subscribers.length;
        String key = share.extra() == 0 ? KEYS + ".quota"
                : share.perConsumer() == 0 ? KEYS + ".quotaShort" : KEYS + ".quotaExtra";
        trace.step(AssignmentStep.Kind.QUOTA, key, null, null, args(
                "topic", share.topic(),
                "partitions", share.partitions(),
                "consumers", consumers,
                "subscribers", group.memberIds(subscribers, 0, consumers),
                "perConsumer", share.perConsumer(),
                "extra", share.extra(),
                "extraMembers", group.memberIds(subscribers, 0, share.extra()),
                "left", consumers - share.served(),
                "idleMembers", group.memberIds(subscribers, share.served(), consumers)));
    }

    private static void traceRange(TopicShare share, int index, List<TopicPartition> taken,
                                   SubscriptionIndex group, AssignmentTrace trace) {
        TopicPartition first = taken.get(0);
        TopicPartition last = taken.get(taken.size() - 1);
        String range = first.equals(last) ? first.toString() : first + ".." + last;
        boolean extra = index < share.extra();
        String member = group.memberId(share.subscribers()[index]);
        trace.step(AssignmentStep.Kind.PLACE, extra ? KEYS + ".takeExtra" : KEYS + ".take",
                member, null, args(
                        "topic", share.topic(),
                        "range", range,
                        "partitions", List.copyOf(taken),
                        "count", taken.size(),
                        "perConsumer", share.perConsumer(),
                        "extra", share.extra(),
                        "position", index + 1));
    }

    /**
     * One topic's split: P partitions over C subscribers (positions in member order), P / C each, and one more
     * for the first P % C.
     */
    private record TopicShare(String topic, int partitions, int[] subscribers, int perConsumer, int extra) {

        TopicShare(String topic, int partitions, int[] subscribers) {
            this(topic, partitions, subscribers, partitions / subscribers.length, partitions % subscribers.length);
        }

        int countFor(int index) {
            return perConsumer + (index < extra ? 1 : 0);
        }

        /** The first partition of the index-th subscriber's run: the runs before it, extras included. */
        int start(int index) {
            return perConsumer * index + Math.min(index, extra);
        }

        /** How many subscribers get anything: all of them, unless there are fewer partitions than subscribers. */
        int served() {
            return perConsumer == 0 ? extra : subscribers.length;
        }

        void addCounts(int[] counts) {
            for (int i = 0, served = served(); i < served; i++) {
                counts[subscribers[i]] += countFor(i);
            }
        }
    }
}
