package dev.groupscope.sim.client;

import dev.groupscope.kafka.RebalanceProtocol;
import dev.groupscope.kafka.assignor.PartitionAssignor;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** How the consumer picks EAGER or COOPERATIVE from its assignors, as {@code ConsumerCoordinator}'s constructor. */
final class RebalanceProtocols {

    private RebalanceProtocols() {
    }

    /**
     * The highest protocol in the intersection of all configured assignors' supported protocols (KIP-429): only if
     * every assignor supports COOPERATIVE does the consumer revoke incrementally.
     *
     * @throws IllegalArgumentException if an assignor is unknown or the assignors share no protocol (Kafka's
     *                                  "Specified assignors ... do not have commonly supported rebalance protocol")
     */
    static RebalanceProtocol chosen(List<String> strategies, AssignorLookup lookup) {
        Set<RebalanceProtocol> common = EnumSet.allOf(RebalanceProtocol.class);
        for (String name : strategies) {
            PartitionAssignor assignor = lookup.byName(name)
                    .orElseThrow(() -> new IllegalArgumentException("no assignor named " + name));
            common.retainAll(new ArrayList<>(assignor.supportedProtocols()));
        }
        if (common.isEmpty()) {
            throw new IllegalArgumentException("Specified assignors " + strategies
                    + " do not have commonly supported rebalance protocol");
        }
        return RebalanceProtocol.highest(common);
    }
}
