package dev.groupscope.sim.broker;

import dev.groupscope.kafka.CoordinatorLookup;
import dev.groupscope.kafka.GroupCoordinatorPartitioning;
import dev.groupscope.kafka.OffsetsTopicMetadata;
import dev.groupscope.sim.cluster.ClusterState;
import dev.groupscope.sim.cluster.PartitionState;
import dev.groupscope.sim.coordinator.ClassicGroup;
import dev.groupscope.sim.coordinator.CoordinatorEnv;
import dev.groupscope.sim.coordinator.CoordinatorShard;
import dev.groupscope.sim.coordinator.GroupCoordinatorService;
import dev.groupscope.sim.coordinator.Rule;
import dev.groupscope.sim.engine.Context;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.engine.OrderedFields;
import dev.groupscope.sim.broker.MutedConnections.Connection;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.Disconnected;
import dev.groupscope.sim.protocol.Message;
import dev.groupscope.sim.protocol.Requests.FetchRequest;
import dev.groupscope.sim.protocol.Requests.FindCoordinatorRequest;
import dev.groupscope.sim.protocol.Requests.HeartbeatRequest;
import dev.groupscope.sim.protocol.Requests.ListOffsetsRequest;
import dev.groupscope.sim.protocol.Requests.OffsetForLeaderEpochRequest;
import dev.groupscope.sim.protocol.Requests.MetadataRequest;
import dev.groupscope.sim.protocol.Responses.FindCoordinatorResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A request arriving at one of the brokers: refused if the broker is down, else recorded and served. */
final class BrokerRequests {

    private final ClusterActor cluster;
    private final Context context;
    /** How long the request being served waited unread behind a parked fetch (0: read as it arrived). */
    private long unreadMs;

    BrokerRequests(ClusterActor cluster, Context context) {
        this.cluster = cluster;
        this.context = context;
    }

    void handle(Deliver delivery) {
        int broker = delivery.broker();
        Message message = delivery.message();
        if (!cluster.state.isUp(broker)) {
            refuse(delivery);
            return;
        }
        cluster.connections.connected(broker, delivery.from());
        Connection connection = connectionOf(delivery);
        long behind = busyWith(connection, delivery);
        if (behind >= 0 || cluster.muted.hasWaiting(connection)) {
            hold(connection, delivery, behind); // read once the request before it on its connection is answered
            return;
        }
        serve(delivery);
    }

    /** Group requests travel on the client's connection to its coordinator, the others on its fetch connection. */
    private static Connection connectionOf(Deliver delivery) {
        return new Connection(delivery.from(), delivery.broker(),
                GroupCoordinatorService.isGroupRequest(delivery.message()));
    }

    /**
     * The correlation id of the request the broker is still handling on {@code connection} (a parked fetch, or a
     * JoinGroup or SyncGroup the coordinator of {@code delivery}'s group holds), or -1.
     */
    private long busyWith(Connection connection, Deliver delivery) {
        if (!connection.coordinator()) {
            return cluster.fetches.parkedOn(connection, cluster.muted);
        }
        ClassicGroup.HeldRequest held = heldFor(connection, delivery);
        return held == null ? -1 : held.request().correlationId();
    }

    private ClassicGroup.HeldRequest heldFor(Connection connection, Deliver delivery) {
        return cluster.heldGroupRequest(connection.client(), connection.broker(),
                GroupCoordinatorService.groupId(delivery.message()));
    }

    private void hold(Connection connection, Deliver delivery, long behind) {
        cluster.muted.hold(connection, delivery, context.now());
        Message message = delivery.message();
        Map<String, Object> fields = new OrderedFields(4);
        fields.put("api", message.api());
        fields.put("correlationId", message.correlationId());
        fields.put("sentAt", delivery.sentAt());
        fields.put("behind", behind); // -1: behind requests that wait too
        String key = connection.coordinator() ? "sim.cluster.connection.mutedByGroup" : "sim.cluster.connection.muted";
        ClassicGroup.HeldRequest held = connection.coordinator() ? heldFor(connection, delivery) : null;
        context.emit(EventKind.REQUEST, "RequestWaits", CoordinatorEnv.brokerActor(delivery.broker()),
                delivery.from(), fields, key, Map.of("broker", delivery.broker(), "client", delivery.from(),
                        "api", message.api(), "held", held == null ? "" : held.api()));
    }

    /**
     * The requests waiting on connections the broker has since answered on, in order, connection by connection: those
     * of the fetches {@code answered} in this step, and those to a coordinator (rarely any); again while reading one
     * freed another (a LeaveGroup that completes a rebalance answers held JoinGroups).
     */
    void readUnmuted(List<ParkedFetch> answered) {
        java.util.TreeSet<Connection> candidates = new java.util.TreeSet<>();
        for (ParkedFetch fetch : answered) {
            Connection connection = new Connection(fetch.client(), fetch.broker(), false);
            if (cluster.muted.hasWaiting(connection)) {
                candidates.add(connection);
            }
        }
        boolean read = true;
        while (read) {
            read = false;
            candidates.addAll(cluster.muted.coordinatorConnections());
            for (Connection connection : candidates) {
                MutedConnections.Held next = cluster.muted.peek(connection);
                while (next != null && busyWith(connection, next.delivery()) < 0) {
                    cluster.muted.next(connection);
                    unreadMs = context.now() - next.arrivedAt();
                    serve(next.delivery());
                    read = true;
                    next = cluster.muted.peek(connection);
                }
            }
        }
        unreadMs = 0;
    }

    private void serve(Deliver delivery) {
        int broker = delivery.broker();
        Message message = delivery.message();
        if (message instanceof FindCoordinatorRequest find) {
            findCoordinator(delivery, find);
        } else if (message instanceof FetchRequest fetch) {
            recordArrival(delivery, null);
            cluster.fetches.onFetch(delivery, fetch, cluster.state, cluster.sim, context);
        } else if (message instanceof ListOffsetsRequest listOffsets) {
            recordArrival(delivery, ListOffsetsHandler.arrivalRule(delivery, listOffsets));
            ListOffsetsHandler.handle(cluster, context, delivery, listOffsets);
        } else if (message instanceof OffsetForLeaderEpochRequest epochs) {
            recordArrival(delivery, OffsetForLeaderEpochHandler.arrivalRule(delivery, epochs));
            OffsetForLeaderEpochHandler.handle(cluster, context, delivery, epochs);
        } else if (message instanceof MetadataRequest metadata) {
            recordArrival(delivery, MetadataHandler.arrivalRule(delivery, metadata));
            MetadataHandler.handle(cluster, context, delivery, metadata);
        } else if (GroupCoordinatorService.isGroupRequest(message)) {
            String groupId = GroupCoordinatorService.groupId(message);
            int partition = cluster.state.hasTopic(ClusterState.OFFSETS_TOPIC)
                    ? cluster.offsetsPartitionFor(groupId) : -1;
            CoordinatorShard shard = cluster.shardAt(broker, groupId);
            recordArrival(delivery, shard != null && shard.loading() ? loadingRule(delivery, shard) : null);
            GroupCoordinatorService.handle(delivery, shard, cluster.coordinatorEnv(context, broker, partition));
        } else {
            throw new IllegalArgumentException("brokers do not serve " + message.api());
        }
    }

    /** Why a group request that reached a coordinator still loading its partition is answered as it is. */
    private static Rule loadingRule(Deliver delivery, CoordinatorShard shard) {
        boolean heartbeat = delivery.message() instanceof HeartbeatRequest;
        return Rule.of(heartbeat ? "sim.coordinator.loading.heartbeat" : "sim.coordinator.loading.refused",
                "api", delivery.message().api(), "broker", delivery.broker(), "client", delivery.from(),
                "partition", shard.partition(), "loadEndsAt", shard.loadEndsAt());
    }

    /** The connection to a stopped broker fails: the client learns it after the network delay. */
    private void refuse(Deliver delivery) {
        int broker = delivery.broker();
        Message message = delivery.message();
        Rule rule = Rule.of("sim.cluster.brokerDown", "broker", broker, "api", message.api());
        context.emit(EventKind.FAULT, "ConnectionFailed", CoordinatorEnv.brokerActor(broker), delivery.from(),
                Map.of("api", message.api(), "correlationId", message.correlationId()), rule.key(), rule.args());
        cluster.sim.network().send(context, CoordinatorEnv.brokerActor(broker), delivery.from(), broker,
                new Disconnected(message.correlationId(), message.api(), broker));
    }

    /** FindCoordinator as KafkaApis answers it; the first one on a fresh cluster creates __consumer_offsets. */
    private void findCoordinator(Deliver delivery, FindCoordinatorRequest request) {
        CoordinatorLookup lookup = GroupCoordinatorPartitioning.findCoordinator(request.key(),
                cluster.offsetsPartitionCount(), offsetsMetadata());
        int partition = lookup.partition().partition();
        int broker = lookup.coordinator().orElse(cluster.state.hasTopic(ClusterState.OFFSETS_TOPIC)
                ? cluster.state.leaderOf(ClusterState.OFFSETS_TOPIC, partition) : PartitionState.NO_LEADER);
        recordArrival(delivery, Rule.of(lookup.reason().messageKey(), "broker", broker, "partition", partition));
        if (lookup.reason() == CoordinatorLookup.Reason.TOPIC_MISSING) {
            new ClusterAdmin(cluster, context).autoCreateOffsetsTopic();
        }
        cluster.sim.network().send(context, CoordinatorEnv.brokerActor(delivery.broker()), delivery.from(),
                delivery.broker(), new FindCoordinatorResponse(request.correlationId(), lookup.error(),
                        lookup.coordinator().orElse(-1)));
    }

    private OffsetsTopicMetadata offsetsMetadata() {
        ClusterState state = cluster.state;
        if (!state.hasTopic(ClusterState.OFFSETS_TOPIC)) {
            return OffsetsTopicMetadata.missing();
        }
        Map<Integer, Integer> leaders = new TreeMap<>();
        for (int p = 0; p < state.offsetsPartitionCount(); p++) {
            int leader = state.leaderOf(ClusterState.OFFSETS_TOPIC, p);
            if (leader != PartitionState.NO_LEADER) {
                leaders.put(p, leader);
            }
        }
        Set<Integer> live = new HashSet<>();
        state.brokerIds().stream().filter(state::isUp).forEach(live::add);
        return OffsetsTopicMetadata.of(leaders, live);
    }

    private void recordArrival(Deliver delivery, Rule rule) {
        Message message = delivery.message();
        if (!context.buildsEvents()) { // a replay: the event is counted, its fields and rule never read
            context.emit(EventKind.REQUEST, RequestEvents.type(message), CoordinatorEnv.brokerActor(delivery.broker()),
                    delivery.from(), Map.of());
            return;
        }
        Map<String, Object> fields = RequestEvents.fields(delivery);
        if (unreadMs > 0) {
            fields.put("unreadMs", unreadMs); // it arrived unreadMs before this event: the diagram's tooltip says so
        }
        String key = rule != null ? rule.key() : RequestEvents.arrivalKey(message).orElse(null);
        Map<String, Object> args = rule != null ? rule.args() : key == null ? Map.of()
                : RequestEvents.arrivalArgs(delivery, fields);
        context.emit(EventKind.REQUEST, RequestEvents.type(message),
                CoordinatorEnv.brokerActor(delivery.broker()), delivery.from(), fields, key, args);
    }
}
