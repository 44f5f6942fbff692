package dev.groupscope.kafka.assignor.sticky;

import dev.groupscope.kafka.TopicPartition;
import java.util.Arrays;

/**
 * Kafka's {@code prevAssignment} on the general path: for each partition, the member that claimed it in the
 * newest generation below the highest one seen (ties: the first in map order). Balancing moves a partition back
 * to that member when it holds at least two fewer than the current owner.
 */
final class PreviousOwners {

    private static final int NOBODY = -1;

    private final int[] owner;
    private final int[] generation;

    private PreviousOwners(int[] owner, int[] generation) {
        this.owner = owner;
        this.generation = generation;
    }

    static PreviousOwners of(StickyGroup group, PartitionIndex index, int maxGeneration) {
        int[] owner = new int[index.size()];
        Arrays.fill(owner, NOBODY);
        int[] generation = new int[index.size()];
        PreviousOwners owners = new PreviousOwners(owner, generation);
        for (int m : group.subscriptionOrder()) {
            int memberGeneration = group.claimGeneration(m);
            if (memberGeneration < maxGeneration) {
                for (TopicPartition partition : group.member(m).ownedPartitions()) {
                    owners.offer(index.indexOf(partition), m, memberGeneration);
                }
            }
        }
        return owners;
    }

    private void offer(int partition, int member, int memberGeneration) {
        if (partition < 0) {
            return;
        }
        if (owner[partition] == NOBODY || memberGeneration > generation[partition]) {
            owner[partition] = member;
            generation[partition] = memberGeneration;
        }
    }

    int ownerOf(int partition) {
        return owner[partition];
    }
}
