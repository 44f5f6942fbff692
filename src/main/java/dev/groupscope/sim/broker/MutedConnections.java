package dev.groupscope.sim.broker;

import dev.groupscope.sim.protocol.Deliver;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Requests a broker has not read yet because it is still handling an earlier one on the same connection. Kafka's
 * socket server mutes a connection from the moment it reads a request until it has sent the answer, so a broker
 * handles one request per connection at a time. Two requests hold a connection here for more than an instant: a
 * fetch parked in the purgatory (a Metadata, ListOffsets, OffsetForLeaderEpoch or fetch-session close sent meanwhile
 * on that connection waits), and a JoinGroup or SyncGroup the coordinator holds (on the client's connection to its
 * coordinator: a heartbeat, a commit or a close's LeaveGroup sent meanwhile waits).
 *
 * <p>Changed in place; a copy (a snapshot) copies the map, which is nearly always empty. After a rebalance of a
 * hundred consumers some hundreds of validations wait at once: a map copied on every change made that quadratic.
 */
final class MutedConnections {

    /**
     * A client's connection to a broker: the one it fetches on (kafka-clients' node id = the broker's), or its
     * connection to the group coordinator there (a node id of its own).
     */
    record Connection(String client, int broker, boolean coordinator) implements Comparable<Connection> {

        @Override
        public int compareTo(Connection other) {
            int byClient = client.compareTo(other.client);
            if (byClient != 0) {
                return byClient;
            }
            return broker != other.broker ? Integer.compare(broker, other.broker)
                    : Boolean.compare(coordinator, other.coordinator);
        }
    }

    /** A request that waits unread, and when it arrived. */
    record Held(Deliver delivery, long arrivedAt) {
    }

    /** Connection → its waiting requests, in arrival order (immutable lists, so a copy may share them). */
    private final TreeMap<Connection, List<Held>> waiting;
    /** How many of {@link #waiting}'s connections go to a coordinator: usually none, so none is looked at. */
    private int coordinatorConnections;
    /** When each client's process last stopped: what it sent before no longer mutes anything. Replaced on change. */
    private TreeMap<String, Long> stoppedAt = new TreeMap<>();

    MutedConnections() {
        this.waiting = new TreeMap<>();
    }

    private MutedConnections(MutedConnections other) {
        this.waiting = other.waiting.isEmpty() ? new TreeMap<>() : new TreeMap<>(other.waiting);
        this.coordinatorConnections = other.coordinatorConnections;
        this.stoppedAt = other.stoppedAt;
    }

    MutedConnections copy() {
        return new MutedConnections(this);
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    boolean hasWaiting(Connection connection) {
        return !waiting.isEmpty() && waiting.containsKey(connection);
    }

    /** The connections to a coordinator with requests waiting, in order. */
    List<Connection> coordinatorConnections() {
        if (coordinatorConnections == 0) {
            return List.of();
        }
        return waiting.keySet().stream().filter(Connection::coordinator).toList();
    }

    /** {@code delivery}, arrived now, waits behind what the broker is handling on its connection. */
    void hold(Connection connection, Deliver delivery, long now) {
        List<Held> queue = new ArrayList<>(waiting.getOrDefault(connection, List.of()));
        if (queue.isEmpty() && connection.coordinator()) {
            coordinatorConnections++;
        }
        queue.add(new Held(delivery, now));
        waiting.put(connection, List.copyOf(queue));
    }

    /** The first request waiting on {@code connection}, left on its queue; null if none. */
    Held peek(Connection connection) {
        List<Held> queue = waiting.get(connection);
        return queue == null ? null : queue.get(0);
    }

    /** The first request waiting on {@code connection}, taken off its queue; null if none. */
    Held next(Connection connection) {
        List<Held> queue = waiting.get(connection);
        if (queue == null) {
            return null;
        }
        if (queue.size() == 1) {
            remove(connection);
        } else {
            waiting.put(connection, List.copyOf(queue.subList(1, queue.size())));
        }
        return queue.get(0);
    }

    private void remove(Connection connection) {
        if (waiting.remove(connection) != null && connection.coordinator()) {
            coordinatorConnections--;
        }
    }

    /** A stopped broker's connections are closed: what waited on them is never read (the clients fail it). */
    void dropAll(int broker) {
        List.copyOf(waiting.keySet()).stream().filter(connection -> connection.broker() == broker)
                .forEach(this::remove);
    }

    /** {@code client}'s process stopped now: its connections closed, with whatever waited on them. */
    void clientStopped(String client, long now) {
        TreeMap<String, Long> stopped = new TreeMap<>(stoppedAt);
        stopped.put(client, now);
        stoppedAt = stopped;
        List.copyOf(waiting.keySet()).stream().filter(connection -> connection.client().equals(client))
                .forEach(this::remove);
    }

    /** Whether a request of {@code client} that arrived at {@code arrivedAt} came on a connection still open. */
    boolean onOpenConnection(String client, long arrivedAt) {
        Long stopped = stoppedAt.get(client);
        return stopped == null || arrivedAt > stopped;
    }

    @Override
    public String toString() {
        return waiting.toString();
    }
}
