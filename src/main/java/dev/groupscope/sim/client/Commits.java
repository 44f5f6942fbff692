package dev.groupscope.sim.client;

import static dev.groupscope.sim.client.ClientEvents.fields;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.RebalanceProtocol;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.client.ConsumerActor.Step;
import dev.groupscope.sim.client.ConsumerTasks.TimerKind;
import dev.groupscope.sim.client.InFlight.CommitPurpose;
import dev.groupscope.sim.client.InFlight.Pending;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.Requests.OffsetCommitRequest;
import dev.groupscope.sim.protocol.Responses.OffsetCommitResponse;
import dev.groupscope.sim.engine.SortedArrayMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The consumer's commit policy: Kafka's auto commit ({@code ConsumerCoordinator}'s maybeAutoCommitOffsetsAsync
 * inside poll(), the commit in onJoinPrepare, the one in close()) and the handling of OffsetCommit answers. The one
 * place to extend with commitSync/commitAsync policies. Also remembers which offsets the coordinator confirmed.
 */
final class Commits {

    /** What the poll loop does once its commitSync() returned (or threw, and the application caught it). */
    enum Then {
        /** Call poll() again (syncAfterBatch, everyN at a batch's end). */
        POLL,
        /** Process the batch poll() returned (beforeProcessing). */
        PROCESS_BATCH,
        /** Go on with the next record of the batch (everyN). */
        CONTINUE_BATCH,
        /**
         * Return from onPartitionsRevoked (commitOnRevoke) inside onJoinPrepare or a COOPERATIVE onJoinComplete: the
         * rest of that pass of poll() goes on, revoking the partitions and joining.
         */
        LISTENER,
        /** Call close() (its timer starts then): after the application's final commitSync() (asyncAfterBatch). */
        BEFORE_CLOSE,
        /** Go on with close() after its auto commit: the commitAsync() calls chained to a lookup, then leaving. */
        CLOSE,
        /**
         * Return from onPartitionsRevoked (commitOnRevoke) in close()'s onLeavePrepare, which runs once the heartbeat
         * thread has stopped: the LeaveGroup follows.
         */
        LEAVE;

        /** The commitSync() calls of a consumer being closed: the poll loop is not what waits in them. */
        static final java.util.Set<Then> CLOSING = java.util.EnumSet.of(BEFORE_CLOSE, CLOSE, LEAVE);
    }

    /**
     * A commitSync() the poll loop is blocked in, with the leader epochs its offsets carry (see
     * {@link #consumedEpochs}). Immutable.
     */
    record SyncCommit(String policy, Map<TopicPartition, Long> offsets, Map<TopicPartition, Integer> leaderEpochs,
                      long startedAt, long deadline, long attempts, long retryAt, boolean sent, Then then,
                      Errors lastError) {
        SyncCommit {
            offsets = java.util.Collections.unmodifiableMap(new TreeMap<>(offsets));
            leaderEpochs = leaderEpochs.isEmpty() ? Map.of()
                    : java.util.Collections.unmodifiableMap(new TreeMap<>(leaderEpochs));
        }

        SyncCommit sending() {
            return new SyncCommit(policy, offsets, leaderEpochs, startedAt, deadline, attempts, retryAt, true, then,
                    lastError);
        }

        /** The attempt failed with the retriable {@code error}; the next goes out at {@code at}. */
        SyncCommit retryingAt(long at, Errors error) {
            return new SyncCommit(policy, offsets, leaderEpochs, startedAt, deadline, attempts + 1, at, false, then,
                    error);
        }

        /**
         * Whether {@code pending} is one of this call's OffsetCommits. An earlier commitSync() that timed out may
         * still have one in flight; its answer completes a future nobody waits for, not this call's.
         */
        boolean isOwnRequest(Pending pending) {
            return pending.sentAt() >= startedAt;
        }

        /** Whether this is a commitSync() of nothing, waiting only for commitAsync() calls in flight. */
        boolean awaitsAsync() {
            return offsets.isEmpty();
        }
    }

    /**
     * The leader epochs a commit of {@code allConsumed()} carries (KIP-320): kafka-clients' {@code allConsumed()}
     * builds {@code new OffsetAndMetadata(position.offset, position.offsetEpoch, "")}, so auto commit and the
     * no-argument {@code commitSync()} / {@code commitAsync()} (syncAfterBatch, asyncAfterBatch and its final
     * commitSync() in close, beforeProcessing) send each position's epoch. The application's own offset maps
     * carry none: everyN's {@code commitSync(offsets)}, a worker pool's window low marks and the listener's commit
     * in onPartitionsRevoked build {@code new OffsetAndMetadata(offset)}, whose leaderEpoch is empty, as the
     * usual code does ({@link #NO_EPOCHS}).
     */
    static Map<TopicPartition, Integer> consumedEpochs(Step step) {
        return step.fetcher().assignment.allConsumedEpochs();
    }

    /** The leader epochs of offsets the application built itself: none (see {@link #consumedEpochs}). */
    static final Map<TopicPartition, Integer> NO_EPOCHS = Map.of();
    /** The {@code readBy} of an answer that waited until a commitAsync() call read it. */
    static final String COMMIT_ASYNC = "COMMIT_ASYNC";

    long nextAutoCommitAt;
    /**
     * The retriable error the last auto commit failed with, while the next one is its retry (due retry.backoff.ms
     * later, not auto.commit.interval.ms); null otherwise.
     */
    Errors autoCommitRetry;
    SortedArrayMap<TopicPartition, Long> committed = new SortedArrayMap<>();
    SyncCommit sync;
    /** everyN: per partition the offset after the last record processed, and how many since the last commit. */
    SortedArrayMap<TopicPartition, Long> processedPositions = new SortedArrayMap<>();
    int processedSinceCommit;
    /**
     * The poll loop's routine commits ({@link #ROUTINE_POLICIES}) that succeeded in a row in generation
     * {@link #okGeneration}: a commit after every batch succeeds thousands of times a lesson, and a learner steps to
     * the first few only (see {@link dev.groupscope.sim.engine.LearnerFilter}); a failure, or a new generation, starts
     * the count again. The listener's and close()'s commits are not counted: each is a step.
     */
    private int okInARow;
    private int okGeneration = -1;
    /**
     * A commit was held up on its way: the next answer starts the count again, so a learner steps to the first
     * answers after the hold (their callbacks run in order). The commits queued behind it meanwhile are routine.
     */
    private boolean heldUp;
    /**
     * kafka-clients' {@code pendingAsyncCommits}: commitAsync() calls made while the coordinator was unknown, chained
     * to its lookup in call order. Immutable, so a snapshot shares it.
     */
    private List<Chained> awaitingCoordinator = List.of();
    /**
     * kafka-clients' {@code asyncCommitFenced}: a commitAsync was answered FENCED_INSTANCE_ID for the generation this
     * member still holds. invokeCompletedOffsetCommitCallbacks then throws, from the next poll() or commitAsync().
     */
    private boolean asyncCommitFenced;
    /**
     * kafka-clients' {@code completedOffsetCommits}: commitAsync() calls (the auto commit's included) that are done,
     * their callbacks waiting for the application thread. The response is read by whichever thread polls the network
     * (the heartbeat thread while the application processes records), but the callback runs only where the
     * application thread calls {@code invokeCompletedOffsetCommitCallbacks}: each pass of poll(), and the start of
     * commitAsync() and commitSync(). Immutable, so a snapshot shares it.
     */
    private List<Completion> completed = List.of();

    /**
     * A finished commitAsync() waiting for its callback, answered (or failed) at {@code answeredAt}. The auto
     * commit's callback ({@code autoCommit}) only sets the next auto commit's time after a retriable error.
     */
    record Completion(Map<TopicPartition, Long> offsets, Errors error, String exception, String ruleKey,
                      long answeredAt, boolean autoCommit) {
    }

    /** A commitAsync() chained to the coordinator's lookup: what it commits, and for whom (ASYNC or INTERVAL). */
    record Chained(CommitPurpose purpose, String policy, Map<TopicPartition, Long> offsets,
                   Map<TopicPartition, Integer> leaderEpochs) {
    }

    Commits copy() {
        Commits copy = new Commits();
        copy.nextAutoCommitAt = nextAutoCommitAt;
        copy.autoCommitRetry = autoCommitRetry;
        copy.committed = new SortedArrayMap<>(committed);
        copy.sync = sync;
        copy.processedPositions = new SortedArrayMap<>(processedPositions);
        copy.processedSinceCommit = processedSinceCommit;
        copy.okInARow = okInARow;
        copy.heldUp = heldUp;
        copy.awaitingCoordinator = awaitingCoordinator;
        copy.okGeneration = okGeneration;
        copy.asyncCommitFenced = asyncCommitFenced;
        copy.completed = completed;
        return copy;
    }

    // ---- the application's commits -------------------------------------------------------------------------------

    /** A record is processed: everyN counts it. */
    void noteProcessed(TopicPartition partition, long offset) {
        processedPositions.put(partition, offset + 1);
        processedSinceCommit++;
    }

    /** everyN: whether {@code everyRecords} records were processed since the last commit. */
    boolean everyNDue(CommitPolicy policy) {
        return policy.kind() == CommitPolicy.Kind.EVERY_N && processedSinceCommit >= policy.everyRecords();
    }

    /** The processed positions everyN commits, of partitions still assigned; the count starts again. */
    Map<TopicPartition, Long> takeProcessed(Step step) {
        Map<TopicPartition, Long> offsets = new TreeMap<>(processedPositions);
        offsets.keySet().retainAll(step.fetcher().assignment.partitions());
        processedPositions.clear();
        processedSinceCommit = 0;
        return offsets;
    }

    /**
     * The application calls {@code commitSync(offsets)}: {@code ConsumerCoordinator.commitOffsetsSync}. The poll loop
     * blocks (phase COMMITTING) until success, a non-retriable error, or default.api.timeout.ms; retriable errors are
     * retried after {@code retryBackoff.backoff(attempts++)}. Nothing to commit sends nothing, but still waits for
     * the commitAsync() calls in flight ({@link #awaitAsyncCommits}).
     */
    void beginSync(Step step, String policy, Map<TopicPartition, Long> offsets,
                   Map<TopicPartition, Integer> leaderEpochs, Then then) {
        invokeCompletedCallbacks(step);
        if (offsets.isEmpty()) {
            if (!awaitAsyncCommits(step, policy, then, step.config().settings().defaultApiTimeoutMs())) {
                step.afterSyncCommit(then);
            }
            return;
        }
        sync = new SyncCommit(policy, offsets, leaderEpochs, step.now(),
                step.now() + step.config().settings().defaultApiTimeoutMs(), 0, step.now(), false, then, null);
        if (then == Then.LISTENER) {
            // Inside the pass of poll() that called the listener: that pass blocks only if the call does not end
            // at once (a member out of its generation fails before anything is sent).
            trySync(step);
            if (sync != null) {
                step.loop().phase = PollLoop.Phase.COMMITTING;
            }
            return;
        }
        if (!Then.CLOSING.contains(then)) {
            step.loop().phase = PollLoop.Phase.COMMITTING;
        }
        trySync(step);
        if (sync != null && step.loop().phase == PollLoop.Phase.COMMITTING) {
            step.readArrived(PollLoop.Phase.COMMITTING.name()); // client.poll(future, timer) reads what waited
        }
    }

    /** Something happened while commitSync() waits (an answer, a coordinator found, the backoff ended). */
    void syncWake(Step step) {
        if (sync != null && sync.awaitsAsync()) {
            if (waitsInSync(step)) {
                checkAsyncCommits(step);
            }
        } else if (sync != null && (!sync.sent() || step.now() >= sync.deadline()) && waitsInSync(step)) {
            trySync(step);
        }
    }

    /**
     * commitSync() of nothing: {@code invokePendingAsyncCommits}. Kafka guarantees that when commitSync() returns,
     * the callbacks of every commitAsync() made before it have run, even with nothing to commit. So it returns at
     * once only when no commitAsync() (the auto commit's included) is in flight; otherwise the thread waits until
     * they are all answered, or throws TimeoutException when its timer runs out ({@code timeoutMs}). Commits still
     * chained to a coordinator lookup are not counted until they go out, as in kafka-clients. True if it waits.
     */
    private boolean awaitAsyncCommits(Step step, String policy, Then then, long timeoutMs) {
        int inFlight = step.inFlight().asyncCommits();
        if (inFlight == 0) {
            return false;
        }
        sync = new SyncCommit(policy, Map.of(), Map.of(), step.now(), step.now() + timeoutMs, 0, step.now(), true,
                then, null);
        step.client("CommitSyncAwaitsAsync", fields("policy", policy, "inFlight", inFlight, "timeoutMs", timeoutMs),
                autoCommitOnClose() ? "sim.client.autoCommit.onClose.awaitsAsync" : "sim.client.commitSync.awaitsAsync",
                Map.of("inFlight", inFlight, "timeoutMs", timeoutMs));
        if (!Then.CLOSING.contains(then)) {
            step.loop().phase = PollLoop.Phase.COMMITTING;
        }
        step.armTimer(TimerKind.COMMIT_RETRY, timeoutMs);
        if (step.loop().phase == PollLoop.Phase.COMMITTING) {
            step.readArrived(PollLoop.Phase.COMMITTING.name()); // invokePendingAsyncCommits polls the network
        }
        return true;
    }

    /**
     * An asynchronous commit was answered or failed while commitSync() of nothing waits: the waiting thread looks
     * again once this step's handling is over ({@code client.poll} returns after every completion is fired), so a
     * connection failing several commits at once ends the wait after all of them.
     */
    private void asyncCommitEnded(Step step, Pending pending) {
        if (pending.purpose().async() && sync != null && sync.awaitsAsync()) {
            step.armTimer(TimerKind.COMMIT_RETRY, 0);
        }
    }

    /** invokePendingAsyncCommits' loop: done once none is in flight (callbacks run), or TimeoutException. */
    private void checkAsyncCommits(Step step) {
        boolean done = step.inFlight().asyncCommits() == 0;
        if (!done && step.now() < sync.deadline()) {
            if (step.timerDeadline(TimerKind.COMMIT_RETRY) < 0) {
                step.armTimer(TimerKind.COMMIT_RETRY, sync.deadline() - step.now());
            }
            return;
        }
        invokeCompletedCallbacks(step);
        if (!done) {
            int inFlight = step.inFlight().asyncCommits();
            long timeoutMs = sync.deadline() - sync.startedAt();
            step.client("CommitSyncFailed", fields("exception", "TimeoutException", "error", "", "policy",
                    sync.policy(), "offsets", ClientEvents.offsets(sync.offsets()), "unanswered", true,
                    "asyncInFlight", inFlight), autoCommitOnClose() ? "sim.client.autoCommit.onClose.asyncTimedOut"
                    : "sim.client.commitSync.asyncTimedOut", Map.of("inFlight", inFlight, "timeoutMs", timeoutMs));
        }
        Then then = sync.then();
        sync = null;
        step.cancelTimer(TimerKind.COMMIT_RETRY);
        step.afterSyncCommit(then);
    }

    /**
     * commitSync() looks for its coordinator ({@code coordinatorUnknownAndUnreadySync}): the thread is inside
     * ensureCoordinatorReady, which holds the coordinator's monitor (not during the commit's own retry backoff).
     */
    boolean syncLooksForCoordinator(Step step) {
        return sync != null && !sync.awaitsAsync() && waitsInSync(step) && step.group().coordinator < 0
                && step.now() >= sync.retryAt();
    }

    /** Whether a thread is blocked in commitSync(): the poll loop, or close() calling the application's commit. */
    private boolean waitsInSync(Step step) {
        PollLoop.Phase phase = step.loop().phase;
        return phase == PollLoop.Phase.COMMITTING
                || (phase == PollLoop.Phase.CLOSING && sync != null && Then.CLOSING.contains(sync.then()));
    }

    private void trySync(Step step) {
        if (step.now() < sync.retryAt()) {
            step.armTimer(TimerKind.COMMIT_RETRY, sync.retryAt() - step.now());
            return;
        }
        if (step.now() >= sync.deadline()) {
            endSync(step, "TimeoutException", sync.lastError(), "sim.client.commitSync.timeout");
            return;
        }
        // The blocking call's timer: poll(future, timer) returns at the deadline even with nothing answered.
        step.armTimer(TimerKind.COMMIT_RETRY, sync.deadline() - step.now());
        // coordinatorUnknownAndUnreadySync: find the coordinator first (its own backoff wakes us), even for a member
        // out of its generation, which learns so only when the request is built.
        if (step.group().coordinator < 0) {
            step.lookupCoordinator();
            return;
        }
        // sendOffsetCommitRequest: generationIfStable() is null outside a stable generation.
        if (!inGeneration(step)) {
            boolean rebalancing = step.state().rebalancing();
            endSync(step, rebalancing ? "RebalanceInProgressException" : "CommitFailedException",
                    rebalancing ? Errors.REBALANCE_IN_PROGRESS : Errors.ILLEGAL_GENERATION,
                    "sim.client.commitSync.notStable");
            return;
        }
        sync = sync.sending();
        if (autoCommitOnClose()) {
            autoCommitAsync(step, CommitPurpose.ON_CLOSE);
            return;
        }
        send(step, "CommitSync", sync.policy(), purposeOf(sync.then()),
                sync.offsets(), sync.leaderEpochs(), sync.attempts());
    }

    /** Whether {@code pending} is an OffsetCommit of the commitSync() the application waits in. */
    private boolean answersSync(Pending pending) {
        return sync != null && !sync.awaitsAsync() && sync.isOwnRequest(pending)
                && pending.purpose() == purposeOf(sync.then());
    }

    /** What a commitSync's OffsetCommit is for, as its events name it. */
    private static CommitPurpose purposeOf(Then then) {
        return switch (then) {
            case CLOSE, BEFORE_CLOSE -> CommitPurpose.ON_CLOSE;
            case LISTENER, LEAVE -> CommitPurpose.REVOKE;
            default -> CommitPurpose.SYNC;
        };
    }

    /** The OffsetCommit of commitSync() answered (or failed locally). */
    private void syncAnswered(Step step, Errors error, boolean retriable) {
        syncAnswered(step, error, retriable, exceptionOf(error));
    }

    private void syncAnswered(Step step, Errors error, boolean retriable, String exception) {
        if (sync == null || !waitsInSync(step)) {
            return;
        }
        // commitOffsetsSync: once client.poll(future, timer) returns, the callbacks of commitAsync() calls answered
        // before it run, so that they come in the order the commits were applied.
        invokeCompletedCallbacks(step);
        if (error == Errors.NONE) {
            if (ROUTINE_POLICIES.contains(sync.policy())) {
                countOk(step);
            }
            Then then = sync.then();
            sync = null;
            step.cancelTimer(TimerKind.COMMIT_RETRY);
            step.afterSyncCommit(then);
            return;
        }
        okInARow = 0;
        if (!retriable) {
            endSync(step, exception, error, "sim.client.commitSync.failed");
            return;
        }
        long wait = GroupMembership.backoff(step).backoff(sync.attempts(), step.context.random());
        if (step.now() + wait >= sync.deadline()) {
            // timer.sleep(backoff) sleeps only what is left of the timer; then the loop ends: TimeoutException.
            sync = sync.retryingAt(sync.deadline(), error);
            step.armTimer(TimerKind.COMMIT_RETRY, sync.deadline() - step.now());
            return;
        }
        step.client("CommitSyncRetry", fields("error", error.name(), "backoffMs", wait, "attempt", sync.attempts() + 1),
                autoCommitOnClose() ? "sim.client.autoCommit.onClose.retry" : "sim.client.commitSync.retry",
                Map.of("error", error.name(), "backoffMs", wait,
                        "defaultApiTimeoutMs", step.config().settings().defaultApiTimeoutMs(),
                        "closeTimeoutMs", closeTimeoutMs(step)));
        sync = sync.retryingAt(step.now() + wait, error);
        step.armTimer(TimerKind.COMMIT_RETRY, wait);
    }

    /**
     * commitSync() threw; the application catches it, logs it, and goes on. {@code error}: the answer's, or for a
     * timeout the last retriable one (null if none came: the deadline passed while the OffsetCommit was unanswered
     * or the coordinator was being looked for).
     */
    private void endSync(Step step, String exception, Errors error, String ruleKey) {
        invokeCompletedCallbacks(step);
        String errorName = error == null ? "" : error.name();
        boolean unanswered = sync.sent();
        step.client("CommitSyncFailed", fields("exception", exception, "error", errorName, "policy", sync.policy(),
                "offsets", ClientEvents.offsets(sync.offsets()), "unanswered", unanswered),
                onCloseOr(ruleKey), Map.of("exception", exception,
                "error", errorName, "offsets", ClientEvents.offsetsText(sync.offsets()),
                "defaultApiTimeoutMs", step.config().settings().defaultApiTimeoutMs(),
                "closeTimeoutMs", closeTimeoutMs(step), "unanswered", unanswered));
        Then then = sync.then();
        sync = null;
        step.cancelTimer(TimerKind.COMMIT_RETRY);
        step.afterSyncCommit(then);
    }

    /**
     * close()'s auto commit logs its end instead of throwing: a timeout as "timed out before completion"
     * ({@code maybeAutoCommitOffsetsSync}: commitOffsetsSync returned false), anything else as a failure.
     */
    private String onCloseOr(String ruleKey) {
        if (!autoCommitOnClose()) {
            return ruleKey;
        }
        return ruleKey.equals("sim.client.commitSync.timeout") ? "sim.client.autoCommit.onClose.timedOut"
                : "sim.client.autoCommit.onClose.failed";
    }

    private static String exceptionOf(Errors error) {
        return switch (error) {
            case REBALANCE_IN_PROGRESS -> "RebalanceInProgressException";
            case UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION, FENCED_INSTANCE_ID -> "CommitFailedException";
            default -> "KafkaException(" + error.name() + ")";
        };
    }

    /**
     * {@code commitAsync(offsets, callback)}: {@code ConsumerCoordinator.commitOffsetsAsync}. With its coordinator
     * known it is sent now ({@link #doCommitAsync}); with it unknown, it waits for the lookup ({@link #chain}). Never
     * retried.
     */
    void commitAsync(Step step, Map<TopicPartition, Long> offsets) {
        commitAsync(step, offsets, consumedEpochs(step), "asyncAfterBatch");
    }

    /** commitAsync of {@code offsets}, labelled {@code policy} in the event ("window": a worker pool's low marks). */
    void commitAsync(Step step, Map<TopicPartition, Long> offsets, Map<TopicPartition, Integer> leaderEpochs,
                     String policy) {
        invokeCompletedCallbacks(step);
        if (offsets.isEmpty() || asyncCommitFenced) {
            return; // fenced: the call throws before it sends anything, and the poll() that follows fails
        }
        step.group().checkCoordinator(step); // coordinatorUnknown() is checkAndGetCoordinator() == null
        if (step.group().coordinator < 0) {
            chain(step, new Chained(CommitPurpose.ASYNC, policy, offsets, leaderEpochs));
            step.readArrived(COMMIT_ASYNC);
            return;
        }
        doCommitAsync(step, offsets, leaderEpochs, policy, "sim.client." + policy + ".commit");
        step.readArrived(COMMIT_ASYNC); // client.pollNoWakeup(): the commit goes out, and what arrived is read
    }

    /** {@code doCommitOffsetsAsync}: {@code sendOffsetCommitRequest}, or its failure before anything is sent. */
    private void doCommitAsync(Step step, Map<TopicPartition, Long> offsets, Map<TopicPartition, Integer> leaderEpochs,
                               String policy, String ruleKey) {
        if (step.group().coordinator < 0) {
            // Found but unavailable (its connection in backoff): checkAndGetCoordinator() fails the commit.
            asyncCallback(step, offsets, Errors.COORDINATOR_NOT_AVAILABLE);
            return;
        }
        if (!inGeneration(step)) {
            // sendOffsetCommitRequest: no stable generation, so the commit fails before it is sent.
            boolean rebalancing = step.state().rebalancing();
            asyncCallback(step, offsets, rebalancing ? Errors.REBALANCE_IN_PROGRESS : Errors.ILLEGAL_GENERATION,
                    rebalancing ? "sim.client.commitAsync.failedRebalancing" : "sim.client.commitAsync.failedNotMember");
            return;
        }
        send(step, "CommitAsync", policy, ruleKey, CommitPurpose.ASYNC, offsets, leaderEpochs, 0);
    }

    /**
     * {@code commitOffsetsAsync} with the coordinator unknown: {@code ensureCoordinatorReady} with a zero timer sends
     * a FindCoordinator (no backoff: none is waited for here) and the commit is chained to it, sent once the
     * coordinator is found, failed with RetriableCommitFailedException if the lookup fails. With no broker to ask,
     * the lookup fails at once, and so does the commit.
     */
    private void chain(Step step, Chained commit) {
        if (!step.group().lookupCoordinatorNow(step)) {
            lookupEnded(step, commit, Errors.COORDINATOR_NOT_AVAILABLE);
            return;
        }
        List<Chained> chained = new ArrayList<>(awaitingCoordinator);
        chained.add(commit);
        awaitingCoordinator = List.copyOf(chained);
        step.client("CommitAsyncAwaitsCoordinator", fields("policy", commit.policy(), "purpose",
                commit.purpose().name(), "offsets", ClientEvents.offsets(commit.offsets()), "chained", chained.size()),
                "sim.client.commitAsync.awaitsCoordinator", Map.of("offsets", ClientEvents.offsetsText(commit.offsets())));
    }

    /** Whether commitAsync() calls wait for the coordinator's lookup: close() waits for them before leaving. */
    boolean awaitsCoordinator() {
        return !awaitingCoordinator.isEmpty();
    }

    /**
     * The coordinator's lookup ended ({@code error} null: found): the commits chained to it go out, or fail, in the
     * order they were made, as the lookup future's listeners run.
     */
    void coordinatorLookupEnded(Step step, Errors error) {
        List<Chained> chained = awaitingCoordinator;
        awaitingCoordinator = List.of();
        if (!step.state().running()) {
            return; // the process is gone, and its commits with it
        }
        for (Chained commit : chained) {
            lookupEnded(step, commit, error);
        }
        if (step.loop().phase == PollLoop.Phase.CLOSING) {
            invokeCompletedCallbacks(step); // close() waits for these commits, running callbacks as they finish
        }
        step.chainedCommitsDone();
    }

    private void lookupEnded(Step step, Chained commit, Errors error) {
        if (commit.purpose() == CommitPurpose.INTERVAL) {
            if (error == null && step.group().coordinator >= 0) {
                sendAutoCommit(step, commit.offsets(), commit.leaderEpochs(), CommitPurpose.INTERVAL, null,
                        "sim.client.commitAsync.chainedSent");
            } else {
                autoCommitLookupFailed(step, commit, error == null ? Errors.COORDINATOR_NOT_AVAILABLE : error);
            }
        } else if (error == null) {
            doCommitAsync(step, commit.offsets(), commit.leaderEpochs(), commit.policy(),
                    "sim.client.commitAsync.chainedSent");
        } else {
            // The lookup's failure, whatever it was, reaches the callback as a RetriableCommitFailedException.
            asyncCallback(step, commit.offsets(), error, "RetriableCommitFailedException",
                    "sim.client.commitAsync.lookupFailed");
        }
    }

    /** The OffsetCommitCallback: in call order (one connection, answered in order). */
    private void asyncCallback(Step step, Map<TopicPartition, Long> offsets, Errors error) {
        asyncCallback(step, offsets, error, error == Errors.NONE ? "sim.client.commitAsync.ok"
                : "sim.client.commitAsync.failed");
    }

    private void asyncCallback(Step step, Map<TopicPartition, Long> offsets, Errors error, String ruleKey) {
        asyncCallback(step, offsets, error, error == Errors.NONE ? "" : error.retriable()
                ? "RetriableCommitFailedException" : exceptionOf(error), ruleKey);
    }

    /** The commitAsync() is done: its callback waits for the application thread (see {@link #completed}). */
    private void asyncCallback(Step step, Map<TopicPartition, Long> offsets, Errors error, String exception,
                               String ruleKey) {
        complete(new Completion(offsets, error, exception, ruleKey, step.now(), false));
    }

    private void complete(Completion completion) {
        List<Completion> queued = new ArrayList<>(completed);
        queued.add(completion);
        completed = List.copyOf(queued);
    }

    /**
     * {@code invokeCompletedOffsetCommitCallbacks}: the application thread runs the callbacks of the commits done so
     * far, in order. After a fenced commitAsync it throws instead (the next poll() fails), and runs none.
     */
    void invokeCompletedCallbacks(Step step) {
        if (completed.isEmpty() || asyncCommitFenced) {
            return;
        }
        List<Completion> due = completed;
        completed = List.of();
        for (Completion completion : due) {
            if (completion.autoCommit()) {
                retryAutoCommit(step, completion.error());
            } else {
                invoke(step, completion);
            }
        }
    }

    private void invoke(Step step, Completion completion) {
        Map<String, Object> fields = fields("error", completion.error().name(), "exception", completion.exception(),
                "offsets", ClientEvents.offsets(completion.offsets()));
        if (completion.error() == Errors.NONE) {
            fields.put("okInARow", countOk(step));
        } else {
            okInARow = 0;
        }
        // Answered while the application thread was elsewhere (processing, say): it runs only now.
        long late = step.now() > completion.answeredAt() ? completion.answeredAt() : 0;
        if (late > 0) {
            fields.put("answeredAtMs", late);
        }
        step.client("CommitAsyncCallback", fields, completion.ruleKey(), Map.of("error", completion.error().name(),
                "exception", completion.exception(), "offsets", ClientEvents.offsetsText(completion.offsets()),
                "answeredAtMs", late));
    }

    /**
     * The rebalance listener's {@code commitSync} in onPartitionsRevoked (onJoinPrepare's, or a COOPERATIVE
     * onJoinComplete's) of {@code partitions}' processed offsets: their positions, since every record poll() returned
     * was processed when the callback runs inside poll(); a position awaiting validation after a leader change too,
     * as the application's own map of processed offsets has it. A commitSync like any other, blocking the application
     * thread inside poll() until it succeeds, fails, or default.api.timeout.ms passes; an unknown coordinator is
     * found first. It ends in {@code afterSyncCommit(LISTENER)}, at once if there is nothing to commit.
     */
    void beginListenerSync(Step step, java.util.SortedSet<TopicPartition> partitions) {
        Map<TopicPartition, Long> offsets = new TreeMap<>(step.processedOffsets());
        offsets.keySet().retainAll(partitions);
        beginSync(step, "commitOnRevoke", offsets, NO_EPOCHS, Then.LISTENER);
    }

    /** The poll loop's commits made after every batch, every N records, or of a worker pool's window. */
    private static final java.util.Set<String> ROUTINE_POLICIES = java.util.Set.of("asyncAfterBatch", "syncAfterBatch",
            "everyN", "window");

    /** The routine commits that succeeded in a row so far in the member's present generation. */
    private int okInARow(Step step) {
        return step.group().generation.generationId() == okGeneration ? okInARow : 0;
    }

    /** A commit was held up on its way: the answers after it are worth a learner's steps again. */
    void heldUp() {
        heldUp = true;
    }

    /** One more routine commit succeeded: the count in a row, this one included. */
    private int countOk(Step step) {
        okInARow = heldUp ? 1 : okInARow(step) + 1;
        heldUp = false;
        okGeneration = step.group().generation.generationId();
        return okInARow;
    }

    private void send(Step step, String type, String policy, CommitPurpose purpose, Map<TopicPartition, Long> offsets,
                      Map<TopicPartition, Integer> leaderEpochs, long attempt) {
        // A retry is the same commitSync() call sending again, not the application calling it again.
        send(step, type, policy, attempt > 0 ? "sim.client.commitSync.resend" : "sim.client." + policy + ".commit",
                purpose, offsets, leaderEpochs, attempt);
    }

    private void send(Step step, String type, String policy, String ruleKey, CommitPurpose purpose,
                      Map<TopicPartition, Long> offsets, Map<TopicPartition, Integer> leaderEpochs, long attempt) {
        Map<String, Object> fields = fields("policy", policy, "offsets", ClientEvents.offsets(offsets), "attempt",
                attempt, "generation", step.group().generation.generationId());
        if (ROUTINE_POLICIES.contains(policy) && attempt == 0) {
            fields.put("okInARow", okInARow(step));
        }
        step.client(type, fields, ruleKey, attempt > 0
                ? Map.of("offsets", ClientEvents.offsetsText(offsets), "attempt", attempt + 1)
                : Map.of("offsets", ClientEvents.offsetsText(offsets),
                        "everyRecords", step.behavior().commitPolicy().everyRecords()));
        ConsumerClientConfig config = step.config();
        Generation sent = step.group().generation;
        step.send(step.group().coordinator, true, purpose, offsets, correlationId -> new OffsetCommitRequest(
                correlationId, config.groupId(), sent.generationId(), sent.memberId(),
                instanceId(step), offsets, leaderEpochs));
    }

    /**
     * Whether a commit may be sent: {@code sendOffsetCommitRequest} needs a stable generation for subscribed
     * partitions, and none at all for assign()-ed ones (generation -1, empty member id, no instance id).
     */
    private static boolean inGeneration(Step step) {
        return step.subscription().userAssigned() || step.state() == MemberState.STABLE;
    }

    /** {@code group.instance.id} as a commit carries it: never for assign()-ed partitions. */
    private static String instanceId(Step step) {
        return step.subscription().userAssigned() ? null : step.config().groupInstanceId().orElse(null);
    }

    /** The consumer is created: the first auto commit is due one interval later. */
    void start(Step step) {
        nextAutoCommitAt = step.now() + step.config().autoCommitIntervalMs();
        if (step.config().enableAutoCommit()) {
            step.armTimer(TimerKind.AUTO_COMMIT, step.config().autoCommitIntervalMs());
        }
    }

    /** onJoinComplete: "reschedule the auto commit starting from now". */
    void rescheduleAutoCommit(Step step) {
        autoCommitRetry = null;
        if (step.config().enableAutoCommit()) {
            nextAutoCommitAt = step.now() + step.config().autoCommitIntervalMs();
            step.armTimer(TimerKind.AUTO_COMMIT, step.config().autoCommitIntervalMs());
        }
    }

    /** kafka-clients' {@code maybeAutoCommitOffsetsAsync(now)}: every auto.commit.interval.ms, inside poll(). */
    void maybeAutoCommitAsync(Step step) {
        if (!step.config().enableAutoCommit() || step.now() < nextAutoCommitAt) {
            return;
        }
        nextAutoCommitAt = step.now() + step.config().autoCommitIntervalMs();
        step.armTimer(TimerKind.AUTO_COMMIT, step.config().autoCommitIntervalMs());
        // A retry's own failure (answered, or at once on a dead connection) sets the next retry.
        Errors retrying = autoCommitRetry;
        autoCommitRetry = null;
        autoCommitAsync(step, CommitPurpose.INTERVAL, retrying);
        step.readInPass(); // commitOffsetsAsync's client.pollNoWakeup()
    }

    /**
     * Commits {@code allConsumed()}: the positions after the records poll() already returned. True if a request
     * went out. Nothing to commit is a success without a request; outside a stable generation the commit fails
     * locally ({@code sendOffsetCommitRequest}'s {@code generationIfStable()}).
     */
    boolean autoCommitAsync(Step step, CommitPurpose purpose) {
        return autoCommitAsync(step, purpose, null);
    }

    /** As {@link #autoCommitAsync(Step, CommitPurpose)}; {@code retrying}: the retriable error this commit retries. */
    private boolean autoCommitAsync(Step step, CommitPurpose purpose, Errors retrying) {
        invokeCompletedCallbacks(step); // commitOffsetsAsync's first step
        Map<TopicPartition, Long> offsets = step.fetcher().assignment.allConsumed();
        if (offsets.isEmpty()) {
            return false;
        }
        Map<TopicPartition, Integer> leaderEpochs = consumedEpochs(step);
        if (purpose == CommitPurpose.INTERVAL && step.subscription().userAssigned()) {
            // assign(): poll() commits without looking its coordinator up first; commitOffsetsAsync does.
            step.group().checkCoordinator(step);
            if (step.group().coordinator < 0) {
                chain(step, new Chained(purpose, "auto", offsets, leaderEpochs));
                return false;
            }
        }
        if (step.group().coordinator < 0 || !inGeneration(step)) {
            step.client("AutoCommit", fields("purpose", purpose.name(), "offsets", ClientEvents.offsets(offsets),
                    "sent", false, "state", step.state().name()), "sim.client.autoCommitNotStable",
                    Map.of("state", step.state().name()));
            return false;
        }
        String ruleKey = retrying != null ? "sim.client.autoCommit.retry"
                : "sim.client.autoCommit." + purposeKey(step, purpose);
        sendAutoCommit(step, offsets, leaderEpochs, purpose, retrying, ruleKey);
        return true;
    }

    /** The auto commit's OffsetCommit, and its event ({@code retrying}: the retriable error it retries, or null). */
    private void sendAutoCommit(Step step, Map<TopicPartition, Long> offsets, Map<TopicPartition, Integer> leaderEpochs,
                                CommitPurpose purpose, Errors retrying, String ruleKey) {
        Map<String, Object> fields = fields("purpose", purpose.name(), "offsets", ClientEvents.offsets(offsets),
                "sent", true, "generation", step.group().generation.generationId());
        if (retrying != null) {
            // The last one failed with a retriable error: kafka-clients' callback moved the timer to retry.backoff.ms.
            fields.put("retryOf", retrying.name());
        }
        Map<String, Object> args = retrying != null ? Map.of("offsets", ClientEvents.offsetsText(offsets), "error",
                retrying.name(), "retryBackoffMs", step.config().retryBackoffMs())
                : Map.of("offsets", ClientEvents.offsetsText(offsets),
                        "autoCommitIntervalMs", step.config().autoCommitIntervalMs(), "back", goingBack(offsets));
        step.client("AutoCommit", fields, ruleKey, args);
        ConsumerClientConfig config = step.config();
        Generation sent = step.group().generation;
        step.send(step.group().coordinator, true, purpose, offsets, correlationId -> new OffsetCommitRequest(correlationId,
                config.groupId(), sent.generationId(), sent.memberId(), instanceId(step), offsets, leaderEpochs));
    }

    /**
     * The partitions this commit moves back from what the consumer last committed ("sales-0 244 → 91"), or "": a
     * seek back, since auto commit commits positions, not what was processed.
     */
    private String goingBack(Map<TopicPartition, Long> offsets) {
        List<String> back = new ArrayList<>();
        offsets.forEach((tp, offset) -> {
            Long before = committed.get(tp);
            if (before != null && offset < before) {
                back.add(tp + " " + before + " → " + offset);
            }
        });
        return String.join(", ", back);
    }

    /** A chained auto commit's lookup failed: its callback retries after retry.backoff.ms, as after any retriable one. */
    private void autoCommitLookupFailed(Step step, Chained commit, Errors error) {
        step.client("AutoCommit", fields("purpose", commit.purpose().name(), "offsets",
                ClientEvents.offsets(commit.offsets()), "sent", false, "lookupFailed", error.name()),
                "sim.client.autoCommit.lookupFailed", Map.of("offsets", ClientEvents.offsetsText(commit.offsets()),
                        "error", error.name(), "retryBackoffMs", step.config().retryBackoffMs()));
        autoCommitCallback(step, commit.offsets(), error);
    }

    /** The auto commit failed with the retriable {@code error}: its callback, when it runs, sets up the retry. */
    private void autoCommitCallback(Step step, Map<TopicPartition, Long> offsets, Errors error) {
        complete(new Completion(offsets, error, "RetriableCommitFailedException", "", step.now(), true));
    }

    /** The auto-commit callback after a retriable failure: the next auto commit is due retry.backoff.ms from now. */
    private void retryAutoCommit(Step step, Errors error) {
        autoCommitRetry = error;
        nextAutoCommitAt = step.now() + step.config().retryWaitMs();
        step.armTimer(TimerKind.AUTO_COMMIT, step.config().retryWaitMs());
    }

    private static String purposeKey(Step step, CommitPurpose purpose) {
        return switch (purpose) {
            // Its sentence says what the EAGER one also does: mark the partitions pending revocation.
            case BEFORE_REBALANCE -> step.protocol() == RebalanceProtocol.EAGER ? "beforeEagerRevocation"
                    : "beforeRebalance";
            case ON_CLOSE -> "onClose";
            default -> "interval";
        };
    }

    /** KafkaConsumer.close()'s default timeout (DEFAULT_CLOSE_TIMEOUT_MS); close's timer is the lower of it and request.timeout.ms. */
    static final long DEFAULT_CLOSE_TIMEOUT_MS = 30_000;
    /** The sync commit's policy label for close()'s auto commit (its events stay {@code AutoCommit}). */
    private static final String AUTO_COMMIT_ON_CLOSE = "autoCommitOnClose";
    /** The sync commit's policy label for a commitAsync user's final commitSync() before close(). */
    private static final String COMMIT_SYNC_ON_CLOSE = "commitSyncOnClose";

    /**
     * asyncAfterBatch's final commitSync() before close(): the application's own call, so the heartbeat thread still
     * runs and close()'s timer has not started; true if the application waits in it. Like every commit of a closing
     * consumer it is a commitSync: a retriable failure (a coordinator that moved, a broken connection) looks the
     * coordinator up again and retries, so a graceful close during a coordinator failover still commits.
     */
    boolean finalCommitSync(Step step) {
        if (step.behavior().commitPolicy().kind() != CommitPolicy.Kind.ASYNC_AFTER_BATCH || !inGeneration(step)) {
            return false;
        }
        // The no-argument commitSync() (allConsumed(), with epochs) unless a worker pool commits its low marks.
        Map<TopicPartition, Long> offsets = step.processedPositions();
        if (offsets.isEmpty()) {
            return awaitAsyncCommits(step, COMMIT_SYNC_ON_CLOSE, Then.BEFORE_CLOSE,
                    step.config().settings().defaultApiTimeoutMs());
        }
        beginSync(step, COMMIT_SYNC_ON_CLOSE, offsets, step.pool() == null ? consumedEpochs(step) : NO_EPOCHS,
                Then.BEFORE_CLOSE);
        return true;
    }

    /** close()'s own commit: {@code maybeAutoCommitOffsetsSync} when auto commit is on; false when none is made. */
    boolean closeCommit(Step step) {
        return step.config().enableAutoCommit() && autoCommitOnClose(step);
    }

    /**
     * close()'s onLeavePrepare with commitOnRevoke: onPartitionsRevoked's commitSync() of the processed offsets,
     * retried until default.api.timeout.ms (the listener's own call: close()'s timer does not bound it). False when
     * the callback commits nothing: nothing processed, or its partitions are lost (not revoked), which it never
     * commits.
     */
    boolean leaveCommit(Step step) {
        if (step.behavior().listenerPolicy() != ListenerPolicy.COMMIT_ON_REVOKE || !step.group().revokesOnLeave(step)) {
            return false;
        }
        Map<TopicPartition, Long> offsets = step.processedOffsets();
        if (offsets.isEmpty()) {
            return awaitAsyncCommits(step, "commitOnRevoke", Then.LEAVE,
                    step.config().settings().defaultApiTimeoutMs());
        }
        beginSync(step, "commitOnRevoke", offsets, NO_EPOCHS, Then.LEAVE);
        return true;
    }

    /** Whether the commitSync waited for is close()'s auto commit (it logs its failures instead of throwing). */
    private boolean autoCommitOnClose() {
        return sync != null && AUTO_COMMIT_ON_CLOSE.equals(sync.policy());
    }

    static long closeTimeoutMs(Step step) {
        return Math.min(DEFAULT_CLOSE_TIMEOUT_MS, step.config().settings().requestTimeoutMs());
    }

    /**
     * {@code ConsumerCoordinator.close}'s {@code maybeAutoCommitOffsetsSync(closeTimer)}: commitOffsetsSync of
     * allConsumed(), retried on retriable errors until close's timer (min(30 s, request.timeout.ms)) runs out; any
     * failure is logged, never thrown. Outside a stable generation it fails once the coordinator is known, as
     * {@code autoCommitAsync} says.
     */
    private boolean autoCommitOnClose(Step step) {
        Map<TopicPartition, Long> offsets = step.fetcher().assignment.allConsumed();
        if (offsets.isEmpty()) {
            // commitOffsetsSync of nothing waits for the commitAsync() calls in flight: the auto commit's.
            return awaitAsyncCommits(step, AUTO_COMMIT_ON_CLOSE, Then.CLOSE, closeTimeoutMs(step));
        }
        // commitOffsetsSync looks an unknown coordinator up before it builds the request (and learns the generation).
        boolean findCoordinatorFirst = step.group().coordinator < 0;
        if (!findCoordinatorFirst && !autoCommitAsync(step, CommitPurpose.ON_CLOSE)) {
            return false;
        }
        sync = new SyncCommit(AUTO_COMMIT_ON_CLOSE, offsets, consumedEpochs(step), step.now(),
                step.now() + closeTimeoutMs(step),
                0, step.now(), !findCoordinatorFirst, Then.CLOSE, null);
        if (findCoordinatorFirst) {
            trySync(step); // coordinatorUnknownAndUnreadySync: looks the coordinator up, then commits
        }
        return true;
    }

    void onOffsetCommit(Step step, Deliver deliver, OffsetCommitResponse response, Pending pending) {
        Errors error = Errors.NONE;
        for (Errors partitionError : response.errors().values()) {
            if (partitionError != Errors.NONE) {
                error = partitionError;
                break;
            }
        }
        // The answer is per partition: those without an error were stored even when others failed.
        Map<TopicPartition, Long> stored = new TreeMap<>(pending.offsets());
        stored.keySet().removeIf(partition -> response.errors().getOrDefault(partition, Errors.NONE) != Errors.NONE);
        Map<TopicPartition, Long> failed = new TreeMap<>(pending.offsets());
        failed.keySet().removeAll(stored.keySet());
        Map<String, Object> args = error == Errors.NONE || stored.isEmpty()
                ? Map.of("consumer", step.id(), "offsets", ClientEvents.offsetsText(pending.offsets()), "error",
                        error.name())
                : Map.of("consumer", step.id(), "error", error.name(), "failed", ClientEvents.offsetsText(failed),
                        "stored", ClientEvents.offsetsText(stored));
        // The handler names its exception before its side effects reset the generation it compares with.
        String exception = error == Errors.NONE ? "" : raisedBy(step, error, pending);
        boolean fencedAsync = pending.purpose() == CommitPurpose.ASYNC && "FencedInstanceIdException".equals(exception);
        step.emitResponse(deliver, fields("error", error.name(), "offsets", ClientEvents.offsets(pending.offsets()),
                "generation", pending.generation().generationId(), "purpose", pending.purpose().name()),
                fencedAsync ? "sim.client.commitAsync.fenced" : commitRuleKey(error, stored), args);
        committed.putAll(stored);
        if (error == Errors.NONE) {
            commitDone(step, pending);
            return;
        }
        boolean retriable = commitErrorSideEffects(step, error, pending);
        commitFailed(step, pending, error, retriable, exception);
    }

    /**
     * The exception {@code OffsetCommitResponseHandler} raises for a non-retriable answer: a stale member's
     * UNKNOWN_MEMBER_ID or ILLEGAL_GENERATION while it rejoins is a RebalanceInProgressException, and FENCED_INSTANCE_ID
     * is the fatal FencedInstanceIdException only for the generation still held (a stale one reads as the others do).
     */
    private static String raisedBy(Step step, Errors error, Pending pending) {
        boolean unchanged = step.group().generation.equals(pending.generation());
        boolean rebalancing = step.state() == MemberState.PREPARING_REBALANCE;
        return switch (error) {
            case FENCED_INSTANCE_ID -> unchanged ? "FencedInstanceIdException"
                    : rebalancing ? "RebalanceInProgressException" : "CommitFailedException";
            case UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION -> !unchanged && rebalancing ? "RebalanceInProgressException"
                    : "CommitFailedException";
            default -> exceptionOf(error);
        };
    }

    private static String commitRuleKey(Errors error, Map<TopicPartition, Long> stored) {
        if (error == Errors.NONE) {
            return "sim.client.committed";
        }
        return stored.isEmpty() ? "sim.client.commitFailed" : "sim.client.commitPartlyFailed";
    }

    /** The OffsetCommit response handler's reactions; returns whether the failure is retriable. */
    private boolean commitErrorSideEffects(Step step, Errors error, Pending pending) {
        switch (error) {
            case COORDINATOR_NOT_AVAILABLE, NOT_COORDINATOR, REQUEST_TIMED_OUT -> {
                step.group().markCoordinatorUnknown(step, "error response " + error.name(), false);
                return true;
            }
            case REBALANCE_IN_PROGRESS -> {
                step.group().requestRejoin("offset commit failed since group is already rebalancing");
                return false;
            }
            case UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION -> {
                boolean staleAndRebalancing = !step.group().generation.equals(pending.generation())
                        && step.state() == MemberState.PREPARING_REBALANCE;
                if (!staleAndRebalancing) {
                    step.group().resetStateAndRejoin(step, "encountered " + error + " from OFFSET_COMMIT response",
                            error != Errors.ILLEGAL_GENERATION);
                }
                return false;
            }
            default -> {
                return error.retriable();
            }
        }
    }

    void commitFailed(Step step, Pending pending, Errors error, boolean retriable) {
        commitFailed(step, pending, error, retriable, exceptionOf(error));
    }

    /** {@code exception}: what the response handler raised, for a failure that is not retried. */
    private void commitFailed(Step step, Pending pending, Errors error, boolean retriable, String exception) {
        asyncCommitEnded(step, pending);
        switch (pending.purpose()) {
            case INTERVAL -> {
                if (retriable) {
                    autoCommitCallback(step, pending.offsets(), error);
                }
            }
            case BEFORE_REBALANCE -> step.group().prepareCommitAnswered(retriable);
            // close()'s commits wait in a commitSync too (closeCommit), answered like the poll loop's.
            case ON_CLOSE, SYNC, REVOKE -> {
                if (answersSync(pending)) {
                    syncAnswered(step, error == Errors.NONE ? Errors.NETWORK_EXCEPTION : error, retriable, exception);
                }
            }
            case ASYNC -> asyncFailed(step, pending, error, exception);
            default -> {
            }
        }
    }

    /** A commitAsync failed: its callback gets the exception; a fenced one makes the next poll() throw. */
    private void asyncFailed(Step step, Pending pending, Errors error, String exception) {
        if (error == Errors.NONE || error.retriable()) {
            asyncCallback(step, pending.offsets(), error);
            return;
        }
        asyncCallback(step, pending.offsets(), error, exception, "sim.client.commitAsync.failed");
        if ("FencedInstanceIdException".equals(exception)) {
            asyncCommitFenced = true;
            if (step.group().fatalError == null) {
                step.group().fatalError = error.name(); // the next poll() throws it
            }
        }
    }

    private void commitDone(Step step, Pending pending) {
        asyncCommitEnded(step, pending);
        if (pending.purpose() == CommitPurpose.BEFORE_REBALANCE) {
            step.group().prepareCommitAnswered(false);
        } else if (answersSync(pending)) {
            syncAnswered(step, Errors.NONE, false);
        } else if (pending.purpose() == CommitPurpose.ASYNC) {
            asyncCallback(step, pending.offsets(), Errors.NONE);
        }
    }
}
