package dev.groupscope.sim.broker;

import dev.groupscope.sim.protocol.Deliver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests a broker has not read yet because it is still handling an earlier one on the same connection. Kafka's
 * socket server mutes a connection from the moment it reads a request until it has sent the answer, so a broker
 * handles one request per connection at a time: a Metadata, ListOffsets, OffsetForLeaderEpoch or fetch-session close
 * sent while the client's fetch is parked in the purgatory is read only once that fetch is answered. (Only a parked
 * fetch holds a connection here for more than an instant; the coordinator's held JoinGroup and SyncGroup are on the
 * client's other connection and are not modelled this way yet.)
 *
 * <p>Immutable maps replaced on change: a snapshot shares them, and nearly always they are empty.
 */
final class MutedConnections {

    /** A client's connection to a broker (the one it fetches on: kafka-clients' node id = the broker's). */
    record Connection(String client, int broker) {
    }

    /** A request that waits unread, and when it arrived. */
    record Held(Deliver delivery, long arrivedAt) {
    }

    private Map<Connection, List<Held>> waiting = Map.of();

    MutedConnections copy() {
        MutedConnections copy = new MutedConnections();
        copy.waiting = waiting;
        return copy;
    }

    boolean hasWaiting(Connection connection) {
        return waiting.containsKey(connection);
    }

    /** {@code delivery}, arrived now, waits behind what the broker is handling on its connection. */
    void hold(Connection connection, Deliver delivery, long now) {
        Map<Connection, List<Held>> next = new HashMap<>(waiting);
        List<Held> queue = new ArrayList<>(waiting.getOrDefault(connection, List.of()));
        queue.add(new Held(delivery, now));
        next.put(connection, List.copyOf(queue));
        waiting = Map.copyOf(next);
    }

    /** The first request waiting on {@code connection}, taken off its queue; null if none. */
    Held next(Connection connection) {
        List<Held> queue = waiting.get(connection);
        if (queue == null) {
            return null;
        }
        Map<Connection, List<Held>> next = new HashMap<>(waiting);
        if (queue.size() == 1) {
            next.remove(connection);
        } else {
            next.put(connection, List.copyOf(queue.subList(1, queue.size())));
        }
        waiting = Map.copyOf(next);
        return queue.get(0);
    }

    /** A stopped broker's connections are closed: what waited on them is never read (the clients fail it). */
    void dropAll(int broker) {
        if (waiting.keySet().stream().anyMatch(connection -> connection.broker() == broker)) {
            Map<Connection, List<Held>> next = new HashMap<>(waiting);
            next.keySet().removeIf(connection -> connection.broker() == broker);
            waiting = Map.copyOf(next);
        }
    }
}
