package dev.groupscope.kafka.assignor.sticky;

import static dev.groupscope.kafka.assignor.AssignmentStep.args;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.AssignmentStep.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Kafka's general path ({@code GeneralAssignmentBuilder}), taken when subscriptions differ.
 *
 * <ol>
 *   <li>Members keep their valid owned partitions, except those of topics they no longer subscribe to.</li>
 *   <li>Every other partition (topics with the fewest subscribers first) goes to the least-loaded member
 *       subscribed to its topic (fewest partitions, then lowest id).</li>
 *   <li>While some member could take a partition from one holding at least two more, partitions move: back to
 *       their owner of an older generation if that evens things out, else to the least-loaded subscriber
 *       ({@link PartitionMovements} stops partitions of a topic from going back and forth).</li>
 *   <li>If the moves did not lower the balance score (the sum of size differences over all pairs), they are
 *       undone — unless this is the very first assignment.</li>
 * </ol>
 * Rack-aware placement is out of scope: GroupScope's members have no racks, and without racks Kafka skips it.
 */
final class GeneralAssignment {

    private static final int NOBODY = -1;

    private final StickyGroup group;
    private final PartitionIndex index;
    private final StickyNarrator narrator;
    private final Subscribers subscribers;
    private final PreviousOwners previousOwners;
    private final PartitionMovements movements;
    private final int[] owner;
    private final int[] sizes;
    private final boolean[] fixed;
    private final TreeSet<Integer> bySize;
    private boolean revocationRequired;

    GeneralAssignment(StickyGroup group, PartitionIndex index, PreviousOwnership previous, int maxGeneration,
                      StickyNarrator narrator) {
        this.group = group;
        this.index = index;
        this.narrator = narrator;
        this.subscribers = new Subscribers(group, index);
        this.previousOwners = PreviousOwners.of(group, index, maxGeneration);
        this.movements = new PartitionMovements(index);
        this.owner = new int[index.size()];
        Arrays.fill(owner, NOBODY);
        this.sizes = new int[group.size()];
        this.fixed = new boolean[group.size()];
        this.bySize = new TreeSet<>(Comparator.<Integer>comparingInt(m -> sizes[m]).thenComparing(group::id));
        keepOwned(previous);
    }

    /** Each partition's final owner (member number). */
    int[] build() {
        int[] sortedPartitions = subscribers.partitionsByFewestSubscribers();
        int[] unassigned = unassigned(sortedPartitions);
        for (int m = 0; m < group.size(); m++) {
            bySize.add(m);
        }
        boolean initializing = sizes[bySize.last()] == 0;
        assignUnassigned(unassigned);
        sortedPartitions = subscribers.withoutSingleSubscriberTopics(sortedPartitions);
        unassigned = subscribers.withoutSingleSubscriberTopics(unassigned);
        setFixedMembersAside();
        balance(sortedPartitions, unassigned, initializing);
        return owner;
    }

    // ---- 1. keep valid owned partitions

    private void keepOwned(PreviousOwnership previous) {
        for (int m : group.ownedMapOrder()) {
            int[] owned = previous.owned(m);
            for (int i = 0; i < owned.length; i++) {
                int p = owned[i];
                int topic = index.topicOf(p);
                if (subscribers.subscribes(m, topic)) {
                    owner[p] = m;
                    sizes[m]++;
                    index.remember(p, previous.ownedPartition(group, m, i));
                    if (narrator.on()) {
                        narrator.kept(group.id(m), index.partition(p));
                    }
                } else {
                    revocationRequired = true;
                    if (narrator.on()) {
                        narrator.step(Kind.DROP_OWNED, "assign.sticky.general.dropUnsubscribed", group.id(m),
                                index.partition(p), args("topic", index.topicName(topic)));
                    }
                }
            }
        }
    }

    private int[] unassigned(int[] sortedPartitions) {
        IntList unassigned = new IntList(sortedPartitions.length);
        for (int p : sortedPartitions) {
            if (owner[p] == NOBODY) {
                unassigned.add(p);
            }
        }
        int[] result = unassigned.toArray();
        if (narrator.on()) {
            narrator.step(Kind.SORT_PARTITIONS, "assign.sticky.general.partitionOrder", null, null,
                    args("partitions", narrator.orNone(partitions(result))));
        }
        return result;
    }

    // ---- 2. least-loaded placement

    private void assignUnassigned(int[] unassigned) {
        for (int p : unassigned) {
            int topic = index.topicOf(p);
            int member = leastLoadedSubscriber(topic);
            if (member == NOBODY) {
                continue;
            }
            bySize.remove(member);
            owner[p] = member;
            sizes[member]++;
            bySize.add(member);
            if (narrator.on()) {
                narrator.step(Kind.PLACE, "assign.sticky.general.place", group.id(member), index.partition(p),
                        args("topic", index.topicName(topic), "count", sizes[member]));
            }
        }
    }

    private int leastLoadedSubscriber(int topic) {
        for (int m : bySize) {
            if (subscribers.subscribes(m, topic)) {
                return m;
            }
        }
        return NOBODY;
    }

    // ---- 3. balancing

    /** Members holding all they could get, none of it wanted by anyone else, sit the balancing out. */
    private void setFixedMembersAside() {
        boolean[] holdsShared = new boolean[group.size()];
        for (int p = 0; p < owner.length; p++) {
            if (owner[p] != NOBODY && subscribers.count(index.topicOf(p)) >= 2) {
                holdsShared[owner[p]] = true;
            }
        }
        for (int m = 0; m < group.size(); m++) {
            if (sizes[m] >= subscribers.maxAssignmentSize(m) && !holdsShared[m]) {
                fixed[m] = true;
                bySize.remove(m);
                if (narrator.on()) {
                    narrator.step(Kind.BRANCH, "assign.sticky.general.fixed", group.id(m), null, args());
                }
            }
        }
    }

    private void balance(int[] sortedPartitions, int[] unassigned, boolean initializing) {
        int[] ownerBefore = owner.clone();
        int[] sizesBefore = sizes.clone();
        if (!revocationRequired) {
            performReassignments(unassigned);
        }
        boolean reassigned = performReassignments(sortedPartitions);
        if (!reassigned) {
            narrateBalanced();
            return;
        }
        int before = balanceScore(sizesBefore);
        int after = balanceScore(sizes);
        if (!initializing && after >= before) {
            System.arraycopy(ownerBefore, 0, owner, 0, owner.length);
            System.arraycopy(sizesBefore, 0, sizes, 0, sizes.length);
            narrateScore("assign.sticky.general.revert", before, after);
        } else {
            narrateScore(initializing ? "assign.sticky.general.firstAssignment" : "assign.sticky.general.improved",
                    before, after);
        }
    }

    private boolean performReassignments(int[] partitions) {
        boolean reassigned = false;
        boolean modified;
        do {
            modified = false;
            for (int i = 0; i < partitions.length && !isBalanced(); i++) {
                if (reassignIfUnbalanced(partitions[i])) {
                    reassigned = true;
                    modified = true;
                }
            }
        } while (modified);
        return reassigned;
    }

    private boolean reassignIfUnbalanced(int p) {
        int current = owner[p];
        int previousOwner = previousOwners.ownerOf(p);
        if (previousOwner != NOBODY && sizeOf(current) > sizeOf(previousOwner) + 1) {
            reassign(p, previousOwner, "assign.sticky.general.moveToPrevious");
            return true;
        }
        int topic = index.topicOf(p);
        for (int other : subscribers.of(topic)) {
            if (sizeOf(current) > sizeOf(other) + 1) {
                reassign(p, leastLoadedSubscriber(topic), "assign.sticky.general.move");
                return true;
            }
        }
        return false;
    }

    private void reassign(int requested, int newOwner, String reasonKey) {
        int p = movements.partitionToMove(requested, owner[requested], newOwner);
        int oldOwner = owner[p];
        if (narrator.on()) {
            narrateMove(requested, p, oldOwner, newOwner, reasonKey);
        }
        bySize.remove(oldOwner);
        bySize.remove(newOwner);
        movements.record(p, oldOwner, newOwner);
        sizes[oldOwner]--;
        sizes[newOwner]++;
        owner[p] = newOwner;
        bySize.add(newOwner);
        bySize.add(oldOwner);
    }

    /**
     * Balanced when sizes differ by at most one, or when no member could take a partition it is subscribed to
     * from a member holding at least two more.
     */
    private boolean isBalanced() {
        if (sizes[bySize.first()] >= sizes[bySize.last()] - 1) {
            return true;
        }
        for (int m : bySize) {
            if (sizes[m] == subscribers.maxAssignmentSize(m)) {
                continue;
            }
            for (int topic : subscribers.topicsOf(m)) {
                for (int p = index.first(topic); p < index.first(topic + 1); p++) {
                    if (owner[p] != m && sizes[m] + 1 < sizeOf(owner[p])) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * A member's size where Kafka looks it up in the assignment being balanced. Members set aside as fixed are not
     * in it: Kafka then fails with a NullPointerException, and so do we, rather than invent an answer.
     */
    private int sizeOf(int member) {
        if (member == NOBODY || fixed[member]) {
            throw new IllegalStateException("Kafka 4.1.1's general sticky path fails on this input: it looks up "
                    + (member == NOBODY ? "an unassigned partition's owner" : "member " + group.id(member)
                    + ", which is not taking part in balancing"));
        }
        return sizes[member];
    }

    /** Sum of |size(i) − size(j)| over all pairs of members taking part, computed over sorted sizes. */
    private int balanceScore(int[] memberSizes) {
        int[] taking = new int[group.size()];
        int count = 0;
        for (int m = 0; m < memberSizes.length; m++) {
            if (!fixed[m]) {
                taking[count++] = memberSizes[m];
            }
        }
        Arrays.sort(taking, 0, count);
        long score = 0;
        long prefix = 0;
        for (int i = 0; i < count; i++) {
            score += (long) taking[i] * i - prefix;
            prefix += taking[i];
        }
        return (int) score;
    }

    // ---- narration

    private void narrateMove(int requested, int p, int from, int to, String reasonKey) {
        if (p != requested) {
            narrator.step(Kind.MOVE, "assign.sticky.general.moveInstead", group.id(to), index.partition(p),
                    args("requested", index.partition(requested), "from", group.id(from),
                            "requestedFrom", group.id(owner[requested])));
            return;
        }
        narrator.step(Kind.MOVE, reasonKey, group.id(to), index.partition(p), args("from", group.id(from),
                "fromCount", sizes[from], "toCount", sizes[to], "topic", index.topicName(index.topicOf(p))));
    }

    private void narrateBalanced() {
        if (narrator.on() && !bySize.isEmpty()) {
            narrator.step(Kind.BRANCH, "assign.sticky.general.balanced", null, null,
                    args("min", sizes[bySize.first()], "max", sizes[bySize.last()]));
        }
    }

    private void narrateScore(String key, int before, int after) {
        if (narrator.on()) {
            narrator.step(Kind.BRANCH, key, null, null, args("before", before, "after", after));
        }
    }

    private List<TopicPartition> partitions(int[] indexes) {
        List<TopicPartition> list = new ArrayList<>(indexes.length);
        for (int p : indexes) {
            list.add(index.partition(p));
        }
        return list;
    }
}
