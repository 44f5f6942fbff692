package dev.groupscope.lab;

/**
 * Why a member ended a round with no partitions, as the lab explains it to a class. These are observations about
 * the round (counts and withheld partitions), not decisions: the assignor has already decided.
 */
public enum IdleReason {
    /** More members than partitions: each partition has one owner in a group, so someone must wait. */
    TOO_FEW_PARTITIONS("ui.lab.idle.tooFewPartitions"),
    /** A cooperative round withheld partitions until their owners revoke them; the next round hands them out. */
    WAITING_FOR_REVOCATION("ui.lab.idle.waitingForRevocation"),
    /** There were enough partitions, yet the strategy gave this member none (e.g. the legacy ceil rule). */
    LEFT_OUT_BY_STRATEGY("ui.lab.idle.leftOutByStrategy");

    private final String messageKey;

    IdleReason(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
