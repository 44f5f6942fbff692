package dev.groupscope.kafka.assignor.sticky;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.AssignmentStep.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the general path's owners into member lists. Kafka's general path does not track ownership transfers
 * while it works, so CooperativeSticky works them out afterwards ({@code computePartitionsTransferringOwnership}):
 * a partition transfers when it is added to a member that did not own it and revoked from a member that did.
 */
final class GeneralOutcome {

    private final StickyGroup group;
    private final PartitionIndex index;
    private final int[] owner;
    private final StickyNarrator narrator;

    GeneralOutcome(StickyGroup group, PartitionIndex index, int[] owner, StickyNarrator narrator) {
        this.group = group;
        this.index = index;
        this.owner = owner;
        this.narrator = narrator;
    }

    StickyOutcome build(boolean cooperative) {
        IntList transferred = new IntList(16);
        IntList transferredTo = new IntList(16);
        boolean[] transferring = new boolean[owner.length];
        if (cooperative) {
            narrator.step(Kind.BRANCH, "assign.cooperative.generalTransfers", null, null, Map.of());
            findTransfers(transferring, transferred, transferredTo);
        }
        List<List<TopicPartition>> lists = new ArrayList<>(group.size());
        for (int m = 0; m < group.size(); m++) {
            lists.add(new ArrayList<>());
        }
        for (int p = 0; p < owner.length; p++) {
            if (owner[p] >= 0 && !transferring[p]) {
                lists.get(owner[p]).add(index.partition(p));
            }
        }
        return new StickyOutcome(lists, transferred, transferredTo, cooperative);
    }

    private void findTransfers(boolean[] transferring, IntList transferred, IntList transferredTo) {
        boolean[] revoked = new boolean[owner.length];
        boolean[] keptByOwner = new boolean[owner.length];
        for (int m = 0; m < group.size(); m++) {
            for (TopicPartition partition : group.member(m).ownedPartitions()) {
                int p = index.indexOf(partition);
                if (p < 0) {
                    continue;
                }
                if (owner[p] == m) {
                    keptByOwner[p] = true;
                } else {
                    revoked[p] = true;
                }
            }
        }
        for (int p = 0; p < owner.length; p++) {
            if (owner[p] >= 0 && revoked[p] && !keptByOwner[p]) {
                transferring[p] = true;
                transferred.add(p);
                transferredTo.add(owner[p]);
            }
        }
    }
}
