package dev.groupscope.sim.protocol;

import dev.groupscope.kafka.TopicPartition;
import java.util.List;
import java.util.Map;

/** The group protocol's requests, with Kafka's field names. Member id "" = unknown (a new member). */
public final class Requests {

    private Requests() {
    }

    public record FindCoordinatorRequest(long correlationId, String key) implements Message {
        @Override
        public String api() {
            return "FindCoordinator";
        }
    }

    public record JoinGroupRequest(long correlationId, String groupId, int sessionTimeoutMs, int rebalanceTimeoutMs,
                                   String memberId, String groupInstanceId, String protocolType,
                                   List<JoinGroupProtocol> protocols, String reason) implements Message {
        public JoinGroupRequest {
            protocols = List.copyOf(protocols);
        }

        @Override
        public String api() {
            return "JoinGroup";
        }
    }

    public record SyncGroupRequest(long correlationId, String groupId, int generationId, String memberId,
                                   String groupInstanceId, String protocolType, String protocolName,
                                   Map<String, List<TopicPartition>> assignments) implements Message {
        public SyncGroupRequest {
            assignments = Sorted.copy(assignments);
        }

        @Override
        public String api() {
            return "SyncGroup";
        }
    }

    public record HeartbeatRequest(long correlationId, String groupId, int generationId, String memberId,
                                   String groupInstanceId) implements Message {
        @Override
        public String api() {
            return "Heartbeat";
        }
    }

    /** One member leaving (or being removed by an admin by instance id). */
    public record MemberIdentity(String memberId, String groupInstanceId, String reason) {
    }

    public record LeaveGroupRequest(long correlationId, String groupId, List<MemberIdentity> members)
            implements Message {
        public LeaveGroupRequest {
            members = List.copyOf(members);
        }

        @Override
        public String api() {
            return "LeaveGroup";
        }
    }

    /**
     * Commits the next offsets to read. {@code generationId} -1 with an empty member id is a commit from outside
     * any generation (a consumer using assign(), or an admin), which Kafka accepts only while the group is Empty.
     * {@code leaderEpochs}: Kafka's {@code committedLeaderEpoch} per partition (KIP-320), the leader epoch of the
     * last record consumed; a partition without one is absent (Kafka sends -1).
     */
    public record OffsetCommitRequest(long correlationId, String groupId, int generationId, String memberId,
                                      String groupInstanceId, Map<TopicPartition, Long> offsets,
                                      Map<TopicPartition, Integer> leaderEpochs) implements Message {
        public OffsetCommitRequest {
            offsets = Sorted.copy(offsets);
            leaderEpochs = Sorted.copy(leaderEpochs);
        }

        /** A commit whose offsets carry no leader epoch (an application's {@code new OffsetAndMetadata(offset)}). */
        public OffsetCommitRequest(long correlationId, String groupId, int generationId, String memberId,
                                   String groupInstanceId, Map<TopicPartition, Long> offsets) {
            this(correlationId, groupId, generationId, memberId, groupInstanceId, offsets, Map.of());
        }

        /** The committed leader epoch of {@code partition}, or -1 (none). */
        public int leaderEpoch(TopicPartition partition) {
            return leaderEpochs.getOrDefault(partition, -1);
        }

        @Override
        public String api() {
            return "OffsetCommit";
        }
    }

    public record OffsetFetchRequest(long correlationId, String groupId, List<TopicPartition> partitions)
            implements Message {
        public OffsetFetchRequest {
            partitions = List.copyOf(partitions);
        }

        @Override
        public String api() {
            return "OffsetFetch";
        }
    }

    /**
     * Reads records from partitions this broker leads, starting at each fetch offset. The broker answers at once
     * if it has at least {@code minBytes} for the consumer, else waits up to {@code maxWaitMs} (fetch.min.bytes,
     * fetch.max.wait.ms). {@code maxBytes} bounds the whole response (fetch.max.bytes), {@code partitionMaxBytes}
     * each partition (max.partition.fetch.bytes); as in Kafka, the first batch is returned even when larger.
     *
     * <p>Incremental fetch sessions (KIP-227): {@code sessionEpoch} {@link #INITIAL_EPOCH} asks for a full fetch
     * that opens a session (closing {@code sessionId} if not 0); {@link #FINAL_EPOCH} a full fetch without one. In
     * a session's later requests {@code fetchOffsets} names only the partitions added or whose offset moved, and
     * {@code forgotten} those the consumer no longer fetches; the broker keeps the others (implied) from before.
     */
    public record FetchRequest(long correlationId, int sessionId, int sessionEpoch,
                               Map<TopicPartition, Long> fetchOffsets, List<TopicPartition> forgotten, int maxBytes,
                               int minBytes, int maxWaitMs, int partitionMaxBytes) implements Message {

        /** Kafka's {@code FetchMetadata.INVALID_SESSION_ID}: no session. */
        public static final int NO_SESSION = 0;
        /** Kafka's {@code FetchMetadata.INITIAL_EPOCH}: a full fetch that asks for a new session. */
        public static final int INITIAL_EPOCH = 0;
        /** Kafka's {@code FetchMetadata.FINAL_EPOCH}: a full fetch without a session (or closing one). */
        public static final int FINAL_EPOCH = -1;

        public FetchRequest {
            fetchOffsets = InOrder.copy(fetchOffsets); // the order the consumer names them: a new session keeps it
            forgotten = forgotten.isEmpty() ? List.of() : List.copyOf(forgotten);
        }

        /** A full fetch without a session, each partition bounded by {@code partitionMaxBytes}. */
        public FetchRequest(long correlationId, Map<TopicPartition, Long> fetchOffsets, int maxBytes, int minBytes,
                            int maxWaitMs, int partitionMaxBytes) {
            this(correlationId, NO_SESSION, FINAL_EPOCH, fetchOffsets, List.of(), maxBytes, minBytes, maxWaitMs,
                    partitionMaxBytes);
        }

        /** Without a per-partition bound: each partition may use the whole {@code maxBytes}. */
        public FetchRequest(long correlationId, Map<TopicPartition, Long> fetchOffsets, int maxBytes, int minBytes,
                            int maxWaitMs) {
            this(correlationId, fetchOffsets, maxBytes, minBytes, maxWaitMs, maxBytes);
        }

        /** A full fetch names every partition it reads; an incremental one only the changes. */
        public boolean isFull() {
            return sessionEpoch == INITIAL_EPOCH || sessionEpoch == FINAL_EPOCH;
        }

        @Override
        public String api() {
            return "Fetch";
        }
    }

    /**
     * ListOffsets, as a consumer sends it: for each partition a target, Kafka's {@link #EARLIEST_TIMESTAMP} (the log
     * start), {@link #LATEST_TIMESTAMP} (the log end) or a timestamp in ms (the first record at or after it). Sent to
     * the partitions' leader, one request per leader, to reset positions (auto.offset.reset, seekToBeginning /
     * seekToEnd) or for the application's offsetsForTimes() call. {@code requireTimestamp} is the flag kafka-clients
     * builds the request with ({@code ListOffsetsRequest.Builder.forConsumer}): true for offsetsForTimes(), false for
     * resets. In Kafka 4.1 it only raises the oldest version allowed, so the broker answers both alike; the model keeps
     * it so the request's arrival can say why it was sent.
     */
    public record ListOffsetsRequest(long correlationId, Map<TopicPartition, Long> timestamps, boolean requireTimestamp)
            implements Message {

        /** Kafka's {@code ListOffsetsRequest.LATEST_TIMESTAMP}: the log-end offset (the high watermark). */
        public static final long LATEST_TIMESTAMP = -1;
        /** Kafka's {@code ListOffsetsRequest.EARLIEST_TIMESTAMP}: the log-start offset. */
        public static final long EARLIEST_TIMESTAMP = -2;

        public ListOffsetsRequest {
            timestamps = Sorted.copy(timestamps);
        }

        /** A request to reset positions. */
        public ListOffsetsRequest(long correlationId, Map<TopicPartition, Long> timestamps) {
            this(correlationId, timestamps, false);
        }

        @Override
        public String api() {
            return "ListOffsets";
        }
    }

    /**
     * OffsetForLeaderEpoch (KIP-320), as a consumer sends it to a partition's new leader to validate its position
     * after a leader change: per partition the leader epoch the consumer's metadata knows ({@code currentLeaderEpoch},
     * which fences a stale leader) and the epoch of the last record it consumed ({@code leaderEpoch}), whose end
     * offset on the leader's log the answer gives.
     */
    public record OffsetForLeaderEpochRequest(long correlationId, Map<TopicPartition, EpochToValidate> partitions)
            implements Message {

        /** One partition of the request. */
        public record EpochToValidate(int currentLeaderEpoch, int leaderEpoch) {
        }

        public OffsetForLeaderEpochRequest {
            partitions = Sorted.copy(partitions);
        }

        @Override
        public String api() {
            return "OffsetForLeaderEpoch";
        }
    }

    /**
     * Metadata, as a consumer's network client sends it to the least loaded broker: the topics it needs (its
     * subscription, the group's when it leads, the topics of its assign()), or every topic ({@code topics} null:
     * Kafka's {@code MetadataRequest.Builder.allTopics()}, what a pattern subscriber asks for).
     */
    /**
     * {@code allowAutoTopicCreation}: whether a named topic that does not exist may be created by the request (a
     * consumer's allow.auto.create.topics; a request for every topic never creates one).
     */
    public record MetadataRequest(long correlationId, List<String> topics, boolean allowAutoTopicCreation)
            implements Message {

        public MetadataRequest {
            topics = topics == null ? null : List.copyOf(new java.util.TreeSet<>(topics));
        }

        /** A request for every topic. */
        public static MetadataRequest allTopics(long correlationId) {
            return new MetadataRequest(correlationId, null, false);
        }

        public boolean isAllTopics() {
            return topics == null;
        }

        @Override
        public String api() {
            return "Metadata";
        }
    }
}
