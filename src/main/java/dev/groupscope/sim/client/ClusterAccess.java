package dev.groupscope.sim.client;

import dev.groupscope.sim.cluster.ClusterState;
import dev.groupscope.sim.engine.Actor;
import dev.groupscope.sim.engine.Context;

/**
 * What clients read and do synchronously on the cluster actor (id {@value #ACTOR_ID}). Reads are cluster
 * metadata (brokers, partition counts, leaders, log start and end), taken as always fresh: the model has no
 * metadata requests or stale metadata caches. Producing is a synchronous append, so a broker can answer the fetches
 * it parked for fetch.min.bytes at once.
 */
public interface ClusterAccess {

    String ACTOR_ID = "cluster";

    /** The cluster's state, to read only. */
    ClusterState state();

    /**
     * Appends one record stamped with the current virtual time and returns its offset.
     *
     * @param key the record key, or null for none
     */
    long append(Context context, String topic, int partition, String key);

    /** The cluster actor of this world. */
    static ClusterAccess of(Context context) {
        Actor actor = context.actor(ACTOR_ID, Actor.class);
        if (actor instanceof ClusterAccess access) {
            return access;
        }
        throw new IllegalStateException("actor " + ACTOR_ID + " does not offer cluster access: " + actor);
    }
}
