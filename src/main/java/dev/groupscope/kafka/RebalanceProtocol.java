package dev.groupscope.kafka;

import java.util.Collection;
import java.util.Comparator;

/**
 * Kafka's two client-side rebalance protocols (KIP-429). EAGER revokes every partition at the start of a
 * rebalance; COOPERATIVE revokes only the partitions that move, over two rounds.
 * The ids are Kafka's: the highest protocol every configured assignor supports wins.
 */
public enum RebalanceProtocol {
    EAGER(0),
    COOPERATIVE(1);

    private final int id;

    RebalanceProtocol(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /**
     * The most advanced of {@code protocols}, as {@code ConsumerCoordinator}'s constructor picks from the protocols
     * its assignors all support (it sorts them and takes the last).
     *
     * @throws IllegalArgumentException if {@code protocols} is empty
     */
    public static RebalanceProtocol highest(Collection<RebalanceProtocol> protocols) {
        return protocols.stream().max(Comparator.comparingInt(RebalanceProtocol::id))
                .orElseThrow(() -> new IllegalArgumentException("no rebalance protocol to choose from"));
    }
}
