package dev.groupscope.sim.cluster;

import dev.groupscope.sim.engine.DeterministicRandom;
import dev.groupscope.sim.offsets.CompactedLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The brokers, topics, partitions and logs of the simulated cluster. Plain data whose {@link #copy()} behaves as a
 * deep copy but shares what neither side changes: partition states are replaced, never changed, and a partition's
 * log is copied by whichever side appends to it first (copy on write), so a snapshot of 1,000 partitions costs two
 * arrays of references plus the logs written since the previous one. The actors that serve requests hold one.
 *
 * <p>Replica placement is Kafka's rack-unaware striping: a random start broker, then partition p's replicas are
 * the next {@code replicationFactor} brokers from {@code start + p}. The leader is the first replica whose broker
 * is up; when a leader's broker stops, leadership moves to the next live replica (every replica is taken to be in
 * sync, as in a healthy cluster). A restarted broker takes back at once only the partitions left without a leader
 * (Kafka's {@code ReplicationControlManager.handleBrokerUnfenced} elects leaders for leaderless partitions only);
 * the others return to it when the controller's periodic check runs a preferred-leader election
 * ({@link #balancePartitionLeaders}, scheduled by the broker package's {@code PreferredLeaderBalancer}).
 *
 * <p>"Every replica in sync" matters there too: Kafka elects the preferred replica only once it is back in the
 * ISR, which a restarted broker rejoins after catching up with the leader (usually seconds, well inside the 300 s
 * check interval). The model has no ISR, so a live preferred replica is always eligible.
 */
public final class ClusterState {

    public static final String OFFSETS_TOPIC = "__consumer_offsets";

    private final TreeMap<Integer, Boolean> brokers;
    /** The brokers that are up, derived from {@link #brokers}: null until asked after a change. */
    private List<Integer> live;
    private final TreeMap<String, List<PartitionState>> topics;
    private final TreeMap<String, List<PartitionLog>> logs;
    private final List<CompactedLog> offsetsLogs;
    /**
     * The {@code __consumer_offsets} logs this state may change in place; a copy shares the others and copies one
     * before changing it. Only the partitions of active groups take commits: a snapshot copied all 50 logs.
     */
    private final java.util.BitSet ownedOffsetsLogs = new java.util.BitSet();
    private final KeyTable keys;
    /**
     * Per topic, its partitions that have a leader: derived from {@link #topics}, dropped whenever a leader or a
     * topic changes. Producers ask for it on every record; recomputing it is a scan of every partition.
     */
    private final Map<String, List<Integer>> withLeader = new java.util.HashMap<>();
    /** {@link #partitionsPerTopic}, derived from {@link #topics} like {@link #withLeader}: producers ask per record. */
    private Map<String, Integer> perTopic;
    /**
     * The logs this state may append to in place are those whose {@link PartitionLog#owner} is this token; a copy
     * gives both sides a new token, so each copies a shared log before its first append.
     */
    private Object token = new Object();

    public ClusterState() {
        this.brokers = new TreeMap<>();
        this.topics = new TreeMap<>();
        this.logs = new TreeMap<>();
        this.offsetsLogs = new ArrayList<>();
        this.keys = new KeyTable();
    }

    private ClusterState(ClusterState other) {
        this.brokers = new TreeMap<>(other.brokers);
        this.live = other.live;
        this.topics = new TreeMap<>();
        other.topics.forEach((name, partitions) -> this.topics.put(name, new ArrayList<>(partitions)));
        this.logs = new TreeMap<>();
        other.logs.forEach((name, partitionLogs) -> this.logs.put(name, new ArrayList<>(partitionLogs)));
        other.token = new Object();
        this.offsetsLogs = new ArrayList<>(other.offsetsLogs);
        other.ownedOffsetsLogs.clear(); // both now share every offsets log
        this.keys = other.keys.copy();
        // Derived from the topics, which are equal now; its lists are immutable, so both may keep them (each side
        // clears its own map when its topics change). Rebuilt instead, every snapshot kept 1,000 boxed partitions.
        this.withLeader.putAll(other.withLeader);
        this.perTopic = other.perTopic;
    }

    /** Synchronized: the run and a rebuild for the UI may copy the same snapshot's state at once. */
    public synchronized ClusterState copy() {
        return new ClusterState(this);
    }

    public void addBroker(int id) {
        if (brokers.putIfAbsent(id, true) != null) {
            throw new IllegalArgumentException("broker " + id + " already exists");
        }
        live = null;
    }

    public boolean isUp(int broker) {
        return brokers.getOrDefault(broker, false);
    }

    public List<Integer> brokerIds() {
        return List.copyOf(brokers.keySet());
    }

    /**
     * The brokers that are up, ascending. Every consumer's poll() asks (which brokers could it fetch from), and they
     * change only when a broker is added, stopped or restarted: kept until then (an immutable list, so copies share it).
     */
    public List<Integer> liveBrokers() {
        if (live == null) {
            List<Integer> up = new ArrayList<>();
            brokers.forEach((id, isUp) -> {
                if (isUp) {
                    up.add(id);
                }
            });
            live = List.copyOf(up);
        }
        return live;
    }

    /** Stops a broker; every partition it led moves to its next live replica (or goes offline). */
    public List<LeaderChange> stopBroker(int id) {
        requireBroker(id);
        brokers.put(id, false);
        live = null;
        return electLeaders(leader -> leader == id);
    }

    /** Restarts a broker; it becomes leader of the partitions that had none and list it as a replica. */
    public List<LeaderChange> startBroker(int id) {
        requireBroker(id);
        brokers.put(id, true);
        live = null;
        return electLeaders(leader -> leader == PartitionState.NO_LEADER);
    }

    /**
     * Kafka's {@code ReplicationControlManager.arePartitionLeadersImbalanced}: some partition is not led by its
     * preferred replica, the first of its replicas. An offline partition (no leader) counts, as in Kafka, where
     * {@code PartitionRegistration.hasPreferredLeader} is false for it.
     */
    public boolean arePartitionLeadersImbalanced() {
        for (List<PartitionState> partitions : topics.values()) {
            for (PartitionState state : partitions) {
                if (!state.hasPreferredLeader()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Kafka's {@code ReplicationControlManager.maybeBalancePartitionLeaders}: a PREFERRED election
     * ({@code PartitionChangeBuilder.electPreferredLeader}) for each imbalanced partition, stopping once
     * {@code maxElections} leaders have moved. The preferred replica takes over if it can lead (Kafka: in the ISR and
     * unfenced, not shutting down; here: its broker is up, every replica being in sync); otherwise the current
     * leader stays, since it is live (a stopped broker's partitions were moved off it). An offline partition stays
     * offline: had its preferred replica been up, {@link #startBroker} would already have elected it.
     *
     * <p>Kafka walks its imbalanced partitions in hash-set order, which no run can predict; the model walks them by
     * topic name, then partition, so that a run is reproducible. The order matters only past {@code maxElections}.
     *
     * @return the leaders that moved, at most {@code maxElections}
     */
    public List<LeaderChange> balancePartitionLeaders(int maxElections) {
        List<LeaderChange> changes = new ArrayList<>();
        for (Map.Entry<String, List<PartitionState>> topic : topics.entrySet()) {
            List<PartitionState> partitions = topic.getValue();
            for (int p = 0; p < partitions.size() && changes.size() < maxElections; p++) {
                PartitionState state = partitions.get(p);
                int preferred = state.preferredReplica();
                if (!state.hasPreferredLeader() && state.leader() != PartitionState.NO_LEADER && isUp(preferred)) {
                    changes.add(new LeaderChange(topic.getKey(), p, state.leader(), preferred));
                    partitions.set(p, state.withLeader(preferred, logEnd(topic.getKey(), p)));
                }
            }
        }
        if (!changes.isEmpty()) {
            forgetDerived();
        }
        return changes;
    }

    private List<LeaderChange> electLeaders(java.util.function.IntPredicate needsElection) {
        forgetDerived();
        List<LeaderChange> changes = new ArrayList<>();
        topics.forEach((topic, partitions) -> {
            for (int p = 0; p < partitions.size(); p++) {
                PartitionState state = partitions.get(p);
                if (needsElection.test(state.leader())) {
                    int newLeader = firstLiveReplica(state.replicas());
                    if (newLeader != state.leader()) {
                        changes.add(new LeaderChange(topic, p, state.leader(), newLeader));
                        partitions.set(p, state.withLeader(newLeader, logEnd(topic, p)));
                    }
                }
            }
        });
        return changes;
    }

    /**
     * Creates a topic. Kafka refuses a replication factor above the broker count; {@code __consumer_offsets} is
     * the exception the reference notes: its factor is capped by the brokers there are (use
     * {@link #createOffsetsTopic}).
     */
    public void createTopic(String name, int partitions, int replicationFactor, DeterministicRandom random) {
        if (topics.containsKey(name)) {
            throw new IllegalArgumentException("topic " + name + " already exists");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic needs at least one partition");
        }
        if (replicationFactor < 1 || replicationFactor > brokers.size()) {
            throw new IllegalArgumentException("replication factor " + replicationFactor + " is larger than the "
                    + brokers.size() + " available brokers");
        }
        forgetDerived();
        topics.put(name, new ArrayList<>());
        logs.put(name, new ArrayList<>());
        int start = random.nextInt(brokers.size());
        addPartitions(name, 0, partitions, replicationFactor, start);
    }

    /** {@code __consumer_offsets}: offsets.topic.num.partitions partitions, replication capped by the brokers. */
    public void createOffsetsTopic(int partitions, int replicationFactor, int segmentRecords,
                                   double minCleanableDirtyRatio, long deleteRetentionMs,
                                   DeterministicRandom random) {
        createTopic(OFFSETS_TOPIC, partitions, Math.min(replicationFactor, brokers.size()), random);
        for (int p = 0; p < partitions; p++) {
            ownedOffsetsLogs.set(offsetsLogs.size());
            offsetsLogs.add(new CompactedLog(segmentRecords, minCleanableDirtyRatio, deleteRetentionMs));
        }
    }

    /** Grows a topic to {@code newCount} partitions; Kafka never shrinks one. */
    public void increasePartitions(String topic, int newCount, DeterministicRandom random) {
        List<PartitionState> partitions = requireTopic(topic);
        if (newCount <= partitions.size()) {
            throw new IllegalArgumentException("topic " + topic + " has " + partitions.size()
                    + " partitions; the count can only grow");
        }
        int replicationFactor = partitions.get(0).replicas().size();
        addPartitions(topic, partitions.size(), newCount, replicationFactor, random.nextInt(brokers.size()));
    }

    private void addPartitions(String topic, int from, int to, int replicationFactor, int start) {
        forgetDerived();
        List<Integer> ids = brokerIds();
        for (int p = from; p < to; p++) {
            List<Integer> replicas = new ArrayList<>(replicationFactor);
            for (int r = 0; r < replicationFactor; r++) {
                replicas.add(ids.get((start + p + r) % ids.size()));
            }
            topics.get(topic).add(new PartitionState(replicas, firstLiveReplica(replicas)));
            if (!topic.equals(OFFSETS_TOPIC)) {
                logs.get(topic).add(new PartitionLog(token));
            }
        }
    }

    public void deleteTopic(String topic) {
        requireTopic(topic);
        forgetDerived();
        topics.remove(topic);
        logs.remove(topic);
    }

    private int firstLiveReplica(List<Integer> replicas) {
        for (int broker : replicas) {
            if (isUp(broker)) {
                return broker;
            }
        }
        return PartitionState.NO_LEADER;
    }

    public boolean hasTopic(String topic) {
        return topics.containsKey(topic);
    }

    /** Ordinary topics (not {@code __consumer_offsets}) with their partition counts, by name (unmodifiable). */
    public Map<String, Integer> partitionsPerTopic() {
        if (perTopic == null) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            topics.forEach((name, partitions) -> {
                if (!name.equals(OFFSETS_TOPIC)) {
                    counts.put(name, partitions.size());
                }
            });
            perTopic = Collections.unmodifiableMap(counts);
        }
        return perTopic;
    }

    /** A topic, a partition or a leader changed: what is derived from them is made again when next asked. */
    private void forgetDerived() {
        withLeader.clear();
        perTopic = null;
    }

    /** The partitions of {@code topic} that have a leader, ascending (unmodifiable). */
    public List<Integer> partitionsWithLeader(String topic) {
        List<Integer> cached = withLeader.get(topic);
        if (cached == null) {
            List<PartitionState> partitions = requireTopic(topic);
            List<Integer> available = new ArrayList<>(partitions.size());
            for (int p = 0; p < partitions.size(); p++) {
                if (partitions.get(p).leader() >= 0) {
                    available.add(p);
                }
            }
            cached = List.copyOf(available);
            withLeader.put(topic, cached);
        }
        return cached;
    }

    public int partitionCount(String topic) {
        return requireTopic(topic).size();
    }

    public PartitionState partition(String topic, int partition) {
        return requireTopic(topic).get(partition);
    }

    public int leaderOf(String topic, int partition) {
        return partition(topic, partition).leader();
    }

    /** The partition's log, for reading ({@link #append} writes to it). */
    public PartitionLog log(String topic, int partition) {
        requireTopic(topic);
        return logs.get(topic).get(partition);
    }

    /** Appends a record to the partition's log (copying the log first if a copy of this state shares it). */
    public long append(String topic, int partition, long timestamp, int keyId) {
        requireTopic(topic);
        List<PartitionLog> topicLogs = logs.get(topic);
        PartitionLog log = topicLogs.get(partition);
        if (log.owner != token) {
            log = log.copy(token);
            topicLogs.set(partition, log);
        }
        return log.append(timestamp, keyId);
    }

    /** The log-end offset of a partition, of an ordinary topic or of {@code __consumer_offsets}. */
    private long logEnd(String topic, int partition) {
        if (topic.equals(OFFSETS_TOPIC)) {
            return partition < offsetsLogs.size() ? offsetsLogs.get(partition).logEndOffset() : 0;
        }
        return logs.get(topic).get(partition).logEndOffset();
    }

    /** The {@code __consumer_offsets} partition's log, for reading only (a copy of this state may share it). */
    public CompactedLog offsetsLog(int partition) {
        return offsetsLogs.get(partition);
    }

    /** The {@code __consumer_offsets} partition's log, private to this state (copied first if shared): to change. */
    public CompactedLog offsetsLogToChange(int partition) {
        CompactedLog log = offsetsLogs.get(partition);
        if (!ownedOffsetsLogs.get(partition)) {
            log = log.copy();
            offsetsLogs.set(partition, log);
            ownedOffsetsLogs.set(partition);
        }
        return log;
    }

    public int offsetsPartitionCount() {
        return offsetsLogs.size();
    }

    public KeyTable keys() {
        return keys;
    }

    public ClusterView view() {
        Map<String, List<ClusterView.PartitionView>> topicViews = new LinkedHashMap<>();
        topics.forEach((name, partitions) -> {
            List<ClusterView.PartitionView> views = new ArrayList<>();
            for (int p = 0; p < partitions.size(); p++) {
                long end = name.equals(OFFSETS_TOPIC) ? offsetsLogs.get(p).logEndOffset()
                        : logs.get(name).get(p).logEndOffset();
                PartitionState partition = partitions.get(p);
                views.add(new ClusterView.PartitionView(p, partition.replicas(), partition.leader(), end,
                        partition.leaderEpoch()));
            }
            topicViews.put(name, Collections.unmodifiableList(views));
        });
        return new ClusterView(Collections.unmodifiableMap(new LinkedHashMap<>(brokers)),
                Collections.unmodifiableMap(topicViews));
    }

    private List<PartitionState> requireTopic(String topic) {
        List<PartitionState> partitions = topics.get(topic);
        if (partitions == null) {
            throw new IllegalArgumentException("no topic " + topic);
        }
        return partitions;
    }

    private void requireBroker(int id) {
        if (!brokers.containsKey(id)) {
            throw new IllegalArgumentException("no broker " + id);
        }
    }
}
