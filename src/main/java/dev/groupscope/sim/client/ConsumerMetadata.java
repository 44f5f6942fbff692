package dev.groupscope.sim.client;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.client.ConsumerActor.Step;
import dev.groupscope.sim.client.ConsumerTasks.TimerKind;
import dev.groupscope.sim.engine.SortedArrayMap;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.Requests.MetadataRequest;
import dev.groupscope.sim.protocol.Responses.MetadataResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The consumer's metadata, as kafka-clients' {@code ConsumerMetadata} and {@code NetworkClient.DefaultMetadataUpdater}
 * keep it: a cache ({@link MetadataCache}) that only a Metadata answer replaces, and the rules for asking. An update
 * is due when one was requested (a new subscription, a disconnect, a fetch or ListOffsets error, a topic the answer
 * did not know) or metadata.max.age.ms after the last successful one, but never sooner than the refresh backoff
 * (retry.backoff.ms, growing exponentially while answers fail or bring nothing new); at most one is in flight, to the
 * least loaded broker. Every leader the consumer sends to comes from here ({@link #currentLeader}).
 *
 * <p>The cache is shared by copies (it is replaced, never changed); the rest is a few numbers.
 */
final class ConsumerMetadata {

    /**
     * The requests a consumer's connection may have in flight ({@code ConsumerUtils
     * .CONSUMER_MAX_INFLIGHT_REQUESTS_PER_CONNECTION}, fixed; max.in.flight.requests.per.connection, 5, is the
     * producer's): a connection with as many is not ready for more.
     */
    static final int MAX_IN_FLIGHT_PER_CONNECTION = 100;

    private static final long NEVER = Long.MIN_VALUE;
    private static final long NONE_IN_FLIGHT = -1;

    private MetadataCache cache = MetadataCache.EMPTY;
    /** Kafka's {@code needFullUpdate || needPartialUpdate}, with the first reason asked since the last answer. */
    private String requested;
    /** Kafka's {@code requestVersion}: bumped for new topics, so an answer to an older request is not enough. */
    private int requestVersion;
    private int inFlightVersion;
    private long inFlight = NONE_IN_FLIGHT;
    private String inFlightWhy = "";
    /** Whether the request in flight asked for every topic (a pattern subscription), or only for some. */
    private boolean inFlightAllTopics;
    private long lastSuccessfulRefreshMs = NEVER;
    /** When the refresh backoff ends ({@code timeToAllowUpdate}), drawn once with its jitter when it starts. */
    private long allowedAtMs = NEVER;
    private int attempts;
    private int equivalentResponses;
    /** Kafka's {@code updateVersion}: one more at every answer. */
    private int updateVersion;
    /** The version {@code ensureFreshMetadata} waits to see passed, or -1 when nothing waits. */
    private int awaitedVersion = -1;
    /**
     * The network client's failed connections, which leastLoadedNode and the fetcher avoid. Read freely, changed only
     * through {@link #connectionsToChange}: a copy shares them (they change only when a connection opens, fails or
     * closes, nearly never between two snapshots, which each held a copy of every consumer's).
     */
    private ConnectionStates connections = new ConnectionStates();
    /** Whether {@link #connections} may be shared with a copy (or the metadata this one copies). */
    private boolean connectionsShared;
    /**
     * Kafka's {@code transientTopics}: topics an offsetsForTimes() call asks about, named in every Metadata request
     * until the call ends, whether the consumer reads them or not (replaced, never changed: copies share it).
     */
    private SortedSet<String> transientTopics = Collections.emptySortedSet();
    /**
     * Kafka's {@code lastSeenLeaderEpochs} where they are ahead of the cache: a committed offset carried a leader
     * epoch newer than the one the cache names ({@code updateLastSeenEpochIfNewer}). Until an answer brings that
     * epoch, Kafka's {@code partitionMetadataIfCurrent} holds the cache's entry stale: the partition has no known
     * leader, only that epoch. Replaced, never changed: copies share it.
     */
    private SortedArrayMap<TopicPartition, Integer> newerEpochs = NO_NEWER_EPOCHS;
    /** The usual {@link #newerEpochs}: none, shared by every consumer (never changed in place). */
    private static final SortedArrayMap<TopicPartition, Integer> NO_NEWER_EPOCHS = new SortedArrayMap<>();

    ConsumerMetadata copy() {
        ConsumerMetadata copy = new ConsumerMetadata();
        copy.cache = cache;
        copy.requested = requested;
        copy.requestVersion = requestVersion;
        copy.inFlightVersion = inFlightVersion;
        copy.inFlight = inFlight;
        copy.inFlightWhy = inFlightWhy;
        copy.inFlightAllTopics = inFlightAllTopics;
        copy.lastSuccessfulRefreshMs = lastSuccessfulRefreshMs;
        copy.allowedAtMs = allowedAtMs;
        copy.attempts = attempts;
        copy.equivalentResponses = equivalentResponses;
        copy.updateVersion = updateVersion;
        copy.awaitedVersion = awaitedVersion;
        copy.connections = connections;
        copy.connectionsShared = true;
        connectionsShared = true;
        copy.transientTopics = transientTopics;
        copy.newerEpochs = newerEpochs;
        return copy;
    }

    /** The connection states, private to this metadata from now on (copied first if they may be shared). */
    private ConnectionStates connectionsToChange() {
        if (connectionsShared) {
            connections = connections.copy();
            connectionsShared = false;
        }
        return connections;
    }

    // ---- reading the cache ---------------------------------------------------------------------------------------

    /**
     * The partition's leader as the cache names it (Kafka's {@code Metadata.currentLeader}), or -1. The one place
     * the consumer learns where to send a fetch or a ListOffsets.
     */
    int currentLeader(String topic, int partition) {
        return newerEpochs.isEmpty() || !newerEpochs.containsKey(new TopicPartition(topic, partition))
                ? cache.leader(topic, partition) : -1;
    }

    /** The partition's leader epoch as the cache has it ({@code LeaderAndEpoch.epoch}), or -1. */
    int currentLeaderEpoch(String topic, int partition) {
        Integer newer = newerEpochs.isEmpty() ? null : newerEpochs.get(new TopicPartition(topic, partition));
        return newer != null ? newer : cache.leaderEpoch(topic, partition);
    }

    /**
     * Kafka's {@code updateLastSeenEpochIfNewer}, for a committed offset's leader epoch: ignored unless the cache
     * knows an older epoch for the partition; then the cache's leader is stale and a metadata update is asked for.
     */
    void updateLastSeenEpochIfNewer(TopicPartition tp, int epoch) {
        int known = currentLeaderEpoch(tp.topic(), tp.partition());
        if (known < 0 || epoch <= known) {
            return;
        }
        SortedArrayMap<TopicPartition, Integer> next = new SortedArrayMap<>(newerEpochs);
        next.put(tp, epoch);
        newerEpochs = next;
        requestUpdate("newerEpoch");
    }

    /** The new cache holds the epochs learnt ahead of it, or newer: those are no longer ahead. */
    private void dropEpochsReached() {
        if (newerEpochs.isEmpty()) {
            return;
        }
        SortedArrayMap<TopicPartition, Integer> next = new SortedArrayMap<>();
        newerEpochs.forEach((tp, epoch) -> {
            if (cache.leaderEpoch(tp.topic(), tp.partition()) < epoch) {
                next.put(tp, epoch);
            }
        });
        newerEpochs = next.isEmpty() ? NO_NEWER_EPOCHS : next;
    }

    /** Partition counts of the topics the cache knows, by name. */
    SortedMap<String, Integer> partitionCounts() {
        return cache.partitionCounts();
    }

    /** The brokers of the last answer: where fetches may go. */
    List<Integer> brokers() {
        return cache.brokers();
    }

    /**
     * Kafka's {@code ConsumerNetworkClient.isUnavailable}: a connection to the node failed and its reconnect
     * backoff has not ended, so nothing is sent to it (the fetcher skips its partitions).
     */
    boolean isUnavailable(int node, long now) {
        return connections.isUnavailable(node, false, now);
    }

    /**
     * The same for the connection to the coordinator on {@code broker} (a node of its own): AbstractCoordinator's
     * {@code checkAndGetCoordinator} counts a coordinator whose connection is in its backoff as unknown.
     */
    boolean isCoordinatorUnavailable(int broker, long now) {
        return connections.isUnavailable(broker, true, now);
    }

    /** When the backoff of the connection to the coordinator on {@code broker} ends (-1: it has not failed). */
    long coordinatorBackoffEnds(int broker) {
        return connections.backoffEnds(broker, true);
    }

    /**
     * The consumer drops its connection to the coordinator on {@code broker} ({@code NetworkClient.disconnect}, which
     * markCoordinatorUnknown asks for): unless that connection is already down, its reconnect backoff starts. No
     * metadata update: a disconnect the client asked for is not a server's.
     */
    void coordinatorDropped(Step step, int broker) {
        close(step, broker, true);
    }

    /** An open connection closes: its reconnect backoff starts. One already closed stays as it is. */
    private void close(Step step, int broker, boolean toCoordinator) {
        if (connections.isOpen(broker, toCoordinator)) {
            connectionsToChange().disconnected(broker, toCoordinator, step.now(), step.context.random());
        }
    }

    /**
     * KIP-951: a fetch answer named the partition's new leader; the cache takes it if its epoch is newer (a new cache:
     * copies share the old one). True when the leader moved.
     */
    boolean updatePartitionLeadership(String topic, int partition, int leader, int epoch) {
        MetadataCache moved = cache.withLeader(topic, partition, leader, epoch);
        if (moved == cache) {
            return false;
        }
        cache = moved;
        dropEpochsReached();
        return true;
    }

    // ---- asking for updates --------------------------------------------------------------------------------------

    /** Kafka's {@code updateVersion()}: how many answers have come; a caller awaiting an update waits for more. */
    int updateVersion() {
        return updateVersion;
    }

    /** Kafka's {@code requestUpdate(false)}: an update is wanted; backoffs still apply. */
    void requestUpdate(String why) {
        if (requested == null) {
            requested = why;
        }
    }

    /** Kafka's {@code addTransientTopics}: asked for until cleared; one the cache does not know is wanted at once. */
    void addTransientTopics(SortedSet<String> topics) {
        TreeSet<String> all = new TreeSet<>(transientTopics);
        all.addAll(topics);
        transientTopics = Collections.unmodifiableSortedSet(all);
        if (!cache.partitionCounts().keySet().containsAll(topics)) {
            requestUpdateForNewTopics("offsetsForTimes");
        }
    }

    void clearTransientTopics() {
        transientTopics = Collections.emptySortedSet();
    }

    /** Kafka's {@code requestUpdateForNewTopics}: wanted at once (the refresh backoff is lifted). */
    void requestUpdateForNewTopics(String why) {
        requestUpdate(why);
        requestVersion++;
        allowedAtMs = NEVER;
        equivalentResponses = 0;
    }

    boolean updateRequested() {
        return requested != null;
    }

    /** Kafka's {@code timeToAllowUpdate}: 0 once the refresh backoff is over. */
    long timeToAllowUpdate(long now) {
        return Math.max(0, allowedAtMs == NEVER ? 0 : allowedAtMs - now);
    }

    /** Kafka's {@code timeToNextUpdate}: requested updates wait for the backoff only; others for the max age too. */
    long timeToNextUpdate(long now, long maxAgeMs) {
        long toExpire = requested != null || lastSuccessfulRefreshMs == NEVER ? 0
                : Math.max(0, lastSuccessfulRefreshMs + maxAgeMs - now);
        return Math.max(toExpire, timeToAllowUpdate(now));
    }

    boolean inFlight() {
        return inFlight != NONE_IN_FLIGHT;
    }

    /**
     * {@code DefaultMetadataUpdater.maybeUpdate}, at every network poll: if an update is due and none is in flight,
     * a Metadata request to the least loaded broker; else the METADATA timer wakes the client when one will be due.
     */
    void maybeUpdate(Step step) {
        if (inFlight()) {
            return;
        }
        long wait = timeToNextUpdate(step.now(), step.config().settings().metadataMaxAgeMs());
        if (wait > 0) {
            armAt(step, step.now() + wait);
            return;
        }
        int node = leastLoadedNode(step);
        if (node < 0) {
            armAt(step, step.now() + ConnectionStates.RECONNECT_BACKOFF_MS); // Kafka: no node available, look again
            return;
        }
        inFlightWhy = requested != null ? requested : "maxAge";
        inFlightVersion = requestVersion;
        SubscriptionState subscription = step.subscription();
        List<String> topics = withTransient(subscription.metadataTopics());
        inFlightAllTopics = subscription.needsAllTopics();
        boolean allowAutoCreate = step.config().settings().allowAutoCreateTopics();
        inFlight = step.send(node, false, id -> inFlightAllTopics ? MetadataRequest.allTopics(id)
                : new MetadataRequest(id, topics, allowAutoCreate));
        step.cancelTimer(TimerKind.METADATA);
    }

    private List<String> withTransient(List<String> topics) {
        if (transientTopics.isEmpty()) {
            return topics;
        }
        TreeSet<String> all = new TreeSet<>(topics);
        all.addAll(transientTopics);
        return List.copyOf(all);
    }

    private void armAt(Step step, long at) {
        if (step.context.timerDeadline(step.timerKey(TimerKind.METADATA)) != at) {
            step.armTimer(TimerKind.METADATA, at - step.now());
        }
    }

    /**
     * Kafka's {@code leastLoadedNode}: the brokers it knows (the bootstrap servers — here the live brokers — until
     * the first answer), scanned from a random one. A connection already open comes first: the first with nothing in
     * flight, else the one with fewest requests in flight (fewer than {@link #MAX_IN_FLIGHT_PER_CONNECTION}); then a
     * broker it may connect to, the one whose last attempt is oldest (one never tried before one that failed). A
     * connection in its reconnect backoff is skipped. -1: none.
     */
    int leastLoadedNode(Step step) {
        List<Integer> nodes = cache.brokers().isEmpty() ? ClusterAccess.of(step.context).liveBrokers()
                : cache.brokers();
        if (nodes.isEmpty()) {
            return -1;
        }
        int offset = step.context.random().nextInt(nodes.size());
        int ready = -1;
        int fewest = MAX_IN_FLIGHT_PER_CONNECTION;
        int canConnect = -1;
        long oldestAttempt = Long.MAX_VALUE;
        for (int i = 0; i < nodes.size(); i++) {
            int node = nodes.get((offset + i) % nodes.size());
            if (isUnavailable(node, step.now())) {
                continue;
            }
            if (connections.isOpen(node, false)) {
                int count = step.inFlight().countTo(node);
                if (count == 0) {
                    return node;
                }
                if (count < fewest) {
                    fewest = count;
                    ready = node;
                }
            } else if (connections.backoffEnds(node, false) < oldestAttempt) {
                oldestAttempt = connections.backoffEnds(node, false);
                canConnect = node;
            }
        }
        return ready >= 0 ? ready : canConnect;
    }

    /** Whether the consumer's connection to {@code broker} (the coordinator's or the other) is open. */
    boolean isOpen(int broker, boolean toCoordinator) {
        return connections.isOpen(broker, toCoordinator);
    }

    /**
     * A stopping broker closed the connection, open till now: it is disconnected at once, its requests without an
     * answer fail when the close has been read ({@link #closeRead}).
     */
    void closing(Step step, int broker, boolean toCoordinator) {
        onDisconnect(step, broker, toCoordinator, false);
        connectionsToChange().closing(broker, toCoordinator);
    }

    /** Whether a stopping broker closed the connection and the close is being read. */
    boolean isClosing(int broker, boolean toCoordinator) {
        return connections.isClosing(broker, toCoordinator);
    }

    void closeRead(int broker) {
        connectionsToChange().closed(broker);
    }

    /** A request goes out to {@code broker} on the coordinator's connection or the other: it is open now. */
    void sending(int broker, boolean toCoordinator) {
        if (!connections.isOpen(broker, toCoordinator)) { // already open, as for nearly every request
            connectionsToChange().opened(broker, toCoordinator);
        }
    }

    /**
     * {@code ConsumerNetworkClient.ensureFreshMetadata}: when an update is requested or due, the caller waits for the
     * next answer (false until it has come; the request goes out meanwhile). True when the metadata is fresh.
     */
    boolean ensureFresh(Step step) {
        if (awaitedVersion >= 0) {
            if (updateVersion > awaitedVersion) {
                awaitedVersion = -1;
                return true;
            }
            maybeUpdate(step);
            return false;
        }
        if (!updateRequested() && timeToNextUpdate(step.now(), step.config().settings().metadataMaxAgeMs()) > 0) {
            return true;
        }
        awaitedVersion = updateVersion;
        maybeUpdate(step);
        return false;
    }

    /** Whether a caller waits in {@link #ensureFresh} for an answer. */
    boolean awaitingFresh() {
        return awaitedVersion >= 0;
    }

    // ---- answers and failures ------------------------------------------------------------------------------------

    /** A Metadata answer ({@code handleSuccessfulResponse} → {@code Metadata.update}): the cache is replaced. */
    void onMetadata(Step step, Deliver deliver, MetadataResponse response) {
        inFlight = NONE_IN_FLIGHT;
        updateVersion++;
        MetadataCache before = cache;
        cache = MetadataCache.of(response);
        dropEpochsReached();
        String why = inFlightWhy;
        boolean equivalent = !before.isEmpty() && cache.equivalentTo(before);
        equivalentResponses = equivalent ? equivalentResponses + 1 : 0;
        attempts = 0;
        lastSuccessfulRefreshMs = step.now();
        requested = inFlightVersion < requestVersion ? "newTopics" : null;
        List<String> unknown = new ArrayList<>();
        response.topics().forEach((topic, metadata) -> {
            if (metadata.error() != Errors.NONE) {
                unknown.add(topic);
            }
        });
        if (!unknown.isEmpty() || anyWithoutLeader(response)) {
            requestUpdate("unknownTopic"); // an InvalidMetadataException in the answer asks for another
        }
        startBackoff(step, Math.max(0, equivalentResponses - 1));
        MetadataEvents.response(step, deliver, why, before, cache, unknown, inFlightAllTopics);
        maybeUpdate(step);
    }

    private static boolean anyWithoutLeader(MetadataResponse response) {
        for (var metadata : response.topics().values()) {
            for (int p = 0; p < metadata.partitions().count(); p++) {
                if (metadata.partitions().leader(p) < 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The request failed without an answer ({@code handleFailedRequest} → {@code failedUpdate}). */
    void metadataFailed(Step step) {
        inFlight = NONE_IN_FLIGHT;
        attempts++;
        equivalentResponses = 0;
        startBackoff(step, attempts - 1);
    }

    /** The refresh backoff from now: retry.backoff.ms × 2^n with Kafka's jitter, up to retry.backoff.max.ms. */
    private void startBackoff(Step step, int n) {
        allowedAtMs = step.now() + GroupMembership.backoff(step).backoff(n, step.context.random());
    }

    /**
     * A connection to {@code broker} failed ({@code NetworkClient.processDisconnection}): it is unavailable for its
     * reconnect backoff, and the metadata updater requests an update, as the disconnect may mean stale metadata.
     * A broker that is down closed every connection to it (the one to the coordinator and the other) that was open,
     * and the consumer learns it with the first request refused; a request that timed out closes only the connection
     * it went on. A second request refused on a connection already closed changes nothing (Kafka: one disconnect).
     */
    void onDisconnect(Step step, int broker, boolean toCoordinator, boolean brokerDown) {
        if (!inFlight() && timeToNextUpdate(step.now(), step.config().settings().metadataMaxAgeMs()) == 0) {
            // handleServerDisconnect: a disconnect while an update is due counts as a failed update (it backs off)
            attempts++;
            equivalentResponses = 0;
            startBackoff(step, attempts - 1);
        }
        close(step, broker, toCoordinator);
        if (brokerDown) {
            close(step, broker, !toCoordinator);
        }
        requestUpdate("disconnected");
    }

    /** An answer came from {@code broker}: the connection it came on works, its reconnect backoff starts over. */
    void connected(int broker, boolean toCoordinator) {
        if (connections.anyFailed()) { // else nothing to start over, as for nearly every answer
            connectionsToChange().connected(broker, toCoordinator);
        }
    }
}
