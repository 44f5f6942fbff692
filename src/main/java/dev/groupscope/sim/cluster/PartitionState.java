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
    /**
     * The leader epoch cache of the partition's log (Kafka's {@code LeaderEpochFileCache}): for each epoch that had
     * a leader, in order, the log-end offset at which that leader started ({@code assign(epoch, startOffset)} when
     * it became leader). The model has no replication lag, so every replica's cache is this one. Arrays shared by
     * the states that follow (an epoch without a leader adds nothing), never changed.
     */
    private final int[] epochs;
    private final long[] epochStarts;

    PartitionState(List<Integer> replicas, int leader) {
        this(replicas, leader, 0, leader == NO_LEADER ? new int[0] : new int[] {0},
                leader == NO_LEADER ? new long[0] : new long[] {0});
    }

    private PartitionState(List<Integer> replicas, int leader, int leaderEpoch, int[] epochs, long[] epochStarts) {
        this.replicas = List.copyOf(replicas);
        this.leader = leader;
        this.leaderEpoch = leaderEpoch;
        this.epochs = epochs;
        this.epochStarts = epochStarts;
    }

    /**
     * This partition with another leader, which starts its epoch at {@code logEndOffset} (the log's end as it takes
     * over): states are values, so copies of the cluster can share them.
     */
    PartitionState withLeader(int newLeader, long logEndOffset) {
        if (newLeader == leader) {
            return this;
        }
        int epoch = leaderEpoch + 1;
        if (newLeader == NO_LEADER) {
            return new PartitionState(replicas, newLeader, epoch, epochs, epochStarts);
        }
        int[] moreEpochs = java.util.Arrays.copyOf(epochs, epochs.length + 1);
        long[] moreStarts = java.util.Arrays.copyOf(epochStarts, epochStarts.length + 1);
        moreEpochs[epochs.length] = epoch;
        moreStarts[epochs.length] = logEndOffset;
        return new PartitionState(replicas, newLeader, epoch, moreEpochs, moreStarts);
    }

    /**
     * Kafka's {@code LeaderEpochFileCache.endOffsetFor}, as the leader answers an OffsetsForLeaderEpoch: for the
     * current epoch, the log-end offset; for an older one, the largest epoch not above it and the start offset of
     * the first epoch after it (where its records end); {@link #UNDEFINED} (epoch and offset -1) for an undefined
     * epoch or one above every epoch the cache has. Returns {epoch, endOffset}.
     */
    public long[] endOffsetFor(int requestedEpoch, long logEndOffset) {
        if (requestedEpoch < 0 || epochs.length == 0) {
            return new long[] {UNDEFINED, UNDEFINED};
        }
        if (epochs[epochs.length - 1] == requestedEpoch) {
            return new long[] {requestedEpoch, logEndOffset};
        }
        int higher = -1;
        for (int i = 0; i < epochs.length; i++) {
            if (epochs[i] > requestedEpoch) {
                higher = i;
                break;
            }
        }
        if (higher < 0) {
            return new long[] {UNDEFINED, UNDEFINED};
        }
        // No smaller epoch: the requested one is older than the cache (its records are gone), answered as itself.
        int floorEpoch = higher == 0 ? requestedEpoch : epochs[higher - 1];
        return new long[] {floorEpoch, epochStarts[higher]};
    }

    /** The epoch of the leader that wrote the record at {@code offset} (the last epoch starting at or before it). */
    public int epochOf(long offset) {
        int epoch = epochs.length == 0 ? 0 : epochs[0];
        for (int i = 0; i < epochs.length && epochStarts[i] <= offset; i++) {
            epoch = epochs[i];
        }
        return epoch;
    }

    /** Kafka's {@code UNDEFINED_EPOCH} and {@code UNDEFINED_EPOCH_OFFSET}. */
    public static final int UNDEFINED = -1;

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
