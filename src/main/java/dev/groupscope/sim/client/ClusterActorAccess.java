package dev.groupscope.sim.client;

import dev.groupscope.sim.broker.ClusterActor;
import dev.groupscope.sim.engine.Context;
import java.util.List;
import java.util.Map;

/** Clients' view of the broker side's {@link ClusterActor}: its public reads, and its append. */
record ClusterActorAccess(ClusterActor cluster) implements ClusterAccess {

    @Override
    public List<Integer> liveBrokers() {
        return cluster.liveBrokers();
    }

    @Override
    public Map<String, Integer> partitionsPerTopic() {
        return cluster.partitionsPerTopic();
    }

    @Override
    public int leaderOf(String topic, int partition) {
        return cluster.leaderOf(topic, partition);
    }

    @Override
    public List<Integer> partitionsWithLeader(String topic, int count) {
        return cluster.partitionsWithLeader(topic, count);
    }

    @Override
    public int coordinatorOf(String groupId) {
        return cluster.coordinatorOf(groupId);
    }

    @Override
    public long logEndOffset(String topic, int partition) {
        return cluster.logEndOffset(topic, partition);
    }

    @Override
    public String keyAt(String topic, int partition, long offset) {
        return cluster.keyAt(topic, partition, offset);
    }

    @Override
    public boolean autoCreateTopic(Context context, String topic, String producer) {
        return cluster.autoCreateTopic(context, topic, producer);
    }

    @Override
    public void clientStopped(Context context, String client) {
        cluster.clientStopped(context, client);
    }

    @Override
    public long append(Context context, String producer, String topic, int partition, long timestamp, String key) {
        return cluster.append(context, producer, topic, partition, timestamp, key);
    }
}
