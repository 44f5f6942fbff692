package dev.groupscope.sim.broker;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.engine.SortedArrayMap;
import dev.groupscope.sim.engine.SortedArraySet;
import dev.groupscope.sim.protocol.Requests.FetchRequest;
import dev.groupscope.sim.protocol.Responses.FetchedPartition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The brokers' incremental fetch sessions (KIP-227; Kafka's {@code FetchSessionCache} and {@code FetchSession}):
 * per session the partitions a consumer fetches with the offset it last named and the high watermark last
 * answered. A full fetch at epoch 0 opens a session; later fetches name only changes, and the answer lists only
 * partitions with records, a new high watermark or an error.
 *
 * <p>Besides Kafka's state each session keeps {@code pending}: the partitions that may have something to answer
 * (named in a request, appended to, with records past the fetch offset, or in error). Kafka reads every partition
 * of a session at each fetch; the others would answer nothing, so reading only these gives the same answer without
 * a pass over a consumer's hundreds of partitions per fetch.
 *
 * <p>A session keeps its partitions in an order, as Kafka's does: a new session takes the order of the full fetch
 * that opened it (the consumer's), a partition added later goes last, and after each incremental answer the
 * partitions that returned records move to the end, in the answer's order ({@code IncrementalFetchContext}'s
 * rotation), so that under fetch.max.bytes no partition is always read first. A fetch reads the session in that
 * order and answers in it; poll() returns records in it.
 *
 * <p>Not modelled: Kafka 4's sharding of the cache, and eviction in favour of followers (no replica fetches here);
 * a full cache evicts only a session unused for {@link #EVICTION_MS}, else the fetch goes without a session.
 */
final class FetchSessionCache {

    /** max.incremental.fetch.session.cache.slots, Kafka's default, per broker. */
    static final int SLOTS = 1000;
    /** Kafka's {@code FetchManager}: a session unused this long may be evicted for a new one. */
    static final long EVICTION_MS = 120_000;
    private static final long NO_HIGH_WATERMARK = -1;

    /**
     * Kafka's {@code CachedPartition}, reduced to what the model reads; {@code order} is its place in the session's
     * partition list (a smaller one comes first). An int, not a long: a snapshot holds many of these.
     */
    record Cached(long fetchOffset, long highWatermark, int order) {
    }

    static final class Session {
        final int id;
        final int broker;
        int epoch;
        long lastUsedMs;
        /** The order the next partition put last takes. */
        int nextOrder;
        /** Read freely; changed only through {@link #partitionsToChange}. */
        SortedArrayMap<TopicPartition, Cached> partitions;
        /** Read freely; changed only through {@link #markPending} and {@link #unmarkPending}. */
        SortedArraySet<TopicPartition> pending;
        /**
         * Whether {@link #partitions} or {@link #pending} is still the session's this one copies (which no cache
         * changes again): copied before the first change. Each fetch copies its session (a new epoch), but most
         * fetches of a light run neither change a partition nor what may answer.
         */
        private boolean partitionsShared;
        private boolean pendingShared;

        Session(int id, int broker, long now) {
            this.id = id;
            this.broker = broker;
            this.epoch = nextEpoch(FetchRequest.INITIAL_EPOCH);
            this.lastUsedMs = now;
            this.partitions = new SortedArrayMap<>();
            this.pending = new SortedArraySet<>();
        }

        private Session(Session other) {
            this.id = other.id;
            this.broker = other.broker;
            this.epoch = other.epoch;
            this.lastUsedMs = other.lastUsedMs;
            this.nextOrder = other.nextOrder;
            this.partitions = other.partitions;
            this.pending = other.pending;
            this.partitionsShared = true;
            this.pendingShared = true;
        }

        private SortedArrayMap<TopicPartition, Cached> partitionsToChange() {
            if (partitionsShared) {
                partitions = new SortedArrayMap<>(partitions);
                partitionsShared = false;
            }
            return partitions;
        }

        private SortedArraySet<TopicPartition> pendingToChange() {
            if (pendingShared) {
                pending = new SortedArraySet<>(pending);
                pendingShared = false;
            }
            return pending;
        }

        /** {@code tp} may have something to answer. */
        void markPending(TopicPartition tp) {
            if (!pending.contains(tp)) {
                pendingToChange().add(tp);
            }
        }

        void unmarkPending(TopicPartition tp) {
            if (pending.contains(tp)) {
                pendingToChange().remove(tp);
            }
        }

        /** Drops {@code tp} from the session; false if it did not hold it. */
        boolean forget(TopicPartition tp) {
            if (!partitions.containsKey(tp)) {
                return false;
            }
            partitionsToChange().remove(tp);
            unmarkPending(tp);
            return true;
        }

        long fetchOffset(TopicPartition tp) {
            return partitions.get(tp).fetchOffset();
        }

        /** The partitions that may have something to answer, in the session's order. */
        List<TopicPartition> pendingInOrder() {
            if (pending.size() <= 1) {
                return pending.isEmpty() ? List.of() : List.of(pending.iterator().next());
            }
            // Each partition's order looked up once, then sorted as numbers: a parked fetch is read again at every
            // append to one of its partitions.
            TopicPartition[] byIndex = new TopicPartition[pending.size()];
            long[] keyed = new long[byIndex.length];
            int i = 0;
            for (TopicPartition tp : pending) {
                byIndex[i] = tp;
                keyed[i] = (long) partitions.get(tp).order() * byIndex.length + i;
                i++;
            }
            java.util.Arrays.sort(keyed);
            List<TopicPartition> inOrder = new ArrayList<>(byIndex.length);
            for (long key : keyed) {
                inOrder.add(byIndex[(int) (key % byIndex.length)]);
            }
            return inOrder;
        }

        /** Puts {@code tp} last in the session's order. */
        void putLast(TopicPartition tp, long fetchOffset, long highWatermark) {
            if (nextOrder == Integer.MAX_VALUE) {
                renumber();
            }
            partitionsToChange().put(tp, new Cached(fetchOffset, highWatermark, nextOrder++));
        }

        /** The same order numbered from 0 again, once the numbers run out (a session rotated two billion times). */
        private void renumber() {
            List<TopicPartition> inOrder = new ArrayList<>(partitions.keySet());
            inOrder.sort(java.util.Comparator.comparingInt(tp -> partitions.get(tp).order()));
            nextOrder = 0;
            inOrder.forEach(tp -> {
                Cached cached = partitions.get(tp);
                partitionsToChange().put(tp, new Cached(cached.fetchOffset(), cached.highWatermark(), nextOrder++));
            });
        }

        /**
         * Updates what {@code tp} ({@code before}) last named or answered, keeping its place; nothing if neither
         * changed (most answers of a light run), so that the session's copy still shares its partitions.
         */
        void keepPlace(TopicPartition tp, Cached before, long fetchOffset, long highWatermark) {
            if (before.fetchOffset() != fetchOffset || before.highWatermark() != highWatermark) {
                partitionsToChange().put(tp, new Cached(fetchOffset, highWatermark, before.order()));
            }
        }
    }

    /** An incremental request's session, or the error Kafka answers it with. */
    record Lookup(Session session, Errors error) {
    }

    private final SortedArrayMap<Integer, Session> sessions;
    /**
     * Ids of the sessions this cache may change in place. A copy (a snapshot) shares the others and copies one
     * before changing it: the cluster actor is copied at every snapshot, most of its sessions unchanged since.
     */
    private final java.util.Set<Integer> owned;
    private int nextId;
    /** Partition → ids of the sessions holding it: derived from {@link #sessions}, built again on first use. */
    private Map<TopicPartition, TreeSet<Integer>> byPartition;

    FetchSessionCache() {
        this.sessions = new SortedArrayMap<>();
        this.owned = new java.util.HashSet<>();
        this.nextId = 1;
    }

    private FetchSessionCache(FetchSessionCache other) {
        this.sessions = new SortedArrayMap<>(other.sessions);
        this.owned = new java.util.HashSet<>();
        this.nextId = other.nextId;
    }

    /**
     * A copy sharing every session with this cache. The partition index goes with the copy: this cache is now
     * shared (a snapshot's) and never changes again, so it never reads its index, and a snapshot that kept one would
     * hold a derived map per snapshot for nothing. Synchronized because two threads may copy the same snapshot's
     * cache at once (the run and a rebuild for the UI): only one of them takes the index, the other builds its own.
     */
    synchronized FetchSessionCache copy() {
        owned.clear(); // both now share every session: each copies one before changing it
        FetchSessionCache copy = new FetchSessionCache(this);
        copy.byPartition = byPartition;
        byPartition = null;
        return copy;
    }

    /** The session {@code id}, private to this cache (copied first if a copy shares it), or null. */
    private Session mutable(int id) {
        Session session = sessions.get(id);
        if (session != null && owned.add(id)) {
            session = new Session(session);
            sessions.put(id, session);
        }
        return session;
    }

    /** Kafka's {@code FetchMetadata.nextEpoch}: epochs count up from 1 and wrap to 1. */
    static int nextEpoch(int epoch) {
        if (epoch < 0) {
            return FetchRequest.FINAL_EPOCH;
        }
        return epoch == Integer.MAX_VALUE ? 1 : epoch + 1;
    }

    Session session(int id) {
        return sessions.get(id);
    }

    /** A full request (epoch 0 or -1) naming a session closes it first, as Kafka's {@code FetchManager.newContext}. */
    void closeNamedBy(FetchRequest request) {
        if (request.sessionId() != FetchRequest.NO_SESSION) {
            remove(request.sessionId());
        }
    }

    /**
     * An incremental request arrives: its session must exist on this broker at the request's epoch; then its
     * partitions are added (last, in the request's order) or moved (in place), the forgotten ones dropped, and the
     * epoch advances.
     */
    Lookup update(int broker, FetchRequest request, long now) {
        Session found = sessions.get(request.sessionId());
        if (found == null || found.broker != broker) {
            return new Lookup(null, Errors.FETCH_SESSION_ID_NOT_FOUND);
        }
        if (found.epoch != request.sessionEpoch()) {
            return new Lookup(null, Errors.INVALID_FETCH_SESSION_EPOCH);
        }
        Session session = mutable(found.id);
        request.fetchOffsets().forEach((tp, offset) -> {
            Cached before = session.partitions.get(tp);
            if (before == null) {
                session.putLast(tp, offset, NO_HIGH_WATERMARK);
                index(tp, session.id);
            } else {
                session.keepPlace(tp, before, offset, before.highWatermark());
            }
            session.markPending(tp);
        });
        for (TopicPartition tp : request.forgotten()) {
            if (session.forget(tp)) {
                unindex(tp, session.id);
            }
        }
        session.epoch = nextEpoch(session.epoch);
        session.lastUsedMs = now;
        return new Lookup(session, Errors.NONE);
    }

    /**
     * A full fetch at epoch 0 is answered: opens a session caching what was answered, if a slot is free (or can be
     * freed); returns its id, or {@link FetchRequest#NO_SESSION}.
     */
    int open(int broker, Map<TopicPartition, FetchedPartition> answered, long now) {
        if (!hasRoom(broker, now)) {
            return FetchRequest.NO_SESSION;
        }
        Session session = new Session(nextId++, broker, now);
        sessions.put(session.id, session);
        owned.add(session.id);
        answered.forEach((tp, data) -> { // in the order answered: the full fetch's
            session.putLast(tp, data.fetchOffset(), NO_HIGH_WATERMARK);
            index(tp, session.id);
            remember(session, tp, data);
        });
        return session.id;
    }

    /**
     * Kafka's {@code IncrementalFetchContext.updateAndGenerateResponseData}: of what was read (in the session's
     * order), the partitions the answer must carry (records, a changed high watermark, an error); the session
     * remembers what it answered, and the partitions that returned records move to the end of its order.
     */
    Map<TopicPartition, FetchedPartition> answer(Session shared, Map<TopicPartition, FetchedPartition> read) {
        Session session = mutable(shared.id);
        Map<TopicPartition, FetchedPartition> answered = new java.util.LinkedHashMap<>();
        read.forEach((tp, data) -> {
            Cached cached = session.partitions.get(tp);
            if (cached == null) {
                return;
            }
            if (data.count() > 0 || data.error() != Errors.NONE || data.highWatermark() != cached.highWatermark()) {
                answered.put(tp, data);
            }
            remember(session, tp, data);
            if (data.count() > 0) {
                Cached remembered = session.partitions.get(tp);
                session.putLast(tp, remembered.fetchOffset(), remembered.highWatermark());
            }
        });
        return answered;
    }

    /** Records appended to {@code tp}: every session holding it may have something to answer. */
    java.util.Collection<Integer> appended(TopicPartition tp) {
        TreeSet<Integer> ids = index().get(tp);
        if (ids == null) {
            return List.of();
        }
        for (Integer id : ids) {
            if (!sessions.get(id).pending.contains(tp)) {
                mutable(id).markPending(tp);
            }
        }
        return java.util.Collections.unmodifiableSet(ids); // read at once, before the index changes
    }

    /** Leaders or topics changed: any partition may now answer with an error. */
    void metadataChanged() {
        new ArrayList<>(sessions.keySet()).forEach(id -> {
            Session session = mutable(id);
            session.partitions.keySet().forEach(session::markPending);
        });
    }

    /** A stopped broker forgets its sessions (they live in its memory only). */
    void dropSessionsOf(java.util.function.IntPredicate brokerDown) {
        List<Integer> gone = new ArrayList<>();
        sessions.forEach((id, session) -> {
            if (brokerDown.test(session.broker)) {
                gone.add(id);
            }
        });
        gone.forEach(this::remove);
    }

    private void remember(Session session, TopicPartition tp, FetchedPartition data) {
        Cached cached = session.partitions.get(tp);
        long highWatermark = data.error() == Errors.NONE ? data.highWatermark() : NO_HIGH_WATERMARK;
        session.keepPlace(tp, cached, cached.fetchOffset(), highWatermark);
        // Still something to answer next time: records past the fetch offset, or the error again.
        if (data.error() != Errors.NONE || data.highWatermark() > cached.fetchOffset()) {
            session.markPending(tp);
        } else {
            session.unmarkPending(tp);
        }
    }

    private boolean hasRoom(int broker, long now) {
        Session oldest = null;
        int count = 0;
        for (Session session : sessions.values()) {
            if (session.broker == broker) {
                count++;
                if (oldest == null || session.lastUsedMs < oldest.lastUsedMs) {
                    oldest = session;
                }
            }
        }
        if (count < SLOTS) {
            return true;
        }
        if (oldest != null && now - oldest.lastUsedMs >= EVICTION_MS) {
            remove(oldest.id);
            return true;
        }
        return false;
    }

    private void remove(int id) {
        owned.remove(id);
        Session session = sessions.remove(id);
        if (session != null && byPartition != null) {
            session.partitions.keySet().forEach(tp -> unindex(tp, id));
        }
    }

    private Map<TopicPartition, TreeSet<Integer>> index() {
        if (byPartition == null) {
            byPartition = new HashMap<>();
            sessions.values().forEach(session ->
                    session.partitions.keySet().forEach(tp -> index(tp, session.id)));
        }
        return byPartition;
    }

    private void index(TopicPartition tp, int id) {
        if (byPartition != null) {
            byPartition.computeIfAbsent(tp, p -> new TreeSet<>()).add(id);
        }
    }

    private void unindex(TopicPartition tp, int id) {
        if (byPartition == null) {
            return;
        }
        TreeSet<Integer> ids = byPartition.get(tp);
        if (ids != null) {
            ids.remove(id);
            if (ids.isEmpty()) {
                byPartition.remove(tp);
            }
        }
    }
}
