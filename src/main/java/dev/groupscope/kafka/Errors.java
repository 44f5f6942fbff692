package dev.groupscope.kafka;

/**
 * The Kafka protocol errors GroupScope's model answers with: Kafka's names, codes (Kafka's
 * {@code org.apache.kafka.common.protocol.Errors}) and whether the client retries them (a retriable error is a
 * {@code RetriableException} in kafka-clients). A test checks every entry against kafka-clients' own; each has an
 * i18n key {@code error.NAME} that explains it to a learner.
 */
public enum Errors {
    NONE(0, false),
    UNKNOWN_SERVER_ERROR(-1, false),
    OFFSET_OUT_OF_RANGE(1, false),
    UNKNOWN_TOPIC_OR_PARTITION(3, true),
    NOT_LEADER_OR_FOLLOWER(6, true),
    REQUEST_TIMED_OUT(7, true),
    OFFSET_METADATA_TOO_LARGE(12, false),
    NETWORK_EXCEPTION(13, true),
    COORDINATOR_LOAD_IN_PROGRESS(14, true),
    COORDINATOR_NOT_AVAILABLE(15, true),
    NOT_COORDINATOR(16, true),
    ILLEGAL_GENERATION(22, false),
    INCONSISTENT_GROUP_PROTOCOL(23, false),
    INVALID_GROUP_ID(24, false),
    UNKNOWN_MEMBER_ID(25, false),
    INVALID_SESSION_TIMEOUT(26, false),
    REBALANCE_IN_PROGRESS(27, false),
    INVALID_COMMIT_OFFSET_SIZE(28, false),
    GROUP_AUTHORIZATION_FAILED(30, false),
    INVALID_REPLICATION_FACTOR(38, false),
    NON_EMPTY_GROUP(68, false),
    GROUP_ID_NOT_FOUND(69, false),
    FETCH_SESSION_ID_NOT_FOUND(70, true),
    INVALID_FETCH_SESSION_EPOCH(71, true),
    FENCED_LEADER_EPOCH(74, true),
    UNKNOWN_LEADER_EPOCH(75, true),
    MEMBER_ID_REQUIRED(79, false),
    GROUP_MAX_SIZE_REACHED(81, false),
    FENCED_INSTANCE_ID(82, false),
    UNSTABLE_OFFSET_COMMIT(88, true);

    private final short code;
    private final boolean retriable;

    Errors(int code, boolean retriable) {
        this.code = (short) code;
        this.retriable = retriable;
    }

    /** The code on the wire, as Kafka's error fields carry it. */
    public short code() {
        return code;
    }

    public boolean retriable() {
        return retriable;
    }

    /** The key of the explanation in the {@code dev.groupscope.i18n.messages} bundles. */
    public String messageKey() {
        return "error." + name();
    }
}
