package dev.groupscope.ui;

import dev.groupscope.sim.coordinator.ClassicGroupState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kafka's classic group state machine as the group panel draws it: the states in the order of a rebalance (Empty,
 * PreparingRebalance, CompletingRebalance, Stable, then Dead), and every transition {@link ClassicGroupState} allows,
 * each as an arrow with a place in that row. No JavaFX: the view lays out what this lists.
 *
 * <ul>
 *   <li>between two neighbours in the row: {@link Place#FORWARD} (→) or {@link Place#BACK} (←);</li>
 *   <li>Stable back to PreparingRebalance, the rebalance a running group starts: {@link Place#AGAIN}, after
 *       Stable (↩);</li>
 *   <li>every state into Dead (the group unloaded or deleted): one arrow {@link Place#TO_DEAD} before Dead, which
 *       stands for all of them.</li>
 * </ul>
 */
public final class GroupStateGraph {

    /** Where an arrow sits in the row of states. */
    public enum Place { FORWARD, BACK, AGAIN, TO_DEAD }

    /**
     * One allowed transition.
     *
     * @param id the node id of its arrow: {@code transition-Empty-PreparingRebalance}, or {@code transition-any-Dead}
     *           for the one arrow into Dead
     */
    public record Edge(String from, String to, Place place, String id) {
    }

    /** The states in the order the row shows them. */
    public static final List<String> STATES = PlaygroundFrame.GROUP_STATES;

    private GroupStateGraph() {
    }

    /** Every transition Kafka allows ({@link ClassicGroupState#validPreviousStates}), in the row's order. */
    public static List<Edge> edges() {
        List<Edge> edges = new ArrayList<>();
        for (String to : STATES) {
            ClassicGroupState target = state(to);
            for (String from : STATES) {
                if (target.validPreviousStates().contains(state(from))) {
                    edges.add(edge(from, to));
                }
            }
        }
        edges.sort(java.util.Comparator.comparingInt((Edge edge) -> Math.min(STATES.indexOf(edge.from()),
                STATES.indexOf(edge.to()))).thenComparing(edge -> edge.place()));
        return edges;
    }

    /** The arrow that draws the transition {@code from} → {@code to}, if Kafka allows it. */
    public static Optional<Edge> arrow(String from, String to) {
        return edges().stream().filter(edge -> edge.from().equals(from) && edge.to().equals(to)).findFirst();
    }

    private static Edge edge(String from, String to) {
        if (to.equals("Dead")) {
            return new Edge(from, to, Place.TO_DEAD, "transition-any-Dead");
        }
        int distance = STATES.indexOf(to) - STATES.indexOf(from);
        Place place = distance == 1 ? Place.FORWARD : distance == -1 ? Place.BACK : Place.AGAIN;
        return new Edge(from, to, place, "transition-" + from + "-" + to);
    }

    private static ClassicGroupState state(String kafkaName) {
        for (ClassicGroupState state : ClassicGroupState.values()) {
            if (state.kafkaName().equals(kafkaName)) {
                return state;
            }
        }
        throw new IllegalArgumentException(kafkaName);
    }
}
