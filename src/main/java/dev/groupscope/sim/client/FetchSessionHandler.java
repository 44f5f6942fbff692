package dev.groupscope.sim.client;

import dev.groupscope.kafka.AssignedPartitionOrder;
import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.protocol.Requests.FetchRequest;
import dev.groupscope.sim.protocol.Responses.FetchResponse;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The consumer's side of its incremental fetch session with one broker (KIP-227; kafka-clients'
 * {@code FetchSessionHandler}): the next request's session id and epoch, and the partitions the broker holds for
 * it with the offsets last named. The first fetch is full (epoch 0) and opens a session; later ones name only the
 * partitions added or whose position moved, and forget those no longer fetched.
 */
final class FetchSessionHandler {

    /** One request's session part: what {@code FetchRequest} carries besides the limits. */
    record Built(int sessionId, int epoch, Map<TopicPartition, Long> toSend, List<TopicPartition> toForget) {
    }

    private int sessionId;
    private int epoch;
    /** The session's partitions with the offset last named (and, during a build, whether it named each). */
    private final SessionPartitions sessionPartitions;
    /** In the build under way: partitions new to the session (in the order added), then those whose offset moved. */
    private LinkedHashMap<TopicPartition, Long> toAdd;
    private TreeMap<TopicPartition, Long> toMove;
    /** In the build under way: partitions named that the session had, and partitions new to it. */
    private int named;
    private int added;

    FetchSessionHandler() {
        this.sessionId = FetchRequest.NO_SESSION;
        this.epoch = FetchRequest.INITIAL_EPOCH;
        this.sessionPartitions = new SessionPartitions();
    }

    private FetchSessionHandler(FetchSessionHandler other) {
        this.sessionId = other.sessionId;
        this.epoch = other.epoch;
        this.sessionPartitions = other.sessionPartitions.copy();
    }

    FetchSessionHandler copy() {
        return new FetchSessionHandler(this);
    }

    private boolean isFull() {
        return epoch == FetchRequest.INITIAL_EPOCH || epoch == FetchRequest.FINAL_EPOCH;
    }

    /** kafka-clients' {@code newBuilder}: the partitions of the next request follow through {@link #add}. */
    void begin() {
        toAdd = new LinkedHashMap<>();
        toMove = new TreeMap<>();
        named = 0;
        added = 0;
        if (isFull()) {
            sessionPartitions.clear();
        }
        sessionPartitions.beginBuild();
    }

    /** kafka-clients' {@code Builder.add}: the consumer wants {@code tp} from {@code offset} in this request. */
    void add(TopicPartition tp, long offset) {
        int slot = sessionPartitions.indexOf(tp);
        if (slot < 0) {
            sessionPartitions.insert(-slot - 1, tp, offset);
            toAdd.put(tp, offset);
            added++;
            return;
        }
        sessionPartitions.name(slot);
        named++;
        if (sessionPartitions.offset(slot) != offset) {
            sessionPartitions.move(slot, offset);
            toMove.put(tp, offset);
        }
    }

    /**
     * kafka-clients' {@code Builder.build}: a full request sends every partition; an incremental one those added, then
     * those moved, and forgets the session's partitions not named this time. The added ones come in the order of
     * {@code fetchablePartitions}' HashSet of the {@code fetchable} partitions, filled in the assignment's order: a new
     * session keeps that order, and puts later ones last in it. (Kafka lists the moved ones in its session's order;
     * the broker updates them in place, so that order changes nothing.)
     */
    Built build(int fetchable, Assignment assignment) {
        LinkedHashMap<TopicPartition, Long> sent = new LinkedHashMap<>();
        if (!toAdd.isEmpty()) {
            AssignedPartitionOrder.inHashSet(assignment.inFetchOrder(toAdd.keySet()), fetchable)
                    .forEach(tp -> sent.put(tp, toAdd.get(tp)));
        }
        sent.putAll(toMove);
        toAdd = null;
        toMove = null;
        List<TopicPartition> toForget = List.of();
        if (!isFull() && named + added < sessionPartitions.size()) { // some partition of the session was not named
            toForget = sessionPartitions.removeNotNamed();
        }
        sessionPartitions.endBuild();
        return new Built(sessionId, epoch, sent, toForget);
    }

    /**
     * kafka-clients' {@code handleResponse}: a session error starts over (a lost session with a new one, any
     * other by closing it); a full answer with a session id opens it at epoch 1; an incremental one advances.
     * False if the response's partitions must not be used.
     */
    boolean handleResponse(FetchResponse response) {
        if (response.error() != Errors.NONE) {
            if (response.error() == Errors.FETCH_SESSION_ID_NOT_FOUND) {
                sessionId = FetchRequest.NO_SESSION;
            }
            epoch = FetchRequest.INITIAL_EPOCH;
            return false;
        }
        if (response.sessionId() == FetchRequest.NO_SESSION) {
            sessionId = FetchRequest.NO_SESSION;
            epoch = FetchRequest.INITIAL_EPOCH;
        } else if (isFull()) {
            sessionId = response.sessionId();
            epoch = 1;
        } else {
            epoch = epoch == Integer.MAX_VALUE ? 1 : epoch + 1;
        }
        return true;
    }

    /**
     * kafka-clients' {@code notifyClose}: the next request closes the session, a full fetch at epoch -1 that names it
     * and no partition. Returns the session's id (0 if none was opened: the broker then has nothing to free).
     */
    int notifyClose() {
        epoch = FetchRequest.FINAL_EPOCH;
        return sessionId;
    }

    /** kafka-clients' {@code handleError}: after a failed send the next fetch closes the session and opens anew. */
    void handleError() {
        epoch = FetchRequest.INITIAL_EPOCH;
    }
}
