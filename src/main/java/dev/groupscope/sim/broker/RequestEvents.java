package dev.groupscope.sim.broker;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.JoinGroupProtocol;
import dev.groupscope.sim.protocol.Message;
import dev.groupscope.sim.protocol.Requests.FetchRequest;
import dev.groupscope.sim.protocol.Requests.FindCoordinatorRequest;
import dev.groupscope.sim.protocol.Requests.HeartbeatRequest;
import dev.groupscope.sim.protocol.Requests.JoinGroupRequest;
import dev.groupscope.sim.protocol.Requests.LeaveGroupRequest;
import dev.groupscope.sim.protocol.Requests.ListOffsetsRequest;
import dev.groupscope.sim.protocol.Requests.OffsetForLeaderEpochRequest;
import dev.groupscope.sim.protocol.Requests.MetadataRequest;
import dev.groupscope.sim.protocol.Requests.MemberIdentity;
import dev.groupscope.sim.protocol.Requests.OffsetCommitRequest;
import dev.groupscope.sim.protocol.Requests.OffsetFetchRequest;
import dev.groupscope.sim.protocol.Requests.SyncGroupRequest;
import dev.groupscope.sim.engine.OrderedFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fields of a REQUEST event: the request's salient fields with Kafka's names, then {@code sentAt} and
 * {@code correlationId}. Values are JSON-friendly: strings, numbers, booleans, and sorted lists and maps of them,
 * a partition as its {@code topic-partition} string.
 */
final class RequestEvents {

    private RequestEvents() {
    }

    static String type(Message message) {
        return message.requestType();
    }

    /** Requests a learner steps to; each arrival is explained by {@code sim.request.<api>} when no rule says more. */
    private static final Set<String> EXPLAINED = Set.of("FindCoordinator", "JoinGroup", "SyncGroup", "OffsetFetch",
            "LeaveGroup");

    /** The sentence key for a request's arrival that no coordinator rule explains, if a learner sees it. */
    static Optional<String> arrivalKey(Message message) {
        return EXPLAINED.contains(message.api()) ? Optional.of("sim.request." + message.api()) : Optional.empty();
    }

    /** The arrival sentence's arguments: the request's fields, who sent it and the broker it reached. */
    static Map<String, Object> arrivalArgs(Deliver delivery, Map<String, Object> fields) {
        Map<String, Object> args = new LinkedHashMap<>(fields);
        args.put("client", delivery.from());
        args.put("broker", delivery.broker());
        args.putIfAbsent("memberId", "");
        return args;
    }

    static Map<String, Object> fields(Deliver delivery) {
        Map<String, Object> fields = new OrderedFields();
        Message message = delivery.message();
        if (message instanceof FindCoordinatorRequest find) {
            fields.put("key", find.key());
        } else if (message instanceof JoinGroupRequest join) {
            join(fields, join);
        } else if (message instanceof SyncGroupRequest sync) {
            sync(fields, sync);
        } else if (message instanceof HeartbeatRequest heartbeat) {
            member(fields, heartbeat.groupId(), heartbeat.generationId(), heartbeat.memberId(),
                    heartbeat.groupInstanceId());
        } else if (message instanceof LeaveGroupRequest leave) {
            fields.put("groupId", leave.groupId());
            fields.put("members", identities(leave.members()));
        } else if (message instanceof OffsetCommitRequest commit) {
            member(fields, commit.groupId(), commit.generationId(), commit.memberId(), commit.groupInstanceId());
            fields.put("offsets", byPartition(commit.offsets()));
            if (!commit.leaderEpochs().isEmpty()) {
                fields.put("leaderEpochs", byPartition(commit.leaderEpochs())); // KIP-320's committedLeaderEpoch
            }
        } else if (message instanceof OffsetFetchRequest fetch) {
            fields.put("groupId", fetch.groupId());
            fields.put("partitions", fetch.partitions().stream().sorted().map(TopicPartition::toString).toList());
        } else if (message instanceof ListOffsetsRequest listOffsets) {
            // Kafka's target per partition: -2 (earliest), -1 (latest) or a timestamp in ms.
            fields.put("timestamps", byPartition(listOffsets.timestamps()));
        } else if (message instanceof OffsetForLeaderEpochRequest epochs) {
            // Per partition: the epoch of the last record consumed, and the leader epoch the consumer knows.
            Map<String, Object> asked = new java.util.TreeMap<>();
            epochs.partitions().forEach((tp, e) -> asked.put(tp.toString(), e.leaderEpoch()));
            Map<String, Object> current = new java.util.TreeMap<>();
            epochs.partitions().forEach((tp, e) -> current.put(tp.toString(), e.currentLeaderEpoch()));
            fields.put("leaderEpochs", asked);
            fields.put("currentLeaderEpochs", current);
        } else if (message instanceof MetadataRequest metadata) {
            // Kafka's null topic list: every topic (a pattern subscriber's request).
            fields.put("allTopics", metadata.isAllTopics());
            fields.put("topics", metadata.isAllTopics() ? List.of() : metadata.topics());
        } else if (message instanceof FetchRequest fetch) {
            // What Kafka sends: the session and epoch (KIP-227), the partitions added or moved (all of them in a
            // full fetch) and those to forget. Built when read: the request's offsets are an immutable copy.
            fields.put("sessionId", fetch.sessionId());
            fields.put("sessionEpoch", fetch.sessionEpoch());
            // In the order the consumer names them: a full fetch's order is the session's, and so the answer's.
            fields.put("fetchOffsets", dev.groupscope.sim.engine.LazyMap.of(() -> inOrder(fetch.fetchOffsets())));
            fields.put("forgotten", fetch.forgotten().isEmpty() ? List.of()
                    : fetch.forgotten().stream().map(TopicPartition::toString).toList());
            fields.put("maxBytes", fetch.maxBytes());
            fields.put("minBytes", fetch.minBytes());
            fields.put("maxWaitMs", fetch.maxWaitMs());
        }
        fields.put("sentAt", delivery.sentAt());
        fields.put("correlationId", message.correlationId());
        return fields;
    }

    private static void join(Map<String, Object> fields, JoinGroupRequest join) {
        fields.put("groupId", join.groupId());
        fields.put("memberId", join.memberId());
        putIfPresent(fields, "groupInstanceId", join.groupInstanceId());
        fields.put("sessionTimeoutMs", join.sessionTimeoutMs());
        fields.put("rebalanceTimeoutMs", join.rebalanceTimeoutMs());
        fields.put("protocolType", join.protocolType());
        fields.put("protocols", join.protocols().stream().map(JoinGroupProtocol::name).toList());
        putIfPresent(fields, "reason", join.reason());
    }

    private static void sync(Map<String, Object> fields, SyncGroupRequest sync) {
        member(fields, sync.groupId(), sync.generationId(), sync.memberId(), sync.groupInstanceId());
        putIfPresent(fields, "protocolName", sync.protocolName());
        Map<String, List<String>> assignments = new TreeMap<>();
        sync.assignments().forEach((member, partitions) ->
                assignments.put(member, partitions.stream().sorted().map(TopicPartition::toString).toList()));
        fields.put("assignments", Collections.unmodifiableMap(assignments));
    }

    private static void member(Map<String, Object> fields, String groupId, int generationId, String memberId,
                               String groupInstanceId) {
        fields.put("groupId", groupId);
        fields.put("generationId", generationId);
        fields.put("memberId", memberId);
        putIfPresent(fields, "groupInstanceId", groupInstanceId);
    }

    private static List<Map<String, Object>> identities(List<MemberIdentity> members) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (MemberIdentity identity : members) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("memberId", identity.memberId());
            putIfPresent(entry, "groupInstanceId", identity.groupInstanceId());
            putIfPresent(entry, "reason", identity.reason());
            list.add(Collections.unmodifiableMap(entry));
        }
        return List.copyOf(list);
    }

    private static <V> Map<String, V> byPartition(Map<TopicPartition, V> offsets) {
        Map<String, V> map = new TreeMap<>();
        offsets.forEach((partition, offset) -> map.put(partition.toString(), offset));
        return Collections.unmodifiableMap(map);
    }

    private static <V> Map<String, V> inOrder(Map<TopicPartition, V> offsets) {
        Map<String, V> map = new java.util.LinkedHashMap<>();
        offsets.forEach((partition, offset) -> map.put(partition.toString(), offset));
        return Collections.unmodifiableMap(map);
    }

    private static void putIfPresent(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
