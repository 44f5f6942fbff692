package dev.groupscope.sim.client;

import dev.groupscope.sim.engine.DeterministicRandom;
import dev.groupscope.sim.engine.SortedArrayMap;

/**
 * kafka-clients' {@code ClusterConnectionStates}, as far as the consumer's choices need it: a connection that failed
 * may not be tried again until its reconnect backoff ends (reconnect.backoff.ms, doubling with jitter per failure in
 * a row up to reconnect.backoff.max.ms; Kafka's defaults, which the model does not let one set). An answer on the
 * connection means it works again. A consumer has two connections to its coordinator's broker, each with its own
 * state: AbstractCoordinator talks to the coordinator as a node of its own, id {@code Integer.MAX_VALUE - broker}
 * ({@link #node}). Usually empty: copies are cheap.
 */
final class ConnectionStates {

    static final long RECONNECT_BACKOFF_MS = 50;
    static final long RECONNECT_BACKOFF_MAX_MS = 1000;
    private static final Backoff RECONNECT = new Backoff(RECONNECT_BACKOFF_MS, RECONNECT_BACKOFF_MAX_MS);

    /** The node id of the connection to the coordinator on {@code broker}, as FindCoordinator's handler makes it. */
    static int node(int broker, boolean toCoordinator) {
        return toCoordinator ? Integer.MAX_VALUE - broker : broker;
    }

    /**
     * Per node: until when it is in backoff, and how many connections to it failed in a row. Null while none has
     * failed, as nearly always: every snapshot copies every consumer's, and an empty map each time was 32 bytes.
     */
    private SortedArrayMap<Integer, long[]> failed;

    /**
     * The connections opened since they last failed (a request went out on them; the model connects at once), a bit
     * per broker id below 64: leastLoadedNode prefers them, as Kafka prefers an established connection, and a broker
     * that stops closes them.
     */
    private long open;
    private long coordinatorOpen;
    /**
     * The connections a stopping broker closed whose close is being read: disconnected already, the requests on them
     * that the broker did not answer not yet failed ({@link dev.groupscope.sim.protocol.ConnectionsClosing}). Answers
     * read meanwhile do not make them work again.
     */
    private long closing;
    private long coordinatorClosing;

    ConnectionStates copy() {
        ConnectionStates copy = new ConnectionStates();
        copy.open = open;
        copy.coordinatorOpen = coordinatorOpen;
        copy.closing = closing;
        copy.coordinatorClosing = coordinatorClosing;
        if (failed != null && !failed.isEmpty()) {
            copy.failed = new SortedArrayMap<>();
            failed.forEach((node, state) -> copy.failed.put(node, state.clone()));
        }
        return copy;
    }

    /** Whether some connection failed and has not answered since. */
    boolean anyFailed() {
        return failed != null && !failed.isEmpty();
    }

    /** Kafka's {@code connectionFailed(node) && connectionDelay(node, now) > 0}. */
    boolean isUnavailable(int broker, boolean toCoordinator, long now) {
        long[] state = failed == null ? null : failed.get(node(broker, toCoordinator));
        return state != null && now < state[0];
    }

    /** When the backoff of the connection ends (-1: it has not failed). */
    long backoffEnds(int broker, boolean toCoordinator) {
        long[] state = failed == null ? null : failed.get(node(broker, toCoordinator));
        return state == null ? -1 : state[0];
    }

    /** A request goes out on the connection: it is open. */
    void opened(int broker, boolean toCoordinator) {
        setOpen(broker, toCoordinator, true);
    }

    /** Whether the connection was opened since it last failed. */
    boolean isOpen(int broker, boolean toCoordinator) {
        return ((toCoordinator ? coordinatorOpen : open) & bit(broker)) != 0;
    }

    /** The broker closed the connection, which failed already; its unanswered requests fail at {@link #closed}. */
    void closing(int broker, boolean toCoordinator) {
        if (toCoordinator) {
            coordinatorClosing |= bit(broker);
        } else {
            closing |= bit(broker);
        }
    }

    boolean isClosing(int broker, boolean toCoordinator) {
        return ((toCoordinator ? coordinatorClosing : closing) & bit(broker)) != 0;
    }

    /** The close of {@code broker}'s connections has been read to its end. */
    void closed(int broker) {
        closing &= ~bit(broker);
        coordinatorClosing &= ~bit(broker);
    }

    /** Broker ids of 64 and more have no bit: their connections never count as open. */
    private static long bit(int broker) {
        return broker >= 0 && broker < Long.SIZE ? 1L << broker : 0;
    }

    private void setOpen(int broker, boolean toCoordinator, boolean isOpen) {
        long mask = toCoordinator ? coordinatorOpen : open;
        mask = isOpen ? mask | bit(broker) : mask & ~bit(broker);
        if (toCoordinator) {
            coordinatorOpen = mask;
        } else {
            open = mask;
        }
    }

    /** The connection failed at {@code now}: its backoff starts, one step longer than the last in a row. */
    void disconnected(int broker, boolean toCoordinator, long now, DeterministicRandom random) {
        setOpen(broker, toCoordinator, false);
        if (failed == null) {
            failed = new SortedArrayMap<>();
        }
        long[] state = failed.computeIfAbsent(node(broker, toCoordinator), b -> new long[2]);
        state[0] = now + RECONNECT.backoff(state[1], random);
        state[1]++;
    }

    /**
     * An answer came on the connection: it works, its backoff starts over. Not one read with the connection's close,
     * which kafka-clients handled first.
     */
    void connected(int broker, boolean toCoordinator) {
        if (anyFailed() && !isClosing(broker, toCoordinator)) {
            failed.remove(node(broker, toCoordinator));
        }
    }
}
