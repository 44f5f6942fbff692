package dev.groupscope.sim.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.coordinator.CoordinatorShard;
import org.junit.jupiter.api.Test;

/** Copy on write per shard: neither side of a copy ever gets a shard the other side can see for changing. */
class CoordinatorShardsTest {

    @Test
    void eachSideCopiesASharedShardBeforeChangingItAndKeepsItsCopy() {
        CoordinatorShards original = new CoordinatorShards();
        CoordinatorShard shard = CoordinatorShard.empty(7, 1);
        original.put(7, shard);
        original.put(8, CoordinatorShard.empty(8, 2));
        assertThat(original.mutable(7)).isSameAs(shard); // new here, so its own

        CoordinatorShards copy = original.copy();
        CoordinatorShard copysOwn = copy.mutable(7);
        assertThat(copysOwn).isNotSameAs(shard);
        assertThat(copy.mutable(7)).isSameAs(copysOwn);
        assertThat(original.get(7)).isSameAs(shard);
        // The original shares the shard too now: it copies it as well before changing it.
        CoordinatorShard originalsOwn = original.mutable(7);
        assertThat(originalsOwn).isNotSameAs(shard).isNotSameAs(copysOwn);
        assertThat(copy.get(7)).isSameAs(copysOwn);
        // A shard not touched stays shared.
        assertThat(copy.get(8)).isSameAs(original.get(8));
    }

    @Test
    void aRemovedShardIsPrivateForUnloadingAndEveryShardReachedForAChangeIsCopied() {
        CoordinatorShards original = new CoordinatorShards();
        CoordinatorShard shard = CoordinatorShard.empty(3, 1);
        original.put(3, shard);
        original.put(4, CoordinatorShard.empty(4, 1));
        CoordinatorShards copy = original.copy();

        CoordinatorShard removed = copy.remove(3);
        assertThat(removed).isNotSameAs(shard);
        assertThat(copy.get(3)).isNull();
        assertThat(original.get(3)).isSameAs(shard);

        CoordinatorShard shared = original.get(4);
        copy.forEachMutable((partition, own) -> assertThat(own).isNotSameAs(shared));
        assertThat(original.get(4)).isSameAs(shared);
        assertThat(copy.values()).hasSize(1);
    }
}
