package dev.groupscope.sim.coordinator;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.config.BrokerSettings;
import dev.groupscope.sim.broker.ClusterActor;
import dev.groupscope.sim.broker.ClusterSetup;
import dev.groupscope.sim.broker.SimSettings;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Task;
import dev.groupscope.sim.engine.World;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.JoinGroupProtocol;
import dev.groupscope.sim.protocol.Message;
import dev.groupscope.sim.protocol.Requests.HeartbeatRequest;
import dev.groupscope.sim.protocol.Requests.JoinGroupRequest;
import dev.groupscope.sim.protocol.Requests.LeaveGroupRequest;
import dev.groupscope.sim.protocol.Requests.MemberIdentity;
import dev.groupscope.sim.protocol.Requests.OffsetCommitRequest;
import dev.groupscope.sim.protocol.Requests.OffsetFetchRequest;
import dev.groupscope.sim.protocol.Requests.SyncGroupRequest;
import dev.groupscope.sim.protocol.Responses.JoinGroupResponse;
import dev.groupscope.sim.protocol.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cluster in a world, and clients whose requests the test delivers at chosen times: the test plays the
 * consumer, step by step, and reads what came back. Time only moves when the test says so.
 */
public final class Harness {

    public static final String GROUP = "g1";
    public static final int SESSION_MS = 10_000;
    public static final int REBALANCE_MS = 30_000;

    public final World world;
    public final ClusterActor cluster;
    private final List<SimEvent> events = new ArrayList<>();
    private long now;
    private long actionIndex;
    private long nextCorrelationId = 1;

    public Harness(ClusterSetup setup, long seed) {
        this.world = new World(seed);
        this.cluster = ClusterActor.install(world, setup);
    }

    /** One broker, Kafka's default settings, no log cleaner (its timer would never let the world go quiet). */
    public static Harness oneBroker() {
        return new Harness(ClusterSetup.of(1).withSim(SimSettings.DEFAULT.withLogCleanerBackoffMs(0))
                .withTopic("orders", 4, 1), 42);
    }

    public static Harness withSettings(BrokerSettings settings) {
        return new Harness(ClusterSetup.of(1).withSettings(settings)
                .withSim(SimSettings.DEFAULT.withLogCleanerBackoffMs(0)).withTopic("orders", 4, 1), 42);
    }

    public Recorder client(String id) {
        Recorder recorder = new Recorder(id);
        world.addActor(recorder);
        return recorder;
    }

    public long now() {
        return now;
    }

    /** Processes everything due up to {@code time} and moves the test's clock there. */
    public void advanceTo(long time) {
        while (world.peek() != null && world.peek().time() <= time) {
            events.addAll(world.step());
        }
        now = time;
    }

    public void advance(long ms) {
        advanceTo(now + ms);
    }

    /** Delivers a request to {@code broker} now, as if it had just crossed the network. */
    public void deliver(String client, int broker, Message message) {
        schedule(new Deliver(ClusterActor.ID, client, broker, now, message));
    }

    public void schedule(Task task) {
        world.scheduleAction(now, actionIndex++, task);
    }

    /** Delivers to the group's coordinator and lets the answer (if immediate) arrive. */
    public void send(String client, Message message) {
        deliver(client, coordinator(), message);
        advance(10);
    }

    public int coordinator() {
        return cluster.shard(cluster.offsetsPartitionFor(GROUP)).broker();
    }

    public ClassicGroup group() {
        return cluster.shard(cluster.offsetsPartitionFor(GROUP)).group(GROUP);
    }

    public List<SimEvent> events() {
        return events;
    }

    public List<SimEvent> events(String type) {
        return events.stream().filter(event -> event.type().equals(type)).toList();
    }

    public long correlationId() {
        return nextCorrelationId++;
    }

    @SuppressWarnings("unchecked")
    public <T extends Message> T last(Recorder client, Class<T> type) {
        List<Recorder.Received> received = client.received();
        for (int i = received.size() - 1; i >= 0; i--) {
            if (type.isInstance(received.get(i).message())) {
                return (T) received.get(i).message();
            }
        }
        throw new AssertionError(client.id() + " received no " + type.getSimpleName());
    }

    public <T extends Message> List<T> all(Recorder client, Class<T> type) {
        return client.received().stream().map(Recorder.Received::message).filter(type::isInstance)
                .map(type::cast).toList();
    }

    // ------------------------------------------------------------------ requests, as a consumer would send them

    public static List<JoinGroupProtocol> protocols(List<String> topics) {
        Subscription subscription = new Subscription(topics, List.of(), -1, List.of());
        return List.of(new JoinGroupProtocol("range", subscription),
                new JoinGroupProtocol("cooperative-sticky", subscription));
    }

    public JoinGroupRequest join(String memberId) {
        return join(memberId, null, SESSION_MS, REBALANCE_MS, protocols(List.of("orders")));
    }

    public JoinGroupRequest join(String memberId, String instanceId, int sessionMs, int rebalanceMs,
                          List<JoinGroupProtocol> protocols) {
        return new JoinGroupRequest(correlationId(), GROUP, sessionMs, rebalanceMs, memberId, instanceId,
                "consumer", protocols, null);
    }

    public SyncGroupRequest sync(int generation, String memberId, Map<String, List<TopicPartition>> assignments) {
        return new SyncGroupRequest(correlationId(), GROUP, generation, memberId, null, "consumer", "range",
                assignments);
    }

    public HeartbeatRequest heartbeat(int generation, String memberId) {
        return new HeartbeatRequest(correlationId(), GROUP, generation, memberId, null);
    }

    public LeaveGroupRequest leave(String memberId) {
        return new LeaveGroupRequest(correlationId(), GROUP, List.of(new MemberIdentity(memberId, null, null)));
    }

    public OffsetCommitRequest commit(int generation, String memberId, Map<TopicPartition, Long> offsets) {
        return new OffsetCommitRequest(correlationId(), GROUP, generation, memberId, null, offsets);
    }

    public OffsetFetchRequest fetchOffsets(List<TopicPartition> partitions) {
        return new OffsetFetchRequest(correlationId(), GROUP, partitions);
    }

    /**
     * Forms a Stable group of dynamic members, joined in the given order: two-step joins, the initial delay, the
     * leader's SyncGroup (giving partition i of "orders" to member i), then each follower's. Returns the member ids.
     */
    public List<String> formStableGroup(Recorder... clients) {
        List<String> ids = new ArrayList<>();
        for (Recorder client : clients) {
            ids.add(joinTwoStep(client));
        }
        advance(Math.max(0, 3_000L * 2 + 100));
        syncAll(clients, ids);
        return ids;
    }

    /** Every member syncs the current generation, the leader (first) with one partition of "orders" each. */
    public void syncAll(Recorder[] clients, List<String> ids) {
        int generation = group().generationId();
        Map<String, List<TopicPartition>> assignment = new java.util.TreeMap<>();
        for (int i = 0; i < ids.size(); i++) {
            assignment.put(ids.get(i), List.of(new TopicPartition("orders", i)));
        }
        String leader = group().leaderId();
        for (int i = 0; i < clients.length; i++) {
            if (ids.get(i).equals(leader)) {
                send(clients[i].id(), sync(generation, ids.get(i), assignment));
            }
        }
        for (int i = 0; i < clients.length; i++) {
            if (!ids.get(i).equals(leader)) {
                send(clients[i].id(), sync(generation, ids.get(i), Map.of()));
            }
        }
    }

    /** The two-step join of a dynamic member: returns the member id the coordinator gave it. */
    public String joinTwoStep(Recorder client) {
        send(client.id(), join(""));
        String memberId = last(client, JoinGroupResponse.class).memberId();
        send(client.id(), join(memberId));
        return memberId;
    }
}
