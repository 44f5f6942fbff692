package dev.groupscope.sim.client;

import static dev.groupscope.sim.client.ClientEvents.fields;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.config.AutoOffsetReset;
import dev.groupscope.sim.client.ConsumerActor.Step;
import dev.groupscope.sim.engine.LazyMap;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.Requests.FetchRequest;
import dev.groupscope.sim.protocol.Requests.ListOffsetsRequest;
import dev.groupscope.sim.protocol.Requests.OffsetForLeaderEpochRequest;
import dev.groupscope.sim.protocol.Requests.OffsetForLeaderEpochRequest.EpochToValidate;
import dev.groupscope.sim.protocol.Responses.EpochEndOffset;
import dev.groupscope.sim.protocol.Responses.OffsetForLeaderEpochResponse;
import dev.groupscope.sim.protocol.Requests.OffsetFetchRequest;
import dev.groupscope.sim.protocol.Responses.FetchResponse;
import dev.groupscope.sim.protocol.Responses.FetchedPartition;
import dev.groupscope.sim.protocol.Responses.ListOffsetsResponse;
import dev.groupscope.sim.protocol.Responses.OffsetFetchResponse;
import dev.groupscope.sim.engine.LongKeyMap;
import dev.groupscope.sim.engine.SortedArrayMap;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Positions and fetching: OffsetFetch for partitions without a position, then auto.offset.reset and lazy seeks
 * resolved by ListOffsets to the partitions' leaders (kafka-clients' {@code OffsetFetcher}, whose other ListOffsets
 * caller, the application's offsetsForTimes(), is {@link OffsetsByTime}: this class sends its answers there); Fetch
 * requests to partition leaders (kafka-clients' {@code Fetcher}: one request per broker in flight, no fetch for a
 * partition whose answer is still buffered); fetch answers buffered until poll() takes them.
 */
final class Fetcher {

    final Assignment assignment;
    final FetchBuffer buffer;
    boolean offsetFetchPending;
    /** The sleep before asking for committed offsets again, after an OffsetFetch failed. */
    final OffsetFetchRetry offsetFetchRetry;
    /** Broker → the incremental fetch session with it (kafka-clients' {@code sessionHandlers}). */
    private final SortedArrayMap<Integer, FetchSessionHandler> sessions;
    /**
     * ListOffsets sent and not yet answered, by correlation id: the target of each partition (the request's
     * timestamps, which Kafka's response handler holds in its closure). The maps are unmodifiable: copies share them.
     * Null while none is, as nearly always (so are the two maps below): a snapshot's copy of every consumer then
     * holds no empty map of its own.
     */
    private LongKeyMap<Map<TopicPartition, Long>> listOffsetsInFlight;
    /**
     * The ListOffsets sent for offsetsForTimes() and not yet answered, by correlation id (each to itself): also
     * those of a round or a call that is over, whose answers are then read and dropped.
     */
    private LongKeyMap<Long> timesInFlight;
    /** The offsetsForTimes() the application thread is blocked in, or null. */
    OffsetsByTime.Search timesSearch;
    /**
     * OffsetForLeaderEpoch requests sent and not yet answered, by correlation id: per partition the position the
     * request validates (Kafka's response handler compares it with the position when the answer comes). Immutable
     * maps: copies share them.
     */
    private LongKeyMap<Map<TopicPartition, Validated>> validationsInFlight;
    /** The metadata {@code updateVersion} positions were last checked against (Kafka's {@code metadataUpdateVersion}). */
    private int checkedMetadataVersion = -1;
    /**
     * An OffsetFetch answer set positions since the last pass of updateFetchPositions. Kafka reads that answer inside
     * updateFetchPositions ({@code initWithCommittedOffsetsIfNeeded}), after its validation step, so the pass that
     * takes those positions does not validate them: the next pass of poll() does, first thing.
     */
    private boolean positionsFromCommitted;

    /** A position a validation asks about: its offset, its offsetEpoch, and the leader epoch it follows. */
    record Validated(long offset, int offsetEpoch, int leaderEpoch) {
    }

    Fetcher() {
        this(new Assignment(), new FetchBuffer(), false, new OffsetFetchRetry(), new SortedArrayMap<>(), null);
    }

    private Fetcher(Assignment assignment, FetchBuffer buffer, boolean offsetFetchPending,
                    OffsetFetchRetry offsetFetchRetry, SortedArrayMap<Integer, FetchSessionHandler> sessions,
                    OffsetsByTime.Search timesSearch) {
        this.assignment = assignment;
        this.buffer = buffer;
        this.offsetFetchPending = offsetFetchPending;
        this.offsetFetchRetry = offsetFetchRetry;
        this.sessions = sessions;
        this.timesSearch = timesSearch;
    }

    Fetcher copy() {
        // The copy shares the brokers' array with this map; only the values array is replaced (once).
        SortedArrayMap<Integer, FetchSessionHandler> sessionCopies = new SortedArrayMap<>(sessions);
        sessions.forEach((broker, session) -> sessionCopies.put(broker, session.copy()));
        Fetcher copy = new Fetcher(assignment.copy(), buffer.copy(), offsetFetchPending, offsetFetchRetry.copy(),
                sessionCopies, timesSearch == null ? null : timesSearch.copy());
        copy.listOffsetsInFlight = copyOf(listOffsetsInFlight);
        copy.timesInFlight = copyOf(timesInFlight);
        copy.validationsInFlight = copyOf(validationsInFlight);
        copy.checkedMetadataVersion = checkedMetadataVersion;
        copy.positionsFromCommitted = positionsFromCommitted;
        return copy;
    }

    /** A copy of an in-flight map for a copy of this fetcher: none while it is empty. */
    private static <V> LongKeyMap<V> copyOf(LongKeyMap<V> inFlight) {
        return inFlight == null || inFlight.isEmpty() ? null : new LongKeyMap<>(inFlight);
    }

    private static <V> LongKeyMap<V> orNew(LongKeyMap<V> inFlight) {
        return inFlight == null ? new LongKeyMap<>() : inFlight;
    }

    /** Removes and returns what was in flight under {@code correlationId}, or null. */
    private static <V> V take(LongKeyMap<V> inFlight, long correlationId) {
        return inFlight == null ? null : inFlight.remove(correlationId);
    }

    /** An offsetsForTimes() ListOffsets was sent as {@code correlationId}. */
    void timesSent(long correlationId) {
        timesInFlight = orNew(timesInFlight);
        timesInFlight.put(correlationId, correlationId);
    }

    /** The offsetsForTimes() ListOffsets {@code correlationId} is over (answered or failed). */
    void timesOver(long correlationId) {
        take(timesInFlight, correlationId);
    }

    /** Whether {@code correlationId} is an offsetsForTimes() ListOffsets still in flight. */
    boolean isTimesRequest(long correlationId) {
        return timesInFlight != null && timesInFlight.get(correlationId) != null;
    }

    /**
     * kafka-clients' {@code updateFetchPositions}: positions awaiting validation ask their leaders first
     * ({@code validatePositionsIfNeeded}); then partitions without a position ask the coordinator for committed
     * offsets ({@code initWithCommittedOffsetsIfNeeded}; until that answer comes nothing else happens), then the
     * partitions awaiting a reset ask their leaders with ListOffsets ({@code resetPositionsIfNeeded}).
     *
     * <p>Returns true when this pass took positions from an OffsetFetch answer that await validation: Kafka reads
     * that answer after its validation step, so they are validated at poll()'s next pass, which comes at once
     * unless this pass returns records. Its network wait returns at once: completing the OffsetFetch's future
     * woke the selector ({@code ConsumerNetworkClient.firePendingCompletedRequests}, and any request this pass
     * queued does too); measured with kafka-clients 4.1.1 and retry.backoff.ms 1000, the OffsetForLeaderEpoch was
     * queued within 1 ms of the OffsetFetch answer.
     */
    boolean updateFetchPositions(Step step) {
        boolean fromCommittedThisPass = positionsFromCommitted;
        positionsFromCommitted = false;
        if (!fromCommittedThisPass) {
            validatePositionsIfNeeded(step); // Kafka 4.1 validates first: "if any partitions have been truncated..."
        }
        List<TopicPartition> missing = assignment.withoutPosition();
        if (!missing.isEmpty()) {
            int coordinator = step.group().coordinator;
            if (!offsetFetchPending && offsetFetchRetry.holdsBack(step, missing)) {
                return false; // fetchCommittedOffsets sleeps its backoff before it asks again
            }
            if (!offsetFetchPending && coordinator >= 0) {
                offsetFetchPending = true;
                offsetFetchRetry.sent(missing);
                String groupId = step.config().groupId();
                step.send(coordinator, true, correlationId -> new OffsetFetchRequest(correlationId, groupId,
                        missing));
            }
            return false; // Kafka's poll() waits in initWithCommittedOffsetsIfNeeded: no ListOffsets before the answer
        }
        resetPositionsIfNeeded(step);
        return fromCommittedThisPass && assignment.hasAwaitingValidation();
    }

    /**
     * An assigned partition has no position, and the OffsetFetch that asks for it is in flight or waits out its
     * retry backoff.
     */
    boolean awaitingCommittedOffsets(long now) {
        return offsetFetchBlocks(now) && !assignment.withoutPosition().isEmpty();
    }

    /** Whether the pass waiting for committed offsets must wait on: an OffsetFetch in flight, or its retry backoff. */
    boolean offsetFetchBlocks(long now) {
        return offsetFetchPending || offsetFetchRetry.asleep(now);
    }

    /** The OffsetFetch in flight failed without an answer (its connection): it is asked again after a backoff. */
    void offsetFetchFailed(Errors error) {
        offsetFetchPending = false;
        offsetFetchRetry.failed(error);
    }

    /**
     * A pass of poll() ended without going through updateFetchPositions (it returned records): positions an
     * OffsetFetch answer set in it are validated first thing at the next pass, like any other.
     */
    void passEnded() {
        positionsFromCommitted = false;
    }

    void onOffsetFetch(Step step, Deliver deliver, OffsetFetchResponse response) {
        offsetFetchPending = false;
        Map<String, Object> salient = fields("error", response.error().name(),
                "offsets", ClientEvents.offsets(response.offsets()));
        if (!response.leaderEpochs().isEmpty()) {
            salient.put("leaderEpochs", ClientEvents.epochs(response.leaderEpochs())); // committedLeaderEpoch
        }
        if (response.error() == Errors.NONE) {
            step.emitResponse(deliver, salient, offsetFetchKey(response), offsetFetchArgs(step, response));
        } else {
            step.emitResponse(deliver, salient);
        }
        if (response.error() == Errors.COORDINATOR_NOT_AVAILABLE || response.error() == Errors.NOT_COORDINATOR) {
            step.group().markCoordinatorUnknown(step, "error response " + response.error().name(), false);
        }
        if (response.error() != Errors.NONE) {
            offsetFetchRetry.failed(response.error()); // asked again after the backoff, found again first if need be
            return;
        }
        offsetFetchRetry.succeeded();
        positionsFromCommitted(step, response);
        List<TopicPartition> uncommitted = new java.util.ArrayList<>();
        response.offsets().forEach((tp, offset) -> {
            if (assignment.isAssigned(tp) && !assignment.hasPosition(tp) && assignment.awaitingReset(tp) == null) {
                uncommitted.add(tp);
            }
        });
        if (uncommitted.isEmpty()) {
            return;
        }
        if (step.config().autoOffsetReset().strategy() == AutoOffsetReset.Strategy.NONE) {
            // Kafka's resetInitializingPositions: with no default strategy, poll() throws for all of them at once,
            // before any ListOffsets is sent.
            String partitions = String.join(", ", uncommitted.stream().map(TopicPartition::toString).toList());
            step.client("OffsetReset", fields("partitions", ClientEvents.partitions(uncommitted), "strategy",
                    "none", "cause", "no committed offset", "exception", "NoOffsetForPartitionException"),
                    "sim.client.reset.none", Map.of("partitions", partitions));
            step.fail("NoOffsetForPartitionException: Undefined offset with no reset policy for partitions: ["
                    + partitions + "]");
            return;
        }
        // resetInitializingPositions: they await a reset, which the poll loop's resetPositionsIfNeeded asks the
        // leaders for in the pass that takes this answer (the positions it set are validated at the next pass).
        uncommitted.forEach(tp -> reset(step, tp, "no committed offset"));
    }

    /**
     * {@code ConsumerUtils.refreshCommittedOffsets}: a commit's leader epoch first updates the metadata's last seen
     * epoch ({@code updateLastSeenEpochIfNewer}), then each partition still waiting for its position seeks
     * "unvalidated" to its committed offset with that epoch and the leader the metadata names: when both epochs are
     * known, the position awaits validation (an OffsetForLeaderEpoch to the leader, before any fetch of it).
     */
    private void positionsFromCommitted(Step step, OffsetFetchResponse response) {
        response.leaderEpochs().forEach((tp, epoch) -> step.metadata().updateLastSeenEpochIfNewer(tp, epoch));
        Map<TopicPartition, Long> fromCommitted = new TreeMap<>();
        Map<TopicPartition, Integer> toValidate = new TreeMap<>();
        response.offsets().forEach((tp, offset) -> {
            if (assignment.isAssigned(tp) && !assignment.hasPosition(tp) && assignment.awaitingReset(tp) == null
                    && offset >= 0) {
                int epoch = response.leaderEpoch(tp);
                // currentLeader(tp).epoch: known even while no leader is (a newer epoch just seen, as above)
                int leaderEpoch = step.metadata().currentLeaderEpoch(tp.topic(), tp.partition());
                if (assignment.seekUnvalidated(tp, offset, epoch, leaderEpoch)) {
                    toValidate.put(tp, epoch);
                }
                fromCommitted.put(tp, offset);
            }
        });
        if (fromCommitted.isEmpty()) {
            return;
        }
        positionsFromCommitted = true;
        Map<String, Object> fields = fields("offsets", ClientEvents.offsets(fromCommitted));
        if (toValidate.isEmpty()) {
            step.client("PositionFromCommitted", fields, "sim.client.positionCommitted",
                    Map.of("offsets", ClientEvents.offsetsText(fromCommitted)));
            return;
        }
        fields.put("awaitingValidation", ClientEvents.epochs(toValidate));
        step.client("PositionFromCommitted", fields, "sim.client.positionCommitted.validate",
                Map.of("offsets", ClientEvents.offsetsText(fromCommitted),
                        "epochs", ClientEvents.joined(ClientEvents.epochs(toValidate), ": "),
                        "count", toValidate.size()));
    }

    /** The leader epoch of the partition's leader as the metadata names it ({@code currentLeader(tp).epoch}), or -1. */
    private static int currentLeaderEpoch(Step step, TopicPartition tp) {
        return leaderFor(step, tp) < 0 ? -1 : step.metadata().currentLeaderEpoch(tp.topic(), tp.partition());
    }

    // ---- OffsetForLeaderEpoch: validating positions after a leader change (KIP-320) ------------------------------

    /**
     * Kafka's {@code validatePositionsOnMetadataChange}: when a Metadata answer has come since the last check, every
     * position is checked against the leader its cache names ({@code maybeValidatePositionForCurrentLeader}); a
     * position set since the last check (without an offset epoch) just takes its leader's epoch. Run before poll()
     * collects or sends fetches, so no fetch goes out for a partition whose leader changed before it is validated.
     */
    void checkPositions(Step step) {
        int version = step.metadata().updateVersion();
        if (version == checkedMetadataVersion && !assignment.anyUncheckedPosition()) {
            return;
        }
        checkedMetadataVersion = version;
        for (TopicPartition tp : assignment.positions().keySet()) {
            followCurrentLeader(step, tp);
        }
    }

    /**
     * {@code TopicPartitionState.maybeValidatePosition}: nothing while the cache names no leader; else the position
     * follows the cache's leader and epoch and, if that epoch is new and the position knows the epoch of its last
     * record, awaits validation (AWAIT_VALIDATION: not fetched, not committed).
     */
    private void followCurrentLeader(Step step, TopicPartition tp) {
        assignment.followLeader(tp, currentLeaderEpoch(step, tp));
    }

    /**
     * {@code OffsetFetcher.validatePositionsIfNeeded}: the positions awaiting validation whose retry time has come,
     * grouped by their leader, one OffsetForLeaderEpoch to each with the epoch of the last record consumed and the
     * leader epoch the consumer knows; no other for them until the answer (or request.timeout.ms).
     */
    private void validatePositionsIfNeeded(Step step) {
        checkPositions(step);
        if (!assignment.hasAwaitingValidation()) {
            return;
        }
        List<TopicPartition> due = assignment.validationsDue(step.now());
        TreeMap<Integer, Map<TopicPartition, EpochToValidate>> byLeader = new TreeMap<>();
        TreeMap<Integer, Map<TopicPartition, Validated>> positions = new TreeMap<>();
        for (TopicPartition tp : due) {
            int leader = leaderFor(step, tp);
            if (leader < 0) {
                step.metadata().requestUpdate("noLeader");
                continue;
            }
            int offsetEpoch = assignment.offsetEpoch(tp);
            int leaderEpoch = assignment.positionLeaderEpoch(tp);
            byLeader.computeIfAbsent(leader, b -> new TreeMap<>()).put(tp, new EpochToValidate(leaderEpoch,
                    offsetEpoch));
            positions.computeIfAbsent(leader, b -> new TreeMap<>()).put(tp, new Validated(assignment.position(tp),
                    offsetEpoch, leaderEpoch));
        }
        long answerBy = step.now() + step.config().settings().requestTimeoutMs();
        byLeader.forEach((leader, epochs) -> {
            epochs.keySet().forEach(tp -> assignment.validationNotBefore(tp, answerBy));
            long correlationId = step.send(leader, false, id -> new OffsetForLeaderEpochRequest(id, epochs));
            validationsInFlight = orNew(validationsInFlight);
            validationsInFlight.put(correlationId, java.util.Collections.unmodifiableMap(positions.get(leader)));
        });
    }

    /**
     * An OffsetForLeaderEpoch answer ({@code OffsetsForLeaderEpochUtils.handleResponse},
     * {@code SubscriptionState.maybeCompleteValidation}): a partition with an error is asked again after
     * retry.backoff.ms, with a metadata update requested; an answer for a position that moved meanwhile is ignored;
     * an end offset at or past the position validates it (fetchable again); one below it, or no end offset at all,
     * is a truncation: with auto.offset.reset the position goes back to where the logs diverge (or awaits a reset
     * when the leader knows no such epoch), with none poll() throws LogTruncationException.
     */
    void onOffsetForLeaderEpoch(Step step, Deliver deliver, OffsetForLeaderEpochResponse response) {
        Map<TopicPartition, Validated> asked = take(validationsInFlight, response.correlationId());
        if (asked == null) {
            asked = Map.of();
        }
        Map<String, Object> ends = new TreeMap<>();
        Map<String, Object> errors = new TreeMap<>();
        Map<String, Object> truncated = new TreeMap<>();
        List<String> validated = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<TopicPartition> retry = new ArrayList<>();
        boolean noPolicy = step.config().autoOffsetReset().strategy() == AutoOffsetReset.Strategy.NONE;
        TopicPartition failed = null;
        for (Map.Entry<TopicPartition, EpochEndOffset> entry : response.partitions().entrySet()) {
            TopicPartition tp = entry.getKey();
            EpochEndOffset end = entry.getValue();
            if (end.error() != Errors.NONE) {
                errors.put(tp.toString(), end.error().name());
                retry.add(tp);
                continue;
            }
            ends.put(tp.toString(), List.of(end.leaderEpoch(), end.endOffset()));
            Validated position = asked.get(tp);
            if (position == null || !assignment.isAwaitingValidation(tp)
                    || !position.equals(new Validated(assignment.position(tp), assignment.offsetEpoch(tp),
                    assignment.positionLeaderEpoch(tp)))) {
                ignored.add(tp.toString());
                continue;
            }
            if (end.endOffset() == EpochEndOffset.UNDEFINED || end.leaderEpoch() == EpochEndOffset.UNDEFINED) {
                truncated.put(tp.toString(), "undefined");
                if (noPolicy) {
                    failed = failed == null ? tp : failed;
                } else {
                    reset(step, tp, "log truncation");
                }
            } else if (end.endOffset() < position.offset()) {
                truncated.put(tp.toString(), end.endOffset());
                if (noPolicy) {
                    failed = failed == null ? tp : failed;
                } else {
                    assignment.seekValidated(tp, end.endOffset(), end.leaderEpoch());
                }
            } else {
                assignment.completeValidation(tp);
                validated.add(tp + " @ " + position.offset());
            }
        }
        String firstError = errors.isEmpty() ? Errors.NONE.name() : String.valueOf(errors.values().iterator().next());
        Map<String, Object> salient = fields("error", firstError, "ends", ends);
        if (!errors.isEmpty()) {
            salient.put("errors", errors);
        }
        if (!truncated.isEmpty()) {
            salient.put("truncated", truncated);
        }
        if (!ignored.isEmpty()) {
            salient.put("ignored", List.copyOf(ignored));
        }
        String key = !truncated.isEmpty() ? "sim.client.validation.truncated"
                : !errors.isEmpty() ? "sim.client.validation.retry"
                : validated.isEmpty() ? "sim.client.validation.ignored" : "sim.response.OffsetForLeaderEpoch";
        List<String> erred = new ArrayList<>();
        errors.forEach((tp, error) -> erred.add(tp + " " + error));
        List<String> cut = new ArrayList<>();
        truncated.forEach((tp, offset) -> cut.add(tp + " → " + offset));
        step.emitResponse(deliver, salient, key, Map.of("consumer", step.id(), "broker", step.answeringBroker(),
                "validated", String.join(", ", validated), "errors", String.join(", ", erred),
                "truncated", String.join(", ", cut), "ignored", String.join(", ", ignored),
                "strategy", step.config().autoOffsetReset().toString()));
        if (failed != null) {
            step.fail("LogTruncationException: Detected truncated partitions: {" + failed + "}");
            return;
        }
        if (!retry.isEmpty()) {
            long retryAt = step.now() + step.config().retryWaitMs();
            retry.forEach(tp -> assignment.validationNotBefore(tp, retryAt));
            step.metadata().requestUpdate("notLeader");
        }
        armResetRetry(step);
    }

    /** An OffsetForLeaderEpoch failed without an answer: Kafka's {@code requestFailed}, and a metadata update. */
    void offsetForLeaderEpochFailed(Step step, long correlationId) {
        Map<TopicPartition, Validated> asked = take(validationsInFlight, correlationId);
        if (asked != null) {
            long retryAt = step.now() + step.config().retryWaitMs();
            asked.keySet().forEach(tp -> assignment.validationNotBefore(tp, retryAt));
            step.metadata().requestUpdate("notLeader");
        }
        armResetRetry(step);
    }

    // ---- ListOffsets: resolving the resets -----------------------------------------------------------------------

    /**
     * kafka-clients' {@code OffsetFetcher.resetPositionsIfNeeded}: every partition awaiting a reset whose retry time
     * has come, grouped by leader (a partition without one waits for the next poll()), one ListOffsets to each.
     * Until the answer (or request.timeout.ms: Kafka's {@code setNextAllowedRetry}) no other is sent for them.
     */
    private void resetPositionsIfNeeded(Step step) {
        if (!assignment.hasAwaitingReset()) {
            return; // the usual case, at every poll()
        }
        Map<TopicPartition, Assignment.Reset> due = assignment.resetsDue(step.now());
        if (due.isEmpty()) {
            return;
        }
        TreeMap<Integer, Map<TopicPartition, Long>> byLeader = new TreeMap<>();
        due.forEach((tp, reset) -> {
            int leader = leaderFor(step, tp);
            if (leader < 0) {
                step.metadata().requestUpdate("noLeader"); // OffsetFetcher: no known leader, ask for metadata
            } else if (!step.metadata().isUnavailable(leader, step.now())) {
                byLeader.computeIfAbsent(leader, b -> new TreeMap<>()).put(tp, targetTimestamp(step, reset));
            }
        });
        long answerBy = step.now() + step.config().settings().requestTimeoutMs();
        byLeader.forEach((leader, timestamps) -> {
            timestamps.keySet().forEach(tp -> assignment.resetNotBefore(tp, answerBy));
            long correlationId = step.send(leader, false,
                    id -> new ListOffsetsRequest(id, timestamps));
            listOffsetsInFlight = orNew(listOffsetsInFlight);
            listOffsetsInFlight.put(correlationId, java.util.Collections.unmodifiableMap(timestamps));
        });
    }

    /**
     * The target a reset asks its leader for: Kafka's EARLIEST_TIMESTAMP (-2), LATEST_TIMESTAMP (-1), or for
     * by_duration now minus the duration ({@code AutoOffsetResetStrategy.timestamp()}, taken when the request is
     * built). Virtual time starts at 0, so a duration longer than the run so far would give a negative time, which
     * could read as -1 or -2: 0 finds the same record (the first), as any time before the log's first record does.
     */
    private static long targetTimestamp(Step step, Assignment.Reset reset) {
        return switch (reset.strategy()) {
            case "earliest" -> ListOffsetsRequest.EARLIEST_TIMESTAMP;
            case "latest" -> ListOffsetsRequest.LATEST_TIMESTAMP;
            default -> Math.max(0, step.now() - step.config().autoOffsetReset().duration().orElseThrow().toMillis());
        };
    }

    /** Whether a reset of {@code strategy} is what a request for {@code timestamp} asked (Kafka's strategy check). */
    private static boolean sameStrategy(String strategy, long timestamp) {
        if (timestamp == ListOffsetsRequest.EARLIEST_TIMESTAMP) {
            return strategy.equals("earliest");
        }
        if (timestamp == ListOffsetsRequest.LATEST_TIMESTAMP) {
            return strategy.equals("latest");
        }
        return !strategy.equals("earliest") && !strategy.equals("latest");
    }

    /**
     * A ListOffsets answer ({@code OffsetFetcherUtils.handleListOffsetResponse} and
     * {@code onSuccessfulResponseForResettingPositions}): a partition with an error (NOT_LEADER_OR_FOLLOWER when
     * leadership moved) is asked again after retry.backoff.ms, with a metadata update requested; an offset found sets
     * the position ({@code maybeSeekUnvalidated}) if the partition is still assigned and still awaits that same
     * reset, else the answer is ignored; NONE without an offset (a by_duration search no record is new enough for)
     * leaves the partition waiting until request.timeout.ms after the request, then it is asked again.
     */
    void onListOffsets(Step step, Deliver deliver, ListOffsetsResponse response) {
        if (isTimesRequest(response.correlationId())) {
            OffsetsByTime.onAnswer(step, deliver, response);
            return;
        }
        Map<TopicPartition, Long> requested = take(listOffsetsInFlight, response.correlationId());
        if (requested == null) {
            requested = Map.of();
        }
        ListedOffsets answer = ListedOffsets.of(response);
        Map<TopicPartition, Long> found = answer.found();
        List<TopicPartition> retry = answer.retry();
        Map<TopicPartition, Long> timestamps = requested;
        List<TopicPartition> stale = new ArrayList<>();
        found.keySet().forEach(tp -> {
            Assignment.Reset reset = assignment.awaitingReset(tp);
            if (reset == null || !sameStrategy(reset.strategy(), timestamps.getOrDefault(tp,
                    ListOffsetsRequest.LATEST_TIMESTAMP))) {
                stale.add(tp);
            }
        });
        Map<String, Object> salient = answer.salient();
        if (!stale.isEmpty()) {
            salient.put("ignored", ClientEvents.partitions(stale));
        }
        emitListOffsets(step, deliver, salient, found, retry, answer.notFound(), stale, answer.firstError());
        if (!retry.isEmpty()) {
            long retryAt = step.now() + step.config().retryWaitMs();
            retry.forEach(tp -> assignment.resetNotBefore(tp, retryAt));
            step.metadata().requestUpdate("notLeader");
        }
        found.forEach((tp, offset) -> {
            if (!stale.contains(tp)) {
                resetTo(step, tp, assignment.awaitingReset(tp), offset, step.answeringBroker());
            }
        });
        armResetRetry(step);
    }

    private void emitListOffsets(Step step, Deliver deliver, Map<String, Object> salient,
                                 Map<TopicPartition, Long> found, List<TopicPartition> retry,
                                 List<TopicPartition> notFound, List<TopicPartition> stale, String firstError) {
        Map<String, Object> args = new java.util.LinkedHashMap<>();
        args.put("consumer", step.id());
        args.put("broker", step.answeringBroker());
        String key;
        if (!retry.isEmpty()) {
            key = "sim.client.listOffsets.retry";
            args.put("partitions", String.join(", ", ClientEvents.partitions(retry)));
            args.put("error", firstError);
            args.put("retryBackoffMs", step.config().retryBackoffMs());
        } else if (!notFound.isEmpty()) {
            key = "sim.client.listOffsets.notFound";
            args.put("partitions", String.join(", ", ClientEvents.partitions(notFound)));
            args.put("strategy", step.config().autoOffsetReset().toString());
            args.put("requestTimeoutMs", step.config().settings().requestTimeoutMs());
        } else if (!stale.isEmpty() && stale.size() == found.size()) {
            key = "sim.client.listOffsets.ignored";
            args.put("partitions", String.join(", ", ClientEvents.partitions(stale)));
        } else {
            key = "sim.response.ListOffsets";
            args.put("offsets", ClientEvents.offsetsText(found));
        }
        step.emitResponse(deliver, salient, key, args);
    }

    /** A ListOffsets failed without an answer (disconnected, or timed out): Kafka's {@code requestFailed}. */
    void listOffsetsFailed(Step step, long correlationId) {
        if (isTimesRequest(correlationId)) {
            OffsetsByTime.onFailed(step, correlationId);
            return;
        }
        Map<TopicPartition, Long> requested = take(listOffsetsInFlight, correlationId);
        if (requested != null) {
            long retryAt = step.now() + step.config().retryWaitMs();
            requested.keySet().forEach(tp -> assignment.resetNotBefore(tp, retryAt));
        }
        armResetRetry(step);
    }

    /**
     * Wakes the poll loop when the next partition awaiting a reset may be asked for again (a retry backoff, or
     * request.timeout.ms after a request): as kafka-clients' network poll does, which waits no longer than
     * retry.backoff.ms when nothing is in flight.
     */
    private void armResetRetry(Step step) {
        long next = assignment.nextResetRetryAfter(step.now());
        long validation = assignment.nextValidationRetryAfter(step.now());
        if (validation >= 0 && (next < 0 || validation < next)) {
            next = validation;
        }
        if (next < 0) {
            step.cancelTimer(ConsumerTasks.TimerKind.OFFSET_RESET);
        } else {
            step.armTimer(ConsumerTasks.TimerKind.OFFSET_RESET, next - step.now());
        }
    }

    /** The position the leader answered for a reset: Kafka's {@code maybeSeekUnvalidated}, and its event. */
    private void resetTo(Step step, TopicPartition tp, Assignment.Reset reset, long offset, int broker) {
        assignment.seek(tp, offset);
        if (!step.context.buildsEvents()) { // a replay: the event is counted, its sentence never read
            step.client("OffsetReset", Map.of(), null, Map.of());
            return;
        }
        String cause = reset.cause();
        if (cause.equals("seekToBeginning") || cause.equals("seekToEnd")) {
            step.client("OffsetReset", fields("partition", tp.toString(), "strategy", reset.strategy(), "offset",
                    offset, "cause", cause, "broker", broker), "sim.client.lazySeek." + reset.strategy(),
                    Map.of("partition", tp.toString(), "offset", offset, "call", cause, "broker", broker));
            return;
        }
        String name = step.config().autoOffsetReset().strategy().kafkaName();
        step.client("OffsetReset", fields("partition", tp.toString(), "strategy", reset.strategy(), "offset", offset,
                "cause", cause, "broker", broker), "sim.client.reset." + name, Map.of("partition", tp.toString(),
                "offset", offset, "strategy", reset.strategy(), "broker", broker,
                // Why there was no position to read from: the sentence names the one cause (the others are "").
                "noCommit", causedBy(cause, "no committed offset", tp), "outOfRange",
                causedBy(cause, "fetch offset out of range", tp), "truncated", causedBy(cause, "log truncation", tp)));
    }

    private static String causedBy(String cause, String which, TopicPartition tp) {
        return cause.equals(which) ? tp.toString() : "";
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

    /**
     * {@code FetchCollector.initialize} of an answer with an error, when poll() collects it. If the partition still
     * has a valid position: out of range for that position asks for a reset (with no reset policy poll() throws); a
     * leader or topic error asks for a metadata update. Either way the partition goes last in the fetch order.
     */
    FetchBuffer.Collected errorCollected(Step step, TopicPartition tp, Errors error, long fetchOffset,
                                         boolean recordsInHand) {
        boolean valid = assignment.hasValidPosition(tp);
        if (valid && error == Errors.OFFSET_OUT_OF_RANGE && assignment.position(tp) == fetchOffset
                && recordsInHand && step.config().autoOffsetReset().strategy() == AutoOffsetReset.Strategy.NONE) {
            assignment.moveToEnd(tp); // initialize's finally, before the exception poll() swallows
            return FetchBuffer.Collected.KEPT;
        }
        if (valid) {
            switch (error) {
                case OFFSET_OUT_OF_RANGE -> {
                    if (assignment.position(tp) == fetchOffset) {
                        reset(step, tp, "fetch offset out of range");
                    }
                }
                // A position with no epoch to validate (after a seek or a reset): the answer named no leader.
                case NOT_LEADER_OR_FOLLOWER -> step.metadata().requestUpdate("notLeader");
                // The topic is gone: a metadata update, which a pattern then matches again.
                case UNKNOWN_TOPIC_OR_PARTITION -> step.metadata().requestUpdate("unknownTopic");
                default -> { }
            }
        }
        assignment.moveToEnd(tp);
        return step.state().running() ? FetchBuffer.Collected.DONE : FetchBuffer.Collected.THREW;
    }

    /**
     * auto.offset.reset for a partition without a usable offset: it awaits a reset (Kafka's
     * {@code requestOffsetReset}), which a ListOffsets to its leader resolves; with none, poll() throws.
     */
    private void reset(Step step, TopicPartition tp, String why) {
        AutoOffsetReset reset = step.config().autoOffsetReset();
        if (reset.strategy() == AutoOffsetReset.Strategy.NONE) {
            // An out-of-range fetch offset with no reset policy: Kafka's OffsetOutOfRangeException from poll().
            step.client("OffsetReset", fields("partitions", List.of(tp.toString()), "strategy", "none",
                    "cause", why, "exception", "OffsetOutOfRangeException"), "sim.client.reset.noneOutOfRange",
                    Map.of("partition", tp.toString()));
            step.fail("OffsetOutOfRangeException: Fetch position " + fetchPosition(step, tp)
                    + " is out of range for partition " + tp);
            return;
        }
        assignment.requestReset(tp, reset.toString(), why);
    }

    /**
     * The position as kafka-clients' {@code FetchPosition.toString} prints it in 4.1's exceptions; the leader is named
     * by broker id (a real one prints the node's host and port).
     */
    private String fetchPosition(Step step, TopicPartition tp) {
        int offsetEpoch = assignment.offsetEpoch(tp);
        int leader = leaderFor(step, tp);
        int leaderEpoch = assignment.positionLeaderEpoch(tp);
        return "FetchPosition{offset=" + assignment.position(tp) + ", offsetEpoch="
                + (offsetEpoch < 0 ? "Optional.empty" : "Optional[" + offsetEpoch + "]")
                + ", currentLeader=LeaderAndEpoch{leader=" + (leader < 0 ? "Optional.empty" : "Optional[broker "
                + leader + "]") + ", epoch=" + (leaderEpoch < 0 ? "absent" : leaderEpoch) + "}}";
    }

    /**
     * kafka-clients' {@code prepareFetchRequests}: one request per leader without a fetch in flight, for the
     * partitions with a position and no buffered answer; a leader of a partition with a buffered answer is skipped
     * altogether (Kafka 4.1: fetching the others would make its session forget the buffered ones). Each request
     * goes through the broker's {@link FetchSessionHandler}: full the first time, then only the changes.
     */
    void sendFetches(Step step) {
        checkPositions(step);
        ConsumerMetadata metadata = step.metadata();
        long now = step.now();
        // Asked once per call, not once per partition: with a thousand partitions and a poll() every few
        // milliseconds (a worker pool's poller) the per-partition scans were most of a run's time.
        java.util.Set<TopicPartition> buffered = buffer.partitions();
        BitSet skipped = new BitSet();
        for (TopicPartition tp : buffered) {
            int leader = isFetchableAndSubscribed(step, tp) ? leaderFor(step, tp) : -1;
            if (leader >= 0) {
                skipped.set(leader);
            }
        }
        skipped.or(step.inFlight().brokersWith("Fetch"));
        if (everyBrokerSkipped(metadata, skipped, now)) {
            return; // nothing to send: no need to look at each partition (a worker pool's poller polls every ms)
        }
        TreeMap<Integer, FetchSessionHandler> building = new TreeMap<>();
        // forEach, not an entry iterator: a worker pool's poller asks every few ms over 1,000 partitions, and each
        // entry of the read-only view was two objects. In partition order: build() puts what the request names in
        // kafka-clients' order, counting the fetchable partitions as its HashSet of them would hold.
        int[] fetchable = {0};
        assignment.positions().forEach((tp, position) -> {
            if (buffered.contains(tp) || !isFetchableAndSubscribed(step, tp)) {
                return;
            }
            fetchable[0]++;
            int leader = leaderFor(step, tp);
            if (leader < 0) {
                // prepareFetchRequests: "the position is missing the current leader node"
                metadata.requestUpdate("noLeader");
                return;
            }
            if (skipped.get(leader) || metadata.isUnavailable(leader, now)) {
                return; // a fetch in flight or records buffered there; or in reconnect backoff (isUnavailable)
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
            FetchSessionHandler.Built built = session.build(fetchable[0], assignment);
            step.send(leader, false, correlationId -> new FetchRequest(correlationId, built.sessionId(),
                    built.epoch(), built.toSend(), built.toForget(), config.fetchMaxBytes(), config.fetchMinBytes(),
                    config.fetchMaxWaitMs(), config.maxPartitionFetchBytes()));
        });
    }

    /**
     * kafka-clients' {@code Fetcher.maybeCloseFetchSessions}, in close(): every broker this consumer has fetched from
     * gets a fetch at epoch -1 naming its session and no partition, so that it frees the session's slot
     * (max.incremental.fetch.session.cache.slots); one the metadata does not know or in reconnect backoff is
     * skipped. Returns the requests' correlation ids, in broker order.
     */
    long[] closeSessions(Step step) {
        ConsumerMetadata metadata = step.metadata();
        ConsumerClientConfig config = step.config();
        long[] sent = new long[sessions.size()];
        int count = 0;
        for (Map.Entry<Integer, FetchSessionHandler> entry : sessions.entrySet()) {
            int broker = entry.getKey();
            int sessionId = entry.getValue().notifyClose();
            if (!metadata.brokers().contains(broker) || metadata.isUnavailable(broker, step.now())) {
                continue;
            }
            sent[count++] = step.send(broker, false, correlationId -> new FetchRequest(correlationId, sessionId,
                    FetchRequest.FINAL_EPOCH, Map.of(), List.of(), config.fetchMaxBytes(), config.fetchMinBytes(),
                    config.fetchMaxWaitMs(), config.maxPartitionFetchBytes()));
        }
        return java.util.Arrays.copyOf(sent, count);
    }

    /**
     * The leader a fetch or ListOffsets for {@code tp} goes to: the one the consumer's metadata cache names (Kafka's
     * {@code metadata.currentLeader(tp)}), -1 when it names none. Every leader lookup of the consumer is this.
     */
    static int leaderFor(Step step, TopicPartition tp) {
        return step.metadata().currentLeader(tp.topic(), tp.partition());
    }

    /**
     * Whether every broker the metadata knows (every possible leader) is skipped: a fetch in flight, buffered
     * partitions, or in reconnect backoff. With no metadata yet there is no leader to fetch from.
     */
    private static boolean everyBrokerSkipped(ConsumerMetadata metadata, BitSet skipped, long now) {
        for (int broker : metadata.brokers()) {
            if (!skipped.get(broker) && !metadata.isUnavailable(broker, now)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Kafka's {@code isFetchableAndSubscribed}: assigned, not paused, not pending revocation, with a valid position
     * (not awaiting validation), and of a topic still subscribed.
     */
    private boolean isFetchableAndSubscribed(Step step, TopicPartition tp) {
        return assignment.hasPosition(tp) && !assignment.isPaused(tp) && !assignment.isAwaitingValidation(tp)
                && !assignment.isPendingRevocation(tp) && !step.subscription().dropped(tp);
    }

    void onFetch(Step step, Deliver deliver, FetchResponse response, int broker) {
        // Built when read: the response's partitions are an immutable copy, so the map is the same later. In the
        // answer's order, which is the order poll() returns their records in.
        Map<String, Object> counts = LazyMap.of(() -> {
            Map<String, Object> byName = new java.util.LinkedHashMap<>();
            response.partitions().forEach((tp, data) -> byName.put(tp.toString(), data.count()));
            return byName;
        });
        FetchSessionHandler session = sessions.computeIfAbsent(broker, b -> new FetchSessionHandler());
        boolean usable = session.handleResponse(response);
        Map<String, Object> salient = fields("error", response.error().name(), "sessionId", response.sessionId(),
                "records", counts);
        Map<String, Object> errors = partitionErrors(response);
        if (errors.isEmpty()) {
            step.emitResponse(deliver, salient);
        } else {
            salient.put("errors", errors); // what asks for a metadata update, and what the Protocol tab notes
            Map<String, Object> leaders = currentLeaders(response);
            if (!leaders.isEmpty()) {
                salient.put("currentLeaders", leaders); // KIP-951: where the refused partitions are led now
            }
            emitPartitionErrors(step, deliver, salient, errors, leaders);
        }
        if (usable) {
            // AbstractFetch.handleFetchSuccess: every partition is buffered first, then the leaders the answer names
            // are followed.
            response.partitions().forEach(this::buffer);
            response.partitions().forEach((tp, data) -> followNamedLeader(step, tp, data));
        }
    }

    /** A fetch answer with partition errors is a learner's step, so it says what they mean. */
    private static void emitPartitionErrors(Step step, Deliver deliver, Map<String, Object> salient,
                                            Map<String, Object> errors, Map<String, Object> leaders) {
        boolean notLeader = errors.values().stream().allMatch(Errors.NOT_LEADER_OR_FOLLOWER.name()::equals);
        List<String> named = new ArrayList<>();
        errors.forEach((partition, error) -> named.add(notLeader ? partition : partition + " " + error));
        List<String> moved = new ArrayList<>();
        leaders.forEach((partition, leader) -> moved.add(partition + " → " + leader));
        String key = !notLeader ? "sim.client.fetch.partitionErrors"
                : leaders.isEmpty() ? "sim.client.fetch.notLeader" : "sim.client.fetch.notLeaderMoved";
        step.emitResponse(deliver, salient, key, Map.of("consumer", step.id(), "broker", step.answeringBroker(),
                "partitions", String.join(", ", named), "leaders", String.join(", ", moved)));
    }

    /** The new leaders a NOT_LEADER_OR_FOLLOWER answer names (KIP-951), by partition. */
    private static Map<String, Object> currentLeaders(FetchResponse response) {
        Map<String, Object> leaders = new TreeMap<>();
        response.partitions().forEach((tp, data) -> {
            if (data.error() == Errors.NOT_LEADER_OR_FOLLOWER && data.currentLeader() >= 0) {
                leaders.put(tp.toString(), data.currentLeader());
            }
        });
        return leaders;
    }

    /** The partitions answered with an error, by name (usually none: then nothing is allocated). */
    private static Map<String, Object> partitionErrors(FetchResponse response) {
        Map<String, Object> errors = Map.of();
        for (Map.Entry<TopicPartition, FetchedPartition> entry : response.partitions().entrySet()) {
            if (entry.getValue().error() != Errors.NONE) {
                if (errors.isEmpty()) {
                    errors = new TreeMap<>();
                }
                errors.put(entry.getKey().toString(), entry.getValue().error().name());
            }
        }
        return errors;
    }

    /** A fetch failed without an answer (disconnected): the next one to that broker is full. */
    void fetchFailed(int broker) {
        FetchSessionHandler session = sessions.get(broker);
        if (session != null) {
            session.handleError();
        }
    }

    /**
     * Every partition of an answer waits in the buffer for poll(), records or not: until it collects them, their
     * partitions are not fetched again, and neither is their leader (see {@link #sendFetches}).
     */
    private void buffer(TopicPartition tp, FetchedPartition data) {
        if (data.error() == Errors.NONE) {
            buffer.add(tp, data.fetchOffset(), data.count(), data.lastEpoch());
        } else {
            buffer.addError(tp, data.fetchOffset(), data.error()); // acted on when poll() collects it: errorCollected
        }
    }

    /**
     * KIP-951: the new leader a NOT_LEADER_OR_FOLLOWER answer names is where the next fetch goes, if its epoch is
     * newer than the cache's; and maybeValidatePositionForCurrentLeader for each partition it moved (KIP-320).
     */
    private void followNamedLeader(Step step, TopicPartition tp, FetchedPartition data) {
        if (data.error() == Errors.NOT_LEADER_OR_FOLLOWER && data.currentLeader() >= 0
                && step.metadata().updatePartitionLeadership(tp.topic(), tp.partition(), data.currentLeader(),
                        data.currentLeaderEpoch())
                && assignment.isAssigned(tp)) {
            followCurrentLeader(step, tp);
        }
    }
}
