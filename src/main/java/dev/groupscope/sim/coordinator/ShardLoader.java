package dev.groupscope.sim.coordinator;

import static dev.groupscope.sim.coordinator.ClassicGroupState.COMPLETING_REBALANCE;
import static dev.groupscope.sim.coordinator.ClassicGroupState.DEAD;
import static dev.groupscope.sim.coordinator.ClassicGroupState.EMPTY;
import static dev.groupscope.sim.coordinator.ClassicGroupState.PREPARING_REBALANCE;
import static dev.groupscope.sim.coordinator.ClassicGroupState.STABLE;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.offsets.GroupMetadataKey;
import dev.groupscope.sim.offsets.GroupMetadataValue;
import dev.groupscope.sim.offsets.OffsetCommitKey;
import dev.groupscope.sim.offsets.OffsetCommitValue;
import dev.groupscope.sim.offsets.OffsetsLogEntry;
import dev.groupscope.sim.protocol.JoinGroupProtocol;
import dev.groupscope.sim.engine.SortedArrayMap;
import java.util.List;
import java.util.TreeMap;

/**
 * Loading and unloading a shard when leadership of its {@code __consumer_offsets} partition moves (Kafka's replay of
 * the partition's records, {@code onLoaded} and {@code onUnloaded}).
 */
final class ShardLoader {

    private final ShardCall call;

    ShardLoader(ShardCall call) {
        this.call = call;
    }

    /**
     * The new leader starts reading the partition ({@code CoordinatorRuntime}'s context goes LOADING): its groups'
     * requests are answered COORDINATOR_LOAD_IN_PROGRESS (heartbeats NONE) until the {@link LoadTimer} fires.
     *
     * <p>The shard holds what the read will have found from the start: nothing can be written to the partition
     * meanwhile (every write is refused), and compaction keeps each key's latest record, so replaying now or at the
     * end gives the same groups and offsets. They are for looking at only (the window shows the group as stored);
     * nothing acts on them before {@link #load} at the end arms the group's timers.
     */
    void startLoading(long loadMs) {
        List<OffsetsLogEntry> entries = call.env.log().entries();
        entries.forEach(this::replay);
        call.shard.loadEndsAt = call.now() + loadMs;
        call.armLoad(loadMs);
        int records = entries.size();
        call.emitBroker(EventKind.STATE, "CoordinatorLoading", null, ShardCall.fields(
                        "partition", call.partition(), "records", records, "loadMs", loadMs,
                        "loadEndsAt", call.shard.loadEndsAt, "groups", List.copyOf(call.shard.groups.keySet())),
                Rule.of("sim.coordinator.loading", "partition", call.partition(), "records", records,
                        "broker", call.env.brokerId(), "loadMs", loadMs, "loadEndsAt", call.shard.loadEndsAt));
    }

    /**
     * Replays the log (unless {@code loadedAfterReading}: the end of a load that took time, which replayed it as it
     * started), then arms every member's session (a loaded member must heartbeat within its timeout) and the shard's
     * periodic offset expiry.
     */
    void load(boolean loadedAfterReading) {
        call.armExpiration();
        List<OffsetsLogEntry> entries = call.env.log().entries();
        if (entries.isEmpty()) {
            return;
        }
        if (!loadedAfterReading) {
            entries.forEach(this::replay);
        }
        call.emitBroker(EventKind.STATE, "CoordinatorLoaded", null, ShardCall.fields(
                        "partition", call.partition(), "records", entries.size(),
                        "groups", List.copyOf(call.shard.groups.keySet())),
                Rule.of(loadedAfterReading ? "sim.coordinator.loaded.afterReading" : "sim.coordinator.loaded",
                        "partition", call.partition(), "records", entries.size(), "broker", call.env.brokerId()));
        for (ClassicGroup group : call.shard.groups.values()) {
            call.emitGroup(EventKind.STATE, "GroupLoaded", group.groupId(), ShardCall.fields(
                            "state", group.state().kafkaName(), "generation", group.generationId(),
                            "members", ShardCall.sortedMemberIds(group)),
                    Rule.of("sim.coordinator.groupLoaded", "state", group.state().kafkaName(),
                            "generation", group.generationId(), "broker", call.env.brokerId()));
            group.allMembers().forEach(member -> call.rescheduleHeartbeat(group, member, SessionRenewal.GROUP_LOADED));
            if (group.numMembers() > call.settings().groupMaxSize()) {
                new Rebalancer(call).prepareRebalance(group, Rule.of("sim.coordinator.rebalance.overCapacity",
                        "members", group.numMembers(), "groupMaxSize", call.settings().groupMaxSize()));
            }
        }
    }

    private void replay(OffsetsLogEntry entry) {
        if (entry.key() instanceof OffsetCommitKey key) {
            replayOffset(key, (OffsetCommitValue) entry.value());
        } else if (entry.key() instanceof GroupMetadataKey key) {
            if (entry.value() == null) {
                call.shard.groups.remove(key.group());
            } else {
                call.shard.groups.put(key.group(), loadedGroup(key.group(), (GroupMetadataValue) entry.value()));
            }
        }
    }

    /** An offset of a group that does not exist yet makes a "simple" group: Empty, without protocol type. */
    private void replayOffset(OffsetCommitKey key, OffsetCommitValue value) {
        TopicPartition partition = new TopicPartition(key.topic(), key.partition());
        if (value == null) {
            SortedArrayMap<TopicPartition, OffsetCommitValue> byPartition = call.shard.offsets.get(key.group());
            if (byPartition != null) {
                byPartition.remove(partition);
                if (byPartition.isEmpty()) {
                    call.shard.offsets.remove(key.group());
                }
            }
            return;
        }
        call.shard.groups.computeIfAbsent(key.group(), id -> new ClassicGroup(id, EMPTY, call.now()));
        call.shard.offsets.computeIfAbsent(key.group(), id -> new SortedArrayMap<>()).put(partition, value);
    }

    /**
     * Kafka's replay of a GroupMetadata value: Empty without members, else Stable in the recorded generation, with
     * each member offering only the group's protocol (with its recorded subscription) and holding its assignment.
     */
    private static ClassicGroup loadedGroup(String groupId, GroupMetadataValue value) {
        String protocolType = value.protocolType() == null || value.protocolType().isEmpty()
                ? null : value.protocolType();
        ClassicGroup group = new ClassicGroup(groupId, value.members().isEmpty() ? EMPTY : STABLE,
                value.currentStateTimestamp(), value.generation(), protocolType, value.protocol(), value.leader());
        for (GroupMetadataValue.Member recorded : value.members()) {
            ClassicGroupMember member = new ClassicGroupMember(recorded.memberId(), recorded.groupInstanceId(),
                    recorded.clientId(), value.protocolType(), recorded.rebalanceTimeoutMs(),
                    recorded.sessionTimeoutMs(), List.of(new JoinGroupProtocol(value.protocol(),
                            recorded.subscription())), recorded.assignment());
            member.setGenerationId(value.generation());
            group.add(member, null);
        }
        group.updateSubscribedTopics();
        return group;
    }

    /**
     * Kafka's {@code onUnloaded}: every group goes Dead; members parked in JoinGroup (PreparingRebalance) or
     * SyncGroup (CompletingRebalance, Stable) are told NOT_COORDINATOR so they look for the new coordinator. A shard
     * still loading is unloaded the same way (Kafka's runtime calls {@code onUnloaded} on what it has read so far),
     * and its load is cancelled with its other timers.
     */
    void unload() {
        Rule rule = Rule.of("sim.coordinator.unloaded", "partition", call.partition(),
                "broker", call.env.brokerId());
        for (ClassicGroup group : call.shard.groups.values()) {
            ClassicGroupState previous = group.state();
            call.transition(group, DEAD, rule);
            for (ClassicGroupMember member : group.allMembers()) {
                if (previous == PREPARING_REBALANCE) {
                    call.completeJoin(group, member, correlationId -> Answers.joinError(correlationId,
                            Errors.NOT_COORDINATOR, member.memberId()), rule);
                } else if (previous == COMPLETING_REBALANCE || previous == STABLE) {
                    call.completeSync(group, member, correlationId ->
                            Answers.syncError(correlationId, Errors.NOT_COORDINATOR), rule);
                }
            }
        }
        call.cancelAllTimers();
        if (call.shard.groups.isEmpty()) {
            return;
        }
        call.emitBroker(EventKind.STATE, "CoordinatorUnloaded", null, ShardCall.fields(
                "partition", call.partition(), "groups", List.copyOf(call.shard.groups.keySet())), rule);
    }
}
