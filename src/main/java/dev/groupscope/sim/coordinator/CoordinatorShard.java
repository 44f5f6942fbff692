package dev.groupscope.sim.coordinator;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.offsets.OffsetCommitValue;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.engine.SortedArrayMap;
import dev.groupscope.sim.engine.SortedArraySet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The group coordinator for one partition of {@code __consumer_offsets} on the broker that leads it (Kafka's
 * {@code GroupCoordinatorShard}: a {@code GroupMetadataManager} and an {@code OffsetMetadataManager}). It holds the
 * classic groups and committed offsets of every group that hashes to the partition, writes their records to the
 * partition's log, and is rebuilt from that log by the next leader.
 *
 * <p>Plain data with a deep {@link #copy()}; the logic lives in the handlers, which get the shard and a
 * {@link CoordinatorEnv} per call.
 */
public final class CoordinatorShard {

    private final int partition;
    private final int broker;
    final TreeMap<String, ClassicGroup> groups;
    final TreeMap<String, SortedArrayMap<TopicPartition, OffsetCommitValue>> offsets;
    /**
     * The engine timer keys this shard has armed and not yet seen fire or cancelled: unloading cancels them. A
     * sorted array, not a TreeSet: the shard of a large group holds a heartbeat key per member, and a copy of the
     * shard (at every snapshot that follows a heartbeat) made a tree node per key.
     */
    final SortedArraySet<String> timerKeys;
    /**
     * While the new leader still reads the partition (Kafka's runtime in state LOADING): when that ends, else
     * {@link #LOADED}. Until then the shard holds its groups as the partition stores them, for looking at only: no
     * timer of theirs runs, and their requests get COORDINATOR_LOAD_IN_PROGRESS.
     */
    long loadEndsAt;

    static final long LOADED = -1;

    CoordinatorShard(int partition, int broker) {
        this.partition = partition;
        this.broker = broker;
        this.groups = new TreeMap<>();
        this.offsets = new TreeMap<>();
        this.timerKeys = new SortedArraySet<>();
        this.loadEndsAt = LOADED;
    }

    private CoordinatorShard(CoordinatorShard other) {
        this.partition = other.partition;
        this.broker = other.broker;
        this.groups = new TreeMap<>();
        other.groups.forEach((id, group) -> this.groups.put(id, group.copy()));
        this.offsets = new TreeMap<>();
        other.offsets.forEach((group, byPartition) -> this.offsets.put(group, new SortedArrayMap<>(byPartition)));
        this.timerKeys = new SortedArraySet<>(other.timerKeys);
        this.loadEndsAt = other.loadEndsAt;
    }

    public CoordinatorShard copy() {
        return new CoordinatorShard(this);
    }

    /** The shard of a partition whose log is empty, e.g. of a {@code __consumer_offsets} just created. */
    public static CoordinatorShard empty(int partition, int broker) {
        return new CoordinatorShard(partition, broker);
    }

    /**
     * Becomes coordinator of {@code env}'s partition: replays the partition's log (committed offsets, then each
     * group's latest GroupMetadata) and arms every loaded member's heartbeat, as Kafka's {@code onLoaded} does. A
     * partition with records takes {@code loadMs} to read: until the {@link LoadTimer} fires the shard is loading, and
     * only then does it coordinate the groups it read.
     */
    public static CoordinatorShard load(int partition, CoordinatorEnv env, long loadMs) {
        CoordinatorShard shard = new CoordinatorShard(partition, env.brokerId());
        ShardLoader loader = new ShardLoader(new ShardCall(shard, env));
        if (loadMs > 0 && !env.log().entries().isEmpty()) {
            loader.startLoading(loadMs);
        } else {
            loader.load(false);
        }
        return shard;
    }

    /** The partition has been read: the shard coordinates its groups from now on (Kafka's {@code onLoaded}). */
    public void onLoadTimer(LoadTimer timer, CoordinatorEnv env) {
        timerKeys.remove(timer.key());
        loadEndsAt = LOADED;
        new ShardLoader(new ShardCall(this, env)).load(true);
    }

    /** Whether the new leader is still reading the partition: every request of its groups waits for that. */
    public boolean loading() {
        return loadEndsAt != LOADED;
    }

    /** When the load ends (virtual ms); meaningful only while {@link #loading()}. */
    public long loadEndsAt() {
        return loadEndsAt;
    }

    /** Stops coordinating: every group goes Dead, parked requests get NOT_COORDINATOR, timers are cancelled. */
    public void unload(CoordinatorEnv env) {
        new ShardLoader(new ShardCall(this, env)).unload();
    }

    /**
     * Handles a group request (JoinGroup, SyncGroup, Heartbeat, LeaveGroup, OffsetCommit, OffsetFetch) that the
     * broker has routed here: it leads this shard's partition and the request names a group of it.
     */
    public void handle(Deliver request, CoordinatorEnv env) {
        new RequestDispatcher(new ShardCall(this, env)).dispatch(request);
    }

    /** Starts the periodic offset expiry of a shard that did not come from {@link #load} (a new partition). */
    public void startExpiration(CoordinatorEnv env) {
        new ShardCall(this, env).armExpiration();
    }

    /** Deletes expired offsets and the Empty groups left without any, then runs again after the interval. */
    public void onExpirationTimer(ExpirationTimer timer, CoordinatorEnv env) {
        ShardCall call = new ShardCall(this, env);
        timerKeys.remove(timer.key());
        new GroupExpiry(call).run();
        call.armExpiration();
    }

    public void onTimer(GroupTimer timer, CoordinatorEnv env) {
        ShardCall call = new ShardCall(this, env);
        timerKeys.remove(timer.key());
        new TimerHandler(call).fire(timer);
    }

    /** A topic was deleted: its committed offsets are deleted with tombstones (Kafka's onPartitionsDeleted). */
    public void onTopicDeleted(String topic, CoordinatorEnv env) {
        if (loading()) {
            return; // Kafka's write to every shard fails on one still loading ("Could not delete offsets"): they stay
        }
        new OffsetHandler(new ShardCall(this, env)).deleteTopicOffsets(topic);
    }

    public int partition() {
        return partition;
    }

    public int broker() {
        return broker;
    }

    public ClassicGroup group(String groupId) {
        return groups.get(groupId);
    }

    public Set<String> groupIds() {
        return java.util.Collections.unmodifiableSet(groups.keySet());
    }

    /** The group's committed offset of {@code partition} as stored, or null if it has none. */
    OffsetCommitValue committed(String groupId, TopicPartition partition) {
        SortedArrayMap<TopicPartition, OffsetCommitValue> byPartition = offsets.get(groupId);
        return byPartition == null ? null : byPartition.get(partition);
    }

    /** The groups that have committed offsets here (in order): a read-only view, no copy. */
    public Set<String> groupsWithOffsets() {
        return java.util.Collections.unmodifiableSet(offsets.keySet());
    }

    /**
     * The offsets {@code groupId} committed here, by partition (empty if none): a read-only view of the live state,
     * no copy, for a reader that looks up a few of a thousand partitions.
     */
    public Map<TopicPartition, OffsetCommitValue> offsetsOf(String groupId) {
        SortedArrayMap<TopicPartition, OffsetCommitValue> byPartition = offsets.get(groupId);
        return byPartition == null ? Map.of() : java.util.Collections.unmodifiableMap(byPartition);
    }

    public ShardView view() {
        Map<String, GroupView> groupViews = new TreeMap<>();
        groups.forEach((id, group) -> groupViews.put(id, GroupView.of(group)));
        Map<String, Map<TopicPartition, Long>> committed = new TreeMap<>();
        offsets.forEach((group, byPartition) -> {
            Map<TopicPartition, Long> values = new TreeMap<>();
            byPartition.forEach((tp, value) -> values.put(tp, value.offset()));
            committed.put(group, values);
        });
        return new ShardView(partition, broker, groupViews, committed, loadEndsAt);
    }
}
