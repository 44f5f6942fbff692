package dev.groupscope.kafka.assignor.sticky;

import dev.groupscope.kafka.assignor.GroupMember;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The members as Kafka's sticky assignors see them: numbered in the order the coordinator listed them, with the
 * two generations Kafka reads and the two {@code HashMap} orders in which it walks them.
 *
 * <p>The leader receives the subscriptions in a {@code HashMap<String, Subscription>} filled in JoinGroup order,
 * and {@code allSubscriptionsEqual} copies the owned partitions into another fresh {@code HashMap}. Which member
 * keeps a partition claimed twice, and which members may keep more than the minimum, depends on those iteration
 * orders, so they are taken from real {@link HashMap}s filled the same way.
 */
final class StickyGroup {

    private final List<GroupMember> members;
    private final String[] ids;
    private final int[] subscriptionOrder;
    private final int[] ownedMapOrder;

    StickyGroup(List<GroupMember> members) {
        this.members = members;
        this.ids = new String[members.size()];
        for (int m = 0; m < ids.length; m++) {
            ids[m] = members.get(m).memberId();
        }
        this.subscriptionOrder = hashMapOrder(ids, identity(ids.length));
        this.ownedMapOrder = hashMapOrder(ids, subscriptionOrder);
    }

    int size() {
        return ids.length;
    }

    GroupMember member(int m) {
        return members.get(m);
    }

    String id(int m) {
        return ids[m];
    }

    List<GroupMember> members() {
        return members;
    }

    /** Kafka's iteration order of the subscriptions map. */
    int[] subscriptionOrder() {
        return subscriptionOrder;
    }

    /** Kafka's iteration order of {@code consumerToOwnedPartitions}, which the constrained path walks. */
    int[] ownedMapOrder() {
        return ownedMapOrder;
    }

    /**
     * The generation of the member's previous assignment as the assignor decodes it (Sticky: from its user data;
     * CooperativeSticky: the subscription's generation id, else its user data), −1 when it reports none. A member
     * that never got an assignment (no generation, nothing owned) sends no user data.
     */
    int claimGeneration(int m) {
        GroupMember member = members.get(m);
        return member.hasGeneration() || !member.ownedPartitions().isEmpty()
                ? member.generation() : GroupMember.NO_GENERATION;
    }

    /** The subscription's generation id, which Kafka compares a rival claim against; −1 when absent. */
    int reportedGeneration(int m) {
        return Math.max(members.get(m).generation(), GroupMember.NO_GENERATION);
    }

    List<String> ids(int[] memberNumbers, int count) {
        String[] chosen = new String[count];
        for (int i = 0; i < count; i++) {
            chosen[i] = ids[memberNumbers[i]];
        }
        return List.of(chosen);
    }

    private static int[] hashMapOrder(String[] ids, int[] insertionOrder) {
        Map<String, Integer> map = new HashMap<>();
        for (int m : insertionOrder) {
            map.put(ids[m], m);
        }
        int[] order = new int[map.size()];
        int i = 0;
        for (int m : map.values()) {
            order[i++] = m;
        }
        return order;
    }

    private static int[] identity(int size) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        return order;
    }
}
