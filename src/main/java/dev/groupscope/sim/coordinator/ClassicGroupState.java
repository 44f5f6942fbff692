package dev.groupscope.sim.coordinator;

import java.util.EnumSet;
import java.util.Set;

/**
 * A classic group's states and the transitions Kafka allows between them ({@code ClassicGroupState}): a move from
 * any other state is a bug, and {@link ClassicGroup#transitionTo} refuses it.
 */
public enum ClassicGroupState {
    /** No members; offsets may still be committed by a consumer outside group management (generation -1). */
    EMPTY("Empty"),
    /** Waiting for every known member to send JoinGroup again, or for the rebalance timeout. */
    PREPARING_REBALANCE("PreparingRebalance"),
    /** The join phase is over; waiting for the leader's SyncGroup with the assignment. */
    COMPLETING_REBALANCE("CompletingRebalance"),
    /** Every member has its assignment for the current generation. */
    STABLE("Stable"),
    /** The group left this coordinator (its partition moved) or was deleted. */
    DEAD("Dead");

    private final String kafkaName;

    ClassicGroupState(String kafkaName) {
        this.kafkaName = kafkaName;
    }

    /** The state as Kafka names it, e.g. {@code PreparingRebalance}. */
    public String kafkaName() {
        return kafkaName;
    }

    /** The states a group may be in before moving to this one. */
    public Set<ClassicGroupState> validPreviousStates() {
        return switch (this) {
            case EMPTY -> EnumSet.of(PREPARING_REBALANCE);
            case PREPARING_REBALANCE -> EnumSet.of(STABLE, COMPLETING_REBALANCE, EMPTY);
            case COMPLETING_REBALANCE -> EnumSet.of(PREPARING_REBALANCE);
            case STABLE -> EnumSet.of(COMPLETING_REBALANCE);
            case DEAD -> EnumSet.of(STABLE, PREPARING_REBALANCE, COMPLETING_REBALANCE, EMPTY, DEAD);
        };
    }

    @Override
    public String toString() {
        return kafkaName;
    }
}
