package dev.groupscope.sim.client;

import dev.groupscope.sim.broker.ClusterActor;
import dev.groupscope.sim.engine.Actor;
import dev.groupscope.sim.engine.Context;
import java.util.List;
import java.util.Map;

/**
 * What clients read and do synchronously on the cluster actor (id {@value #ACTOR_ID}), in the broker side's terms.
 * Reads are cluster metadata (live brokers, partition counts, leaders), taken as always fresh: what producers,
 * FindCoordinator's choice of broker, a consumer's bootstrap list and views read. A consumer's partition leaders are
 * not read here: it asks with Metadata requests and keeps the answers ({@link ConsumerMetadata}); where its position
 * starts and what offsetsForTimes() answers it asks the partition's leader with a ListOffsets request. The log
 * bounds below serve producers and views.
 * Producing is a synchronous append, so the broker can wake the fetches it parked for fetch.min.bytes at once.
 */
public interface ClusterAccess {

    String ACTOR_ID = "cluster";

    /** Brokers that are up, by id. */
    List<Integer> liveBrokers();

    /** Ordinary topics with their partition counts, by name. */
    Map<String, Integer> partitionsPerTopic();

    /** The leader broker of a partition, or -1 if it has none or does not exist. */
    int leaderOf(String topic, int partition);

    /**
     * The partitions 0 … {@code count} − 1 of {@code topic} that have a leader, ascending, as an unmodifiable
     * list: what a producer's metadata calls "available". Implementations may return the same list instance for
     * as long as the answer does not change.
     */
    default List<Integer> partitionsWithLeader(String topic, int count) {
        List<Integer> available = new java.util.ArrayList<>();
        for (int p = 0; p < count; p++) {
            if (leaderOf(topic, p) >= 0) {
                available.add(p);
            }
        }
        return List.copyOf(available);
    }

    /** The broker coordinating {@code groupId} now, or -1 (no {@code __consumer_offsets} yet, or no leader). */
    default int coordinatorOf(String groupId) {
        return -1;
    }

    /** The partition's log-end offset: the offset the next record gets. */
    long logEndOffset(String topic, int partition);

    /** The key of the record at {@code offset} (null for a keyless record): what a worker pool orders by. */
    default String keyAt(String topic, int partition, long offset) {
        throw new UnsupportedOperationException("this cluster stand-in has no record keys");
    }

    /**
     * A producer's write to the partition's leader.
     *
     * @return the record's offset, or -1 when the partition does not exist or has no live leader
     */
    long append(Context context, String producer, String topic, int partition, long timestamp, String key);

    /**
     * A producer's Metadata request named the missing {@code topic}: created if the brokers' auto.create.topics.enable
     * allows it. True if the topic now exists.
     */
    default boolean autoCreateTopic(Context context, String topic, String producer) {
        return false;
    }

    /**
     * {@code client}'s process stopped (closed, crashed or failed): its connections are gone, so nothing it sent before
     * holds back what a new instance of it sends (a broker mutes a connection, not a client).
     */
    default void clientStopped(Context context, String client) {
    }

    /** The cluster actor of this world, as clients see it. */
    static ClusterAccess of(Context context) {
        Actor actor = context.actor(ACTOR_ID, Actor.class);
        if (actor instanceof ClusterActor cluster) {
            return new ClusterActorAccess(cluster);
        }
        if (actor instanceof ClusterAccess access) {
            return access; // a test's stand-in cluster
        }
        throw new IllegalStateException("actor " + ACTOR_ID + " does not offer cluster access: " + actor);
    }
}
