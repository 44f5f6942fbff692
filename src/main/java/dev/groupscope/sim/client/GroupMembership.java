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
import dev.groupscope.sim.protocol.JoinGroupProtocol;
import dev.groupscope.sim.protocol.Requests.FindCoordinatorRequest;
import dev.groupscope.sim.protocol.Requests.JoinGroupRequest;
import dev.groupscope.sim.protocol.Requests.LeaveGroupRequest;
import dev.groupscope.sim.protocol.Requests.MemberIdentity;
import dev.groupscope.sim.protocol.Responses.FindCoordinatorResponse;
import dev.groupscope.sim.protocol.Responses.JoinGroupResponse;
import dev.groupscope.sim.protocol.Responses.SyncGroupResponse;
import dev.groupscope.sim.protocol.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The consumer's side of the classic group protocol: kafka-clients' {@code AbstractCoordinator} and
 * {@code ConsumerCoordinator} (discovery, join, sync, onJoinPrepare / onJoinComplete, leave). The heartbeat thread is
 * {@link HeartbeatThread}, commits are {@link Commits}. Plain mutable state with a deep {@link #copy()}; the logic
 * takes the step it runs in.
 */
final class GroupMembership {

    /** Where the current join round is: kafka-clients' {@code joinFuture}. */
    enum JoinPhase {
        NONE, JOINING, SYNCING, SUCCEEDED, FAILED
    }

    /** Why the last join round failed, and how kafka-clients' {@code joinGroupIfNeeded} goes on. */
    record JoinFailure(String reason, String exception, boolean retriable, boolean retryAtOnce) {
    }

    /** Where onJoinPrepare's auto commit is (kafka-clients' {@code autoCommitOffsetRequestFuture}). */
    enum PrepareCommit {
        /** Not sent yet in this onJoinPrepare. */
        NONE,
        SENT,
        /** Answered, failed locally, or nothing to commit: go on. */
        DONE,
        /** Failed with a retriable error: send again at poll()'s next pass (see retryAtNextPass). */
        RETRY
    }

    private static final Set<Errors> RETRY_JOIN_AT_ONCE = Set.of(Errors.UNKNOWN_MEMBER_ID, Errors.ILLEGAL_GENERATION,
            Errors.REBALANCE_IN_PROGRESS, Errors.MEMBER_ID_REQUIRED);

    Generation generation = Generation.NO_GENERATION;
    /**
     * kafka-clients' {@code ConsumerCoordinator.groupMetadata}: what the application reads from
     * {@code consumer.groupMetadata()}. It is set when the KafkaConsumer is built (generation -1, member id "") and when
     * a join completes, and at no other time: a reset of {@link #generation} (the poll timeout, a session timeout,
     * ILLEGAL_GENERATION or UNKNOWN_MEMBER_ID) leaves it as it was, so the onPartitionsLost that follows still reads
     * the generation (and member id) the member lost.
     */
    Generation groupMetadata = Generation.NO_GENERATION;
    boolean rejoinNeeded = true;
    boolean needsJoinPrepare = true;
    String rejoinReason = "";
    int coordinator = -1;
    long findCoordinatorAttempts;
    long findCoordinatorRetryAt;
    /**
     * FindCoordinator requests sent at or before this time are no longer waited for: the heartbeat thread cleared the
     * lookup's future ({@code clearFindCoordinatorFuture}) so that a new one may go out. Their answers still count.
     */
    long forgottenLookup = -1;
    /**
     * The metadata update version a lookup with no broker to ask waits to see pass (-1: none): kafka-clients'
     * NoAvailableBrokersException, after which ensureCoordinatorReady waits for a metadata update.
     */
    int findCoordinatorAwaitsMetadata = -1;
    /** A lookup found no broker to ask and sleeps its backoff: when it ends, a metadata update is asked for. */
    boolean findCoordinatorSleeps;
    JoinPhase join = JoinPhase.NONE;
    JoinFailure joinFailure;
    List<TopicPartition> syncedAssignment = List.of();
    PrepareCommit prepareCommit = PrepareCommit.NONE;
    /**
     * The listener's commitSync in onPartitionsRevoked is under way: unlike the auto commit of onJoinPrepare (which
     * poll() may leave pending while it returns records), it blocks the poll loop, so poll() returns nothing.
     */
    boolean listenerCommitPending;
    /** onJoinPrepare's listener commitSync() has returned: the pass after it goes on past the callback. */
    boolean listenerCommitDone;
    /** That commitSync() is in a COOPERATIVE onJoinComplete's onPartitionsRevoked: the rest of it waits. */
    boolean completingJoin;
    long joinPrepareDeadline = -1;
    boolean leader;
    /**
     * The leader's {@code assignmentSnapshot}: partition counts of the group's subscribed topics when it assigned
     * (null for a follower). Metadata that no longer matches makes the leader rejoin.
     */
    Map<String, Integer> assignmentSnapshot;
    /**
     * The leader's JoinGroup answer while {@code onLeaderElected} waits in {@code ensureFreshMetadata} for a Metadata
     * answer (an immutable record, shared by copies); null otherwise.
     */
    JoinGroupResponse awaitingMetadata;
    String fatalError;
    /** What the sticky assignor's user data carries: the last assignment received and its generation. */
    List<TopicPartition> previousAssignment = List.of();
    int previousAssignmentGeneration = -1;

    GroupMembership copy() {
        GroupMembership copy = new GroupMembership();
        copy.generation = generation;
        copy.groupMetadata = groupMetadata;
        copy.rejoinNeeded = rejoinNeeded;
        copy.needsJoinPrepare = needsJoinPrepare;
        copy.rejoinReason = rejoinReason;
        copy.coordinator = coordinator;
        copy.findCoordinatorAttempts = findCoordinatorAttempts;
        copy.findCoordinatorRetryAt = findCoordinatorRetryAt;
        copy.forgottenLookup = forgottenLookup;
        copy.findCoordinatorAwaitsMetadata = findCoordinatorAwaitsMetadata;
        copy.findCoordinatorSleeps = findCoordinatorSleeps;
        copy.join = join;
        copy.joinFailure = joinFailure;
        copy.syncedAssignment = syncedAssignment;
        copy.prepareCommit = prepareCommit;
        copy.listenerCommitPending = listenerCommitPending;
        copy.listenerCommitDone = listenerCommitDone;
        copy.completingJoin = completingJoin;
        copy.joinPrepareDeadline = joinPrepareDeadline;
        copy.leader = leader;
        copy.assignmentSnapshot = assignmentSnapshot;
        copy.awaitingMetadata = awaitingMetadata;
        copy.fatalError = fatalError;
        copy.previousAssignment = previousAssignment;
        copy.previousAssignmentGeneration = previousAssignmentGeneration;
        return copy;
    }

    // ---- ConsumerCoordinator.poll ---------------------------------------------------------------------------------

    /**
     * kafka-clients' {@code ConsumerCoordinator.poll(timer, false)}: true when the member is in a stable group.
     * {@code fromTheStart}: false when the pass resumes after waiting for its coordinator, past the callbacks.
     */
    boolean poll(Step step, boolean fromTheStart) {
        SubscriptionState subscription = step.subscription();
        if (!subscription.userAssigned()) {
            subscription.maybeUpdatePatternSubscription(step); // maybeUpdateSubscriptionMetadata
        }
        if (fromTheStart) {
            step.commits().invokeCompletedCallbacks(step);
        }
        if (subscription.userAssigned()) {
            // assign(): no membership. The coordinator is looked up only for committed offsets and commits.
            if (coordinator < 0 && !step.fetcher().assignment.withoutPosition().isEmpty()) {
                lookupCoordinator(step);
            }
            step.commits().maybeAutoCommitAsync(step);
            return true;
        }
        if (coordinator < 0) {
            lookupCoordinator(step);
            return false;
        }
        if (subscription.changedSinceJoin() && !rejoinNeeded) {
            requestRejoin("subscription has changed");
            step.client("SubscriptionChanged", fields("joined", List.copyOf(subscription.joined), "now",
                    List.copyOf(subscription.topics)), "sim.client.subscriptionChanged",
                    Map.of("joined", String.join(", ", subscription.joined), "now",
                            String.join(", ", subscription.topics)));
        }
        if (metadataChangedSinceAssignment(step) && !rejoinNeeded) {
            requestRejoin("cached metadata has changed");
            step.client("MetadataChanged", fields("assigned", assignmentSnapshot, "now",
                    LeaderAssignment.snapshot(step, assignmentSnapshot.keySet())),
                    "sim.client.metadataChanged", Map.of());
        }
        if (rejoinNeeded && join == JoinPhase.NONE && subscription.hasPattern() && !freshBeforeRejoin(step)) {
            return false;
        }
        if ((rejoinNeeded || join != JoinPhase.NONE) && !joinGroupIfNeeded(step)) {
            return false;
        }
        step.commits().maybeAutoCommitAsync(step);
        return true;
    }

    /**
     * {@code ConsumerCoordinator.poll} before a pattern subscriber (re)joins: it asks for fresh metadata if the refresh
     * backoff allows ({@code requestUpdate(true)}) and waits for it ({@code ensureFreshMetadata}), then matches the
     * pattern again. Every member that rejoins for one member's discovery sees the new topic too: one topic creation
     * costs one rebalance, not one per member.
     */
    private boolean freshBeforeRejoin(Step step) {
        ConsumerMetadata metadata = step.metadata();
        if (!metadata.awaitingFresh() && metadata.timeToAllowUpdate(step.now()) == 0) {
            metadata.requestUpdate("beforeJoin");
        }
        if (!metadata.ensureFresh(step)) {
            return false;
        }
        step.subscription().maybeUpdatePatternSubscription(step);
        return true;
    }

    // ---- coordinator discovery ------------------------------------------------------------------------------------

    /**
     * kafka-clients' {@code lookupCoordinator}: one FindCoordinator at a time, to the least loaded broker, after
     * backoff. None to send it to (every connection in its backoff): it waits for a metadata update
     * ({@link #noBrokerToAsk}).
     */
    void lookupCoordinator(Step step) {
        if (coordinator >= 0 || lookupInFlight(step) || step.now() < findCoordinatorRetryAt) {
            return;
        }
        ConsumerMetadata metadata = step.metadata();
        if (findCoordinatorSleeps) {
            findCoordinatorSleeps = false;
            awaitMetadataUpdate(metadata, step);
            return;
        }
        if (findCoordinatorAwaitsMetadata >= 0 && metadata.updateVersion() == findCoordinatorAwaitsMetadata) {
            return;
        }
        findCoordinatorAwaitsMetadata = -1;
        if (!sendFindCoordinator(step)) {
            noBrokerToAsk(step);
        }
    }

    /**
     * {@code ensureCoordinatorReady} with a zero timer, as {@code commitOffsetsAsync} calls it: a FindCoordinator goes
     * out now (no backoff is waited for) unless one is in flight. False when there is no broker to ask.
     */
    boolean lookupCoordinatorNow(Step step) {
        return lookupInFlight(step) || sendFindCoordinator(step);
    }

    /** Whether a FindCoordinator is in flight and still waited for ({@code findCoordinatorFuture != null}). */
    boolean lookupInFlight(Step step) {
        return step.inFlight().newestSentAt("FindCoordinator") > forgottenLookup;
    }

    /**
     * The heartbeat thread's turn with the coordinator unknown ({@code HeartbeatThread.run}): a lookup in flight is
     * cleared, "so that after the backoff, if the hb still sees coordinator unknown in the next iteration it will
     * try to re-discover the coordinator in case the main thread cannot"; with none in flight it looks up now.
     */
    void heartbeatThreadLookup(Step step) {
        if (lookupInFlight(step)) {
            forgottenLookup = step.inFlight().newestSentAt("FindCoordinator");
        } else {
            lookupCoordinatorNow(step);
        }
    }

    /** A FindCoordinator to the least loaded broker; false when there is none to send it to. */
    private boolean sendFindCoordinator(Step step) {
        int broker = step.metadata().leastLoadedNode(step);
        if (broker < 0) {
            return false;
        }
        String groupId = step.config().groupId();
        step.send(broker, false, correlationId -> new FindCoordinatorRequest(correlationId, groupId));
        return true;
    }

    /**
     * Every broker the consumer knows is in its reconnect backoff: lookupCoordinator fails with the retriable
     * NoAvailableBrokersException, so ensureCoordinatorReady first sleeps {@code retryBackoff.backoff(attempts++)},
     * then waits for a metadata update ({@code awaitMetadataUpdate}), whose request goes out once a connection's
     * backoff ends.
     */
    private void noBrokerToAsk(Step step) {
        long wait = backoff(step).backoff(findCoordinatorAttempts++, step.context.random());
        findCoordinatorRetryAt = step.now() + wait;
        findCoordinatorSleeps = true;
        step.client("FindCoordinatorRetry", fields("error", "NO_AVAILABLE_BROKERS", "backoffMs", wait,
                "awaitsMetadata", true), "sim.client.findCoordinatorNoBroker", Map.of("backoffMs", wait));
        step.armTimer(TimerKind.RETRY, wait);
    }

    private void awaitMetadataUpdate(ConsumerMetadata metadata, Step step) {
        findCoordinatorAwaitsMetadata = metadata.updateVersion();
        metadata.requestUpdate("noNodeForCoordinator");
        metadata.maybeUpdate(step);
    }

    void onFindCoordinator(Step step, Deliver deliver, FindCoordinatorResponse response) {
        step.emitResponse(deliver, fields("error", response.error().name(), "nodeId", response.nodeId()));
        if (response.error() == Errors.NONE) {
            coordinator = response.nodeId();
            findCoordinatorAttempts = 0;
            // FindCoordinatorResponseHandler: heartbeat.resetSessionTimeout() on discovering the coordinator.
            step.heartbeat().sessionDeadline = step.now() + step.config().sessionTimeoutMs();
            step.client("CoordinatorFound", fields("coordinator", coordinator), "sim.client.coordinatorFound",
                    Map.of("broker", coordinator));
            if (step.metadata().isCoordinatorUnavailable(coordinator, step.now())) {
                coordinatorUnavailable(step);
            }
            step.commits().coordinatorLookupEnded(step, null);
            return;
        }
        findCoordinatorFailed(step, response.error());
    }

    /**
     * ensureCoordinatorReady: the coordinator found is a broker whose coordinator connection failed and is still in
     * its reconnect backoff ({@code client.isUnavailable(coordinator)}), so the consumer marks it unknown ("coordinator
     * unavailable") and looks again after its backoff: kafka-clients 4.1.1 sleeps
     * {@code retryBackoff.backoff(attempts++)} there, as after a failed lookup (retry.backoff.ms with 20 % jitter,
     * doubling with each attempt of the same call).
     */
    private void coordinatorUnavailable(Step step) {
        int broker = coordinator;
        long retryBackoffMs = backoff(step).backoff(findCoordinatorAttempts++, step.context.random());
        forgetCoordinator(step, "CoordinatorUnknown", fields("coordinator", broker, "cause", "coordinator unavailable",
                        "disconnected", true, "backoffEndsAt", step.metadata().coordinatorBackoffEnds(broker),
                        "retryBackoffMs", retryBackoffMs), "sim.client.coordinatorUnavailable",
                Map.of("broker", broker, "backoffEndsAt", step.metadata().coordinatorBackoffEnds(broker),
                        "retryBackoffMs", retryBackoffMs));
        findCoordinatorRetryAt = step.now() + retryBackoffMs;
        step.armTimer(TimerKind.RETRY, retryBackoffMs);
    }

    /**
     * kafka-clients' {@code checkAndGetCoordinator}: a known coordinator whose connection failed and is still in its
     * reconnect backoff is unavailable, so it is marked unknown and looked up again.
     */
    void checkCoordinator(Step step) {
        if (coordinator >= 0 && step.metadata().isCoordinatorUnavailable(coordinator, step.now())) {
            markCoordinatorUnknown(step, "coordinator unavailable", true); // its connection is down already
        }
    }

    /** ensureCoordinatorReady's retry: exponential backoff from retry.backoff.ms with jitter. */
    void findCoordinatorFailed(Step step, Errors error) {
        long wait = backoff(step).backoff(findCoordinatorAttempts++, step.context.random());
        findCoordinatorRetryAt = step.now() + wait;
        step.client("FindCoordinatorRetry", fields("error", error.name(), "backoffMs", wait),
                "sim.client.findCoordinatorRetry", Map.of("error", error.name(), "backoffMs", wait));
        step.armTimer(TimerKind.RETRY, wait);
        step.commits().coordinatorLookupEnded(step, error);
    }

    static Backoff backoff(Step step) {
        return new Backoff(step.config().retryBackoffMs(), step.config().retryBackoffMaxMs());
    }

    /**
     * A request to the coordinator failed with its connection ({@code CoordinatorResponseHandler.onFailure}): Kafka
     * marks it unknown with the DisconnectException's message as the cause, which is null.
     */
    void coordinatorDisconnected(Step step) {
        markCoordinatorUnknown(step, null, true);
    }

    /**
     * kafka-clients' {@code markCoordinatorUnknown}: forget the coordinator and fail every request in flight to it,
     * as the client's disconnect does; their answers, if any arrive, are dropped. Unless the connection is already
     * down ({@code disconnected}), the client drops it, and its reconnect backoff starts ({@code disconnectAsync}).
     */
    void markCoordinatorUnknown(Step step, String cause, boolean disconnected) {
        if (coordinator < 0) {
            return;
        }
        int old = coordinator;
        forgetCoordinator(step, "CoordinatorUnknown", fields("coordinator", old, "cause", cause, "disconnected",
                disconnected), cause == null ? "sim.client.coordinatorDisconnected" : "sim.client.coordinatorUnknown",
                cause == null ? Map.of("broker", old) : Map.of("broker", old, "cause", cause));
        if (!disconnected) {
            step.metadata().coordinatorDropped(step, old);
        }
    }

    private void forgetCoordinator(Step step, String type, Map<String, Object> fields, String rule,
                                   Map<String, Object> args) {
        coordinator = -1;
        step.client(type, fields, rule, args);
        for (Map.Entry<Long, Pending> failed : step.inFlight().failCoordinatorRequests()) {
            step.requestFailed(failed.getValue(), Errors.NETWORK_EXCEPTION);
        }
        step.heartbeat().coordinatorLost(step);
    }

    // ---- join / sync ----------------------------------------------------------------------------------------------

    /** kafka-clients' {@code joinGroupIfNeeded}, run by the poll loop; false while the round is not over. */
    private boolean joinGroupIfNeeded(Step step) {
        while (rejoinNeeded || join != JoinPhase.NONE) {
            if (coordinator < 0) {
                lookupCoordinator(step);
                return false;
            }
            if (needsJoinPrepare) {
                needsJoinPrepare = false;
                if (!onJoinPrepare(step)) {
                    needsJoinPrepare = true;
                    return false;
                }
            }
            switch (join) {
                case NONE -> {
                    sendJoinGroup(step);
                    return false;
                }
                case JOINING, SYNCING -> {
                    return false;
                }
                case SUCCEEDED -> {
                    joinSucceeded(step);
                    if (completingJoin) {
                        return false; // blocked in the listener's commitSync(), inside onJoinComplete
                    }
                }
                case FAILED -> {
                    if (!afterJoinFailure(step)) {
                        return false;
                    }
                }
                default -> throw new IllegalStateException("unknown join phase " + join);
            }
            if (!step.state().running()) {
                return false;
            }
        }
        return true;
    }

    private void joinSucceeded(Step step) {
        join = JoinPhase.NONE;
        if (!generation.isReset() && step.state() == MemberState.STABLE) {
            onJoinComplete(step);
            needsJoinPrepare = true;
        } else {
            resetStateAndRejoin(step, "rebalance failed since the generation/state was modified by heartbeat thread",
                    true);
        }
    }

    /** True to go round again at once, false to wait (backoff) or stop (fatal). */
    private boolean afterJoinFailure(Step step) {
        JoinFailure failure = joinFailure;
        join = JoinPhase.NONE;
        joinFailure = null;
        if (!failure.reason().equals(Errors.MEMBER_ID_REQUIRED.name())) {
            // joinGroupIfNeeded's short reason names the exception's class, as the next JoinGroup carries it.
            requestRejoin("rebalance failed due to " + failure.exception());
        }
        if (failure.retryAtOnce()) {
            return true;
        }
        if (!failure.retriable()) {
            step.fail(failure.reason());
            return false;
        }
        retryAtNextPass(step, step.config().retryWaitMs());
        return false;
    }

    /**
     * A retriable failure on the join path ends this pass without sleeping: poll() hands ensureActiveGroup a 0 ms
     * timer, so joinGroupIfNeeded's and onJoinPrepare's {@code timer.sleep(retry.backoff.ms)} sleep for nothing. The
     * next pass tries again, after pollForFetches' network wait: the next answer read, or with nothing in flight at
     * most retry.backoff.ms ({@code ConsumerNetworkClient.poll}) — or {@code atMostMs}, if sooner.
     */
    private static void retryAtNextPass(Step step, long atMostMs) {
        if (step.inFlight().size() == 0) {
            step.armTimer(TimerKind.RETRY, Math.min(step.config().retryWaitMs(), atMostMs));
        }
    }

    private void sendJoinGroup(Step step) {
        // Kafka sends an empty reason when nothing asked for the join (a sentence about "reason: " would be empty).
        step.changeState(MemberState.PREPARING_REBALANCE, rejoinReason.isEmpty() ? "sim.client.state.joiningNoReason"
                : "sim.client.state.joining", Map.of("reason", rejoinReason));
        join = JoinPhase.JOINING;
        ConsumerClientConfig config = step.config();
        List<JoinGroupProtocol> protocols = metadata(step);
        String memberId = generation.memberId();
        String reason = rejoinReason;
        step.send(coordinator, true, correlationId -> new JoinGroupRequest(correlationId, config.groupId(),
                config.sessionTimeoutMs(), config.maxPollIntervalMs(), memberId,
                config.groupInstanceId().orElse(null), "consumer", protocols, reason));
    }

    /**
     * kafka-clients' {@code ConsumerCoordinator.metadata()}: one protocol per configured assignor, in order, each
     * with the subscription, the owned partitions and the generation. For {@code sticky} the generation is the one
     * its user data carries (that of the last assignment received), which is what StickyAssignor reads.
     */
    private List<JoinGroupProtocol> metadata(Step step) {
        step.subscription().joined = new TreeSet<>(step.topics());
        List<TopicPartition> owned = List.copyOf(step.fetcher().assignment.partitions());
        List<JoinGroupProtocol> protocols = new ArrayList<>();
        for (String name : step.config().assignmentStrategies()) {
            int gen = name.equals("sticky") ? previousAssignmentGeneration : generation.generationId();
            protocols.add(new JoinGroupProtocol(name, new Subscription(step.topics(), owned, gen,
                    previousAssignment)));
        }
        return protocols;
    }

    void onJoinGroup(Step step, Deliver deliver, JoinGroupResponse response, Pending pending) {
        step.emitResponse(deliver, fields("error", response.error().name(), "generation", response.generationId(),
                "memberId", response.memberId(), "leader", response.leader(), "protocolName",
                response.protocolName(), "skipAssignment", response.skipAssignment(),
                "members", response.members().stream().map(m -> m.memberId()).toList()),
                joinRuleKey(response.error()), Map.of("memberId", response.memberId(),
                        "generation", response.generationId(), "consumer", step.id(),
                        "error", response.error().name()));
        Errors error = response.error();
        if (error == Errors.NONE) {
            joinAccepted(step, response);
        } else if (error == Errors.MEMBER_ID_REQUIRED) {
            // KIP-394: keep the id the coordinator generated and join again with it at once.
            generation = new Generation(Generation.NO_GENERATION.generationId(), response.memberId(), null);
            requestRejoin("need to re-join with the given member-id: " + response.memberId());
            joinFailed(step, error.name(), error, true, true);
        } else if (error == Errors.UNKNOWN_MEMBER_ID) {
            if (generation.equals(pending.generation())) {
                resetStateAndRejoin(step, "encountered UNKNOWN_MEMBER_ID from JOIN_GROUP response", true);
            }
            joinFailed(step, error.name(), error, true, true);
        } else if (error == Errors.COORDINATOR_NOT_AVAILABLE || error == Errors.NOT_COORDINATOR) {
            markCoordinatorUnknown(step, "error response " + error.name(), false);
            joinFailed(step, error.name(), error, true, false);
        } else if (error == Errors.COORDINATOR_LOAD_IN_PROGRESS || error == Errors.REBALANCE_IN_PROGRESS) {
            joinFailed(step, error.name(), error, true, RETRY_JOIN_AT_ONCE.contains(error));
        } else {
            // FENCED_INSTANCE_ID, INCONSISTENT_GROUP_PROTOCOL, INVALID_SESSION_TIMEOUT, GROUP_MAX_SIZE_REACHED...
            joinFailed(step, error.name(), error, false, false);
        }
    }

    private static String joinRuleKey(Errors error) {
        return switch (error) {
            case NONE -> "sim.client.joined";
            case MEMBER_ID_REQUIRED -> "sim.client.memberIdRequired";
            case COORDINATOR_LOAD_IN_PROGRESS -> "sim.client.joinFailed.loading";
            default -> "sim.client.joinFailed";
        };
    }

    private void joinAccepted(Step step, JoinGroupResponse response) {
        if (step.state() != MemberState.PREPARING_REBALANCE) {
            joinFailed(step, "UnjoinedGroupException", null, true, false);
            return;
        }
        generation = new Generation(response.generationId(), response.memberId(), response.protocolName());
        step.changeState(MemberState.COMPLETING_REBALANCE, "sim.client.state.completing",
                Map.of("generation", response.generationId()));
        step.heartbeat().enable(step);
        Map<String, List<TopicPartition>> assignments = Map.of();
        if (response.leader().equals(response.memberId())) {
            leader = true;
            if (response.skipAssignment()) {
                // A returning static leader keeps the assignment, but watches metadata from now on.
                assignmentSnapshot = LeaderAssignment.snapshot(step, response.members().stream()
                        .flatMap(member -> member.metadata().topics().stream()).collect(
                                java.util.stream.Collectors.toCollection(TreeSet::new)));
            } else if (!LeaderAssignment.metadataReady(step, response)) {
                awaitingMetadata = response; // onLeaderElected blocks in ensureFreshMetadata: no SyncGroup yet
                return;
            } else {
                assignments = LeaderAssignment.run(step, response);
            }
        }
        sendSyncGroup(step, assignments);
    }

    /**
     * The Metadata answer the leader waited for has come: it assigns with it and sends its SyncGroup, if it is still
     * completing that rebalance (a rejoin or a failure meanwhile drops the wait).
     */
    void maybeResumeLeaderAssignment(Step step) {
        JoinGroupResponse response = awaitingMetadata;
        if (response == null) {
            return;
        }
        if (step.state() != MemberState.COMPLETING_REBALANCE || generation.generationId() != response.generationId()
                || join != JoinPhase.JOINING) {
            awaitingMetadata = null;
            return;
        }
        if (step.metadata().ensureFresh(step)) {
            awaitingMetadata = null;
            sendSyncGroup(step, LeaderAssignment.run(step, response));
        }
    }

    private void sendSyncGroup(Step step, Map<String, List<TopicPartition>> assignments) {
        join = JoinPhase.SYNCING;
        ConsumerClientConfig config = step.config();
        Generation sent = generation;
        Map<String, List<TopicPartition>> finalAssignments = assignments;
        step.send(coordinator, true, correlationId -> new dev.groupscope.sim.protocol.Requests.SyncGroupRequest(
                correlationId, config.groupId(), sent.generationId(), sent.memberId(),
                config.groupInstanceId().orElse(null), "consumer", sent.protocolName(), finalAssignments));
    }

    private static String syncRule(SyncGroupResponse response) {
        if (response.error() != Errors.NONE) {
            return rejoinsAfterSync(response.error()) ? "sim.client.syncFailed" : "sim.client.syncFailed.fatal";
        }
        return response.assignment().isEmpty() ? "sim.client.syncedEmpty" : "sim.client.synced";
    }

    /**
     * The SyncGroup errors joinGroupIfNeeded goes round again for (at once, or once the coordinator is found again).
     * Any other (FENCED_INSTANCE_ID: a newer instance took this static member's place) is thrown from poll().
     */
    private static boolean rejoinsAfterSync(Errors error) {
        return error == Errors.REBALANCE_IN_PROGRESS || error == Errors.UNKNOWN_MEMBER_ID
                || error == Errors.ILLEGAL_GENERATION || error == Errors.COORDINATOR_NOT_AVAILABLE
                || error == Errors.NOT_COORDINATOR;
    }

    void onSyncGroup(Step step, Deliver deliver, SyncGroupResponse response, Pending pending) {
        step.emitResponse(deliver, fields("error", response.error().name(), "generation",
                pending.generation().generationId(), "memberId", pending.generation().memberId(),
                "assignment", ClientEvents.partitions(response.assignment())),
                syncRule(response), Map.of("consumer", step.id(), "assignment", String.join(", ",
                        ClientEvents.partitions(response.assignment())), "error", response.error().name(),
                        "generation", pending.generation().generationId()));
        Errors error = response.error();
        if (error == Errors.NONE) {
            if (!generation.equals(Generation.NO_GENERATION) && step.state() == MemberState.COMPLETING_REBALANCE) {
                step.changeState(MemberState.STABLE, "sim.client.state.stable",
                        Map.of("generation", generation.generationId()));
                rejoinReason = "";
                rejoinNeeded = false;
                syncedAssignment = List.copyOf(response.assignment());
                join = JoinPhase.SUCCEEDED;
            } else {
                joinFailed(step, Errors.ILLEGAL_GENERATION.name(), Errors.ILLEGAL_GENERATION, false, true);
            }
        } else if (error == Errors.REBALANCE_IN_PROGRESS) {
            joinFailed(step, error.name(), error, false, true);
        } else if (error == Errors.UNKNOWN_MEMBER_ID || error == Errors.ILLEGAL_GENERATION) {
            if (generation.equals(pending.generation())) {
                resetStateAndRejoin(step, "encountered " + error + " from SYNC_GROUP response",
                        error != Errors.ILLEGAL_GENERATION);
            }
            joinFailed(step, error.name(), error, false, true);
        } else if (error == Errors.COORDINATOR_NOT_AVAILABLE || error == Errors.NOT_COORDINATOR) {
            markCoordinatorUnknown(step, "error response " + error.name(), false);
            joinFailed(step, error.name(), error, true, false);
        } else {
            joinFailed(step, error.name(), error, false, false); // not rejoinsAfterSync: fatal
        }
    }

    /** The join future fails; the poll loop decides what next (kafka-clients' joinGroupIfNeeded). */
    void joinFailed(Step step, String reason, Errors error, boolean retriable, boolean retryAtOnce) {
        joinFailed(reason, error == null ? reason : error.exceptionName(), retriable, retryAtOnce);
    }

    /** The JoinGroup or SyncGroup in flight failed without an answer: its future fails with a DisconnectException. */
    void joinDisconnected(Errors error) {
        joinFailed(error.name(), "DisconnectException", true, false);
    }

    private void joinFailed(String reason, String exception, boolean retriable, boolean retryAtOnce) {
        if (join != JoinPhase.JOINING && join != JoinPhase.SYNCING) {
            return;
        }
        join = JoinPhase.FAILED;
        joinFailure = new JoinFailure(reason, exception, retriable, retryAtOnce);
    }

    /** kafka-clients' {@code ConsumerCoordinator.onJoinPrepare}; false while its auto commit is pending. */
    private boolean onJoinPrepare(Step step) {
        SortedSet<TopicPartition> owned = step.fetcher().assignment.partitions();
        SortedSet<TopicPartition> listenerRevokes = revokedInJoinPrepare(step, owned);
        // The auto commit comes first, before any listener runs (it marks the partitions pending revocation).
        if (step.config().enableAutoCommit() && !awaitPrepareCommit(step)) {
            return false;
        }
        // A worker pool's onPartitionsRevoked first waits for (or abandons) the revoked partitions' records.
        WorkerPool pool = step.pool();
        if (pool != null && !generation.isReset() && step.protocol() == RebalanceProtocol.EAGER && !owned.isEmpty()
                && !pool.readyToRevoke(step, owned)) {
            step.blockInListener();
            return false;
        }
        // commitOnRevoke: the listener's commitSync inside onPartitionsRevoked blocks onJoinPrepare, after the auto
        // commit if there is one (Kafka invokes the listener whatever came of it); lost partitions (generation reset)
        // are never committed.
        boolean listenerCommits = step.behavior().listenerPolicy() == ListenerPolicy.COMMIT_ON_REVOKE
                && !listenerRevokes.isEmpty();
        if (listenerCommits && !awaitListenerCommit(step, listenerRevokes)) {
            return false;
        }
        if (generation.isReset()) {
            if (!owned.isEmpty()) {
                step.invokeListener("onPartitionsLost", owned, "sim.client.lost");
                assign(step, new TreeSet<>());
            }
        } else if (step.protocol() == RebalanceProtocol.EAGER) {
            step.invokeListener("onPartitionsRevoked", owned, "sim.client.revokedEager");
            assign(step, new TreeSet<>());
        } else {
            SortedSet<TopicPartition> revoked = listenerRevokes;
            if (!revoked.isEmpty()) {
                step.invokeListener("onPartitionsRevoked", revoked, "sim.client.revokedUnsubscribed");
                SortedSet<TopicPartition> kept = new TreeSet<>(owned);
                kept.removeAll(revoked);
                assign(step, kept);
            }
        }
        leader = false;
        listenerCommitPending = false;
        listenerCommitDone = false;
        prepareCommit = PrepareCommit.NONE;
        joinPrepareDeadline = -1;
        return true;
    }

    /**
     * The partitions onJoinPrepare's onPartitionsRevoked gets: all of them (EAGER), or those of topics no longer
     * subscribed (COOPERATIVE); none when the generation was reset (they are lost instead).
     */
    private SortedSet<TopicPartition> revokedInJoinPrepare(Step step, SortedSet<TopicPartition> owned) {
        if (generation.isReset()) {
            return new TreeSet<>();
        }
        if (step.protocol() == RebalanceProtocol.EAGER) {
            return owned;
        }
        SortedSet<TopicPartition> revoked = new TreeSet<>();
        owned.stream().filter(tp -> !step.topics().contains(tp.topic())).forEach(revoked::add);
        return revoked;
    }

    /**
     * onJoinPrepare's first part: commit the consumed positions before giving partitions away, and wait for the
     * answer up to the rebalance timeout; a retriable failure is retried at poll()'s next pass.
     */
    private boolean awaitPrepareCommit(Step step) {
        if (joinPrepareDeadline < 0) {
            joinPrepareDeadline = step.now() + step.config().maxPollIntervalMs();
        }
        if (prepareCommit == PrepareCommit.NONE) {
            if (step.config().enableAutoCommit() && step.protocol() == RebalanceProtocol.EAGER) {
                // maybeMarkPartitionsPendingRevocation: a fetch answered while the commit is in flight must not
                // hand poll() records past the positions it commits (they would be read again by the next owner).
                step.fetcher().assignment.markPendingRevocation();
            }
            boolean sent = step.commits().autoCommitAsync(step, CommitPurpose.BEFORE_REBALANCE);
            prepareCommit = sent ? PrepareCommit.SENT : PrepareCommit.DONE;
        }
        if (prepareCommit == PrepareCommit.DONE || step.now() >= joinPrepareDeadline) {
            return true;
        }
        if (prepareCommit == PrepareCommit.RETRY) {
            prepareCommit = PrepareCommit.NONE;
            retryAtNextPass(step, joinPrepareDeadline - step.now());
        }
        return false;
    }

    /**
     * The application's commitSync() inside onPartitionsRevoked: it blocks this pass, and each pass after, until it
     * returns ({@link #listenerCommitReturned}), which may be at once. The join-prepare timer is the auto commit's,
     * not the listener's: the call ends at default.api.timeout.ms.
     */
    private boolean awaitListenerCommit(Step step, SortedSet<TopicPartition> revoked) {
        if (!listenerCommitPending) {
            listenerCommitPending = true;
            step.commits().beginListenerSync(step, revoked);
        }
        return listenerCommitDone;
    }

    /**
     * {@code ConsumerCoordinator.rejoinNeededOrPending}: the leader rejoins when the partition counts it assigned with
     * changed in its cached metadata (partitions added, a subscribed topic created or deleted), so it sees the change at
     * its first poll() after the metadata refresh that brought it.
     */
    private boolean metadataChangedSinceAssignment(Step step) {
        return assignmentSnapshot != null && !assignmentSnapshot.equals(
                LeaderAssignment.snapshot(step, assignmentSnapshot.keySet()));
    }

    /** kafka-clients' {@code ConsumerCoordinator.onJoinComplete}. */
    private void onJoinComplete(Step step) {
        groupMetadata = generation; // first of all, before the assignment is even checked against the subscription
        if (!leader) {
            assignmentSnapshot = null; // only the leader watches metadata
            step.subscription().resetGroupSubscription(); // nor needs the group's topics
        }
        SortedSet<TopicPartition> assigned = new TreeSet<>(syncedAssignment);
        if (assigned.stream().anyMatch(tp -> !step.topics().contains(tp.topic()))) {
            // checkAssignmentMatchedSubscription: the subscription changed since this member joined.
            requestRejoin("received assignment " + ClientEvents.partitions(assigned) + " does not match the "
                    + "current subscription " + step.topics() + "; it is likely that the subscription has changed "
                    + "since we joined the group, will re-join with current subscription");
            return;
        }
        SortedSet<TopicPartition> revoked = cooperativelyRevoked(step, assigned);
        if (!revoked.isEmpty() && step.behavior().listenerPolicy() == ListenerPolicy.COMMIT_ON_REVOKE) {
            // onPartitionsRevoked's commitSync() blocks the rest of onJoinComplete until it returns.
            // It ends in listenerCommitReturned, which finishes the join, at once if there is nothing to commit.
            listenerCommitPending = true;
            completingJoin = true;
            step.commits().beginListenerSync(step, revoked);
            return;
        }
        finishJoinComplete(step);
    }

    /** What a COOPERATIVE member gives up when its assignment arrives: what it owns and is no longer assigned. */
    private static SortedSet<TopicPartition> cooperativelyRevoked(Step step, SortedSet<TopicPartition> assigned) {
        SortedSet<TopicPartition> revoked = new TreeSet<>();
        if (step.protocol() == RebalanceProtocol.COOPERATIVE) {
            revoked.addAll(step.fetcher().assignment.partitions());
            revoked.removeAll(assigned);
        }
        return revoked;
    }

    /** onJoinComplete from its onPartitionsRevoked on, once the listener returned. */
    private void finishJoinComplete(Step step) {
        SortedSet<TopicPartition> owned = step.fetcher().assignment.partitions();
        SortedSet<TopicPartition> assigned = new TreeSet<>(syncedAssignment);
        SortedSet<TopicPartition> added = new TreeSet<>(assigned);
        added.removeAll(owned);
        SortedSet<TopicPartition> revoked = cooperativelyRevoked(step, assigned);
        if (!revoked.isEmpty()) {
            step.invokeListener("onPartitionsRevoked", revoked, "sim.client.revokedCooperative");
            requestRejoin("need to revoke partitions and re-join");
        }
        // The assignors' onAssignment: the sticky user data remembers this assignment and its generation.
        previousAssignment = List.copyOf(assigned);
        previousAssignmentGeneration = generation.generationId();
        step.commits().rescheduleAutoCommit(step);
        assign(step, assigned);
        step.invokeListener("onPartitionsAssigned", added, step.protocol() == RebalanceProtocol.EAGER
                ? "sim.client.assignedEager" : "sim.client.assignedCooperative");
    }

    private static void assign(Step step, SortedSet<TopicPartition> partitions) {
        // The application forgets what it tracked for partitions it gave up (as its onPartitionsRevoked/Lost would):
        // committing those positions later, after another owner committed, would move the offset back.
        step.commits().processedPositions.keySet().retainAll(partitions);
        if (step.pool() != null) {
            step.pool().retain(step, partitions);
        }
        step.fetcher().assignment.assign(partitions);
    }

    void requestRejoin(String reason) {
        rejoinReason = reason;
        rejoinNeeded = true;
    }

    /** kafka-clients' {@code resetStateAndRejoin}: UNJOINED, generation reset, partitions to be given up as lost. */
    void resetStateAndRejoin(Step step, String reason, boolean resetMemberId) {
        resetStateAndRejoin(step, reason, resetMemberId, "sim.client.state.reset");
    }

    /** {@code ruleKey}: the sentence; leaving (close, unsubscribe) is not the "must join again" of a lost member. */
    private void resetStateAndRejoin(Step step, String reason, boolean resetMemberId, String ruleKey) {
        generation = resetMemberId ? Generation.NO_GENERATION : generation.keepingMemberId();
        step.changeState(MemberState.UNJOINED, ruleKey, Map.of("reason", reason));
        requestRejoin(reason);
        needsJoinPrepare = true;
    }

    // ---- leaving --------------------------------------------------------------------------------------------------

    /**
     * kafka-clients' {@code maybeLeaveGroup}: a LeaveGroup only when the coordinator is known, the member has joined
     * and has an id, and it is dynamic or asked to leave ({@code CloseOptions} LEAVE_GROUP); then the generation is
     * reset either way.
     */
    void maybeLeaveGroup(Step step, boolean leaveGroupOption, String reason) {
        boolean joined = coordinator >= 0 && step.state() != MemberState.UNJOINED && generation.hasMemberId();
        boolean staysInGroup = joined && !leaveGroupOption && step.config().isStatic();
        if (joined && !staysInGroup) {
            String memberId = generation.memberId();
            String groupId = step.config().groupId();
            step.send(coordinator, true, correlationId -> new LeaveGroupRequest(correlationId, groupId,
                    List.of(new MemberIdentity(memberId, null, reason))));
            step.client("LeaveGroup", fields("memberId", memberId, "reason", reason), "sim.client.leave",
                    Map.of("reason", reason, "memberId", memberId));
        } else if (joined) {
            step.client("StayInGroup", fields("memberId", generation.memberId(), "reason", reason),
                    "sim.client.staticStays", Map.of("reason", reason,
                            "groupInstanceId", step.config().groupInstanceId().orElse("")));
        }
        resetStateAndRejoin(step, "consumer pro-actively leaving the group", true,
                staysInGroup ? "sim.client.state.resetStaticStays" : "sim.client.state.resetOnLeave");
    }

    /** kafka-clients' {@code ConsumerCoordinator.onLeavePrepare}: lost if the generation is gone or mid-rebalance. */
    void onLeavePrepare(Step step) {
        SortedSet<TopicPartition> owned = step.fetcher().assignment.partitions();
        if (owned.isEmpty() || !step.subscription().autoAssigned()) {
            return; // assign()-ed partitions have no listener callbacks
        }
        if (!revokesOnLeave(step)) {
            step.invokeListener("onPartitionsLost", owned, "sim.client.lost");
        } else {
            step.invokeListener("onPartitionsRevoked", owned, "sim.client.revokedOnClose");
        }
        assign(step, new TreeSet<>());
    }

    /**
     * Whether onLeavePrepare calls onPartitionsRevoked: the member owns subscribed partitions in a generation it still
     * has (after a reset, or in a rebalance, they are lost instead).
     */
    boolean revokesOnLeave(Step step) {
        return !step.fetcher().assignment.partitions().isEmpty() && step.subscription().autoAssigned()
                && !generation.isReset() && !step.state().rebalancing();
    }

    /**
     * The listener's commitSync() returned (or threw, caught by the application): onJoinPrepare goes on at the pass
     * that follows, or onJoinComplete goes on now.
     */
    void listenerCommitReturned(Step step) {
        if (completingJoin) {
            completingJoin = false;
            listenerCommitPending = false;
            finishJoinComplete(step);
        } else {
            listenerCommitDone = true;
        }
    }

    /** onJoinPrepare's commit was answered: go on, or retry at the next pass if it failed retriably. */
    void prepareCommitAnswered(boolean retriableFailure) {
        prepareCommit = retriableFailure ? PrepareCommit.RETRY : PrepareCommit.DONE;
    }
}
