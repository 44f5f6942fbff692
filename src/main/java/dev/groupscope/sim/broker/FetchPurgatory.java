package dev.groupscope.sim.broker;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.cluster.ClusterState;
import dev.groupscope.sim.coordinator.CoordinatorEnv;
import dev.groupscope.sim.coordinator.Rule;
import dev.groupscope.sim.engine.Context;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.Requests.FetchRequest;
import dev.groupscope.sim.protocol.Responses.FetchResponse;
import dev.groupscope.sim.engine.OrderedFields;
import dev.groupscope.sim.engine.LongKeyMap;
import dev.groupscope.sim.broker.MutedConnections.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.Predicate;

/**
 * Fetch requests and the fetches brokers hold (Kafka's fetch purgatory): a fetch that finds fewer than
 * fetch.min.bytes waits until appends bring enough, until fetch.max.wait.ms passes, or until a partition it reads
 * is no longer led by its broker. A fetch in an incremental session reads its session's partitions
 * ({@link FetchSessionCache}).
 */
final class FetchPurgatory {

    /** By id, so in parking order. */
    private final LongKeyMap<ParkedFetch> parked;
    private final FetchSessionCache sessions;
    /**
     * Partition → ids of the parked full fetches that read it, and session id → the parked fetch of that session:
     * derived from {@link #parked} (so not copied; built again on first use). Every append asks which fetches it
     * may complete; scanning every parked fetch instead made producing cost O(parked fetches) per record.
     */
    private Map<TopicPartition, TreeSet<Long>> byPartition;
    private Map<Integer, Long> bySession;
    /** Connection → the fetch parked on it: derived too. A parked fetch mutes its connection. */
    private Map<Connection, Long> byConnection;
    /** The fetches answered in the cluster's current step: their connections may have requests to read now. */
    private final List<ParkedFetch> released = new ArrayList<>();
    private long nextId;

    FetchPurgatory() {
        this.parked = new LongKeyMap<>();
        this.sessions = new FetchSessionCache();
    }

    private FetchPurgatory(FetchPurgatory other) {
        this.parked = new LongKeyMap<>(other.parked);
        this.sessions = other.sessions.copy();
        this.nextId = other.nextId;
    }

    /** A copy that takes this purgatory's index along, as {@link FetchSessionCache#copy} does and for its reason. */
    synchronized FetchPurgatory copy() {
        FetchPurgatory copy = new FetchPurgatory(this);
        copy.byPartition = byPartition;
        copy.bySession = bySession;
        copy.byConnection = byConnection;
        byPartition = null;
        bySession = null;
        byConnection = null;
        return copy;
    }

    /**
     * The correlation id of the fetch parked on {@code connection}, or -1: a parked fetch mutes its connection, unless
     * its client has stopped since (a new instance has a connection of its own).
     */
    long parkedOn(Connection connection, MutedConnections muted) {
        index();
        Long id = byConnection.get(connection);
        ParkedFetch fetch = id == null ? null : parked.get(id);
        return fetch != null && muted.onOpenConnection(fetch.client(), fetch.parkedAt())
                ? fetch.request().correlationId() : -1;
    }

    List<ParkedFetch> parked() {
        return List.copyOf(parked.values());
    }

    void onFetch(Deliver delivery, FetchRequest request, ClusterState state, SimSettings sim, Context context) {
        if (request.isFull()) {
            sessions.closeNamedBy(request);
        } else {
            FetchSessionCache.Lookup lookup = sessions.update(delivery.broker(), request, context.now());
            if (lookup.error() != Errors.NONE) {
                sim.network().send(context, CoordinatorEnv.brokerActor(delivery.broker()), delivery.from(),
                        delivery.broker(), new FetchResponse(request.correlationId(), lookup.error(),
                                FetchRequest.NO_SESSION, Map.of()));
                return;
            }
        }
        FetchRead read = read(state, delivery.broker(), request, sim);
        if (read.answersNow(request, sim.recordSizeBytes()) || readsNothing(request)) {
            answer(delivery.broker(), delivery.from(), request, read, sim, context);
            return;
        }
        ParkedFetch fetch = new ParkedFetch(nextId++, delivery.broker(), delivery.from(), request, context.now());
        parked.put(fetch.id(), fetch);
        index(fetch);
        FetchTimeout timeout = new FetchTimeout(ClusterActor.ID, fetch.id());
        context.setTimer(timeout, request.maxWaitMs(), timeout);
        emit(context, fetch, "FetchParked", read, sim, () -> Rule.of("sim.cluster.fetch.parked",
                "minBytes", request.minBytes(), "bytes", read.bytes(sim.recordSizeBytes()),
                "maxWaitMs", request.maxWaitMs()));
    }

    /**
     * Whether the fetch has no partition to read (a full one names none, an incremental one's session holds none):
     * KafkaApis answers it at once, as nothing could arrive for it. A consumer's close of its fetch session is such.
     */
    private boolean readsNothing(FetchRequest request) {
        if (request.isFull()) {
            return request.fetchOffsets().isEmpty();
        }
        FetchSessionCache.Session session = sessions.session(request.sessionId());
        return session == null || session.partitions.isEmpty();
    }

    /** fetch.max.wait.ms passed: the fetch is answered with what there is, possibly nothing. */
    void onTimeout(FetchTimeout timeout, ClusterState state, SimSettings sim, Context context) {
        ParkedFetch fetch = parked.remove(timeout.fetchId());
        if (fetch == null) {
            return;
        }
        unindex(fetch);
        FetchRead read = read(state, fetch.broker(), fetch.request(), sim);
        emit(context, fetch, "FetchMaxWait", read, sim, () -> Rule.of("sim.cluster.fetch.maxWait",
                "maxWaitMs", fetch.request().maxWaitMs(), "bytes", read.bytes(sim.recordSizeBytes())));
        release(fetch, read, sim, context, null);
    }

    /** Records were appended to a partition: fetches waiting on it may now have enough. */
    void onAppend(TopicPartition partition, ClusterState state, SimSettings sim, Context context) {
        java.util.Collection<Integer> holding = sessions.appended(partition);
        if (parked.isEmpty()) {
            return;
        }
        // The same fetches, in the same (id) order, as a scan of every parked fetch for those reading the partition:
        // full fetches that name it, and incremental ones whose session holds it.
        TreeSet<Long> reading = index().get(partition);
        List<Long> ids = reading == null ? new ArrayList<>(holding.size()) : new ArrayList<>(reading);
        for (Integer session : holding) {
            Long id = bySession.get(session);
            if (id != null) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        ids.sort(null);
        List<ParkedFetch> affected = new ArrayList<>(ids.size());
        ids.forEach(id -> affected.add(parked.get(id)));
        recheck(affected, fetch -> true, state, sim, context,
                () -> Rule.of("sim.cluster.fetch.dataArrived", "topicPartition", partition.toString()));
    }

    /** Leadership or topics changed: a fetch reading a partition its broker no longer leads is answered. */
    void onMetadataChange(ClusterState state, SimSettings sim, Context context) {
        sessions.metadataChanged();
        recheck(new ArrayList<>(parked.values()), fetch -> true, state, sim, context,
                () -> Rule.of("sim.cluster.fetch.metadataChanged"));
        sessions.dropSessionsOf(broker -> !state.isUp(broker));
    }

    private void recheck(List<ParkedFetch> candidates, Predicate<ParkedFetch> affected, ClusterState state,
                         SimSettings sim, Context context, Supplier<Rule> rule) {
        for (ParkedFetch fetch : candidates) {
            if (!affected.test(fetch)) {
                continue;
            }
            FetchRead read = read(state, fetch.broker(), fetch.request(), sim);
            if (read.anyError() || read.bytes(sim.recordSizeBytes()) >= fetch.request().minBytes()) {
                parked.remove(fetch.id());
                unindex(fetch);
                context.cancelTimer(new FetchTimeout(ClusterActor.ID, fetch.id()));
                release(fetch, read, sim, context, rule);
            }
        }
    }

    /** A full fetch reads what it names; an incremental one its session's partitions that may answer. */
    private FetchRead read(ClusterState state, int broker, FetchRequest request, SimSettings sim) {
        if (request.isFull()) {
            return FetchRead.read(state, broker, request, sim.recordSizeBytes());
        }
        FetchSessionCache.Session session = sessions.session(request.sessionId());
        if (session == null) {
            return FetchRead.read(state, broker, Map.of(), request, sim.recordSizeBytes());
        }
        return FetchRead.read(state, broker, session.pendingInOrder(), session::fetchOffset, request,
                sim.recordSizeBytes());
    }

    private Map<TopicPartition, TreeSet<Long>> index() {
        if (byPartition == null) {
            byPartition = new HashMap<>();
            bySession = new HashMap<>();
            byConnection = new HashMap<>();
            parked.values().forEach(this::index);
        }
        return byPartition;
    }

    private void index(ParkedFetch fetch) {
        if (byPartition == null) {
            return;
        }
        byConnection.put(new Connection(fetch.client(), fetch.broker(), false), fetch.id());
        if (!fetch.request().isFull()) {
            bySession.put(fetch.request().sessionId(), fetch.id());
            return;
        }
        for (TopicPartition partition : fetch.request().fetchOffsets().keySet()) {
            byPartition.computeIfAbsent(partition, p -> new TreeSet<>()).add(fetch.id());
        }
    }

    private void unindex(ParkedFetch fetch) {
        if (byPartition == null) {
            return;
        }
        // Only its own entry: a restarted client's new fetch may have taken the connection's place since.
        byConnection.remove(new Connection(fetch.client(), fetch.broker(), false), fetch.id());
        if (!fetch.request().isFull()) {
            bySession.remove(fetch.request().sessionId());
            return;
        }
        for (TopicPartition partition : fetch.request().fetchOffsets().keySet()) {
            TreeSet<Long> ids = byPartition.get(partition);
            if (ids != null) {
                ids.remove(fetch.id());
                if (ids.isEmpty()) {
                    byPartition.remove(partition);
                }
            }
        }
    }

    /** Answers a parked fetch; with {@code rule} (built only if events are), a FetchReleased event says why. */
    private void release(ParkedFetch fetch, FetchRead read, SimSettings sim, Context context, Supplier<Rule> rule) {
        if (rule != null) {
            emit(context, fetch, "FetchReleased", read, sim, rule);
        }
        answer(fetch.broker(), fetch.client(), fetch.request(), read, sim, context);
        released.add(fetch);
    }

    /** The fetches answered since the last call (see {@link #released}); the list is then emptied. */
    List<ParkedFetch> takeReleased() {
        if (released.isEmpty()) {
            return List.of();
        }
        List<ParkedFetch> answered = List.copyOf(released);
        released.clear();
        return answered;
    }

    /**
     * The answer: outside a session every partition read; a full fetch at epoch 0 opens a session; an incremental
     * one carries only what the session must answer.
     */
    private void answer(int broker, String client, FetchRequest request, FetchRead read, SimSettings sim,
                        Context context) {
        FetchResponse response;
        if (request.sessionEpoch() == FetchRequest.FINAL_EPOCH) {
            response = new FetchResponse(request.correlationId(), Errors.NONE, FetchRequest.NO_SESSION,
                    read.partitions());
        } else if (request.sessionEpoch() == FetchRequest.INITIAL_EPOCH) {
            int id = sessions.open(broker, read.partitions(), context.now());
            response = new FetchResponse(request.correlationId(), Errors.NONE, id, read.partitions());
        } else {
            FetchSessionCache.Session session = sessions.session(request.sessionId());
            response = session == null
                    ? new FetchResponse(request.correlationId(), Errors.FETCH_SESSION_ID_NOT_FOUND,
                            FetchRequest.NO_SESSION, Map.of())
                    : new FetchResponse(request.correlationId(), Errors.NONE, session.id,
                            sessions.answer(session, read.partitions()));
        }
        sim.network().send(context, CoordinatorEnv.brokerActor(broker), client, broker, response);
    }

    /** The event of a parked fetch; its fields and rule are built only when events are (not in a replay). */
    private static void emit(Context context, ParkedFetch fetch, String type, FetchRead read, SimSettings sim,
                             Supplier<Rule> rule) {
        EventKind kind = type.equals("FetchMaxWait") ? EventKind.TIMER : EventKind.REQUEST;
        String broker = CoordinatorEnv.brokerActor(fetch.broker());
        if (!context.buildsEvents()) {
            context.emit(kind, type, broker, fetch.client(), Map.of());
            return;
        }
        Map<String, Object> fields = new OrderedFields(4);
        fields.put("correlationId", fetch.request().correlationId());
        fields.put("records", read.records());
        fields.put("bytes", read.bytes(sim.recordSizeBytes()));
        fields.put("waitedMs", context.now() - fetch.parkedAt());
        Rule because = rule.get();
        context.emit(kind, type, broker, fetch.client(), fields, because.key(), because.args());
    }
}
