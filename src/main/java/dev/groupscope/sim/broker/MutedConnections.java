package dev.groupscope.sim.broker;

import dev.groupscope.sim.protocol.Deliver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Requests a broker has not read yet because it is still handling an earlier one on the same connection. Kafka's
 * socket server mutes a connection from the moment it reads a request until it has sent the answer, so a broker
 * handles one request per connection at a time. Two requests hold a connection here for more than an instant: a
 * fetch parked in the purgatory (a Metadata, ListOffsets, OffsetForLeaderEpoch or fetch-session close sent meanwhile
 * on that connection waits), and a JoinGroup or SyncGroup the coordinator holds (on the client's connection to its
 * coordinator: a heartbeat, a commit or a close's LeaveGroup sent meanwhile waits).
 *
 * <p>A sorted map replaced on change: a snapshot shares it, it is nearly always empty, and draining it walks the
 * connections in one order on every run.
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

    private TreeMap<Connection, List<Held>> waiting = new TreeMap<>();
    /** When each client's process last stopped: what it sent before no longer mutes anything. */
    private TreeMap<String, Long> stoppedAt = new TreeMap<>();

    MutedConnections copy() {
        MutedConnections copy = new MutedConnections();
        copy.waiting = waiting; // never changed in place
        copy.stoppedAt = stoppedAt; // nor this
        return copy;
    }

    /** {@code client}'s process stopped now: its connections closed, with whatever waited on them. */
    void clientStopped(String client, long now) {
        TreeMap<String, Long> stopped = new TreeMap<>(stoppedAt);
        stopped.put(client, now);
        stoppedAt = stopped;
        if (waiting.keySet().stream().anyMatch(connection -> connection.client().equals(client))) {
            TreeMap<Connection, List<Held>> next = new TreeMap<>(waiting);
            next.keySet().removeIf(connection -> connection.client().equals(client));
            waiting = next;
        }
    }

    /** Whether a request of {@code client} that arrived at {@code arrivedAt} came on a connection still open. */
    boolean onOpenConnection(String client, long arrivedAt) {
        Long stopped = stoppedAt.get(client);
        return stopped == null || arrivedAt > stopped;
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    boolean hasWaiting(Connection connection) {
        return waiting.containsKey(connection);
    }

    /** The connections with requests waiting, in order. */
    List<Connection> connections() {
        return List.copyOf(waiting.keySet());
    }

    /** {@code delivery}, arrived now, waits behind what the broker is handling on its connection. */
    void hold(Connection connection, Deliver delivery, long now) {
        List<Held> queue = new ArrayList<>(waiting.getOrDefault(connection, List.of()));
        queue.add(new Held(delivery, now));
        TreeMap<Connection, List<Held>> next = new TreeMap<>(waiting);
        next.put(connection, List.copyOf(queue));
        waiting = next;
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
        TreeMap<Connection, List<Held>> next = new TreeMap<>(waiting);
        if (queue.size() == 1) {
            next.remove(connection);
        } else {
            next.put(connection, List.copyOf(queue.subList(1, queue.size())));
        }
        waiting = next;
        return queue.get(0);
    }

    /** A stopped broker's connections are closed: what waited on them is never read (the clients fail it). */
    void dropAll(int broker) {
        if (waiting.keySet().stream().anyMatch(connection -> connection.broker() == broker)) {
            TreeMap<Connection, List<Held>> next = new TreeMap<>(waiting);
            next.keySet().removeIf(connection -> connection.broker() == broker);
            waiting = next;
        }
    }

    @Override
    public String toString() {
        return Map.copyOf(waiting).toString();
    }
}
