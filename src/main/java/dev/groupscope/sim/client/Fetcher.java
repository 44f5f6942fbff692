package dev.groupscope.sim.client;

import static dev.groupscope.sim.client.ClientEvents.fields;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.config.AutoOffsetReset;
import dev.groupscope.sim.client.ConsumerActor.Step;
import dev.groupscope.sim.engine.LazyMap;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.Requests.FetchRequest;
import dev.groupscope.sim.protocol.Requests.OffsetFetchRequest;
import dev.groupscope.sim.protocol.Responses.FetchResponse;
import dev.groupscope.sim.protocol.Responses.FetchedPartition;
import dev.groupscope.sim.protocol.Responses.OffsetFetchResponse;
import dev.groupscope.sim.engine.SortedArrayMap;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Positions and fetching: OffsetFetch for partitions without a position, then auto.offset.reset; Fetch requests to
 * partition leaders (kafka-clients' {@code Fetcher}: one request per broker in flight, no fetch for a partition
 * whose records are still buffered); fetched records buffered until poll() takes them.
 */
final class Fetcher {

    final Assignment assignment;
    final FetchBuffer buffer;
    boolean offsetFetchPending;
    /** Broker → the incremental fetch session with it (kafka-clients' {@code sessionHandlers}). */
    private final SortedArrayMap<Integer, FetchSessionHandler> sessions;

    Fetcher() {
        this(new Assignment(), new FetchBuffer(), false, new SortedArrayMap<>());
    }

    private Fetcher(Assignment assignment, FetchBuffer buffer, boolean offsetFetchPending,
                    SortedArrayMap<Integer, FetchSessionHandler> sessions) {
        this.assignment = assignment;
        this.buffer = buffer;
        this.offsetFetchPending = offsetFetchPending;
        this.sessions = sessions;
    }

    Fetcher copy() {
        SortedArrayMap<Integer, FetchSessionHandler> sessionCopies = new SortedArrayMap<>();
        sessions.forEach((broker, session) -> sessionCopies.put(broker, session.copy()));
        return new Fetcher(assignment.copy(), buffer.copy(), offsetFetchPending, sessionCopies);
    }

    /** kafka-clients' {@code initWithCommittedOffsetsIfNeeded}: ask the coordinator for committed offsets. */
    void updateFetchPositions(Step step) {
        resolveLazySeeks(step);
        List<TopicPartition> missing = assignment.withoutPosition();
        int coordinator = step.group().coordinator;
        if (missing.isEmpty() || offsetFetchPending || coordinator < 0) {
            return;
        }
        offsetFetchPending = true;
        String groupId = step.config().groupId();
        step.send(coordinator, true, correlationId -> new OffsetFetchRequest(correlationId, groupId, missing));
    }

    void onOffsetFetch(Step step, Deliver deliver, OffsetFetchResponse response) {
        offsetFetchPending = false;
        Map<String, Object> salient = fields("error", response.error().name(),
                "offsets", ClientEvents.offsets(response.offsets()));
        if (response.error() == Errors.NONE) {
            step.emitResponse(deliver, salient, offsetFetchKey(response), offsetFetchArgs(step, response));
        } else {
            step.emitResponse(deliver, salient);
        }
        if (response.error() == Errors.COORDINATOR_NOT_AVAILABLE || response.error() == Errors.NOT_COORDINATOR) {
            step.group().markCoordinatorUnknown(step, "error response " + response.error().name(), false);
            return;
        }
        if (response.error() != Errors.NONE) {
            return; // asked again at the next poll()
        }
        Map<TopicPartition, Long> fromCommitted = new TreeMap<>();
        response.offsets().forEach((tp, offset) -> {
            if (assignment.isAssigned(tp) && !assignment.hasPosition(tp) && offset >= 0) {
                assignment.seek(tp, offset);
                fromCommitted.put(tp, offset);
            }
        });
        if (!fromCommitted.isEmpty()) {
            step.client("PositionFromCommitted", fields("offsets", ClientEvents.offsets(fromCommitted)),
                    "sim.client.positionCommitted", Map.of("offsets", ClientEvents.offsetsText(fromCommitted)));
        }
        List<TopicPartition> uncommitted = new java.util.ArrayList<>();
        response.offsets().forEach((tp, offset) -> {
            if (assignment.isAssigned(tp) && !assignment.hasPosition(tp)) {
                uncommitted.add(tp);
            }
        });
        if (uncommitted.isEmpty()) {
            return;
        }
        if (step.config().autoOffsetReset().strategy() == AutoOffsetReset.Strategy.NONE) {
            // Kafka's resetInitializingPositions: with no default strategy, poll() throws for all of them at once.
            String partitions = String.join(", ", uncommitted.stream().map(TopicPartition::toString).toList());
            step.client("OffsetReset", fields("partitions", ClientEvents.partitions(uncommitted), "strategy",
                    "none", "cause", "no committed offset", "exception", "NoOffsetForPartitionException"),
                    "sim.client.reset.none", Map.of("partitions", partitions));
            step.fail("NoOffsetForPartitionException: Undefined offset with no reset policy for partitions: ["
                    + partitions + "]");
            return;
        }
        uncommitted.forEach(tp -> reset(step, tp, "no committed offset"));
    }

    /**
     * seekToBeginning / seekToEnd are lazy ({@code requestOffsetReset}): poll() resolves them, as Kafka's
     * {@code resetPositionsIfNeeded} does with a ListOffsets request (read here directly from the log).
     */
    private void resolveLazySeeks(Step step) {
        if (!assignment.hasAwaitingReset()) {
            return; // the usual case, at every poll(): no lambda to make
        }
        ClusterAccess cluster = ClusterAccess.of(step.context);
        assignment.awaitingReset().forEach((tp, strategy) -> {
            long offset = strategy.equals("earliest") ? 0 : cluster.logEndOffset(tp.topic(), tp.partition());
            assignment.seek(tp, offset);
            String call = strategy.equals("earliest") ? "seekToBeginning" : "seekToEnd";
            step.client("OffsetReset", fields("partition", tp.toString(), "strategy", strategy, "offset", offset,
                    "cause", call), "sim.client.lazySeek." + strategy, Map.of("partition", tp.toString(),
                    "offset", offset, "call", call));
        });
    }

    /** Which sentence explains the committed offsets: all partitions have one, none has, or some have. */
    private static String offsetFetchKey(OffsetFetchResponse response) {
        long withCommit = response.offsets().values().stream().filter(offset -> offset >= 0).count();
        if (withCommit == response.offsets().size()) {
            return "sim.client.offsetFetch.all";
        }
        return withCommit == 0 ? "sim.client.offsetFetch.none" : "sim.client.offsetFetch.some";
    }

    /** {@code committed}: "orders-0 at 120, …"; {@code uncommitted}: the partitions the group never committed. */
    private static Map<String, Object> offsetFetchArgs(Step step, OffsetFetchResponse response) {
        List<String> committed = new ArrayList<>();
        List<String> uncommitted = new ArrayList<>();
        new TreeMap<>(response.offsets()).forEach((tp, offset) -> {
            if (offset >= 0) {
                committed.add(tp + " @ " + offset);
            } else {
                uncommitted.add(tp.toString());
            }
        });
        return Map.of("consumer", step.id(), "committed", String.join(", ", committed),
                "uncommitted", String.join(", ", uncommitted));
    }

    /** auto.offset.reset for a partition without a usable offset. */
    private void reset(Step step, TopicPartition tp, String why) {
        AutoOffsetReset reset = step.config().autoOffsetReset();
        if (reset.strategy() == AutoOffsetReset.Strategy.NONE) {
            // An out-of-range fetch offset with no reset policy: Kafka's OffsetOutOfRangeException from poll().
            step.client("OffsetReset", fields("partitions", List.of(tp.toString()), "strategy", "none",
                    "cause", why, "exception", "OffsetOutOfRangeException"), "sim.client.reset.noneOutOfRange",
                    Map.of("partition", tp.toString()));
            step.fail("OffsetOutOfRangeException: Offsets out of range with no configured reset policy for "
                    + "partitions: {" + tp + "=" + assignment.position(tp) + "}");
            return;
        }
        long offset = resetOffset(step, tp, reset);
        assignment.seek(tp, offset);
        String name = reset.strategy().kafkaName();
        step.client("OffsetReset", fields("partition", tp.toString(), "strategy", reset.toString(), "offset", offset,
                "cause", why), "sim.client.reset." + name, Map.of("partition", tp.toString(), "offset", offset,
                "strategy", reset.toString()));
    }

    /**
     * The offset auto.offset.reset points at, read from the partition's log (Kafka asks the leader with ListOffsets;
     * here the log is read directly). Logs are never truncated, so the earliest offset is 0; by_duration takes the
     * first record no older than the duration, or the log end if there is none.
     */
    private static long resetOffset(Step step, TopicPartition tp, AutoOffsetReset reset) {
        ClusterAccess cluster = ClusterAccess.of(step.context);
        return switch (reset.strategy()) {
            case EARLIEST -> 0;
            case BY_DURATION -> {
                long since = step.now() - reset.duration().orElseThrow().toMillis();
                long found = cluster.offsetForTimestamp(tp.topic(), tp.partition(), since);
                yield found < 0 ? cluster.logEndOffset(tp.topic(), tp.partition()) : found;
            }
            default -> cluster.logEndOffset(tp.topic(), tp.partition());
        };
    }

    /**
     * kafka-clients' {@code prepareFetchRequests}: one request per leader without a fetch in flight, for the
     * partitions with a position and no buffered records; a leader of a partition with buffered records is skipped
     * altogether (Kafka 4.1: fetching the others would make its session forget the buffered ones). Each request
     * goes through the broker's {@link FetchSessionHandler}: full the first time, then only the changes.
     */
    void sendFetches(Step step) {
        ClusterAccess cluster = ClusterAccess.of(step.context);
        // Asked once per call, not once per partition: with a thousand partitions and a poll() every few
        // milliseconds (a worker pool's poller) the per-partition scans were most of a run's time.
        java.util.Set<TopicPartition> buffered = buffer.partitions();
        BitSet bufferedNodes = new BitSet();
        for (TopicPartition tp : buffered) {
            int leader = isFetchable(tp) ? cluster.leaderOf(tp.topic(), tp.partition()) : -1;
            if (leader >= 0) {
                bufferedNodes.set(leader);
            }
        }
        BitSet fetching = step.inFlight().brokersWith("Fetch");
        if (everyBrokerSkipped(cluster, bufferedNodes, fetching)) {
            return; // nothing to send: no need to look at each partition (a worker pool's poller polls every ms)
        }
        TreeMap<Integer, FetchSessionHandler> building = new TreeMap<>();
        // forEach, not an entry iterator: a worker pool's poller asks every few ms over 1,000 partitions, and each
        // entry of the read-only view was two objects.
        assignment.positions().forEach((tp, position) -> {
            if (position == Assignment.NO_POSITION || assignment.isPaused(tp) || buffered.contains(tp)) {
                return;
            }
            int leader = cluster.leaderOf(tp.topic(), tp.partition());
            if (leader < 0 || bufferedNodes.get(leader) || fetching.get(leader)) {
                return;
            }
            FetchSessionHandler session = building.get(leader);
            if (session == null) {
                session = sessions.computeIfAbsent(leader, b -> new FetchSessionHandler());
                session.begin();
                building.put(leader, session);
            }
            session.add(tp, position);
        });
        ConsumerClientConfig config = step.config();
        building.forEach((leader, session) -> {
            FetchSessionHandler.Built built = session.build();
            step.send(leader, false, correlationId -> new FetchRequest(correlationId, built.sessionId(),
                    built.epoch(), built.toSend(), built.toForget(), config.fetchMaxBytes(), config.fetchMinBytes(),
                    config.fetchMaxWaitMs(), config.maxPartitionFetchBytes()));
        });
    }

    /** Whether every live broker (every possible leader) has a fetch in flight or buffered partitions. */
    private static boolean everyBrokerSkipped(ClusterAccess cluster, BitSet bufferedNodes, BitSet fetching) {
        for (int broker : cluster.liveBrokers()) {
            if (!bufferedNodes.get(broker) && !fetching.get(broker)) {
                return false;
            }
        }
        return true;
    }

    /** Kafka's {@code isFetchable}: assigned, not paused, with a position. */
    private boolean isFetchable(TopicPartition tp) {
        return assignment.hasPosition(tp) && !assignment.isPaused(tp);
    }

    void onFetch(Step step, Deliver deliver, FetchResponse response, int broker) {
        // Built when read: the response's partitions are an immutable copy (Sorted), so the map is the same later.
        Map<String, Object> counts = LazyMap.of(() -> {
            Map<String, Object> byName = new TreeMap<>();
            response.partitions().forEach((tp, data) -> byName.put(tp.toString(), data.count()));
            return byName;
        });
        FetchSessionHandler session = sessions.computeIfAbsent(broker, b -> new FetchSessionHandler());
        boolean usable = session.handleResponse(response);
        step.emitResponse(deliver, fields("error", response.error().name(), "sessionId", response.sessionId(),
                "records", counts));
        if (usable) {
            response.partitions().forEach((tp, data) -> accept(step, tp, data));
        }
    }

    /** A fetch failed without an answer (disconnected): the next one to that broker is full. */
    void fetchFailed(int broker) {
        FetchSessionHandler session = sessions.get(broker);
        if (session != null) {
            session.handleError();
        }
    }

    private void accept(Step step, TopicPartition tp, FetchedPartition data) {
        if (!assignment.isAssigned(tp) || assignment.position(tp) != data.fetchOffset()) {
            return; // revoked or moved meanwhile: kafka-clients drops such data
        }
        if (data.error() == Errors.NONE && data.count() > 0) {
            buffer.add(tp, data.fetchOffset(), data.count());
        } else if (data.error() == Errors.OFFSET_OUT_OF_RANGE) {
            reset(step, tp, "fetch offset out of range");
        } else if (data.error() == Errors.UNKNOWN_TOPIC_OR_PARTITION) {
            // The topic is gone: the fetcher asks for a metadata update, which a pattern then matches again.
            step.subscription().metadataUpdateRequested = true;
        }
    }
}
