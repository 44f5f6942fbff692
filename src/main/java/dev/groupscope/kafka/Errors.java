package dev.groupscope.kafka;

/**
 * The protocol error codes GroupScope's model answers with, by Kafka's names and numbers (Kafka's
 * {@code org.apache.kafka.common.protocol.Errors}). Only the codes the model actually produces are listed; each
 * has an i18n key {@code error.NAME} that explains it to a learner.
 */
public enum Errors {
    NONE(0),
    /** The coordinator is not available: its partition of {@code __consumer_offsets} has no live leader. */
    COORDINATOR_NOT_AVAILABLE(15),
    /** The session timeout is outside the broker's group.min/max.session.timeout.ms range. */
    INVALID_SESSION_TIMEOUT(26);

    private final short code;

    Errors(int code) {
        this.code = (short) code;
    }

    /** The code on the wire, as Kafka's error fields carry it. */
    public short code() {
        return code;
    }

    /** The key of the explanation in the {@code dev.groupscope.i18n.messages} bundles. */
    public String messageKey() {
        return "error." + name();
    }
}
