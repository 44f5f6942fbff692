package dev.groupscope.sim.broker;

import dev.groupscope.sim.coordinator.CoordinatorShard;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The coordinator shard of each {@code __consumer_offsets} partition that has a leader, by partition, copied on
 * write per shard: a copy shares every shard with its original, and whichever side is about to change a shard first
 * copies it. A cluster of 50 offsets partitions copied all 50 shards (their groups, offsets and timer keys) at every
 * snapshot, while a step reaches only the shard of the group it serves.
 *
 * <p>A shard handed out by {@link #mutable}, {@link #forEachMutable} or {@link #remove} is private to this side; one
 * from {@link #get} or {@link #values} may be shared and is for reading only.
 */
final class CoordinatorShards {

    private final TreeMap<Integer, CoordinatorShard> shards;
    /** The partitions whose shard this side may change in place (not shared with any copy). */
    private final BitSet owned;

    CoordinatorShards() {
        this.shards = new TreeMap<>();
        this.owned = new BitSet();
    }

    private CoordinatorShards(CoordinatorShards other) {
        this.shards = new TreeMap<>(other.shards);
        this.owned = new BitSet();
    }

    /**
     * A copy sharing every shard: from now on neither side changes one before copying it. Synchronized because two
     * threads may copy the same snapshot's shards at once (the run and a rebuild for the UI).
     */
    synchronized CoordinatorShards copy() {
        owned.clear();
        return new CoordinatorShards(this);
    }

    /** The shard of {@code partition}, private to this side (copied first if shared), or null. */
    CoordinatorShard mutable(int partition) {
        CoordinatorShard shard = shards.get(partition);
        if (shard != null && !owned.get(partition)) {
            shard = shard.copy();
            shards.put(partition, shard);
            owned.set(partition);
        }
        return shard;
    }

    /** The shard of {@code partition} for reading only (a copy may share it), or null. */
    CoordinatorShard get(int partition) {
        return shards.get(partition);
    }

    /** Every shard in partition order, each private to this side: for changes that reach every shard. */
    void forEachMutable(BiConsumer<Integer, CoordinatorShard> action) {
        for (int partition : java.util.List.copyOf(shards.keySet())) {
            action.accept(partition, mutable(partition));
        }
    }

    /** Every shard in partition order, for reading only. */
    void forEach(BiConsumer<Integer, CoordinatorShard> action) {
        shards.forEach(action);
    }

    /** The shards in partition order, for reading only. */
    Collection<CoordinatorShard> values() {
        return Collections.unmodifiableCollection(shards.values());
    }

    /** A new shard of {@code partition} (replacing any): this side's own. */
    void put(int partition, CoordinatorShard shard) {
        shards.put(partition, shard);
        owned.set(partition);
    }

    /** Removes the shard of {@code partition} and returns it, private to this side (to unload), or null. */
    CoordinatorShard remove(int partition) {
        CoordinatorShard shard = mutable(partition);
        shards.remove(partition);
        owned.clear(partition);
        return shard;
    }
}
