package dev.groupscope.sim.broker;

import dev.groupscope.sim.cluster.ClusterState;
import dev.groupscope.sim.cluster.LeaderChange;
import dev.groupscope.sim.cluster.PartitionState;
import dev.groupscope.sim.coordinator.CoordinatorEnv;
import dev.groupscope.sim.coordinator.CoordinatorShard;
import dev.groupscope.sim.coordinator.EventFields;
import dev.groupscope.sim.coordinator.Rule;
import dev.groupscope.sim.engine.Context;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.engine.Task;
import dev.groupscope.sim.ledger.Ledger;
import dev.groupscope.sim.protocol.ConnectionsClosed;
import dev.groupscope.sim.protocol.ConnectionsClosing;
import dev.groupscope.sim.protocol.Message;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The cluster's administration and faults: brokers stopping and starting, topics created, grown and deleted — and
 * what follows, above all a {@code __consumer_offsets} partition changing leader, which moves its groups to another
 * coordinator.
 */
final class ClusterAdmin {

    private final ClusterActor cluster;
    private final Context context;

    ClusterAdmin(ClusterActor cluster, Context context) {
        this.cluster = cluster;
        this.context = context;
    }

    /** Carries out a scripted action. */
    void handle(Task task) {
        if (task instanceof ClusterActions.StopBroker stop) {
            stopBroker(stop.brokerId());
        } else if (task instanceof ClusterActions.StartBroker start) {
            startBroker(start.brokerId());
        } else if (task instanceof ClusterActions.CreateTopic create) {
            createTopic(create.topic(), create.partitions(), create.replicationFactor());
        } else if (task instanceof ClusterActions.IncreasePartitions increase) {
            increasePartitions(increase.topic(), increase.newPartitionCount());
        } else if (task instanceof ClusterActions.DeleteTopic delete) {
            deleteTopic(delete.topic());
        } else {
            throw new IllegalArgumentException("the cluster does not handle " + task);
        }
    }

    private void stopBroker(int broker) {
        if (!cluster.state.brokerIds().contains(broker) || !cluster.state.isUp(broker)) {
            refuse("StopBroker", "BROKER_NOT_AVAILABLE", Rule.of("sim.cluster.refused.brokerNotUp", "broker", broker));
            return;
        }
        List<LeaderChange> changes = cluster.state.stopBroker(broker);
        emit(EventKind.FAULT, "BrokerStopped", CoordinatorEnv.brokerActor(broker), fields("broker", broker),
                Rule.of("sim.cluster.brokerStopped", "broker", broker, "partitions", changes.size()));
        // A stopping broker answers what it can while its partitions move, then its socket server closes every
        // client's connection. Each client reads answers and close in one poll, and sees the close before it handles
        // the answers: the close goes out in two halves around them (TCP keeps their order).
        List<String> clients = cluster.connections.closeAll(broker);
        cluster.muted.dropAll(broker);
        clients.forEach(client -> sendToClient(broker, client, new ConnectionsClosing(broker)));
        applyLeaderChanges(changes, ClusterAdmin::failoverRule);
        clients.forEach(client -> sendToClient(broker, client, new ConnectionsClosed(broker)));
    }

    private void sendToClient(int broker, String client, Message message) {
        cluster.sim.network().send(context, CoordinatorEnv.brokerActor(broker), client, broker, message);
    }

    private void startBroker(int broker) {
        if (!cluster.state.brokerIds().contains(broker) || cluster.state.isUp(broker)) {
            refuse("StartBroker", "BROKER_NOT_STOPPED", Rule.of("sim.cluster.refused.brokerNotStopped",
                    "broker", broker));
            return;
        }
        List<LeaderChange> changes = cluster.state.startBroker(broker);
        emit(EventKind.ACTION, "BrokerStarted", CoordinatorEnv.brokerActor(broker), fields("broker", broker),
                Rule.of("sim.cluster.brokerStarted", "broker", broker, "partitions", changes.size()));
        applyLeaderChanges(changes, ClusterAdmin::failoverRule);
    }

    /** Why a leader moved when a broker stopped or started: it was elected, or no replica is left. */
    private static Rule failoverRule(LeaderChange change) {
        return change.newLeader() == PartitionState.NO_LEADER
                ? Rule.of("sim.cluster.partitionOffline", "topicPartition", tp(change), "previous", change.oldLeader())
                : Rule.of("sim.cluster.leaderElected", "topicPartition", tp(change), "leader", change.newLeader());
    }

    /**
     * New leaders take over, whatever moved them (a broker stopping or starting, a preferred-leader election): a
     * {@code __consumer_offsets} partition's groups move with its leadership, and waiting fetches learn of it.
     */
    void applyLeaderChanges(List<LeaderChange> changes, Function<LeaderChange, Rule> why) {
        for (LeaderChange change : changes) {
            emit(EventKind.STATE, "LeaderChange", ClusterActor.ID, fields("topicPartition", tp(change),
                    "previousLeader", change.oldLeader(), "leader", change.newLeader()), why.apply(change));
            if (change.topic().equals(ClusterState.OFFSETS_TOPIC)) {
                moveShard(change.partition(), change.newLeader());
            }
        }
        cluster.fetches.onMetadataChange(cluster.state, cluster.sim, context);
    }

    /** The old leader unloads the partition's groups; the new one loads them from the partition's log. */
    private void moveShard(int partition, int newLeader) {
        CoordinatorShard old = cluster.shards.remove(partition);
        if (old != null) {
            old.unload(cluster.coordinatorEnv(context, old.broker(), partition));
        }
        if (newLeader != PartitionState.NO_LEADER) {
            cluster.shards.put(partition, CoordinatorShard.load(partition,
                    cluster.coordinatorEnv(context, newLeader, partition), cluster.sim.coordinatorLoadMs()));
        }
    }

    private void createTopic(String topic, int partitions, int replicationFactor) {
        ClusterState state = cluster.state;
        if (state.hasTopic(topic)) {
            refuse("CreateTopic", "TOPIC_ALREADY_EXISTS", Rule.of("sim.cluster.refused.topicExists", "topic", topic));
        } else if (partitions < 1) {
            refuse("CreateTopic", "INVALID_PARTITIONS", Rule.of("sim.cluster.refused.partitions", "topic", topic,
                    "partitions", partitions));
        } else if (replicationFactor < 1 || replicationFactor > state.brokerIds().size()) {
            refuse("CreateTopic", "INVALID_REPLICATION_FACTOR", Rule.of("sim.cluster.refused.replicationFactor",
                    "topic", topic, "replicationFactor", replicationFactor, "brokers", state.brokerIds().size()));
        } else {
            if (topic.equals(ClusterState.OFFSETS_TOPIC)) {
                createOffsetsTopic(partitions, replicationFactor);
            } else {
                state.createTopic(topic, partitions, replicationFactor, context.random());
            }
            emit(EventKind.ACTION, "TopicCreated", ClusterActor.ID, fields("topic", topic, "partitions", partitions,
                    "replicationFactor", replicationFactor), Rule.of("sim.cluster.topicCreated", "topic", topic,
                    "partitions", partitions, "replicationFactor", replicationFactor));
        }
    }

    /**
     * auto.create.topics.enable: a Metadata request from {@code client} named the missing {@code topic}, so the
     * broker has the controller create it with num.partitions and default.replication.factor; a factor above the
     * live brokers fails (INVALID_REPLICATION_FACTOR), and the topic stays unknown.
     */
    void autoCreateTopic(String topic, String client) {
        int partitions = cluster.settings.numPartitions();
        int replicationFactor = cluster.settings.defaultReplicationFactor();
        long live = cluster.state.brokerIds().stream().filter(cluster.state::isUp).count();
        if (replicationFactor < 1 || replicationFactor > live) {
            emit(EventKind.STATE, "TopicCreationFailed", ClusterActor.ID, fields("topic", topic,
                    "error", "INVALID_REPLICATION_FACTOR", "client", client), Rule.of("sim.cluster.autoCreateFailed",
                    "topic", topic, "client", client, "replicationFactor", replicationFactor, "liveBrokers", live));
            return;
        }
        cluster.state.createTopic(topic, partitions, replicationFactor, context.random());
        emit(EventKind.STATE, "TopicCreated", ClusterActor.ID, fields("topic", topic, "partitions", partitions,
                "replicationFactor", replicationFactor, "client", client, "autoCreated", true),
                Rule.of("sim.cluster.topicAutoCreated", "topic", topic, "client", client,
                        "partitions", partitions, "replicationFactor", replicationFactor));
    }

    /**
     * Kafka creates {@code __consumer_offsets} on the first FindCoordinator, with offsets.topic.num.partitions and
     * offsets.topic.replication.factor — and fails while fewer brokers are alive than that factor.
     */
    void autoCreateOffsetsTopic() {
        int replicationFactor = cluster.settings.offsetsTopicReplicationFactor();
        long live = cluster.state.brokerIds().stream().filter(cluster.state::isUp).count();
        if (live < replicationFactor) {
            emit(EventKind.STATE, "TopicCreationFailed", ClusterActor.ID, fields("topic", ClusterState.OFFSETS_TOPIC,
                    "error", "INVALID_REPLICATION_FACTOR"), Rule.of("sim.cluster.offsetsTopic.notEnoughBrokers",
                    "replicationFactor", replicationFactor, "liveBrokers", live));
            return;
        }
        int partitions = cluster.settings.offsetsTopicNumPartitions();
        createOffsetsTopic(partitions, replicationFactor);
        emit(EventKind.STATE, "TopicCreated", ClusterActor.ID, fields("topic", ClusterState.OFFSETS_TOPIC,
                "partitions", partitions, "replicationFactor", replicationFactor),
                Rule.of("sim.cluster.offsetsTopic.autoCreated", "partitions", partitions,
                        "replicationFactor", replicationFactor));
    }

    private void createOffsetsTopic(int partitions, int replicationFactor) {
        createOffsetsTopic(cluster, partitions, replicationFactor, context.random());
        cluster.shards.forEachMutable((partition, shard) ->
                shard.startExpiration(cluster.coordinatorEnv(context, shard.broker(), partition)));
    }

    /** Creates {@code __consumer_offsets} and an empty coordinator shard on each partition's leader. */
    static void createOffsetsTopic(ClusterActor cluster, int partitions, int replicationFactor,
                                   dev.groupscope.sim.engine.DeterministicRandom random) {
        SimSettings sim = cluster.sim;
        cluster.state.createOffsetsTopic(partitions, replicationFactor, sim.offsetsSegmentRecords(),
                sim.minCleanableDirtyRatio(), sim.deleteRetentionMs(), random);
        for (int p = 0; p < partitions; p++) {
            int leader = cluster.state.leaderOf(ClusterState.OFFSETS_TOPIC, p);
            if (leader != PartitionState.NO_LEADER) {
                cluster.shards.put(p, CoordinatorShard.empty(p, leader));
            }
        }
    }

    private void increasePartitions(String topic, int count) {
        ClusterState state = cluster.state;
        if (!state.hasTopic(topic)) {
            refuse("IncreasePartitions", "UNKNOWN_TOPIC_OR_PARTITION", Rule.of("sim.cluster.refused.noTopic",
                    "topic", topic));
        } else if (topic.equals(ClusterState.OFFSETS_TOPIC)) {
            // Growing it would remap every group to another partition and lose them: GroupScope refuses.
            refuse("IncreasePartitions", "INVALID_PARTITIONS", Rule.of("sim.cluster.refused.offsetsTopicFixed"));
        } else if (count <= state.partitionCount(topic)) {
            refuse("IncreasePartitions", "INVALID_PARTITIONS", Rule.of("sim.cluster.refused.onlyGrow", "topic", topic,
                    "partitions", state.partitionCount(topic), "requested", count));
        } else {
            int before = state.partitionCount(topic);
            state.increasePartitions(topic, count, context.random());
            Ledger ledger = Ledger.of(context);
            if (ledger != null) {
                ledger.partitionsAdded(topic, before, count);
            }
            emit(EventKind.ACTION, "PartitionsIncreased", ClusterActor.ID, fields("topic", topic, "from", before,
                    "to", count), Rule.of("sim.cluster.partitionsIncreased", "topic", topic, "from", before,
                    "to", count));
        }
    }

    private void deleteTopic(String topic) {
        ClusterState state = cluster.state;
        if (!state.hasTopic(topic)) {
            refuse("DeleteTopic", "UNKNOWN_TOPIC_OR_PARTITION", Rule.of("sim.cluster.refused.noTopic",
                    "topic", topic));
        } else if (topic.equals(ClusterState.OFFSETS_TOPIC)) {
            refuse("DeleteTopic", "INVALID_TOPIC_EXCEPTION", Rule.of("sim.cluster.refused.internalTopic"));
        } else {
            state.deleteTopic(topic);
            emit(EventKind.ACTION, "TopicDeleted", ClusterActor.ID, fields("topic", topic),
                    Rule.of("sim.cluster.topicDeleted", "topic", topic));
            cluster.shards.forEachMutable((partition, shard) ->
                    shard.onTopicDeleted(topic, cluster.coordinatorEnv(context, shard.broker(), partition)));
            cluster.fetches.onMetadataChange(state, cluster.sim, context);
        }
    }

    private void refuse(String action, String error, Rule rule) {
        emit(EventKind.ACTION, "ActionRefused", ClusterActor.ID, fields("action", action, "error", error), rule);
    }

    private void emit(EventKind kind, String type, String actor, Map<String, Object> fields, Rule rule) {
        context.emit(kind, type, actor, null, fields, rule.key(), rule.args());
    }

    private static String tp(LeaderChange change) {
        return change.topic() + "-" + change.partition();
    }

    private static Map<String, Object> fields(Object... namesAndValues) {
        return EventFields.of(namesAndValues);
    }
}
