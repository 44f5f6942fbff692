package dev.groupscope.sim.coordinator;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.config.BrokerSettings;
import dev.groupscope.sim.cluster.ClusterState;
import dev.groupscope.sim.engine.Context;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.offsets.CoordinatorKey;
import dev.groupscope.sim.offsets.GroupMetadataKey;
import dev.groupscope.sim.offsets.OffsetCommitKey;
import dev.groupscope.sim.offsets.OffsetCommitValue;
import dev.groupscope.sim.protocol.Message;
import dev.groupscope.sim.protocol.Responses.JoinGroupResponse;
import dev.groupscope.sim.protocol.Responses.SyncGroupResponse;
import dev.groupscope.sim.engine.SortedArrayMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * One call into a coordinator shard: the shard, the environment, and every effect the coordinator's rules have —
 * answering requests, changing group state, arming timers, writing records — each recorded as an event with the
 * rule behind it. The handlers change groups only through these methods, so nothing happens unexplained.
 */
final class ShardCall {

    final CoordinatorShard shard;
    final CoordinatorEnv env;
    /** Members joining, leaving and being replaced, and the leader changes that follow. */
    final Membership membership;
    private int recordsAppended;

    ShardCall(CoordinatorShard shard, CoordinatorEnv env) {
        this.shard = shard;
        this.env = env;
        this.membership = new Membership(this);
    }

    long now() {
        return env.context().now();
    }

    Context context() {
        return env.context();
    }

    BrokerSettings settings() {
        return env.settings();
    }

    int partition() {
        return shard.partition();
    }

    int recordsAppended() {
        return recordsAppended;
    }

    // ---------------------------------------------------------------- replies

    void reply(String client, Message message) {
        env.network().send(env.context(), env.brokerActor(), client, env.brokerId(), message);
    }

    /** Answers a member's parked JoinGroup, if it has one; true if it had. */
    boolean completeJoin(ClassicGroup group, ClassicGroupMember member, LongFunction<JoinGroupResponse> answer,
                         Rule rule) {
        ParkedRequest parked = group.takeAwaitingJoin(member);
        if (parked == null) {
            return false;
        }
        answerParkedJoin(group, member.memberId(), parked, answer.apply(parked.correlationId()), rule);
        return true;
    }

    void answerParkedJoin(ClassicGroup group, String memberId, ParkedRequest parked, JoinGroupResponse response,
                          Rule rule) {
        reply(parked.client(), response);
        Map<String, Object> fields = released(group, memberId, parked, response.error());
        fields.put("generationId", response.generationId());
        if (response.leader() != null && !response.leader().isEmpty()) {
            fields.put("leader", response.leader());
        }
        fields.put("memberCount", response.members().size());
        emitBroker(EventKind.REQUEST, "JoinGroupReleased", parked.client(), fields, rule);
    }

    /** Answers a member's parked SyncGroup, if it has one; true if it had. */
    boolean completeSync(ClassicGroup group, ClassicGroupMember member, LongFunction<SyncGroupResponse> answer,
                         Rule rule) {
        ParkedRequest parked = group.takeAwaitingSync(member);
        if (parked == null) {
            return false;
        }
        answerParkedSync(group, member.memberId(), parked, answer.apply(parked.correlationId()), rule);
        return true;
    }

    void answerParkedSync(ClassicGroup group, String memberId, ParkedRequest parked, SyncGroupResponse response,
                          Rule rule) {
        reply(parked.client(), response);
        Map<String, Object> fields = released(group, memberId, parked, response.error());
        fields.put("assignment", tpStrings(response.assignment()));
        emitBroker(EventKind.REQUEST, "SyncGroupReleased", parked.client(), fields, rule);
    }

    private Map<String, Object> released(ClassicGroup group, String memberId, ParkedRequest parked, Errors error) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("groupId", group.groupId());
        fields.put("memberId", memberId);
        fields.put("correlationId", parked.correlationId());
        fields.put("error", error.name());
        fields.put("parkedMs", now() - parked.arrivedAt());
        return fields;
    }

    /** Records that a request is held, and why. */
    void parked(String api, ClassicGroup group, String memberId, ParkedRequest parked, Rule rule) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("groupId", group.groupId());
        fields.put("memberId", memberId);
        fields.put("correlationId", parked.correlationId());
        fields.put("state", group.state().kafkaName());
        emitBroker(EventKind.REQUEST, api + "Parked", parked.client(), fields, rule);
    }

    // ---------------------------------------------------------------- group state

    void transition(ClassicGroup group, ClassicGroupState target, Rule rule) {
        ClassicGroupState from = group.state();
        group.transitionTo(target, now());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("from", from.kafkaName());
        fields.put("to", target.kafkaName());
        fields.put("generation", group.generationId());
        putIfPresent(fields, "protocol", group.protocolName());
        putIfPresent(fields, "leader", group.leaderId());
        fields.put("members", sortedMemberIds(group));
        emitGroup(EventKind.STATE, "GroupStateChange", group.groupId(), fields, rule);
    }

    /** Kafka's {@code initNextGeneration}: generation + 1, protocol chosen by vote, CompletingRebalance or Empty. */
    void initNextGeneration(ClassicGroup group, Rule rule) {
        if (group.numMembers() > 0) {
            ClassicGroup.ProtocolVote vote = group.selectProtocol();
            emitGroup(EventKind.STATE, "ProtocolSelected", group.groupId(),
                    fields("protocol", vote.protocol(), "votes", vote.votes()),
                    Rule.of("sim.coordinator.protocolVote", "protocol", vote.protocol(), "votes",
                            voteText(vote.votes())));
        }
        ClassicGroupState target = group.advanceGeneration();
        transition(group, target, rule);
        group.clearPendingSyncMembers();
    }

    private static String voteText(Map<String, Integer> votes) {
        StringBuilder text = new StringBuilder();
        votes.forEach((protocol, count) -> text.append(text.length() == 0 ? "" : ", ")
                .append(protocol).append(" = ").append(count));
        return text.toString();
    }

    // ---------------------------------------------------------------- timers

    private void arm(GroupTimer timer, long delayMs) {
        env.context().setTimer(heldKey(timer.key()), delayMs, timer);
    }

    /**
     * The shard's own instance of {@code key}, noted as armed if it was not: a member's heartbeat timer is armed again
     * at every heartbeat, and a new key string each time was kept by the next snapshot's timer table.
     */
    private String heldKey(String key) {
        String held = shard.timerKeys.get(key);
        if (held != null) {
            return held;
        }
        shard.timerKeys.add(key);
        return key;
    }

    private void cancel(String key) {
        env.context().cancelTimer(key);
        shard.timerKeys.remove(key);
    }

    void armHeartbeat(ClassicGroup group, String memberId, long timeoutMs, SessionRenewal renewedBy) {
        arm(new GroupTimer.Heartbeat(env.hostActorId(), partition(), group.groupId(), memberId, now(), timeoutMs,
                renewedBy), timeoutMs);
    }

    /** Kafka's {@code rescheduleClassicGroupMemberHeartbeat}: the member's session starts again now. */
    void rescheduleHeartbeat(ClassicGroup group, ClassicGroupMember member, SessionRenewal renewedBy) {
        armHeartbeat(group, member.memberId(), member.sessionTimeoutMs(), renewedBy);
    }

    void cancelHeartbeat(ClassicGroup group, String memberId) {
        cancel(GroupTimer.heartbeatKey(partition(), group.groupId(), memberId));
    }

    void armJoin(ClassicGroup group, long timeoutMs) {
        arm(new GroupTimer.Join(env.hostActorId(), partition(), group.groupId(), timeoutMs), timeoutMs);
    }

    void armInitialJoin(ClassicGroup group, int delayMs, int remainingMs) {
        arm(new GroupTimer.InitialJoin(env.hostActorId(), partition(), group.groupId(), delayMs, remainingMs),
                delayMs);
    }

    void cancelJoin(ClassicGroup group) {
        cancel(GroupTimer.joinKey(partition(), group.groupId()));
    }

    void armSync(ClassicGroup group) {
        long timeoutMs = group.rebalanceTimeoutMs();
        arm(new GroupTimer.Sync(env.hostActorId(), partition(), group.groupId(), group.generationId(), timeoutMs),
                timeoutMs);
    }

    void cancelSync(ClassicGroup group) {
        cancel(GroupTimer.syncKey(partition(), group.groupId()));
    }

    /** Kafka's {@code scheduleGroupMetadataExpiration}: the shard's clean-up runs every retention check interval. */
    void armExpiration() {
        ExpirationTimer timer = new ExpirationTimer(env.hostActorId(), partition());
        env.context().setTimer(heldKey(timer.key()), settings().offsetsRetentionCheckIntervalMs(), timer);
    }

    /** The end of the shard's load, {@code loadMs} from now; unloading first cancels it with the rest. */
    void armLoad(long loadMs) {
        LoadTimer timer = new LoadTimer(env.hostActorId(), partition());
        env.context().setTimer(heldKey(timer.key()), loadMs, timer);
    }

    /** Cancels every timer the shard armed: what unloading a partition does to Kafka's CoordinatorTimer. */
    void cancelAllTimers() {
        for (String key : List.copyOf(shard.timerKeys)) {
            cancel(key);
        }
    }

    // ---------------------------------------------------------------- records

    /** Kafka's {@code newGroupMetadataRecord}: the group with each member's subscription and assignment. */
    void appendGroupMetadata(ClassicGroup group, Map<String, List<TopicPartition>> assignment, Rule rule) {
        append(new GroupMetadataKey(group.groupId()), GroupRecords.metadata(group, assignment), rule);
    }

    /** Kafka's {@code newEmptyGroupMetadataRecord}, which a new group writes so that it exists in the log. */
    void appendEmptyGroupMetadata(ClassicGroup group, Rule rule) {
        append(new GroupMetadataKey(group.groupId()), GroupRecords.empty(group), rule);
    }

    /** A GroupMetadata tombstone: the group is deleted from the log (compaction drops it after delete.retention.ms). */
    void appendGroupTombstone(ClassicGroup group, Rule rule) {
        append(new GroupMetadataKey(group.groupId()), null, rule);
    }

    void appendOffsetCommit(String groupId, TopicPartition partition, long offset, int leaderEpoch, Rule rule) {
        OffsetCommitValue value = new OffsetCommitValue(offset, leaderEpoch, "", now());
        append(new OffsetCommitKey(groupId, partition.topic(), partition.partition()), value, rule);
        shard.offsets.computeIfAbsent(groupId, id -> new SortedArrayMap<>()).put(partition, value);
    }

    void appendOffsetTombstone(String groupId, TopicPartition partition, Rule rule) {
        append(new OffsetCommitKey(groupId, partition.topic(), partition.partition()), null, rule);
        SortedArrayMap<TopicPartition, OffsetCommitValue> byPartition = shard.offsets.get(groupId);
        byPartition.remove(partition);
        if (byPartition.isEmpty()) {
            shard.offsets.remove(groupId);
        }
    }

    private void append(CoordinatorKey key, Object value, Rule rule) {
        long offset = env.log().append(now(), key, value);
        recordsAppended++;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("partition", ClusterState.OFFSETS_TOPIC + "-" + partition());
        fields.put("offset", offset);
        fields.put("groupId", key.group());
        if (key instanceof OffsetCommitKey commit) {
            fields.put("topicPartition", commit.topic() + "-" + commit.partition());
        }
        fields.putAll(GroupRecords.describe(value));
        String type = key instanceof GroupMetadataKey ? "GroupMetadataRecord" : "OffsetCommitRecord";
        emitBroker(EventKind.PRODUCE, value == null ? type + "Tombstone" : type, null, fields, rule);
    }

    // ---------------------------------------------------------------- events

    void emitGroup(EventKind kind, String type, String groupId, Map<String, Object> fields, Rule rule) {
        env.context().emit(kind, type, CoordinatorEnv.groupActor(groupId), null, fields, rule.key(), rule.args());
    }

    void emitBroker(EventKind kind, String type, String peer, Map<String, Object> fields, Rule rule) {
        env.context().emit(kind, type, env.brokerActor(), peer, fields, rule.key(), rule.args());
    }

    static Map<String, Object> fields(Object... namesAndValues) {
        return EventFields.of(namesAndValues);
    }

    static void putIfPresent(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    static List<String> sortedMemberIds(ClassicGroup group) {
        return group.allMembers().stream().map(ClassicGroupMember::memberId).sorted().toList();
    }

    static List<String> tpStrings(List<TopicPartition> partitions) {
        return partitions.stream().sorted().map(TopicPartition::toString).toList();
    }
}
