package dev.groupscope.kafka.assignor.sticky;

import dev.groupscope.kafka.RebalanceProtocol;
import java.util.List;

/**
 * Kafka's {@code CooperativeStickyAssignor} ({@code "cooperative-sticky"}, COOPERATIVE preferred, EAGER too): the
 * sticky assignment, except that a partition moving to a new owner while its old owner still holds it is left
 * unassigned for one round ({@code GroupAssignment.withheld()}). The old owner sees it missing, revokes it and
 * rejoins; the next rebalance hands it over (KIP-429). The previous assignment is the subscription's owned
 * partitions and generation id.
 */
public final class CooperativeStickyAssignor extends AbstractStickyAssignor {

    public static final String NAME = "cooperative-sticky";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<RebalanceProtocol> supportedProtocols() {
        return List.of(RebalanceProtocol.COOPERATIVE, RebalanceProtocol.EAGER);
    }

    @Override
    protected String previousAssignmentKey() {
        return "assign.cooperative.previousFromOwned";
    }

    @Override
    protected boolean withholdsTransfers() {
        return true;
    }
}
