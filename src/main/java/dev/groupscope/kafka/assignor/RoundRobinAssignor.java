package dev.groupscope.kafka.assignor;

import static dev.groupscope.kafka.assignor.AssignmentStep.args;

import dev.groupscope.kafka.TopicPartition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kafka's {@code RoundRobinAssignor} ({@code "roundrobin"}, EAGER only), with kafka-clients 4.1.1's results for
 * every input.
 *
 * <p>Kafka lays out every partition of every subscribed topic (topics alphabetically, partitions by number) and
 * deals them one by one around the circle of members in its member order ({@link KafkaMemberOrder}): a cursor
 * points at the next member; a member that does not subscribe to the partition's topic is skipped; the member
 * that takes a partition moves the cursor past itself. Identical subscriptions deal evenly; different ones can
 * leave the deal uneven, because skips favour whoever comes next.
 *
 * <p>Kafka finds the next subscriber by asking member after member. Here the deal of a whole topic is computed:
 * its subscribers, in member order, take its partitions in turn starting from the first subscriber at or after the
 * cursor, and the cursor ends just past the last taker. That is the same walk without the per-partition subscription
 * scans, and it lets every member's list be sized before it is filled. Rack-awareness does not apply: Kafka's
 * RoundRobin ignores racks.
 */
public final class RoundRobinAssignor implements PartitionAssignor {

    public static final String NAME = "roundrobin";
    private static final String KEYS = "assign.roundrobin";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GroupAssignment assign(Map<String, Integer> partitionsPerTopic, List<GroupMember> members,
                                  AssignmentTrace trace) {
        if (members.isEmpty()) {
            // Kafka's circular iterator refuses an empty circle; a real group always holds at least its leader.
            return new GroupAssignment(new LinkedHashMap<>(), Set.of(), trace.steps());
        }
        SubscriptionIndex group = SubscriptionIndex.of(members);
        KafkaMemberOrder.trace(KEYS, group.members(), trace);
        List<TopicDeal> deals = plan(group, partitionsPerTopic, trace);
        if (trace.enabled()) {
            traceLayout(deals, group, trace);
        }
        int[] counts = new int[group.memberCount()];
        for (TopicDeal deal : deals) {
            deal.addCounts(counts);
        }
        List<TopicPartition>[] lists = SubscriptionIndex.presizedLists(counts);
        for (TopicDeal deal : deals) {
            deal(deal, lists);
            if (trace.enabled()) {
                traceDeal(deal, group, trace);
            }
        }
        Map<String, List<TopicPartition>> assignment = group.byMemberId(members, lists);
        LegacyAssignor.reportIdle(assignment, trace);
        return new GroupAssignment(assignment, Set.of(), trace.steps());
    }

    /**
     * Follows the cursor topic by topic, without placing anything: where each topic's deal starts, and where the
     * cursor stands after it. Topics without metadata (or with 0 partitions) are left out, as Kafka's driver does.
     */
    private static List<TopicDeal> plan(SubscriptionIndex group, Map<String, Integer> partitionsPerTopic,
                                        AssignmentTrace trace) {
        List<TopicDeal> deals = new ArrayList<>(group.subscribersByTopic().size());
        int cursor = 0;
        for (Map.Entry<String, int[]> entry : group.subscribersByTopic().entrySet()) {
            Integer partitions = partitionsPerTopic.get(entry.getKey());
            if (partitions == null || partitions <= 0) {
                trace.step(AssignmentStep.Kind.SKIP_TOPIC, "assign.skipTopic", null, null,
                        args("topic", entry.getKey()));
                continue;
            }
            TopicDeal deal = new TopicDeal(entry.getKey(), partitions, entry.getValue(),
                    firstAtOrAfter(entry.getValue(), cursor), cursor);
            deals.add(deal);
            cursor = (deal.lastTaker() + 1) % group.memberCount();
        }
        return deals;
    }

    /** Index of the first subscriber at or after the cursor, going round to the first one if none is. */
    private static int firstAtOrAfter(int[] subscribers, int cursor) {
        int found = Arrays.binarySearch(subscribers, cursor);
        int index = found >= 0 ? found : -found - 1;
        return index == subscribers.length ? 0 : index;
    }

    /**
     * Gives the topic's partitions to its subscribers in turn, creating each partition once. The subscriber
     * {@code offset} turns after the first takes partitions offset, offset + S, offset + 2S, … (S subscribers), so
     * each member's list is filled in one go, in ascending order, instead of hopping between 2,000 lists once per
     * partition.
     */
    private static void deal(TopicDeal deal, List<TopicPartition>[] lists) {
        int[] subscribers = deal.subscribers();
        int size = subscribers.length;
        for (int offset = 0; offset < size && offset < deal.partitions(); offset++) {
            List<TopicPartition> list = lists[deal.takerAt(offset)];
            for (int p = offset; p < deal.partitions(); p += size) {
                list.add(new TopicPartition(deal.topic(), p));
            }
        }
    }

    /** Tells the deal partition by partition, as Kafka's cursor walks it. */
    private static void traceDeal(TopicDeal deal, SubscriptionIndex group, AssignmentTrace trace) {
        int cursor = deal.cursor();
        for (int p = 0; p < deal.partitions(); p++) {
            int taker = deal.takerAt(p);
            tracePlacement(new TopicPartition(deal.topic(), p), cursor, taker, group, trace);
            cursor = (taker + 1) % group.memberCount();
        }
    }

    private static void traceLayout(List<TopicDeal> deals, SubscriptionIndex group, AssignmentTrace trace) {
        List<String> topics = new ArrayList<>(deals.size());
        long total = 0;
        for (TopicDeal deal : deals) {
            topics.add(deal.topic());
            total += deal.partitions();
        }
        trace.step(AssignmentStep.Kind.SORT_PARTITIONS, KEYS + ".layout", null, null,
                args("topics", topics, "count", total, "first", group.memberId(0)));
        if (total == 0) {
            return;
        }
        if (!sameSubscriptions(group.members())) {
            trace.step(AssignmentStep.Kind.BRANCH, KEYS + ".uneven", null, null, args());
            return;
        }
        long min = total / group.memberCount();
        long max = min + (total % group.memberCount() == 0 ? 0 : 1);
        trace.step(AssignmentStep.Kind.QUOTA, min == max ? KEYS + ".evenExact" : KEYS + ".even", null, null,
                args("count", total, "members", group.memberCount(), "min", min, "max", max));
    }

    private static boolean sameSubscriptions(GroupMember[] members) {
        Set<String> first = new HashSet<>(members[0].topics());
        for (GroupMember member : members) {
            if (!first.equals(new HashSet<>(member.topics()))) {
                return false;
            }
        }
        return true;
    }

    /** The cursor's walk for one partition: the members it skips, the one that takes it, where it stops next. */
    private static void tracePlacement(TopicPartition partition, int cursor, int taker, SubscriptionIndex group,
                                       AssignmentTrace trace) {
        List<String> skipped = new ArrayList<>();
        for (int at = cursor; at != taker; at = (at + 1) % group.memberCount()) {
            skipped.add(group.memberId(at));
        }
        String key = skipped.isEmpty() ? KEYS + ".place" : KEYS + ".placeAfterSkip";
        String member = group.memberId(taker);
        trace.step(AssignmentStep.Kind.PLACE, key, member, partition, args(
                "topic", partition.topic(),
                "skipped", skipped,
                "next", group.memberId((taker + 1) % group.memberCount())));
    }

    /**
     * One topic's deal: its partitions go to its subscribers (positions in member order) in turn, starting with
     * subscriber {@code first}, the first at or after {@code cursor}.
     */
    private record TopicDeal(String topic, int partitions, int[] subscribers, int first, int cursor) {

        /** Position of the member that takes the topic's partition number {@code partition}. */
        int takerAt(int partition) {
            return subscribers[(first + partition % subscribers.length) % subscribers.length];
        }

        /** Position of the member that takes the topic's last partition. */
        int lastTaker() {
            return takerAt(partitions - 1);
        }

        /** Everyone gets P / S; the remaining P % S go to the subscribers from {@code first} on, going round. */
        void addCounts(int[] counts) {
            int size = subscribers.length;
            int each = partitions / size;
            if (each > 0) {
                for (int subscriber : subscribers) {
                    counts[subscriber] += each;
                }
            }
            for (int i = 0, rest = partitions % size; i < rest; i++) {
                counts[subscribers[(first + i) % size]]++;
            }
        }
    }
}
