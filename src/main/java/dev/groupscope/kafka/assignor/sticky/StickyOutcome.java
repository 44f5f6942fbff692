package dev.groupscope.kafka.assignor.sticky;

import dev.groupscope.kafka.TopicPartition;
import java.util.List;

/**
 * What a sticky path produced: every member's partitions (by member number) and the partitions that change owner
 * while their previous owner still holds them (Kafka's {@code partitionsTransferringOwnership}), each with its
 * new owner. When {@code transfersWithheld}, those partitions were left out of the new owners' lists.
 */
final class StickyOutcome {

    private final List<List<TopicPartition>> assignment;
    private final IntList transferred;
    private final IntList transferredTo;
    private final boolean transfersWithheld;

    StickyOutcome(List<List<TopicPartition>> assignment, IntList transferred, IntList transferredTo,
                  boolean transfersWithheld) {
        this.assignment = assignment;
        this.transferred = transferred;
        this.transferredTo = transferredTo;
        this.transfersWithheld = transfersWithheld;
    }

    List<TopicPartition> partitionsOf(int member) {
        return assignment.get(member);
    }

    int transferCount() {
        return transferred.size();
    }

    int transferredPartition(int i) {
        return transferred.get(i);
    }

    int transferredTo(int i) {
        return transferredTo.get(i);
    }

    boolean transfersWithheld() {
        return transfersWithheld;
    }
}
