package dev.groupscope.sim.cluster;

import java.util.List;

/**
 * One partition's replicas (broker ids, the first being the preferred leader) and its current leader
 * ({@link #NO_LEADER} when no replica's broker is up: the partition is offline).
 */
public final class PartitionState {

    public static final int NO_LEADER = -1;

    private final List<Integer> replicas;
    private int leader;

    PartitionState(List<Integer> replicas, int leader) {
        this.replicas = List.copyOf(replicas);
        this.leader = leader;
    }

    PartitionState copy() {
        return new PartitionState(replicas, leader);
    }

    public List<Integer> replicas() {
        return replicas;
    }

    public int leader() {
        return leader;
    }

    void setLeader(int leader) {
        this.leader = leader;
    }
}
