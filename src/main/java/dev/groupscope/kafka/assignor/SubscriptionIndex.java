package dev.groupscope.kafka.assignor;

import dev.groupscope.kafka.TopicPartition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The group as Range and RoundRobin walk it: the members in Kafka's order ({@link KafkaMemberOrder}), numbered by
 * position, and every subscribed topic, alphabetically, with the ascending positions of its subscribers.
 *
 * <p>Built once in O(total subscriptions). Kafka instead asks each member's topic <em>list</em> whether it holds
 * the topic, once per partition in RoundRobin: O(partitions × topics) for 1000 topics. Because every topic's
 * subscribers are listed in the one member order, "the subscribers of t, sorted" is simply this array.
 */
final class SubscriptionIndex {

    private final GroupMember[] members;
    private final SortedMap<String, int[]> subscribersByTopic;

    private SubscriptionIndex(GroupMember[] members, SortedMap<String, int[]> subscribersByTopic) {
        this.members = members;
        this.subscribersByTopic = subscribersByTopic;
    }

    static SubscriptionIndex of(List<GroupMember> members) {
        GroupMember[] sorted = KafkaMemberOrder.sort(members);
        Map<String, Positions> byTopic = new HashMap<>();
        for (int position = 0; position < sorted.length; position++) {
            for (String topic : sorted[position].topics()) {
                byTopic.computeIfAbsent(topic, t -> new Positions()).addOnce(position);
            }
        }
        SortedMap<String, int[]> subscribers = new TreeMap<>();
        byTopic.forEach((topic, positions) -> subscribers.put(topic, positions.toArray()));
        return new SubscriptionIndex(sorted, subscribers);
    }

    /** Members in Kafka's order; a position in the subscriber arrays indexes this. */
    GroupMember[] members() {
        return members;
    }

    int memberCount() {
        return members.length;
    }

    String memberId(int position) {
        return members[position].memberId();
    }

    /** Every topic some member subscribes to, alphabetically, with its subscribers' positions, ascending. */
    SortedMap<String, int[]> subscribersByTopic() {
        return subscribersByTopic;
    }

    /** Member ids at the given positions, for traces. */
    List<String> memberIds(int[] positions, int from, int to) {
        List<String> ids = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            ids.add(memberId(positions[i]));
        }
        return ids;
    }

    /** An empty list per member, each sized for exactly the partitions it will get, so none ever grows. */
    static List<TopicPartition>[] presizedLists(int[] counts) {
        @SuppressWarnings({"unchecked", "rawtypes"}) // Java has no generic array creation
        List<TopicPartition>[] lists = new List[counts.length];
        for (int i = 0; i < counts.length; i++) {
            lists[i] = new ArrayList<>(counts[i]);
        }
        return lists;
    }

    /** The result keyed by member id in the order the members were given (JoinGroup order), every member present. */
    Map<String, List<TopicPartition>> byMemberId(List<GroupMember> given, List<TopicPartition>[] lists) {
        Map<String, List<TopicPartition>> byId = new HashMap<>();
        for (int position = 0; position < members.length; position++) {
            byId.put(memberId(position), lists[position]);
        }
        Map<String, List<TopicPartition>> result = new LinkedHashMap<>();
        for (GroupMember member : given) {
            result.put(member.memberId(), byId.get(member.memberId()));
        }
        return result;
    }

    /** A growing list of member positions, each added once (a member may list a topic twice). */
    private static final class Positions {
        private int[] values = new int[4];
        private int size;

        void addOnce(int position) {
            if (size > 0 && values[size - 1] == position) {
                return; // positions arrive ascending, so a repeat is always the last one
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = position;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
