package dev.groupscope.sim.broker;

import dev.groupscope.kafka.GroupCoordinatorPartitioning;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.config.BrokerSettings;
import dev.groupscope.sim.cluster.ClusterState;
import dev.groupscope.sim.cluster.ClusterView;
import dev.groupscope.sim.client.ClusterAccess;
import dev.groupscope.sim.cluster.PartitionState;
import dev.groupscope.sim.coordinator.ClassicGroup;
import dev.groupscope.sim.coordinator.CoordinatorEnv;
import dev.groupscope.sim.coordinator.CoordinatorShard;
import dev.groupscope.sim.coordinator.ExpirationTimer;
import dev.groupscope.sim.coordinator.LoadTimer;
import dev.groupscope.sim.coordinator.GroupTimer;
import dev.groupscope.sim.coordinator.ShardView;
import dev.groupscope.sim.engine.Actor;
import dev.groupscope.sim.engine.Context;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.engine.Task;
import dev.groupscope.sim.engine.World;
import dev.groupscope.sim.offsets.OffsetsLogEntry;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.engine.OrderedFields;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every broker of the simulated cluster, in one actor (id {@value #ID}): a request names the broker it was sent to
 * in {@link Deliver#broker()}. The brokers serve FindCoordinator, Fetch and the group requests — the latter through
 * the classic group coordinator of each {@code __consumer_offsets} partition they lead — and carry out the scripted
 * actions of {@link ClusterActions}. Producers append synchronously with {@link #append}.
 *
 * <p>Replies travel back over the network as {@link Deliver}s from {@code "broker-<id>"} with that broker's id; a
 * request to a stopped broker gets a {@code Disconnected} instead.
 */
public final class ClusterActor implements Actor, ClusterAccess {

    public static final String ID = ClusterAccess.ACTOR_ID;

    final BrokerSettings settings;
    final SimSettings sim;
    final ClusterState state;
    /** The coordinator shard of each {@code __consumer_offsets} partition that has a leader, on that leader. */
    final CoordinatorShards shards;
    final FetchPurgatory fetches;
    /** The clients connected to each broker: a broker that stops closes their connections. */
    final ClientConnections connections;
    /** Requests not read yet: the broker is still handling one before them on their connection. */
    final MutedConnections muted;

    private ClusterActor(BrokerSettings settings, SimSettings sim, ClusterState state,
                         CoordinatorShards shards, FetchPurgatory fetches, ClientConnections connections,
                         MutedConnections muted) {
        this.settings = settings;
        this.sim = sim;
        this.state = state;
        this.shards = shards;
        this.fetches = fetches;
        this.connections = connections;
        this.muted = muted;
    }

    /**
     * A cluster with the given brokers (ids 1..brokerCount) and nothing else: topics, {@code __consumer_offsets}
     * included, come from {@link ClusterSetup} or scripted actions.
     */
    static ClusterActor empty(int brokerCount, BrokerSettings settings, SimSettings sim) {
        ClusterState state = new ClusterState();
        for (int id = 1; id <= brokerCount; id++) {
            state.addBroker(id);
        }
        return new ClusterActor(settings, sim, state, new CoordinatorShards(), new FetchPurgatory(),
                new ClientConnections(), new MutedConnections());
    }

    /** Builds the cluster of {@code setup}, adds it to the world and starts its log cleaner. */
    public static ClusterActor install(World world, ClusterSetup setup) {
        ClusterActor cluster = setup.build(world.random());
        world.addActor(cluster);
        LogCleaner.arm(world, cluster.sim);
        // The controller's activation (PeriodicTaskControlManager.activate()) starts the preferred-leader check's
        // clock: the first check comes one leader.imbalance.check.interval.seconds from now.
        PreferredLeaderBalancer.activate(cluster, world);
        cluster.shards.forEachMutable((partition, shard) ->
                shard.startExpiration(cluster.coordinatorEnv(world, shard.broker(), partition)));
        return cluster;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ClusterActor copy() {
        return new ClusterActor(settings, sim, state.copy(), shards.copy(), fetches.copy(), connections.copy(),
                muted.copy());
    }

    @Override
    public void handle(Task task, Context context) {
        if (task instanceof Deliver delivery) {
            new BrokerRequests(this, context).handle(delivery);
        } else if (task instanceof GroupTimer timer) {
            CoordinatorShard shard = shards.mutable(timer.partition());
            if (shard == null) {
                throw new IllegalStateException("timer of unloaded shard " + timer.partition() + ": " + timer);
            }
            shard.onTimer(timer, coordinatorEnv(context, shard.broker(), timer.partition()));
        } else if (task instanceof ExpirationTimer timer) {
            CoordinatorShard shard = shards.mutable(timer.partition());
            shard.onExpirationTimer(timer, coordinatorEnv(context, shard.broker(), timer.partition()));
        } else if (task instanceof LoadTimer timer) {
            CoordinatorShard shard = shards.mutable(timer.partition());
            shard.onLoadTimer(timer, coordinatorEnv(context, shard.broker(), timer.partition()));
        } else if (task instanceof FetchTimeout timeout) {
            fetches.onTimeout(timeout, state, sim, context);
        } else if (task instanceof CleanerTick) {
            LogCleaner.run(state, sim, context);
        } else if (task instanceof BalancePartitionLeaders) {
            PreferredLeaderBalancer.run(this, context);
        } else {
            new ClusterAdmin(this, context).handle(task);
        }
        readUnmuted(context);
    }

    /**
     * Whatever this step answered may have unmuted a connection: the requests waiting on it are read now. Called at
     * the end of every entry that may answer a parked fetch (a step of this actor, a producer's append, a topic's
     * creation on a client's Metadata), so no answered fetch is left over between steps, where a snapshot is taken.
     */
    private void readUnmuted(Context context) {
        List<ParkedFetch> answered = fetches.takeReleased();
        if (!muted.isEmpty()) {
            new BrokerRequests(this, context).readUnmuted(answered);
        }
    }

    /**
     * The JoinGroup or SyncGroup of {@code client} that the coordinator of {@code groupId} on {@code broker} holds
     * unanswered, or null: it mutes the client's connection to that coordinator (unless the client stopped since).
     */
    ClassicGroup.HeldRequest heldGroupRequest(String client, int broker, String groupId) {
        if (!state.hasTopic(ClusterState.OFFSETS_TOPIC)) {
            return null;
        }
        CoordinatorShard shard = shards.get(offsetsPartitionFor(groupId));
        ClassicGroup group = shard == null || shard.broker() != broker ? null : shard.group(groupId);
        ClassicGroup.HeldRequest held = group == null ? null : group.heldRequestOf(client);
        return held != null && muted.onOpenConnection(client, held.request().arrivedAt()) ? held : null;
    }

    @Override
    public void clientStopped(Context context, String client) {
        muted.clientStopped(client, context.now());
    }

    /**
     * A producer's write to the partition's leader (acks=1, no batching): the record gets the next offset, waiting
     * fetches wake up, and a PRODUCE event records it.
     *
     * @return the record's offset, or -1 when the topic or partition does not exist or has no live leader (the
     *         producer's send fails and it retries after refreshing its metadata)
     */
    /**
     * A Metadata request from {@code client} that allows auto-creation named {@code topic} (a producer's always
     * does): with auto.create.topics.enable, a missing topic is created. True if it exists now.
     */
    public boolean autoCreateTopic(Context context, String topic, String client) {
        if (!settings.autoCreateTopicsEnable() || state.hasTopic(topic) || topic.equals(ClusterState.OFFSETS_TOPIC)) {
            return state.hasTopic(topic);
        }
        new ClusterAdmin(this, context).autoCreateTopic(topic, client);
        readUnmuted(context); // a new topic answers parked fetches: what waited behind them is read in this step too
        return state.hasTopic(topic);
    }

    /**
     * What a producer's record weighs in the snapshots' spacing besides its two events ({@link Context#weigh}):
     * replaying its append also finds its key, writes the log and wakes the fetches parked on the partition, and
     * the record is later fetched and processed in events that carry many records at once.
     */
    static final int APPEND_WEIGHT = 3;

    @Override
    public long append(Context context, String producer, String topic, int partition, long timestamp, String key) {
        if (!exists(topic, partition)) {
            return -1;
        }
        int leader = state.leaderOf(topic, partition);
        if (leader == PartitionState.NO_LEADER) {
            return -1;
        }
        long offset = state.append(topic, partition, timestamp, state.keys().idOf(key));
        context.weigh(APPEND_WEIGHT);
        Map<String, Object> fields = Map.of(); // a replay only counts the event
        if (context.buildsEvents()) {
            fields = new OrderedFields(4);
            fields.put("topicPartition", topic + "-" + partition);
            fields.put("offset", offset);
            if (key != null) {
                fields.put("key", key);
            }
            fields.put("timestamp", timestamp);
        }
        context.emit(EventKind.PRODUCE, "Produce", CoordinatorEnv.brokerActor(leader), producer, fields);
        fetches.onAppend(new TopicPartition(topic, partition), state, sim, context);
        readUnmuted(context);
        return offset;
    }

    // ------------------------------------------------------------------ what clients may read synchronously

    /** Brokers, topics, replicas, leaders and log-end offsets: the metadata a client would fetch. */
    public ClusterView metadata() {
        return state.view();
    }

    public boolean isUp(int brokerId) {
        return state.isUp(brokerId);
    }

    /** The brokers that are up, ascending, without building the whole view. */
    @Override
    public List<Integer> liveBrokers() {
        return state.liveBrokers();
    }

    /** The leader broker of a partition, or -1 if it has none or does not exist. */
    @Override
    public int leaderOf(String topic, int partition) {
        return exists(topic, partition) ? state.leaderOf(topic, partition) : PartitionState.NO_LEADER;
    }

    /**
     * The partitions 0 … {@code count} − 1 of {@code topic} that have a leader (as {@link #leaderOf} would say, one
     * by one); the same list instance while leaders and topics stay as they are.
     */
    public java.util.List<Integer> partitionsWithLeader(String topic, int count) {
        if (state.hasTopic(topic) && count == state.partitionCount(topic)) {
            return state.partitionsWithLeader(topic);
        }
        java.util.List<Integer> available = new java.util.ArrayList<>();
        for (int p = 0; p < count; p++) {
            if (leaderOf(topic, p) >= 0) {
                available.add(p);
            }
        }
        return java.util.List.copyOf(available);
    }

    /** Ordinary topics with their partition counts, by name. */
    @Override
    public Map<String, Integer> partitionsPerTopic() {
        return state.partitionsPerTopic();
    }

    /** The log-end offset of a partition of an ordinary topic (-1 if there is no such partition). */
    @Override
    public long logEndOffset(String topic, int partition) {
        return exists(topic, partition) ? state.log(topic, partition).logEndOffset() : -1;
    }

    private boolean exists(String topic, int partition) {
        return state.hasTopic(topic) && !topic.equals(ClusterState.OFFSETS_TOPIC)
                && partition >= 0 && partition < state.partitionCount(topic);
    }

    /** The key of the record at {@code offset} (null for a keyless record). */
    public String keyAt(String topic, int partition, long offset) {
        return state.keys().key(state.log(topic, partition).keyIdAt(offset));
    }

    public long timestampAt(String topic, int partition, long offset) {
        return state.log(topic, partition).timestampAt(offset);
    }

    /** The {@code __consumer_offsets} partition of a group: Kafka's Utils.abs(hash) mod the partition count. */
    public int offsetsPartitionFor(String groupId) {
        return GroupCoordinatorPartitioning.partitionFor(groupId, offsetsPartitionCount()).partition();
    }

    /** The broker coordinating {@code groupId} now (the leader of its offsets partition), or -1 if none. */
    public int coordinatorOf(String groupId) {
        if (!state.hasTopic(ClusterState.OFFSETS_TOPIC)) {
            return -1;
        }
        return state.leaderOf(ClusterState.OFFSETS_TOPIC, offsetsPartitionFor(groupId));
    }

    /** The existing topic's partition count, or offsets.topic.num.partitions before it exists. */
    int offsetsPartitionCount() {
        return state.hasTopic(ClusterState.OFFSETS_TOPIC) ? state.offsetsPartitionCount()
                : settings.offsetsTopicNumPartitions();
    }

    /** The coordinator shard of a group if {@code broker} leads the group's partition, else null. */
    CoordinatorShard shardAt(int broker, String groupId) {
        if (!state.hasTopic(ClusterState.OFFSETS_TOPIC)) {
            return null;
        }
        int partition = offsetsPartitionFor(groupId);
        CoordinatorShard shard = shards.get(partition);
        return shard != null && shard.broker() == broker ? shards.mutable(partition) : null;
    }

    CoordinatorEnv coordinatorEnv(Context context, int broker, int partition) {
        return new CoordinatorEnv(context, ID, broker, sim.network(), settings,
                partition < 0 ? null : state.offsetsLogToChange(partition), this::partitionExists);
    }

    /** KafkaApis' {@code metadataCache.getLeaderAndIsr(topic, partition).isPresent()}: offline partitions exist too. */
    private boolean partitionExists(TopicPartition partition) {
        return state.hasTopic(partition.topic()) && partition.partition() >= 0
                && partition.partition() < state.partitionCount(partition.topic());
    }

    /**
     * The records {@code __consumer_offsets-partition} holds now, in offset order (gaps where compaction removed
     * some); empty when there is no such partition. Read-only and live, not a copy: read it while the world stands.
     */
    public List<OffsetsLogEntry> offsetsLog(int partition) {
        if (!state.hasTopic(ClusterState.OFFSETS_TOPIC) || partition < 0
                || partition >= state.offsetsPartitionCount()) {
            return List.of();
        }
        return state.offsetsLog(partition).entries();
    }

    /** Read-only access for tests and views: the shard of a partition, or null. */
    public CoordinatorShard shard(int partition) {
        return shards.get(partition);
    }

    /** The loaded coordinator shards, in partition order: read-only (their state is live, not a copy). */
    public java.util.Collection<CoordinatorShard> loadedShards() {
        return shards.values();
    }

    public BrokerSettings settings() {
        return settings;
    }

    @Override
    public ClusterActorView view() {
        Map<Integer, ShardView> coordinators = new TreeMap<>();
        shards.forEach((partition, shard) -> coordinators.put(partition, shard.view()));
        Map<Integer, List<OffsetsLogEntry>> logs = new TreeMap<>();
        if (state.hasTopic(ClusterState.OFFSETS_TOPIC)) {
            for (int p = 0; p < state.offsetsPartitionCount(); p++) {
                logs.put(p, List.copyOf(state.offsetsLog(p).entries()));
            }
        }
        return new ClusterActorView(state.view(), coordinators, logs, fetches.parked());
    }
}
