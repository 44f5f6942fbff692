package dev.groupscope.kafka.assignor;

import static dev.groupscope.kafka.assignor.AssignmentStep.args;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which Kafka's Range and RoundRobin assignors walk the members (its {@code MemberInfo} order): static
 * members first, by {@code group.instance.id}, then dynamic members by member id.
 *
 * <p>Why static members first: a static member keeps its instance id across restarts, while a dynamic member is
 * handed a new member id every time it rejoins. Sorting by instance id gives static members the same place in the
 * order after a rolling bounce, and since Range and RoundRobin deal partitions by place, the same partitions.
 */
final class KafkaMemberOrder {

    static final Comparator<GroupMember> ORDER = KafkaMemberOrder::compare;

    private KafkaMemberOrder() {
    }

    /**
     * The members in Kafka's order. Kafka collects them from a {@link HashMap} keyed by member id (filled in
     * JoinGroup order) and sorts that stably, so ties keep the map's iteration order. A tie needs two static
     * members sharing an instance id, which the coordinator never allows; we reproduce the map anyway, because it
     * costs a few thousand puts and makes the answer Kafka's for every input.
     */
    static GroupMember[] sort(List<GroupMember> members) {
        Map<String, GroupMember> byId = new HashMap<>();
        for (GroupMember member : members) {
            byId.put(member.memberId(), member);
        }
        GroupMember[] sorted = byId.values().toArray(new GroupMember[0]);
        Arrays.sort(sorted, ORDER); // TimSort: stable, like Kafka's Collections.sort
        return sorted;
    }

    /**
     * Records the order as one step, under {@code prefix + ".sortMembers"} or, when some member is static (and the
     * reason for static-first is worth telling), {@code prefix + ".sortMembersStatic"}. Static members are listed
     * as {@code member (instance id)}.
     */
    static void trace(String prefix, GroupMember[] sorted, AssignmentTrace trace) {
        if (!trace.enabled()) {
            return;
        }
        List<String> labels = new ArrayList<>(sorted.length);
        int staticCount = 0;
        for (GroupMember member : sorted) {
            if (member.isStatic()) {
                staticCount++;
                labels.add(member.memberId() + " (" + member.groupInstanceId().get() + ")");
            } else {
                labels.add(member.memberId());
            }
        }
        String key = staticCount == 0 ? prefix + ".sortMembers" : prefix + ".sortMembersStatic";
        trace.step(AssignmentStep.Kind.SORT_MEMBERS, key, null, null,
                args("members", labels, "staticCount", staticCount, "count", sorted.length));
    }

    private static int compare(GroupMember a, GroupMember b) {
        if (a.isStatic() && b.isStatic()) {
            return a.groupInstanceId().get().compareTo(b.groupInstanceId().get());
        }
        if (a.isStatic() != b.isStatic()) {
            return a.isStatic() ? -1 : 1;
        }
        return a.memberId().compareTo(b.memberId());
    }
}
