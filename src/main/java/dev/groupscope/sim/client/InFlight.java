package dev.groupscope.sim.client;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.engine.LongKeyMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Requests sent and not yet answered, by correlation id. A response whose id is not here is stale (its request was
 * failed locally when the coordinator was marked unknown or its connection was closed after another request on it
 * timed out, or it belongs to a process that crashed) and is dropped, as kafka-clients drops answers on a connection
 * it has closed.
 */
final class InFlight {

    /**
     * One request: its API, the broker it went to, when, the generation it was sent in, and for an OffsetCommit
     * why it was sent and what it commits.
     */
    record Pending(String api, int broker, long sentAt, Generation generation, boolean toCoordinator,
                   CommitPurpose purpose, Map<TopicPartition, Long> offsets) {
        Pending {
            // Most requests (every Fetch) carry no offsets: no sorted copy of nothing for each of them.
            offsets = offsets.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(offsets));
        }
    }

    /**
     * Why an OffsetCommit was sent: the auto commit's interval, before a rebalance (onJoinPrepare's auto commit), or
     * on close; the application's commitSync or commitAsync; the rebalance listener's commitSync in
     * onPartitionsRevoked during a rebalance (REVOKE).
     */
    enum CommitPurpose {
        NONE, INTERVAL, BEFORE_REBALANCE, ON_CLOSE, SYNC, ASYNC, REVOKE;

        /**
         * Whether kafka-clients sends this commit with {@code commitOffsetsAsync}, which counts it in
         * {@code inFlightAsyncCommits} until it is answered: the application's commitAsync() and the auto commit's
         * interval and before-rebalance commits. close()'s auto commit is a commitSync.
         */
        boolean async() {
            return this == ASYNC || this == INTERVAL || this == BEFORE_REBALANCE;
        }
    }

    /** By correlation id, so the oldest first. */
    private final LongKeyMap<Pending> pending;
    private long nextCorrelationId;

    InFlight() {
        this.pending = new LongKeyMap<>();
    }

    private InFlight(InFlight other) {
        this.pending = new LongKeyMap<>(other.pending);
        this.nextCorrelationId = other.nextCorrelationId;
    }

    InFlight copy() {
        return new InFlight(this);
    }

    /** The correlation id of the next request. */
    long nextId() {
        return nextCorrelationId++;
    }

    void put(long correlationId, Pending request) {
        pending.put(correlationId, request);
    }

    /** Whether the request {@code correlationId} still awaits its answer. */
    boolean has(long correlationId) {
        return pending.get(correlationId) != null;
    }

    /** Removes and returns the request answered by {@code correlationId}, or null if it is stale. */
    Pending complete(long correlationId) {
        return pending.remove(correlationId);
    }

    /** kafka-clients' {@code inFlightAsyncCommits}: how many OffsetCommits sent asynchronously await their answer. */
    int asyncCommits() {
        int count = 0;
        for (Pending request : pending.values()) {
            if (request.purpose().async()) {
                count++;
            }
        }
        return count;
    }

    /** Whether a request is in flight on the connection to the coordinator at {@code broker}. */
    boolean anyToCoordinator(int broker) {
        for (Pending request : pending.values()) {
            if (request.toCoordinator() && request.broker() == broker) {
                return true;
            }
        }
        return false;
    }

    /** Removes every request to the coordinator, oldest first: Kafka disconnects and fails them. */
    List<Map.Entry<Long, Pending>> failCoordinatorRequests() {
        List<Map.Entry<Long, Pending>> failed = new ArrayList<>();
        pending.removeIf((correlationId, request) -> {
            if (request.toCoordinator()) {
                failed.add(Map.entry(correlationId, request));
                return true;
            }
            return false;
        });
        return failed;
    }

    /**
     * Removes every request on one connection, oldest first: the consumer's connection to the coordinator
     * ({@code toCoordinator}; kafka-clients opens it as a node of its own) or its other connection to {@code broker}
     * (fetches, metadata, offsets lookups). When kafka-clients closes a connection it fails them all
     * ({@code NetworkClient.cancelInFlightRequests}); answers that arrive for them later are dropped.
     */
    List<Map.Entry<Long, Pending>> failConnection(int broker, boolean toCoordinator) {
        List<Map.Entry<Long, Pending>> failed = new ArrayList<>();
        pending.removeIf((correlationId, request) -> {
            if (request.broker() == broker && request.toCoordinator() == toCoordinator) {
                failed.add(Map.entry(correlationId, request));
                return true;
            }
            return false;
        });
        return failed;
    }

    boolean anyTo(String api) {
        return anyTo(api, -1);
    }

    /** When the newest request of {@code api} still waiting for its answer was sent, or -1. */
    long newestSentAt(String api) {
        long newest = -1;
        for (Pending request : pending.values()) {
            if (request.api().equals(api)) {
                newest = Math.max(newest, request.sentAt());
            }
        }
        return newest;
    }

    /** When the oldest request of {@code api} still waiting for its answer was sent, or -1. */
    long oldestSentAt(String api) {
        for (Pending request : pending.values()) { // by correlation id: the oldest first
            if (request.api().equals(api)) {
                return request.sentAt();
            }
        }
        return -1;
    }

    /**
     * The brokers with a request of {@code api} pending, in one pass (a fetcher asks at every poll()); broker ids are
     * small non-negative numbers, so a bit set.
     */
    java.util.BitSet brokersWith(String api) {
        java.util.BitSet brokers = new java.util.BitSet();
        for (Pending request : pending.values()) {
            if (request.broker() >= 0 && request.api().equals(api)) {
                brokers.set(request.broker());
            }
        }
        return brokers;
    }

    /** Whether a request of {@code api} to {@code broker} (any broker: -1) is pending; asked at every poll(). */
    boolean anyTo(String api, int broker) {
        for (Pending request : pending.values()) {
            if (request.api().equals(api) && (broker < 0 || request.broker() == broker)) {
                return true;
            }
        }
        return false;
    }

    /** How many requests are in flight on the connection to {@code broker} that is not the coordinator's: what leastLoadedNode compares. */
    int countTo(int broker) {
        int count = 0;
        for (Pending request : pending.values()) {
            if (request.broker() == broker && !request.toCoordinator()) {
                count++;
            }
        }
        return count;
    }

    void clear() {
        pending.clear();
    }

    int size() {
        return pending.size();
    }
}
