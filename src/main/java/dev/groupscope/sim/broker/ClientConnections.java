package dev.groupscope.sim.broker;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which clients have a connection open to each broker: those a request came from since the broker last started. A
 * broker that stops closes them ({@link #closeAll}). Looked up for every request, replaced (never changed in place)
 * when a client first connects, which happens a few times a run: every snapshot shares it.
 */
final class ClientConnections {

    private Map<Integer, Set<String>> byBroker = Map.of();

    ClientConnections copy() {
        ClientConnections copy = new ClientConnections();
        copy.byBroker = byBroker;
        return copy;
    }

    /** A request from {@code client} reached {@code broker}: its connection there is open. */
    void connected(int broker, String client) {
        Set<String> clients = byBroker.get(broker);
        if (clients != null && clients.contains(client)) {
            return;
        }
        Set<String> grown = clients == null ? new HashSet<>() : new HashSet<>(clients);
        grown.add(client);
        TreeMap<Integer, Set<String>> all = new TreeMap<>(byBroker);
        all.put(broker, Collections.unmodifiableSet(grown));
        byBroker = Collections.unmodifiableMap(all);
    }

    /** {@code broker} stops: the clients connected to it, in id order (a run's order); none is connected any more. */
    List<String> closeAll(int broker) {
        Set<String> clients = byBroker.get(broker);
        if (clients == null) {
            return List.of();
        }
        TreeMap<Integer, Set<String>> all = new TreeMap<>(byBroker);
        all.remove(broker);
        byBroker = Collections.unmodifiableMap(all);
        return clients.stream().sorted().toList();
    }
}
