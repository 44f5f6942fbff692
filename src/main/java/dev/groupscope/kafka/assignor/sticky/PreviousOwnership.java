package dev.groupscope.kafka.assignor.sticky;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.GroupMember;
import java.util.Arrays;

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

    private static final int NOBODY = -1;

    private final int[][] owned;
    private final boolean[] claimedTwice;
    private final int maxGeneration;

    private PreviousOwnership(int[][] owned, boolean[] claimedTwice, int maxGeneration) {
        this.owned = owned;
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

    /** Kafka's {@code partitionsWithMultiplePreviousOwners}; null when nobody claimed anything twice. */
    boolean claimedTwice(int partition) {
        return claimedTwice != null && claimedTwice[partition];
    }

    int maxGeneration() {
        return maxGeneration;
    }

    /** One pass over all claims; the arrays are only allocated when someone owns something. */
    private static final class Resolver {
        private final StickyGroup group;
        private final PartitionIndex index;
        private final StickyNarrator narrator;
        private final int[][] claims;
        private final int[] claimCounts;
        private int[] holder;
        private int[] lastClaimant;
        private boolean[] claimedTwice;

        Resolver(StickyGroup group, PartitionIndex index, StickyNarrator narrator) {
            this.group = group;
            this.index = index;
            this.narrator = narrator;
            this.claims = new int[group.size()][];
            this.claimCounts = new int[group.size()];
        }

        PreviousOwnership resolve() {
            int maxGeneration = GroupMember.NO_GENERATION;
            for (int m : group.subscriptionOrder()) {
                maxGeneration = Math.max(maxGeneration, group.claimGeneration(m));
                claimAll(m);
            }
            return new PreviousOwnership(validOwned(), claimedTwice, maxGeneration);
        }

        private void claimAll(int member) {
            java.util.List<TopicPartition> partitions = group.member(member).ownedPartitions();
            claims[member] = new int[partitions.size()];
            for (TopicPartition partition : partitions) {
                int p = index.indexOf(partition);
                if (p < 0) {
                    narrator.ownedPartitionGone(group.id(member), partition, p == PartitionIndex.NO_PARTITION);
                    continue;
                }
                index.reuse(p, partition);
                claim(member, p);
            }
        }

        private void claim(int member, int p) {
            if (holder == null) {
                holder = filled(index.size());
                lastClaimant = filled(index.size());
            }
            int other = lastClaimant[p];
            if (other == NOBODY) {
                take(member, p);
                return;
            }
            int generation = group.claimGeneration(member);
            int otherGeneration = group.reportedGeneration(other);
            if (generation == otherGeneration) {
                markClaimedTwice(p);
                holder[p] = NOBODY;
                lastClaimant[p] = member;
                narrator.claimedInSameGeneration(group.id(member), group.id(other), index.partition(p), generation);
            } else if (generation > otherGeneration) {
                take(member, p);
                narrator.claimWon(group.id(member), group.id(other), index.partition(p), generation, otherGeneration);
            } else {
                narrator.claimLost(group.id(member), group.id(other), index.partition(p), generation, otherGeneration);
            }
        }

        /** The claim stands; whoever held it before (always the last claimant, if anyone) loses it. */
        private void take(int member, int p) {
            claims[member][claimCounts[member]++] = p;
            holder[p] = member;
            lastClaimant[p] = member;
        }

        private void markClaimedTwice(int p) {
            if (claimedTwice == null) {
                claimedTwice = new boolean[index.size()];
            }
            claimedTwice[p] = true;
        }

        /** Each member's claims that still stand, once each (a member listing a partition twice keeps one). */
        private int[][] validOwned() {
            int[][] owned = new int[group.size()][];
            for (int m = 0; m < owned.length; m++) {
                int[] mine = claims[m];
                int count = 0;
                for (int i = 0; i < claimCounts[m]; i++) {
                    int p = mine[i];
                    if (holder[p] == m && lastClaimant[p] != Integer.MIN_VALUE) {
                        lastClaimant[p] = Integer.MIN_VALUE;
                        mine[count++] = p;
                    }
                }
                owned[m] = count == mine.length ? mine : Arrays.copyOf(mine, count);
            }
            return owned;
        }

        private static int[] filled(int size) {
            int[] array = new int[size];
            Arrays.fill(array, NOBODY);
            return array;
        }
    }
}
