package dev.groupscope.kafka.assignor.sticky;

/**
 * Kafka's {@code StickyAssignor} ({@code "sticky"}, EAGER only): balanced like round robin, but keeps as many of
 * each member's previous partitions as the balance allows. Under EAGER every member revokes everything before the
 * rebalance, so the previous assignment travels in the member's user data (partitions and generation), which
 * GroupScope takes from {@code GroupMember.ownedPartitions()} and {@code generation()}.
 */
public final class StickyAssignor extends AbstractStickyAssignor {

    public static final String NAME = "sticky";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected String previousAssignmentKey() {
        return "assign.sticky.previousFromUserData";
    }

    @Override
    protected boolean withholdsTransfers() {
        return false;
    }
}
