package dev.groupscope.sim.protocol;

import java.util.Arrays;

/**
 * The leader and leader epoch of each partition of one topic, 0 … count − 1: what a Metadata answer carries per
 * partition and what a consumer's metadata cache keeps. Two int arrays, never changed after construction: a topic
 * of 1,000 partitions is two arrays, not 1,000 objects, and a cache shares it across snapshots.
 */
public final class PartitionLeaders {

    /** A topic with no partitions (an unknown one). */
    public static final PartitionLeaders NONE = new PartitionLeaders(new int[0], new int[0]);

    private final int[] leaders;
    private final int[] epochs;

    private PartitionLeaders(int[] leaders, int[] epochs) {
        this.leaders = leaders;
        this.epochs = epochs;
    }

    /** Copies the arrays: leader per partition (-1: none), leader epoch per partition. */
    public static PartitionLeaders of(int[] leaders, int[] epochs) {
        if (leaders.length != epochs.length) {
            throw new IllegalArgumentException("one epoch per leader");
        }
        return new PartitionLeaders(leaders.clone(), epochs.clone());
    }

    public int count() {
        return leaders.length;
    }

    /** The partition's leader, or -1 when it has none or is beyond the count. */
    public int leader(int partition) {
        return partition >= 0 && partition < leaders.length ? leaders[partition] : -1;
    }

    public int leaderEpoch(int partition) {
        return partition >= 0 && partition < epochs.length ? epochs[partition] : -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartitionLeaders that && Arrays.equals(leaders, that.leaders)
                && Arrays.equals(epochs, that.epochs);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(leaders) + Arrays.hashCode(epochs);
    }

    @Override
    public String toString() {
        return "PartitionLeaders" + Arrays.toString(leaders) + "@" + Arrays.toString(epochs);
    }
}
