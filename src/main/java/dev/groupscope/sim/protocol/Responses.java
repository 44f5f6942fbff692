package dev.groupscope.sim.protocol;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import java.util.List;
import java.util.Map;

/** The group protocol's responses, with Kafka's field names. */
public final class Responses {

    private Responses() {
    }

    public record FindCoordinatorResponse(long correlationId, Errors error, int nodeId) implements Message {
        @Override
        public String api() {
            return "FindCoordinator";
        }
    }

    /** A member as the leader sees it in its JoinGroup response: the input to its assignor. */
    public record JoinGroupMember(String memberId, String groupInstanceId, Subscription metadata) {
    }

    /**
     * {@code members} is filled for the leader only (and for a static leader rejoining a stable group, with
     * {@code skipAssignment} true: it must not run the assignor again).
     */
    public record JoinGroupResponse(long correlationId, Errors error, int generationId, String protocolType,
                                    String protocolName, String leader, boolean skipAssignment, String memberId,
                                    List<JoinGroupMember> members) implements Message {
        public JoinGroupResponse {
            members = List.copyOf(members);
        }

        @Override
        public String api() {
            return "JoinGroup";
        }
    }

    public record SyncGroupResponse(long correlationId, Errors error, String protocolType, String protocolName,
                                    List<TopicPartition> assignment) implements Message {
        public SyncGroupResponse {
            assignment = List.copyOf(assignment);
        }

        @Override
        public String api() {
            return "SyncGroup";
        }
    }

    public record HeartbeatResponse(long correlationId, Errors error) implements Message {
        @Override
        public String api() {
            return "Heartbeat";
        }
    }

    public record LeaveGroupResponse(long correlationId, Errors error, Map<String, Errors> memberErrors)
            implements Message {
        public LeaveGroupResponse {
            memberErrors = Sorted.copy(memberErrors);
        }

        @Override
        public String api() {
            return "LeaveGroup";
        }
    }

    public record OffsetCommitResponse(long correlationId, Map<TopicPartition, Errors> errors) implements Message {
        public OffsetCommitResponse {
            errors = Sorted.copy(errors);
        }

        @Override
        public String api() {
            return "OffsetCommit";
        }
    }

    /**
     * Committed offsets; -1 for a partition the group has never committed. {@code leaderEpochs}: Kafka's
     * {@code committedLeaderEpoch} of each commit that carried one (KIP-320); a partition without one is absent
     * (Kafka answers -1).
     */
    public record OffsetFetchResponse(long correlationId, Errors error, Map<TopicPartition, Long> offsets,
                                      Map<TopicPartition, Integer> leaderEpochs) implements Message {
        public OffsetFetchResponse {
            offsets = Sorted.copy(offsets);
            leaderEpochs = Sorted.copy(leaderEpochs);
        }

        /** An answer whose offsets carry no leader epoch. */
        public OffsetFetchResponse(long correlationId, Errors error, Map<TopicPartition, Long> offsets) {
            this(correlationId, error, offsets, Map.of());
        }

        /** The committed leader epoch of {@code partition}, or -1 (none). */
        public int leaderEpoch(TopicPartition partition) {
            return leaderEpochs.getOrDefault(partition, -1);
        }

        @Override
        public String api() {
            return "OffsetFetch";
        }
    }

    /**
     * Records of one partition in a fetch: offsets [fetchOffset, fetchOffset + count) and the high watermark. With
     * NOT_LEADER_OR_FOLLOWER, the partition's current leader and its epoch as the answering broker knows them
     * (KIP-951's {@code currentLeader}; -1 when it has none), so the client can move without waiting for Metadata.
     * {@code lastEpoch}: the leader epoch of the batch holding the last record (the epoch of the leader that wrote
     * it), -1 without records; the consumer's position takes it as its {@code offsetEpoch} (KIP-320).
     */
    public record FetchedPartition(Errors error, long fetchOffset, int count, long highWatermark, int currentLeader,
                                   int currentLeaderEpoch, int lastEpoch) {

        public FetchedPartition(Errors error, long fetchOffset, int count, long highWatermark) {
            this(error, fetchOffset, count, highWatermark, -1, -1, -1);
        }

        public FetchedPartition(Errors error, long fetchOffset, int count, long highWatermark, int currentLeader,
                                int currentLeaderEpoch) {
            this(error, fetchOffset, count, highWatermark, currentLeader, currentLeaderEpoch, -1);
        }
    }

    /**
     * A fetch's answer. {@code sessionId}: the fetch session it opened or continued, 0 for none (or a closed one).
     * A full response lists every partition of the request; an incremental one only those with records, a new
     * high watermark or an error (Kafka's {@code CachedPartition.maybeUpdateResponseData}). A session error
     * (FETCH_SESSION_ID_NOT_FOUND, INVALID_FETCH_SESSION_EPOCH) comes without partitions.
     */
    public record FetchResponse(long correlationId, Errors error, int sessionId,
                                Map<TopicPartition, FetchedPartition> partitions) implements Message {
        public FetchResponse {
            partitions = InOrder.copy(partitions); // the order the broker read them in: poll() returns them so
        }

        /** A full answer outside any session. */
        public FetchResponse(long correlationId, Map<TopicPartition, FetchedPartition> partitions) {
            this(correlationId, Errors.NONE, 0, partitions);
        }

        @Override
        public String api() {
            return "Fetch";
        }
    }

    /**
     * One partition's answer to a ListOffsets: an error, or the offset found with the timestamp of its record (-1
     * for the log start and end). A search by timestamp that no record is that new answers NONE with offset
     * {@link #UNKNOWN_OFFSET} (Kafka's "empty offset response").
     */
    public record ListedOffset(Errors error, long timestamp, long offset) {

        /** Kafka's {@code ListOffsetsResponse.UNKNOWN_OFFSET}. */
        public static final long UNKNOWN_OFFSET = -1;
        /** Kafka's {@code ListOffsetsResponse.UNKNOWN_TIMESTAMP}. */
        public static final long UNKNOWN_TIMESTAMP = -1;

        /** An answer with an error: no offset, no timestamp. */
        public static ListedOffset failed(Errors error) {
            return new ListedOffset(error, UNKNOWN_TIMESTAMP, UNKNOWN_OFFSET);
        }
    }

    /** A ListOffsets answer: per partition of the request, the offset found or an error (partition-level only). */
    public record ListOffsetsResponse(long correlationId, Map<TopicPartition, ListedOffset> partitions)
            implements Message {
        public ListOffsetsResponse {
            partitions = Sorted.copy(partitions);
        }

        @Override
        public String api() {
            return "ListOffsets";
        }
    }

    /**
     * One partition's answer to an OffsetForLeaderEpoch: an error (NOT_LEADER_OR_FOLLOWER, FENCED_LEADER_EPOCH,
     * UNKNOWN_LEADER_EPOCH, UNKNOWN_TOPIC_OR_PARTITION), or the largest epoch of the leader's log not above the one
     * asked for and where its records end ({@code endOffset}); both -1 when the log knows no such epoch.
     */
    public record EpochEndOffset(Errors error, int leaderEpoch, long endOffset) {

        /** Kafka's {@code UNDEFINED_EPOCH} / {@code UNDEFINED_EPOCH_OFFSET}. */
        public static final int UNDEFINED = -1;

        public static EpochEndOffset failed(Errors error) {
            return new EpochEndOffset(error, UNDEFINED, UNDEFINED);
        }
    }

    /** An OffsetForLeaderEpoch answer, per partition of the request. */
    public record OffsetForLeaderEpochResponse(long correlationId, Map<TopicPartition, EpochEndOffset> partitions)
            implements Message {
        public OffsetForLeaderEpochResponse {
            partitions = Sorted.copy(partitions);
        }

        @Override
        public String api() {
            return "OffsetForLeaderEpoch";
        }
    }

    /**
     * One topic of a Metadata answer: UNKNOWN_TOPIC_OR_PARTITION (no such topic: no partitions), or NONE with the
     * leader and leader epoch of each partition (a partition without a live replica has leader -1, Kafka's
     * LEADER_NOT_AVAILABLE at the partition level).
     */
    public record TopicMetadata(Errors error, PartitionLeaders partitions) {

        public static TopicMetadata unknown() {
            return new TopicMetadata(Errors.UNKNOWN_TOPIC_OR_PARTITION, PartitionLeaders.NONE);
        }
    }

    /**
     * A Metadata answer: the live brokers (Kafka's {@code brokers}) and the topics asked for (all of them, internal
     * ones left out as exclude.internal.topics=true has the consumer drop them).
     */
    public record MetadataResponse(long correlationId, List<Integer> brokers, Map<String, TopicMetadata> topics)
            implements Message {

        public MetadataResponse {
            brokers = List.copyOf(brokers);
            topics = Sorted.copy(topics);
        }

        @Override
        public String api() {
            return "Metadata";
        }
    }
}
