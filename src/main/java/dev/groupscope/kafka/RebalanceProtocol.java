package dev.groupscope.kafka;

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
}
