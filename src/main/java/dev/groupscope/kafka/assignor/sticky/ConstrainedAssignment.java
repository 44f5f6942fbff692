package dev.groupscope.kafka.assignor.sticky;

import static dev.groupscope.kafka.assignor.AssignmentStep.args;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.AssignmentStep.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Kafka's constrained path ({@code ConstrainedAssignmentBuilder}), taken when every member subscribes to the same
 * topics. With P partitions and N members each member gets ⌊P/N⌋ (the minimum) or ⌈P/N⌉ (the maximum), and
 * exactly P mod N members get the maximum.
 *
 * <ol>
 *   <li>Members keep owned partitions up to their quota, walked in Kafka's {@code HashMap} order, lowest
 *       partition numbers first: that order decides who may keep the maximum.</li>
 *   <li>The rest, by topic then partition, go round robin to the members below the minimum (sorted by id), then
 *       one each to the members at the minimum that may take one more.</li>
 * </ol>
 * A partition placed on a new member while its previous owner gave it up (or two members claimed it) is
 * transferring ownership; CooperativeSticky leaves it out this round. Rack-aware placement is out of scope:
 * GroupScope's members have no racks, and without racks Kafka skips it too.
 */
final class ConstrainedAssignment {

    private final StickyGroup group;
    private final PartitionIndex index;
    private final PreviousOwnership previous;
    private final StickyNarrator narrator;
    private final boolean withholdTransfers;

    private final int minQuota;
    private final int maxQuota;
    private final int expectedOverMin;
    private int currentOverMin;

    private final int[] counts;
    private final List<List<TopicPartition>> lists;
    private final boolean[] kept;
    private boolean[] givenUp;
    private int[] slotOf;
    private final UnfilledMembers unfilled;
    private final IntList transferred = new IntList(16);
    private final IntList transferredTo = new IntList(16);

    ConstrainedAssignment(StickyGroup group, PartitionIndex index, PreviousOwnership previous,
                          StickyNarrator narrator, boolean withholdTransfers) {
        this.group = group;
        this.index = index;
        this.previous = previous;
        this.narrator = narrator;
        this.withholdTransfers = withholdTransfers;
        int members = group.size();
        int partitions = index.size();
        this.minQuota = partitions / members;
        this.maxQuota = (partitions + members - 1) / members;
        this.expectedOverMin = partitions % members;
        this.counts = new int[members];
        this.lists = new ArrayList<>(members);
        for (int m = 0; m < members; m++) {
            lists.add(new ArrayList<>(maxQuota));
        }
        this.kept = new boolean[partitions];
        this.unfilled = new UnfilledMembers(group);
    }

    StickyOutcome build() {
        narrateQuota();
        if (narrator.on()) {
            narrator.step(Kind.SORT_MEMBERS, "assign.sticky.keepOrder", null, null,
                    args("members", group.ids(group.ownedMapOrder(), group.size())));
        }
        for (int m : group.ownedMapOrder()) {
            keepOwned(m);
        }
        unfilled.sortById();
        narrateWaitingLists();
        assignRoundRobin();
        verifyUnfilledMembers();
        return new StickyOutcome(lists, transferred, transferredTo, withholdTransfers);
    }

    // ---- step 1: keep owned partitions up to the quota

    private void keepOwned(int member) {
        int[] slots = slotsNotClaimedTwice(member);
        int count = slots.length;
        if (count < minQuota) {
            keep(member, slots, count, "assign.sticky.keep.underMin");
            unfilled.addUnderMin(member);
        } else if (count >= maxQuota && currentOverMin < expectedOverMin) {
            currentOverMin++;
            if (currentOverMin == expectedOverMin) {
                unfilled.clearExactlyMin();
            }
            keep(member, slots, maxQuota, "assign.sticky.keep.max");
        } else {
            boolean mayGrow = currentOverMin < expectedOverMin;
            keep(member, slots, minQuota, mayGrow ? "assign.sticky.keep.minMayGrow" : "assign.sticky.keep.min");
            if (mayGrow) {
                unfilled.addExactlyMin(member);
            }
        }
    }

    /**
     * Positions in the member's valid owned partitions, minus those two members claimed in the same generation:
     * Kafka removes them from any owned list still holding them.
     */
    private int[] slotsNotClaimedTwice(int member) {
        int[] owned = previous.owned(member);
        IntList slots = new IntList(owned.length);
        for (int i = 0; i < owned.length; i++) {
            if (!previous.claimedTwice(owned[i])) {
                slots.add(i);
            } else if (narrator.on()) {
                narrator.step(Kind.DROP_OWNED, "assign.sticky.drop.claimedTwice", group.id(member),
                        index.partition(owned[i]), args());
            }
        }
        return slots.toArray();
    }

    /**
     * Keeps the first {@code quota} owned partitions by (partition number, topic) and gives up the rest. Sorting is
     * only needed when some must go: the kept set does not depend on the order otherwise.
     */
    private void keep(int member, int[] slots, int quota, String reasonKey) {
        int[] owned = previous.owned(member);
        int[] ranked = slots.length > quota ? byPartitionThenTopic(owned, slots) : slots;
        narrateKeepDecision(member, slots.length, reasonKey);
        List<TopicPartition> list = lists.get(member);
        for (int i = 0; i < quota && i < ranked.length; i++) {
            int p = owned[ranked[i]];
            kept[p] = true;
            TopicPartition partition = previous.ownedPartition(group, member, ranked[i]);
            list.add(partition);
            if (narrator.on()) {
                narrator.kept(group.id(member), partition);
            }
        }
        counts[member] = list.size();
        for (int i = quota; i < ranked.length; i++) {
            giveUp(member, owned[ranked[i]], quota);
        }
    }

    private void giveUp(int member, int p, int quota) {
        if (givenUp == null) {
            givenUp = new boolean[index.size()];
        }
        givenUp[p] = true;
        if (narrator.on()) {
            narrator.step(Kind.DROP_OWNED, "assign.sticky.drop.overQuota", group.id(member), index.partition(p),
                    args("quota", quota));
        }
    }

    /** The slots ordered as Kafka orders owned partitions: by partition number, then topic name. */
    private int[] byPartitionThenTopic(int[] owned, int[] slots) {
        if (slotOf == null) {
            slotOf = new int[index.size()];
        }
        long[] keys = new long[slots.length];
        for (int i = 0; i < slots.length; i++) {
            int p = owned[slots[i]];
            int topic = index.topicOf(p);
            keys[i] = ((long) (p - index.first(topic)) << 32) | topic;
            slotOf[p] = slots[i];
        }
        Arrays.sort(keys);
        int[] ranked = new int[slots.length];
        for (int i = 0; i < keys.length; i++) {
            int topic = (int) keys[i];
            ranked[i] = slotOf[index.first(topic) + (int) (keys[i] >>> 32)];
        }
        return ranked;
    }

    // ---- step 2: round robin over what is left

    private void assignRoundRobin() {
        for (int topic = 0; topic < index.topicCount(); topic++) {
            int end = index.first(topic + 1);
            for (int p = index.first(topic); p < end; p++) {
                if (!kept[p]) {
                    place(topic, p);
                }
            }
        }
    }

    private void place(int topic, int p) {
        boolean fromUnderMin = unfilled.underMinCount() > 0;
        int member = unfilled.next();
        int count = ++counts[member];
        boolean transferring = (givenUp != null && givenUp[p]) || previous.claimedTwice(p);
        if (transferring) {
            transferred.add(p);
            transferredTo.add(member);
        }
        if (!(transferring && withholdTransfers)) {
            lists.get(member).add(index.create(topic, p));
        }
        if (narrator.on()) {
            narratePlace(member, p, count, fromUnderMin);
        }
        if (count == minQuota) {
            unfilled.reachedMin(member);
        } else if (count == maxQuota) {
            currentOverMin++;
        }
    }

    /** Kafka's final consistency check: anyone still below the minimum means the quotas did not add up. */
    private void verifyUnfilledMembers() {
        if (unfilled.underMinCount() == 0) {
            return;
        }
        if (currentOverMin != expectedOverMin) {
            throw new IllegalStateException("We haven't reached the expected number of members with "
                    + "more than the minQuota partitions, but no more partitions to be assigned");
        }
        for (int member : unfilled.underMinMembers()) {
            if (counts[member] != minQuota) {
                throw new IllegalStateException(String.format(
                        "Consumer: [%s] doesn't reach minQuota partitions, and no more partitions to be assigned",
                        group.id(member)));
            }
        }
    }

    // ---- narration

    private void narrateQuota() {
        if (!narrator.on()) {
            return;
        }
        String key = expectedOverMin == 0 ? "assign.sticky.quota.even" : "assign.sticky.quota";
        narrator.step(Kind.QUOTA, key, null, null, args("partitions", index.size(), "members", group.size(),
                "min", minQuota, "max", maxQuota, "overMin", expectedOverMin));
    }

    private void narrateKeepDecision(int member, int owned, String reasonKey) {
        if (narrator.on() && owned > 0) {
            narrator.step(Kind.KEEP_OWNED, reasonKey, group.id(member), null, args("owned", owned,
                    "min", minQuota, "max", maxQuota, "overMin", expectedOverMin, "taken", currentOverMin));
        }
    }

    private void narrateWaitingLists() {
        if (!narrator.on()) {
            return;
        }
        narrator.step(Kind.SORT_MEMBERS, "assign.sticky.unfilled", null, null,
                args("underMin", narrator.orNone(unfilled.underMinIds()),
                        "exactlyMin", narrator.orNone(unfilled.exactlyMinIds()), "min", minQuota));
        List<TopicPartition> unassigned = new ArrayList<>();
        for (int p = 0; p < index.size(); p++) {
            if (!kept[p]) {
                unassigned.add(index.partition(p));
            }
        }
        narrator.step(Kind.SORT_PARTITIONS, "assign.sticky.unassigned", null, null,
                args("count", unassigned.size(), "partitions", narrator.orNone(unassigned)));
    }

    private void narratePlace(int member, int p, int count, boolean fromUnderMin) {
        String key = fromUnderMin ? "assign.sticky.place.underMin" : "assign.sticky.place.exactlyMin";
        narrator.step(Kind.PLACE, key, group.id(member), index.partition(p), args("count", count));
    }
}
