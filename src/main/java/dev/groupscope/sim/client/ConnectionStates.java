package dev.groupscope.sim.client;

import dev.groupscope.sim.engine.DeterministicRandom;
import dev.groupscope.sim.engine.SortedArrayMap;

/**
 * kafka-clients' {@code ClusterConnectionStates}, as far as the consumer's choices need it: a broker whose connection
 * failed may not be tried again until its reconnect backoff ends (reconnect.backoff.ms, doubling with jitter per
 * failure in a row up to reconnect.backoff.max.ms; Kafka's defaults, which the model does not let one set). An answer
 * from the broker means the connection works again. Usually empty: copies are cheap.
 */
final class ConnectionStates {

    static final long RECONNECT_BACKOFF_MS = 50;
    static final long RECONNECT_BACKOFF_MAX_MS = 1000;
    private static final Backoff RECONNECT = new Backoff(RECONNECT_BACKOFF_MS, RECONNECT_BACKOFF_MAX_MS);

    /**
     * Per broker: until when it is in backoff, and how many connections to it failed in a row. Null while none has
     * failed, as nearly always: every snapshot copies every consumer's, and an empty map each time was 32 bytes.
     */
    private SortedArrayMap<Integer, long[]> failed;

    ConnectionStates copy() {
        ConnectionStates copy = new ConnectionStates();
        if (failed != null && !failed.isEmpty()) {
            copy.failed = new SortedArrayMap<>();
            failed.forEach((node, state) -> copy.failed.put(node, state.clone()));
        }
        return copy;
    }

    /** Kafka's {@code connectionFailed(node) && connectionDelay(node, now) > 0}. */
    boolean isUnavailable(int node, long now) {
        long[] state = failed == null ? null : failed.get(node);
        return state != null && now < state[0];
    }

    /** The connection to {@code node} failed at {@code now}: its backoff starts. */
    void disconnected(int node, long now, DeterministicRandom random) {
        if (failed == null) {
            failed = new SortedArrayMap<>();
        }
        long[] state = failed.computeIfAbsent(node, b -> new long[2]);
        state[0] = now + RECONNECT.backoff(state[1], random);
        state[1]++;
    }

    /** An answer came from {@code node}: its connection works, its backoff starts over. */
    void connected(int node) {
        if (failed != null && !failed.isEmpty()) {
            failed.remove(node);
        }
    }
}
