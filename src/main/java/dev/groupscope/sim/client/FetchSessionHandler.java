package dev.groupscope.sim.client;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.protocol.Requests.FetchRequest;
import dev.groupscope.sim.protocol.Responses.FetchResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
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

    /** A session partition: the offset last named, and the last build that named it. */
    private static final class Slot {
        long offset;
        long round;

        Slot(long offset, long round) {
            this.offset = offset;
            this.round = round;
        }
    }

    private int sessionId;
    private int epoch;
    /**
     * The session's partitions. Hashed, not sorted: a worker pool's consumer names hundreds of partitions per
     * broker at every fetch, and only the (few) changes need an order, which {@link #build} gives them.
     */
    private final HashMap<TopicPartition, Slot> sessionPartitions;
    private long round;
    private TreeMap<TopicPartition, Long> toSend;
    /** In the build under way: partitions named that the session had, and partitions new to it. */
    private int named;
    private int added;

    FetchSessionHandler() {
        this.sessionId = FetchRequest.NO_SESSION;
        this.epoch = FetchRequest.INITIAL_EPOCH;
        this.sessionPartitions = new HashMap<>();
    }

    private FetchSessionHandler(FetchSessionHandler other) {
        this.sessionId = other.sessionId;
        this.epoch = other.epoch;
        this.sessionPartitions = new HashMap<>();
        other.sessionPartitions.forEach((tp, slot) -> sessionPartitions.put(tp, new Slot(slot.offset, slot.round)));
        this.round = other.round;
    }

    FetchSessionHandler copy() {
        return new FetchSessionHandler(this);
    }

    private boolean isFull() {
        return epoch == FetchRequest.INITIAL_EPOCH || epoch == FetchRequest.FINAL_EPOCH;
    }

    /** kafka-clients' {@code newBuilder}: the partitions of the next request follow through {@link #add}. */
    void begin() {
        round++;
        toSend = new TreeMap<>();
        named = 0;
        added = 0;
        if (isFull()) {
            sessionPartitions.clear();
        }
    }

    /** kafka-clients' {@code Builder.add}: the consumer wants {@code tp} from {@code offset} in this request. */
    void add(TopicPartition tp, long offset) {
        Slot slot = sessionPartitions.get(tp);
        if (slot == null) {
            sessionPartitions.put(tp, new Slot(offset, round));
            toSend.put(tp, offset);
            added++;
            return;
        }
        slot.round = round;
        named++;
        if (slot.offset != offset) {
            slot.offset = offset;
            toSend.put(tp, offset);
        }
    }

    /**
     * kafka-clients' {@code Builder.build}: a full request sends every partition; an incremental one those added
     * or moved, and forgets the session's partitions not named this time.
     */
    Built build() {
        TreeMap<TopicPartition, Long> sent = toSend;
        toSend = null;
        if (isFull()) {
            return new Built(sessionId, epoch, sent, List.of());
        }
        List<TopicPartition> toForget = List.of();
        if (named + added < sessionPartitions.size()) { // some partition of the session was not named
            List<TopicPartition> forgotten = new ArrayList<>();
            for (Iterator<Map.Entry<TopicPartition, Slot>> it = sessionPartitions.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<TopicPartition, Slot> entry = it.next();
                if (entry.getValue().round != round) {
                    forgotten.add(entry.getKey());
                    it.remove();
                }
            }
            forgotten.sort(null);
            toForget = forgotten;
        }
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

    /** kafka-clients' {@code handleError}: after a failed send the next fetch closes the session and opens anew. */
    void handleError() {
        epoch = FetchRequest.INITIAL_EPOCH;
    }
}
