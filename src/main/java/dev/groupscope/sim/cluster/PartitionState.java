package dev.groupscope.sim.cluster;

import java.util.List;

/**
 * One partition's replicas (broker ids, the first being the preferred leader) and its current leader
 * ({@link #NO_LEADER} when no replica's broker is up: the partition is offline).
 */
public final class PartitionState {

    public static final int NO_LEADER = -1;

    private final List<Integer> replicas;
    private final int leader;
    /**
     * Kafka's leader epoch: 0 at creation, one more at every change of leader (going offline included, as KRaft's
     * controller bumps it). What a client's metadata cache keeps beside the leader.
     */
    private final int leaderEpoch;

    PartitionState(List<Integer> replicas, int leader) {
        this(replicas, leader, 0);
    }

    private PartitionState(List<Integer> replicas, int leader, int leaderEpoch) {
        this.replicas = List.copyOf(replicas);
        this.leader = leader;
        this.leaderEpoch = leaderEpoch;
    }

    /** This partition with another leader: states are values, so copies of the cluster can share them. */
    PartitionState withLeader(int newLeader) {
        return newLeader == leader ? this : new PartitionState(replicas, newLeader, leaderEpoch + 1);
    }

    public List<Integer> replicas() {
        return replicas;
    }

    public int leader() {
        return leader;
    }

    public int leaderEpoch() {
        return leaderEpoch;
    }

    /** The replica Kafka prefers as leader: the first of the assignment. */
    public int preferredReplica() {
        return replicas.get(0);
    }

    /** Kafka's {@code PartitionRegistration.hasPreferredLeader}: led by its preferred replica (so not offline). */
    public boolean hasPreferredLeader() {
        return leader == preferredReplica();
    }
}
