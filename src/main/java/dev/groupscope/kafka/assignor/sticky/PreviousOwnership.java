package dev.groupscope.kafka.assignor.sticky;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.GroupMember;
import java.util.Arrays;
import java.util.List;

/**
 * Who may still count as a partition's previous owner: Kafka's pre-pass in {@code allSubscriptionsEqual}.
 *
 * <p>Members are walked in the subscriptions map order and each claim is checked against the member that claimed
 * the partition last: unclaimed → the claim stands; same generation → nobody can be trusted, so the earlier
 * claimant loses it too and the partition is marked as claimed twice; a newer generation → the claim moves here;
 * an older one → the earlier claim stands. Partitions of topics that are gone (or that nobody subscribes to any
 * more) are dropped. The highest generation seen is kept for the general path.
 */
final class PreviousOwnership {

    private final int[][] owned;
    private final int[][] positions;
    private final boolean[] claimedTwice;
    private final int maxGeneration;

    private PreviousOwnership(int[][] owned, int[][] positions, boolean[] claimedTwice, int maxGeneration) {
        this.owned = owned;
        this.positions = positions;
        this.claimedTwice = claimedTwice;
        this.maxGeneration = maxGeneration;
    }

    static PreviousOwnership resolve(StickyGroup group, PartitionIndex index, StickyNarrator narrator) {
        return new Resolver(group, index, narrator).resolve();
    }

    /** The member's still-valid previous partitions (indexes), in the order it listed them. */
    int[] owned(int member) {
        return owned[member];
    }

    /** The member's own {@code TopicPartition} object for {@code owned(member)[i]}, so none is made twice. */
    TopicPartition ownedPartition(StickyGroup group, int member, int i) {
        return group.member(member).ownedPartitions().get(positions[member][i]);
    }

    /** Kafka's {@code partitionsWithMultiplePreviousOwners}. */
    boolean claimedTwice(int partition) {
        return claimedTwice != null && claimedTwice[partition];
    }

    int maxGeneration() {
        return maxGeneration;
    }

    /**
     * One pass over all claims. A single array says, per partition, who claimed it last and whether that member
     * still holds it ({@code m}) or lost it to a same-generation rival ({@code −m − 2}); −1 means unclaimed.
     * Kafka's holder is always the last claimant or nobody, so that is all there is to know.
     */
    private static final class Resolver {
        private static final int UNCLAIMED = -1;
        private static final int EMITTED = Integer.MIN_VALUE;

        private final StickyGroup group;
        private final PartitionIndex index;
        private final StickyNarrator narrator;
        private final int[][] claims;
        private final int[][] positions;
        private final int[] claimCounts;
        private int[] claim;
        private boolean[] claimedTwice;

        Resolver(StickyGroup group, PartitionIndex index, StickyNarrator narrator) {
            this.group = group;
            this.index = index;
            this.narrator = narrator;
            this.claims = new int[group.size()][];
            this.positions = new int[group.size()][];
            this.claimCounts = new int[group.size()];
        }

        PreviousOwnership resolve() {
            int maxGeneration = GroupMember.NO_GENERATION;
            for (int m : group.subscriptionOrder()) {
                maxGeneration = Math.max(maxGeneration, group.claimGeneration(m));
                claimAll(m);
            }
            validOnly();
            return new PreviousOwnership(claims, positions, claimedTwice, maxGeneration);
        }

        private void claimAll(int member) {
            List<TopicPartition> partitions = group.member(member).ownedPartitions();
            claims[member] = new int[partitions.size()];
            positions[member] = new int[partitions.size()];
            for (int i = 0; i < partitions.size(); i++) {
                TopicPartition partition = partitions.get(i);
                int p = index.indexOf(partition);
                if (p < 0) {
                    narrator.ownedPartitionGone(group.id(member), partition, index);
                } else {
                    claim(member, p, i, partition);
                }
            }
        }

        private void claim(int member, int p, int position, TopicPartition partition) {
            if (claim == null) {
                claim = new int[index.size()];
                Arrays.fill(claim, UNCLAIMED);
            }
            int last = claim[p];
            if (last == UNCLAIMED) {
                take(member, p, position);
                return;
            }
            int other = last >= 0 ? last : -last - 2;
            int generation = group.claimGeneration(member);
            int otherGeneration = group.reportedGeneration(other);
            if (generation == otherGeneration) {
                markClaimedTwice(p);
                claim[p] = -member - 2;
                narrator.claimedInSameGeneration(group.id(member), group.id(other), partition, generation);
            } else if (generation > otherGeneration) {
                take(member, p, position);
                narrator.claimWon(group.id(member), group.id(other), partition, generation, otherGeneration);
            } else {
                narrator.claimLost(group.id(member), group.id(other), partition, generation, otherGeneration);
            }
        }

        /** The claim stands; whoever held the partition before (always the last claimant) loses it. */
        private void take(int member, int p, int position) {
            int count = claimCounts[member]++;
            claims[member][count] = p;
            positions[member][count] = position;
            claim[p] = member;
        }

        private void markClaimedTwice(int p) {
            if (claimedTwice == null) {
                claimedTwice = new boolean[index.size()];
            }
            claimedTwice[p] = true;
        }

        /** Keeps each member's claims that still stand, once each (a member listing a partition twice keeps one). */
        private void validOnly() {
            for (int m = 0; m < claims.length; m++) {
                int[] mine = claims[m];
                int[] where = positions[m];
                int count = 0;
                for (int i = 0; i < claimCounts[m]; i++) {
                    int p = mine[i];
                    if (claim[p] == m) {
                        claim[p] = EMITTED;
                        mine[count] = p;
                        where[count++] = where[i];
                    }
                }
                if (count != mine.length) {
                    claims[m] = Arrays.copyOf(mine, count);
                    positions[m] = Arrays.copyOf(where, count);
                }
            }
        }
    }
}
