package dev.groupscope.sim.client;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.cluster.ClusterState;
import dev.groupscope.sim.engine.Actor;
import dev.groupscope.sim.engine.Context;
import dev.groupscope.sim.engine.DeterministicRandom;
import dev.groupscope.sim.engine.Task;
import dev.groupscope.sim.broker.ListOffsetsHandler;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.JoinGroupProtocol;
import dev.groupscope.sim.protocol.Message;
import dev.groupscope.sim.protocol.Network;
import dev.groupscope.sim.protocol.Requests.FetchRequest;
import dev.groupscope.sim.protocol.Requests.ListOffsetsRequest;
import dev.groupscope.sim.protocol.Requests.MetadataRequest;
import dev.groupscope.sim.broker.MetadataHandler;
import dev.groupscope.sim.protocol.Requests.FindCoordinatorRequest;
import dev.groupscope.sim.protocol.Requests.HeartbeatRequest;
import dev.groupscope.sim.protocol.Requests.JoinGroupRequest;
import dev.groupscope.sim.protocol.Requests.LeaveGroupRequest;
import dev.groupscope.sim.protocol.Requests.OffsetCommitRequest;
import dev.groupscope.sim.protocol.Requests.OffsetFetchRequest;
import dev.groupscope.sim.protocol.Requests.SyncGroupRequest;
import dev.groupscope.sim.protocol.Responses.FetchResponse;
import dev.groupscope.sim.protocol.Responses.FetchedPartition;
import dev.groupscope.sim.protocol.Responses.FindCoordinatorResponse;
import dev.groupscope.sim.protocol.Responses.HeartbeatResponse;
import dev.groupscope.sim.protocol.Responses.JoinGroupMember;
import dev.groupscope.sim.protocol.Responses.JoinGroupResponse;
import dev.groupscope.sim.protocol.Responses.LeaveGroupResponse;
import dev.groupscope.sim.protocol.Responses.OffsetCommitResponse;
import dev.groupscope.sim.protocol.Responses.OffsetFetchResponse;
import dev.groupscope.sim.protocol.Responses.SyncGroupResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scripted stand-in for the cluster actor, answering as one simple classic coordinator would: two-step join,
 * the first member as leader, a join round completing once every member has rejoined, REBALANCE_IN_PROGRESS in
 * heartbeats while a round is open, stored commits, and fetches answered from the logs (or after
 * fetch.max.wait.ms when empty). No session expiry. Every request is recorded for the tests to read.
 */
final class FakeCluster implements Actor, ClusterAccess {

    /** A request as it arrived: when, from whom, which API (with the member id where there is one). */
    record Received(long time, String from, String api, String memberId) {
    }

    static final int RECORD_BYTES = 100;
    static final int COORDINATOR = 0;

    private final ClusterState cluster;
    private final Network network;
    private final List<Received> received;
    /** The ListOffsets requests that arrived, as delivered (broker, sender, sent at, the request). */
    private final List<Deliver> listOffsets;
    // The group (a single one).
    private final LinkedHashMap<String, String> members; // member id -> client id
    private final LinkedHashMap<String, List<JoinGroupProtocol>> protocols;
    private final LinkedHashMap<String, Deliver> pendingJoins;
    private final LinkedHashMap<String, Deliver> pendingSyncs;
    private final Map<String, List<TopicPartition>> assignments;
    private final TreeMap<TopicPartition, Long> committed;
    private String state = "Empty";
    private int generation;
    private String leader;
    private String protocol;
    private int nextMemberId;
    private long unavailableFrom = -1;
    private long unavailableUntil = -1;

    FakeCluster(int brokers, Map<String, Integer> topics, Network network) {
        this.cluster = new ClusterState();
        for (int b = 0; b < brokers; b++) {
            cluster.addBroker(b);
        }
        DeterministicRandom random = new DeterministicRandom(1);
        topics.forEach((topic, partitions) -> cluster.createTopic(topic, partitions, 1, random));
        this.network = network;
        this.received = new ArrayList<>();
        this.listOffsets = new ArrayList<>();
        this.members = new LinkedHashMap<>();
        this.protocols = new LinkedHashMap<>();
        this.pendingJoins = new LinkedHashMap<>();
        this.pendingSyncs = new LinkedHashMap<>();
        this.assignments = new TreeMap<>();
        this.committed = new TreeMap<>();
    }

    private FakeCluster(FakeCluster other) {
        this.cluster = other.cluster.copy();
        this.network = other.network;
        this.received = new ArrayList<>(other.received);
        this.listOffsets = new ArrayList<>(other.listOffsets);
        this.members = new LinkedHashMap<>(other.members);
        this.protocols = new LinkedHashMap<>(other.protocols);
        this.pendingJoins = new LinkedHashMap<>(other.pendingJoins);
        this.pendingSyncs = new LinkedHashMap<>(other.pendingSyncs);
        this.assignments = new TreeMap<>(other.assignments);
        this.committed = new TreeMap<>(other.committed);
        this.state = other.state;
        this.generation = other.generation;
        this.leader = other.leader;
        this.protocol = other.protocol;
        this.nextMemberId = other.nextMemberId;
        this.unavailableFrom = other.unavailableFrom;
        this.unavailableUntil = other.unavailableUntil;
    }

    /**
     * From {@code from} until {@code until} the coordinator is moving: FindCoordinator answers
     * COORDINATOR_NOT_AVAILABLE and group requests NOT_COORDINATOR.
     */
    FakeCluster coordinatorUnavailable(long from, long until) {
        this.unavailableFrom = from;
        this.unavailableUntil = until;
        return this;
    }

    private boolean moving(Context context) {
        return context.now() >= unavailableFrom && context.now() < unavailableUntil;
    }

    @Override
    public String id() {
        return ACTOR_ID;
    }

    @Override
    public Actor copy() {
        return new FakeCluster(this);
    }

    /** The fake's cluster state, to read in tests. */
    ClusterState state() {
        return cluster;
    }

    @Override
    public List<Integer> liveBrokers() {
        return cluster.brokerIds().stream().filter(cluster::isUp).toList();
    }

    @Override
    public Map<String, Integer> partitionsPerTopic() {
        return cluster.partitionsPerTopic();
    }

    @Override
    public int leaderOf(String topic, int partition) {
        return cluster.hasTopic(topic) ? cluster.leaderOf(topic, partition) : -1;
    }

    @Override
    public long logEndOffset(String topic, int partition) {
        return cluster.log(topic, partition).logEndOffset();
    }

    @Override
    public long append(Context context, String producer, String topic, int partition, long timestamp, String key) {
        return cluster.append(topic, partition, timestamp, cluster.keys().idOf(key));
    }

    /** Appends {@code count} records to a partition at time 0 (before a run starts). */
    void preload(String topic, int partition, int count) {
        for (int i = 0; i < count; i++) {
            cluster.append(topic, partition, 0, PartitionLogKeys.NONE);
        }
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The ListOffsets requests that arrived, in order. */
    List<Deliver> listOffsets() {
        return List.copyOf(listOffsets);
    }

    Map<TopicPartition, Long> committed() {
        return Map.copyOf(committed);
    }

    String groupState() {
        return state;
    }

    int generation() {
        return generation;
    }

    /** A parked fetch's fetch.max.wait.ms is over. */
    record FetchWake(String target, Deliver fetch) implements Task {
    }

    @Override
    public void handle(Task task, Context context) {
        if (task instanceof FetchWake wake) {
            answerFetch(context, wake.fetch(), true);
            return;
        }
        Deliver deliver = (Deliver) task;
        Message message = deliver.message();
        received.add(new Received(context.now(), deliver.from(), message.api(), memberIdOf(message)));
        if (moving(context) && answeredUnavailable(context, deliver)) {
            return;
        }
        if (message instanceof FindCoordinatorRequest request) {
            reply(context, deliver, new FindCoordinatorResponse(request.correlationId(), Errors.NONE, COORDINATOR));
        } else if (message instanceof JoinGroupRequest request) {
            join(context, deliver, request);
        } else if (message instanceof SyncGroupRequest request) {
            sync(context, deliver, request);
        } else if (message instanceof HeartbeatRequest request) {
            reply(context, deliver, new HeartbeatResponse(request.correlationId(), heartbeatError(request)));
        } else if (message instanceof LeaveGroupRequest request) {
            leave(context, deliver, request);
        } else if (message instanceof OffsetCommitRequest request) {
            Errors error = request.generationId() == generation && members.containsKey(request.memberId())
                    ? Errors.NONE : Errors.ILLEGAL_GENERATION;
            if (error == Errors.NONE) {
                committed.putAll(request.offsets());
            }
            Map<TopicPartition, Errors> errors = new TreeMap<>();
            request.offsets().keySet().forEach(tp -> errors.put(tp, error));
            reply(context, deliver, new OffsetCommitResponse(request.correlationId(), errors));
        } else if (message instanceof OffsetFetchRequest request) {
            Map<TopicPartition, Long> offsets = new TreeMap<>();
            request.partitions().forEach(tp -> offsets.put(tp, committed.getOrDefault(tp, -1L)));
            reply(context, deliver, new OffsetFetchResponse(request.correlationId(), Errors.NONE, offsets));
        } else if (message instanceof FetchRequest) {
            answerFetch(context, deliver, false);
        } else if (message instanceof MetadataRequest request) {
            reply(context, deliver, MetadataHandler.answer(cluster, request)); // the real brokers' answer
        } else if (message instanceof ListOffsetsRequest request) {
            listOffsets.add(deliver);
            // The real brokers' answer, from this fake's logs and leaders.
            reply(context, deliver, ListOffsetsHandler.answer(cluster, deliver.broker(), request));
        }
    }

    private boolean answeredUnavailable(Context context, Deliver deliver) {
        Message message = deliver.message();
        long id = message.correlationId();
        if (message instanceof FindCoordinatorRequest) {
            reply(context, deliver, new FindCoordinatorResponse(id, Errors.COORDINATOR_NOT_AVAILABLE, -1));
        } else if (message instanceof HeartbeatRequest) {
            reply(context, deliver, new HeartbeatResponse(id, Errors.NOT_COORDINATOR));
        } else if (message instanceof JoinGroupRequest) {
            reply(context, deliver, new JoinGroupResponse(id, Errors.NOT_COORDINATOR, -1, "consumer", null, "", false,
                    "", List.of()));
        } else {
            return false;
        }
        return true;
    }

    private static String memberIdOf(Message message) {
        if (message instanceof JoinGroupRequest request) {
            return request.memberId();
        } else if (message instanceof HeartbeatRequest request) {
            return request.memberId();
        } else if (message instanceof LeaveGroupRequest request) {
            return request.members().get(0).memberId();
        }
        return "";
    }

    private void join(Context context, Deliver deliver, JoinGroupRequest request) {
        if (request.memberId().isEmpty() && request.groupInstanceId() == null) {
            String memberId = deliver.from() + "-" + (++nextMemberId);
            reply(context, deliver, new JoinGroupResponse(request.correlationId(), Errors.MEMBER_ID_REQUIRED, -1,
                    "consumer", null, "", false, memberId, List.of()));
            return;
        }
        String memberId = request.memberId().isEmpty() ? request.groupInstanceId() + "-" + (++nextMemberId)
                : request.memberId();
        members.putIfAbsent(memberId, deliver.from());
        protocols.put(memberId, request.protocols());
        pendingJoins.put(memberId, deliver);
        if (leader == null || !members.containsKey(leader)) {
            leader = memberId;
        }
        state = "PreparingRebalance";
        maybeCompleteJoin(context);
    }

    private void maybeCompleteJoin(Context context) {
        if (!state.equals("PreparingRebalance") || !pendingJoins.keySet().containsAll(members.keySet())) {
            return;
        }
        generation++;
        state = "CompletingRebalance";
        assignments.clear();
        protocol = chooseProtocol();
        List<JoinGroupMember> memberList = new ArrayList<>();
        members.keySet().forEach(memberId -> memberList.add(new JoinGroupMember(memberId, null,
                subscriptionFor(memberId))));
        new ArrayList<>(pendingJoins.entrySet()).forEach(entry -> {
            JoinGroupRequest request = (JoinGroupRequest) entry.getValue().message();
            boolean isLeader = entry.getKey().equals(leader);
            reply(context, entry.getValue(), new JoinGroupResponse(request.correlationId(), Errors.NONE,
                    generation, "consumer", protocol, leader, false, entry.getKey(),
                    isLeader ? memberList : List.of()));
        });
        pendingJoins.clear();
    }

    private String chooseProtocol() {
        for (JoinGroupProtocol candidate : protocols.get(leader)) {
            boolean everyone = protocols.values().stream()
                    .allMatch(list -> list.stream().anyMatch(p -> p.name().equals(candidate.name())));
            if (everyone) {
                return candidate.name();
            }
        }
        throw new IllegalStateException("no common protocol");
    }

    private dev.groupscope.sim.protocol.Subscription subscriptionFor(String memberId) {
        return protocols.get(memberId).stream().filter(p -> p.name().equals(protocol)).findFirst()
                .orElseThrow().metadata();
    }

    private void sync(Context context, Deliver deliver, SyncGroupRequest request) {
        if (!members.containsKey(request.memberId())) {
            reply(context, deliver, syncError(request, Errors.UNKNOWN_MEMBER_ID));
        } else if (request.generationId() != generation) {
            reply(context, deliver, syncError(request, Errors.ILLEGAL_GENERATION));
        } else if (state.equals("PreparingRebalance")) {
            reply(context, deliver, syncError(request, Errors.REBALANCE_IN_PROGRESS));
        } else if (state.equals("Stable")) {
            reply(context, deliver, syncOk(request));
        } else {
            pendingSyncs.put(request.memberId(), deliver);
            if (request.memberId().equals(leader)) {
                assignments.putAll(request.assignments());
                state = "Stable";
                new ArrayList<>(pendingSyncs.values()).forEach(parked ->
                        reply(context, parked, syncOk((SyncGroupRequest) parked.message())));
                pendingSyncs.clear();
            }
        }
    }

    private SyncGroupResponse syncOk(SyncGroupRequest request) {
        return new SyncGroupResponse(request.correlationId(), Errors.NONE, "consumer", protocol,
                assignments.getOrDefault(request.memberId(), List.of()));
    }

    private static SyncGroupResponse syncError(SyncGroupRequest request, Errors error) {
        return new SyncGroupResponse(request.correlationId(), error, "consumer", null, List.of());
    }

    private Errors heartbeatError(HeartbeatRequest request) {
        if (!members.containsKey(request.memberId())) {
            return Errors.UNKNOWN_MEMBER_ID;
        }
        if (request.generationId() != generation) {
            return Errors.ILLEGAL_GENERATION;
        }
        return state.equals("PreparingRebalance") ? Errors.REBALANCE_IN_PROGRESS : Errors.NONE;
    }

    private void leave(Context context, Deliver deliver, LeaveGroupRequest request) {
        String memberId = request.members().get(0).memberId();
        members.remove(memberId);
        protocols.remove(memberId);
        pendingJoins.remove(memberId);
        reply(context, deliver, new LeaveGroupResponse(request.correlationId(), Errors.NONE,
                Map.of(memberId, Errors.NONE)));
        if (memberId.equals(leader)) {
            leader = members.isEmpty() ? null : members.keySet().iterator().next();
        }
        if (members.isEmpty()) {
            state = "Empty";
            generation++;
            leader = null;
        } else {
            state = "PreparingRebalance";
            maybeCompleteJoin(context);
        }
    }

    /** Records available from each fetch offset, bounded by max.partition.fetch.bytes; parked when there are none. */
    private void answerFetch(Context context, Deliver deliver, boolean waited) {
        FetchRequest request = (FetchRequest) deliver.message();
        Map<TopicPartition, FetchedPartition> partitions = new TreeMap<>();
        int total = 0;
        for (Map.Entry<TopicPartition, Long> entry : request.fetchOffsets().entrySet()) {
            TopicPartition tp = entry.getKey();
            long end = cluster.log(tp.topic(), tp.partition()).logEndOffset();
            long from = entry.getValue();
            if (from > end) {
                partitions.put(tp, new FetchedPartition(Errors.OFFSET_OUT_OF_RANGE, from, 0, end));
                continue;
            }
            int count = (int) Math.min(end - from, Math.max(1, request.partitionMaxBytes() / RECORD_BYTES));
            total += count;
            partitions.put(tp, new FetchedPartition(Errors.NONE, from, count, end));
        }
        if (total == 0 && !waited) {
            context.schedule(request.maxWaitMs(), new FetchWake(ACTOR_ID, deliver));
            return;
        }
        reply(context, deliver, new FetchResponse(request.correlationId(), partitions));
    }

    private void reply(Context context, Deliver request, Message response) {
        network.send(context, ACTOR_ID, request.from(), request.broker(), response);
    }

    @Override
    public Object view() {
        return List.of(state, generation, String.valueOf(leader), new TreeMap<>(committed), received.size(),
                cluster.view());
    }

    /** Key ids for preloaded records. */
    static final class PartitionLogKeys {
        static final int NONE = dev.groupscope.sim.cluster.PartitionLog.NO_KEY;

        private PartitionLogKeys() {
        }
    }
}
