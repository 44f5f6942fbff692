package dev.groupscope.sim.coordinator;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.broker.ClusterActor;
import dev.groupscope.sim.engine.Actor;
import dev.groupscope.sim.engine.Context;
import dev.groupscope.sim.engine.Task;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.Disconnected;
import dev.groupscope.sim.protocol.Message;
import dev.groupscope.sim.protocol.Network;
import dev.groupscope.sim.protocol.Requests.FindCoordinatorRequest;
import dev.groupscope.sim.protocol.Requests.HeartbeatRequest;
import dev.groupscope.sim.protocol.Requests.JoinGroupRequest;
import dev.groupscope.sim.protocol.Requests.LeaveGroupRequest;
import dev.groupscope.sim.protocol.Requests.MemberIdentity;
import dev.groupscope.sim.protocol.Requests.OffsetCommitRequest;
import dev.groupscope.sim.protocol.Requests.SyncGroupRequest;
import dev.groupscope.sim.protocol.Responses.FindCoordinatorResponse;
import dev.groupscope.sim.protocol.Responses.HeartbeatResponse;
import dev.groupscope.sim.protocol.Responses.JoinGroupMember;
import dev.groupscope.sim.protocol.Responses.JoinGroupResponse;
import dev.groupscope.sim.protocol.Responses.OffsetCommitResponse;
import dev.groupscope.sim.protocol.Responses.SyncGroupResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rough consumer for random runs: it finds its coordinator, joins (two-step, or static), syncs (the leader
 * assigns round-robin), heartbeats and commits every 3 s, leaves, and reacts to errors the way kafka-clients does in
 * spirit — rejoin on REBALANCE_IN_PROGRESS or ILLEGAL_GENERATION, start over on UNKNOWN_MEMBER_ID, look for the
 * coordinator again on NOT_COORDINATOR or a failed connection. Scripted {@link Act}s steer it, and can make it
 * fall silent or restart.
 */
final class ChaosClient implements Actor {

    enum Kind { JOIN, LEAVE, COMMIT, STALE_COMMIT, PAUSE, RESUME, RESTART }

    /** A scripted intent; {@code value} picks the partition and offset of a commit. */
    record Act(String target, Kind kind, int value) implements Task {
    }

    record Tick(String target) implements Task {
    }

    /** What the client saw accepted: a commit of {@code offset} for {@code partition} of {@code group}. */
    record Accepted(String group, TopicPartition partition, long offset) {
    }

    record View(String memberId, int generation, int coordinator, boolean wantsGroup, boolean paused,
                List<Accepted> accepted) {
    }

    private static final int PARTITIONS = 4;
    private final String id;
    private final String group;
    private final String instanceId;
    private final int brokers;
    private String memberId = "";
    private int generation = -1;
    private int coordinator = -1;
    private boolean wantsGroup;
    private boolean paused;
    private long nextCorrelationId = 1;
    private long joinInFlight = -1;
    private long syncInFlight = -1;
    private int bootstrap;
    private TreeMap<Long, Map<TopicPartition, Long>> commitsInFlight = new TreeMap<>();
    private List<Accepted> accepted = new ArrayList<>();

    ChaosClient(String id, String group, String instanceId, int brokers) {
        this.id = id;
        this.group = group;
        this.instanceId = instanceId;
        this.brokers = brokers;
    }

    static String tickKey(String id) {
        return "chaos-tick/" + id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Actor copy() {
        ChaosClient copy = new ChaosClient(id, group, instanceId, brokers);
        copy.memberId = memberId;
        copy.generation = generation;
        copy.coordinator = coordinator;
        copy.wantsGroup = wantsGroup;
        copy.paused = paused;
        copy.nextCorrelationId = nextCorrelationId;
        copy.joinInFlight = joinInFlight;
        copy.syncInFlight = syncInFlight;
        copy.bootstrap = bootstrap;
        copy.commitsInFlight = new TreeMap<>(commitsInFlight);
        copy.accepted = new ArrayList<>(accepted);
        return copy;
    }

    @Override
    public Object view() {
        return new View(memberId, generation, coordinator, wantsGroup, paused, List.copyOf(accepted));
    }

    List<Accepted> accepted() {
        return accepted;
    }

    @Override
    public void handle(Task task, Context context) {
        if (task instanceof Tick) {
            tick(context);
        } else if (task instanceof Act act) {
            act(act, context);
        } else if (task instanceof Deliver delivery) {
            receive(delivery.message(), context);
        }
    }

    private void tick(Context context) {
        if (paused) {
            // A consumer stuck in processing: no heartbeat, no rejoin.
        } else if (coordinator < 0) {
            findCoordinator(context);
        } else if (generation >= 0) {
            send(context, new HeartbeatRequest(nextCorrelationId++, group, generation, memberId, instanceId));
            autoCommit(context);
        } else if (wantsGroup && joinInFlight < 0 && syncInFlight < 0) {
            join(context);
        }
        context.setTimer(tickKey(id), 3_000, new Tick(id));
    }

    private void act(Act act, Context context) {
        switch (act.kind()) {
            case JOIN -> {
                wantsGroup = true;
                join(context);
            }
            case LEAVE -> {
                wantsGroup = false;
                if (!memberId.isEmpty()) {
                    send(context, new LeaveGroupRequest(nextCorrelationId++, group,
                            List.of(new MemberIdentity(memberId, instanceId, "scripted"))));
                }
                reset();
            }
            case COMMIT, STALE_COMMIT -> commit(act, context);
            case PAUSE -> paused = true;
            case RESUME -> paused = false;
            case RESTART -> {
                reset();
                coordinator = -1;
                wantsGroup = true;
            }
        }
    }

    private void commit(Act act, Context context) {
        TopicPartition partition = new TopicPartition("orders", act.value() % PARTITIONS);
        long offset = act.value();
        long correlationId = nextCorrelationId++;
        int commitGeneration = act.kind() == Kind.STALE_COMMIT ? generation - 1 : generation;
        commitsInFlight.put(correlationId, Map.of(partition, offset));
        send(context, new OffsetCommitRequest(correlationId, group, commitGeneration,
                commitGeneration < 0 ? "" : memberId, commitGeneration < 0 ? null : instanceId,
                Map.of(partition, offset)));
    }

    /** Like enable.auto.commit: the position of "its" partition, which only grows. */
    private void autoCommit(Context context) {
        TopicPartition partition = new TopicPartition("orders", Math.floorMod(id.hashCode(), PARTITIONS));
        long offset = 1_000 + nextCorrelationId;
        long correlationId = nextCorrelationId++;
        commitsInFlight.put(correlationId, Map.of(partition, offset));
        send(context, new OffsetCommitRequest(correlationId, group, generation, memberId, instanceId,
                Map.of(partition, offset)));
    }

    private void join(Context context) {
        if (coordinator < 0 || joinInFlight >= 0) {
            return;
        }
        joinInFlight = nextCorrelationId++;
        send(context, new JoinGroupRequest(joinInFlight, group, 10_000, 20_000, memberId, instanceId, "consumer",
                Harness.protocols(List.of("orders")), null));
    }

    private void findCoordinator(Context context) {
        int broker = bootstrap++ % brokers + 1;
        Network.DEFAULT.send(context, id, ClusterActor.ID, broker, new FindCoordinatorRequest(nextCorrelationId++,
                group));
    }

    private void send(Context context, Message message) {
        if (coordinator >= 0) {
            Network.DEFAULT.send(context, id, ClusterActor.ID, coordinator, message);
        }
    }

    private void reset() {
        memberId = "";
        generation = -1;
        joinInFlight = -1;
        syncInFlight = -1;
    }

    private void lostCoordinator() {
        coordinator = -1;
        joinInFlight = -1;
        syncInFlight = -1;
    }

    private void receive(Message message, Context context) {
        if (message instanceof FindCoordinatorResponse found) {
            if (found.error() == Errors.NONE) {
                coordinator = found.nodeId();
                if (wantsGroup && generation < 0) {
                    join(context);
                }
            }
        } else if (message instanceof Disconnected) {
            lostCoordinator();
        } else if (message instanceof JoinGroupResponse join && join.correlationId() == joinInFlight) {
            joinInFlight = -1;
            onJoin(join, context);
        } else if (message instanceof SyncGroupResponse sync && sync.correlationId() == syncInFlight) {
            syncInFlight = -1;
            onError(sync.error(), context);
        } else if (message instanceof HeartbeatResponse heartbeat) {
            onError(heartbeat.error(), context);
        } else if (message instanceof OffsetCommitResponse commit) {
            Map<TopicPartition, Long> offsets = commitsInFlight.remove(commit.correlationId());
            commit.errors().forEach((partition, error) -> {
                if (error == Errors.NONE) {
                    accepted.add(new Accepted(group, partition, offsets.get(partition)));
                }
            });
        }
    }

    private void onJoin(JoinGroupResponse join, Context context) {
        if (join.error() == Errors.MEMBER_ID_REQUIRED) {
            memberId = join.memberId();
            join(context);
        } else if (join.error() == Errors.NONE) {
            memberId = join.memberId();
            generation = join.generationId();
            syncInFlight = nextCorrelationId++;
            boolean assign = join.leader().equals(memberId) && !join.skipAssignment();
            send(context, new SyncGroupRequest(syncInFlight, group, generation, memberId, instanceId, "consumer",
                    join.protocolName(), assign ? roundRobin(join.members()) : Map.of()));
        } else {
            onError(join.error(), context);
        }
    }

    private static Map<String, List<TopicPartition>> roundRobin(List<JoinGroupMember> members) {
        Map<String, List<TopicPartition>> assignment = new TreeMap<>();
        members.forEach(member -> assignment.put(member.memberId(), new ArrayList<>()));
        for (int p = 0; p < PARTITIONS; p++) {
            assignment.get(members.get(p % members.size()).memberId()).add(new TopicPartition("orders", p));
        }
        return assignment;
    }

    private void onError(Errors error, Context context) {
        switch (error) {
            case NONE -> {
            }
            case REBALANCE_IN_PROGRESS, ILLEGAL_GENERATION -> {
                generation = -1;
                join(context);
            }
            case UNKNOWN_MEMBER_ID -> {
                reset();
                join(context);
            }
            case FENCED_INSTANCE_ID -> {
                reset();
                wantsGroup = false;
            }
            case NOT_COORDINATOR, COORDINATOR_NOT_AVAILABLE -> lostCoordinator();
            default -> {
            }
        }
    }
}
