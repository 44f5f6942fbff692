package dev.groupscope.kafka;

/**
 * The Kafka protocol errors GroupScope's model answers with: Kafka's names, codes (Kafka's
 * {@code org.apache.kafka.common.protocol.Errors}) and whether the client retries them (a retriable error is a
 * {@code RetriableException} in kafka-clients). A test checks every entry against kafka-clients' own; each has an
 * i18n key {@code error.NAME} that explains it to a learner.
 */
public enum Errors {
    NONE(0, false, null),
    UNKNOWN_SERVER_ERROR(-1, false, "UnknownServerException"),
    OFFSET_OUT_OF_RANGE(1, false, "OffsetOutOfRangeException"),
    UNKNOWN_TOPIC_OR_PARTITION(3, true, "UnknownTopicOrPartitionException"),
    NOT_LEADER_OR_FOLLOWER(6, true, "NotLeaderOrFollowerException"),
    REQUEST_TIMED_OUT(7, true, "TimeoutException"),
    OFFSET_METADATA_TOO_LARGE(12, false, "OffsetMetadataTooLarge"),
    NETWORK_EXCEPTION(13, true, "NetworkException"),
    COORDINATOR_LOAD_IN_PROGRESS(14, true, "CoordinatorLoadInProgressException"),
    COORDINATOR_NOT_AVAILABLE(15, true, "CoordinatorNotAvailableException"),
    NOT_COORDINATOR(16, true, "NotCoordinatorException"),
    ILLEGAL_GENERATION(22, false, "IllegalGenerationException"),
    INCONSISTENT_GROUP_PROTOCOL(23, false, "InconsistentGroupProtocolException"),
    INVALID_GROUP_ID(24, false, "InvalidGroupIdException"),
    UNKNOWN_MEMBER_ID(25, false, "UnknownMemberIdException"),
    INVALID_SESSION_TIMEOUT(26, false, "InvalidSessionTimeoutException"),
    REBALANCE_IN_PROGRESS(27, false, "RebalanceInProgressException"),
    INVALID_COMMIT_OFFSET_SIZE(28, false, "InvalidCommitOffsetSizeException"),
    GROUP_AUTHORIZATION_FAILED(30, false, "GroupAuthorizationException"),
    INVALID_REPLICATION_FACTOR(38, false, "InvalidReplicationFactorException"),
    NON_EMPTY_GROUP(68, false, "GroupNotEmptyException"),
    GROUP_ID_NOT_FOUND(69, false, "GroupIdNotFoundException"),
    FETCH_SESSION_ID_NOT_FOUND(70, true, "FetchSessionIdNotFoundException"),
    INVALID_FETCH_SESSION_EPOCH(71, true, "InvalidFetchSessionEpochException"),
    FENCED_LEADER_EPOCH(74, true, "FencedLeaderEpochException"),
    UNKNOWN_LEADER_EPOCH(75, true, "UnknownLeaderEpochException"),
    MEMBER_ID_REQUIRED(79, false, "MemberIdRequiredException"),
    GROUP_MAX_SIZE_REACHED(81, false, "GroupMaxSizeReachedException"),
    FENCED_INSTANCE_ID(82, false, "FencedInstanceIdException"),
    UNSTABLE_OFFSET_COMMIT(88, true, "UnstableOffsetCommitException");

    private final short code;
    private final boolean retriable;
    private final String exception;

    Errors(int code, boolean retriable, String exception) {
        this.code = (short) code;
        this.retriable = retriable;
        this.exception = exception;
    }

    /** The code on the wire, as Kafka's error fields carry it. */
    public short code() {
        return code;
    }

    public boolean retriable() {
        return retriable;
    }

    /**
     * The simple name of the exception kafka-clients raises for this error ({@code Errors.exception()}), as Kafka's
     * own messages quote it (e.g. "rebalance failed due to UnknownMemberIdException"); null for NONE.
     */
    public String exceptionName() {
        return exception;
    }

    /** The key of the explanation in the {@code dev.groupscope.i18n.messages} bundles. */
    public String messageKey() {
        return "error." + name();
    }
}
