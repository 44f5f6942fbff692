package dev.groupscope.sim.client;

import static dev.groupscope.sim.client.ClientEvents.fields;

import dev.groupscope.kafka.Errors;
import dev.groupscope.sim.client.ConsumerActor.Step;
import dev.groupscope.sim.client.ConsumerTasks.TimerKind;
import dev.groupscope.sim.client.InFlight.Pending;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.Requests.HeartbeatRequest;
import dev.groupscope.sim.protocol.Responses.HeartbeatResponse;
import java.util.Map;

/**
 * kafka-clients' heartbeat thread and its {@code Heartbeat} timers, as deadlines: the next heartbeat
 * (heartbeat.interval.ms, or a backoff after a failure), the client-side session (session.timeout.ms without a
 * successful answer) and the poll timer (max.poll.interval.ms since the poll loop last polled). It runs while the
 * member is COMPLETING_REBALANCE or STABLE, whatever the poll loop is doing.
 *
 * <p>The thread looks at those timers only on its turns: with nothing to do it waits retry.backoff.ms
 * ({@code AbstractCoordinator.this.wait(retryBackoffMs)}) and looks again, unless woken first ({@code notify()}: when
 * it is enabled, when a heartbeat fails, and when poll() finds a heartbeat due). So a deadline between two turns is
 * acted on at the next turn: a stalled poll loop leaves the group up to retry.backoff.ms after max.poll.interval.ms.
 * Each turn first reads the answers that arrived since the last one ({@code client.pollNoWakeup()}); while the
 * application processes records, nobody else reads them. Turns where nothing is due and nothing arrived change
 * nothing and are not simulated; {@link #anchor} keeps their cadence.
 *
 * <p>With retry.backoff.ms = 0 that wait is {@code Object.wait(0)}, which lasts until the thread is woken: it takes
 * no turn of its own ({@link #waitsUntilWoken}).
 */
final class HeartbeatThread {

    boolean enabled;
    long heartbeatDeadline;
    long heartbeatAttempts;
    long sessionDeadline;
    long pollDeadline;
    /** The thread's last turn: its next ones come every retry.backoff.ms from here, unless it is woken first. */
    long anchor;
    /** Whether poll()'s network wait is set to end at the heartbeat's deadline ({@link #armPollWake}). */
    boolean pollWakeArmed;
    /** Whether a metadata update fell due while only this thread polls the network: its next turn sends it. */
    boolean metadataDue;
    /**
     * A turn fell due while the application thread looked for the coordinator (in poll() or commitSync()):
     * kafka-clients' ensureCoordinatorReady is synchronized on the coordinator, as is every turn of this thread, so
     * the turn waits for the monitor and runs once the application thread leaves ({@link #lockReleased}).
     */
    boolean blockedOnLock;

    HeartbeatThread copy() {
        HeartbeatThread copy = new HeartbeatThread();
        copy.enabled = enabled;
        copy.heartbeatDeadline = heartbeatDeadline;
        copy.heartbeatAttempts = heartbeatAttempts;
        copy.sessionDeadline = sessionDeadline;
        copy.pollDeadline = pollDeadline;
        copy.anchor = anchor;
        copy.pollWakeArmed = pollWakeArmed;
        copy.metadataDue = metadataDue;
        copy.blockedOnLock = blockedOnLock;
        return copy;
    }

    /**
     * {@code pollHeartbeat(now)}: the poll loop polled; max.poll.interval.ms counts from now. A heartbeat already due
     * wakes the thread ({@code notify()}): it is sent now, not at the thread's next turn.
     */
    void polled(Step step) {
        pollDeadline = step.now() + step.config().maxPollIntervalMs();
        if (!enabled) {
            return;
        }
        if (step.now() >= heartbeatDeadline) {
            step.armTimer(TimerKind.HEARTBEAT, 0);
        }
        armPollCheck(step);
    }

    /** Whether a heartbeat is due: {@code Heartbeat.shouldHeartbeat}, which poll() checks to wake the thread. */
    boolean isDue(Step step) {
        return enabled && step.now() >= heartbeatDeadline;
    }

    /**
     * A pass of poll() ends in a network wait, which kafka-clients bounds by {@code timeToNextPoll}: at most the time
     * to the next heartbeat (while the member has joined). So a heartbeat that falls due during the wait ends it, and
     * the pass that follows wakes the thread ({@link #polled}). That is sooner than the thread's own turn only where
     * the deadline falls between two turns (after a failed heartbeat's backoff), or where the thread takes no turns
     * (retry.backoff.ms = 0); elsewhere the turn comes at the deadline and nothing is armed.
     */
    void armPollWake(Step step) {
        long deadline = heartbeatDeadline;
        boolean beforeTurn = enabled && !step.state().hasNotJoinedGroup() && deadline > step.now()
                && (waitsUntilWoken(step) || turnAtOrAfter(step, deadline) > deadline);
        if (beforeTurn) {
            step.armTimer(TimerKind.HEARTBEAT_DUE, deadline - step.now());
            pollWakeArmed = true;
        } else if (pollWakeArmed) {
            step.cancelTimer(TimerKind.HEARTBEAT_DUE);
            pollWakeArmed = false;
        }
    }

    /**
     * An answer arrived while the application processes records: the thread reads it with
     * {@code client.pollNoWakeup()} at the top of its next turn, up to retry.backoff.ms later, unless a call of the
     * application's reads it first. A thread that takes no turns of its own ({@link #waitsUntilWoken}) reads it only
     * when woken for a heartbeat.
     */
    void readAtNextTurn(Step step) {
        if (takesTurns(step)) {
            armNetworkTurn(step);
        }
    }

    /**
     * A metadata update fell due while the application processes records: {@code NetworkClient.poll} sends it, and
     * the thread's next turn is the next such call. A thread that takes no turns leaves it to the next poll().
     */
    void updateMetadataAtNextTurn(Step step) {
        if (takesTurns(step)) {
            metadataDue = true;
            armNetworkTurn(step);
        }
    }

    /** Whether the thread runs and takes turns of its own, every retry.backoff.ms. */
    private boolean takesTurns(Step step) {
        return enabled && !step.state().hasNotJoinedGroup() && !waitsUntilWoken(step);
    }

    /** Makes the thread's next turn a simulated one, if none is armed before it. */
    private void armNetworkTurn(Step step) {
        long turn = turnAtOrAfter(step, step.now());
        long armed = step.timerDeadline(TimerKind.HEARTBEAT);
        if (armed < 0 || armed > turn) {
            armTurnAt(step, turn);
        }
    }

    /** The coordinator was marked unknown: the thread finds out at its next turn, and looks for it. */
    void coordinatorLost(Step step) {
        if (enabled && !waitsUntilWoken(step)) {
            armTurnAt(step, turnAtOrAfter(step, step.now()));
        }
    }

    /**
     * The thread's first turn at or after {@code time}: its last turn plus a whole number of retry.backoff.ms waits
     * (at least one: the turn at {@link #anchor} has been taken).
     */
    private long turnAtOrAfter(Step step, long time) {
        long wait = step.config().retryWaitMs();
        long waits = Math.max(1, Math.floorDiv(time - anchor + wait - 1, wait));
        return anchor + waits * wait;
    }

    private void armTurnAt(Step step, long time) {
        if (waitsUntilWoken(step)) {
            step.cancelTimer(TimerKind.HEARTBEAT);
            return;
        }
        step.armTimer(TimerKind.HEARTBEAT, time - step.now());
    }

    /** The turn that finds max.poll.interval.ms passed: the first one at or after the poll deadline. */
    private void armPollCheck(Step step) {
        if (waitsUntilWoken(step)) {
            step.cancelTimer(TimerKind.POLL_TIMEOUT); // only a turn it is woken for finds the poll loop stalled
            return;
        }
        step.armTimer(TimerKind.POLL_TIMEOUT, turnAtOrAfter(step, pollDeadline) - step.now());
    }

    /**
     * retry.backoff.ms = 0: the thread's {@code AbstractCoordinator.this.wait(retryBackoffMs)} is
     * {@code Object.wait(0)}, which waits until it is woken ({@code notify()}: enabled, a failed heartbeat, close,
     * or a poll() that finds a heartbeat due), not for no time. So it takes no turn of its own: a poll loop busy for
     * longer than session.timeout.ms sends no heartbeat meanwhile, and the coordinator expires the member, and a
     * stalled one never leaves on max.poll.interval.ms.
     */
    private static boolean waitsUntilWoken(Step step) {
        return step.config().settings().retryBackoffMs() == 0;
    }

    /** The heartbeat thread starts (or restarts) when JoinGroup is answered: {@code Heartbeat.resetTimeouts}. */
    void enable(Step step) {
        enabled = true;
        long now = step.now();
        anchor = now; // enable() wakes the thread: nothing is due, so it waits from now
        heartbeatDeadline = now + step.config().heartbeatIntervalMs();
        sessionDeadline = now + step.config().sessionTimeoutMs();
        pollDeadline = now + step.config().maxPollIntervalMs();
        armNextTurn(step);
        armPollCheck(step);
    }

    /** The application thread left ensureCoordinatorReady: a turn that waited for the monitor runs now. */
    void lockReleased(Step step) {
        if (blockedOnLock && !step.holdsCoordinatorLock()) {
            blockedOnLock = false;
            if (enabled) {
                step.armTimer(TimerKind.HEARTBEAT, 0);
            }
        }
    }

    /** One turn of kafka-clients' {@code HeartbeatThread.run} loop, in its order of checks. */
    void run(Step step, boolean pollTimerFired) {
        if (!enabled) {
            return;
        }
        if (step.state().hasNotJoinedGroup()) {
            enabled = false;
            return;
        }
        if (step.holdsCoordinatorLock()) {
            blockedOnLock = true; // synchronized (AbstractCoordinator.this): the application thread has it
            return;
        }
        long now = step.now();
        anchor = now;
        step.readArrived(ConsumerActor.HEARTBEAT_THREAD); // client.pollNoWakeup()
        if (step.state().hasNotJoinedGroup() || !step.state().running()) {
            enabled = false; // an answer just read ended the membership: the next turn would find it so and stop
            return;
        }
        if (metadataDue) {
            metadataDue = false;
            if (step.timerDeadline(TimerKind.METADATA) < 0) {
                step.metadata().maybeUpdate(step); // not sent by the application meanwhile
            }
        }
        if (step.group().coordinator >= 0 && now >= sessionDeadline) {
            // No wait after this: the loop's next pass, at once, finds the coordinator unknown and looks for it.
            step.group().markCoordinatorUnknown(step, "session timed out without receiving a heartbeat response", false);
        }
        if (step.group().coordinator < 0) {
            step.group().heartbeatThreadLookup(step);
            armTurnAt(step, now + step.config().retryWaitMs());
        } else if (now >= pollDeadline) {
            handlePollTimeoutExpiry(step);
        } else if (now >= heartbeatDeadline) {
            sendHeartbeat(step);
        } else {
            armNextTurn(step);
        }
        if (enabled && !pollTimerFired) {
            armPollCheck(step); // this turn may have moved the cadence (a wake-up between two turns)
        }
    }

    /**
     * The thread's next turn that has something to do: the first one at or after the heartbeat's deadline or the
     * client-side session's, whichever comes first (it checks sessionTimeoutExpired on every turn).
     */
    private void armNextTurn(Step step) {
        armTurnAt(step, turnAtOrAfter(step, Math.min(heartbeatDeadline, sessionDeadline)));
    }

    private void sendHeartbeat(Step step) {
        long interval = step.config().heartbeatIntervalMs();
        heartbeatDeadline = step.now() + interval;
        armNextTurn(step);
        step.context.emit(EventKind.TIMER, "HeartbeatInterval", step.id(), null,
                fields("generation", step.group().generation.generationId(), "memberId", step.group().generation.memberId(),
                        "pollLoop", step.loop().phase.name()), "sim.client.heartbeat",
                Map.of("consumer", step.id(), "heartbeatIntervalMs", interval));
        ConsumerClientConfig config = step.config();
        Generation sent = step.group().generation;
        step.send(step.group().coordinator, true, correlationId -> new HeartbeatRequest(correlationId, config.groupId(),
                sent.generationId(), sent.memberId(), config.groupInstanceId().orElse(null)));
    }

    /** kafka-clients' {@code handlePollTimeoutExpiry}: the poll loop stalled longer than max.poll.interval.ms. */
    private void handlePollTimeoutExpiry(Step step) {
        long since = step.now() - (pollDeadline - step.config().maxPollIntervalMs());
        step.context.emit(EventKind.TIMER, "PollTimeoutExpired", step.id(), null,
                fields("sinceLastPollMs", since, "maxPollIntervalMs", step.config().maxPollIntervalMs(),
                        "static", step.config().isStatic()),
                step.config().isStatic() ? "sim.client.pollTimeoutStatic" : "sim.client.pollTimeout",
                Map.of("consumer", step.id(), "maxPollIntervalMs", step.config().maxPollIntervalMs(),
                        "sinceLastPollMs", since, "lateMs", step.now() - pollDeadline));
        step.group().maybeLeaveGroup(step, false, "consumer poll timeout has expired.");
    }

    /** What a member makes of its heartbeat's answer, decided once: the sentence says it, onResponse does it. */
    private enum Answer {
        OK(null),
        COORDINATOR_MOVED("sim.client.heartbeatError.coordinator"),
        REBALANCE("sim.client.heartbeatError.rebalance"),
        REBALANCE_WHILE_JOINING("sim.client.heartbeatError.rebalanceJoining"),
        STALE("sim.client.heartbeatError.stale"),
        GENERATION_GONE("sim.client.heartbeatError.generationGone"),
        FENCED("sim.client.heartbeatError.fenced"),
        OTHER_ERROR("sim.client.heartbeatError");

        final String ruleKey;

        Answer(String ruleKey) {
            this.ruleKey = ruleKey;
        }

        static Answer of(Step step, Errors error, Pending pending) {
            if (error == Errors.NONE) {
                return OK;
            }
            if (error == Errors.COORDINATOR_NOT_AVAILABLE || error == Errors.NOT_COORDINATOR) {
                return COORDINATOR_MOVED;
            }
            if (error == Errors.REBALANCE_IN_PROGRESS) {
                // Sent while rebalancing, the answer is expected and ignored; a stable member must rejoin.
                return step.state() == MemberState.STABLE ? REBALANCE : REBALANCE_WHILE_JOINING;
            }
            if (error == Errors.ILLEGAL_GENERATION || error == Errors.UNKNOWN_MEMBER_ID
                    || error == Errors.FENCED_INSTANCE_ID) {
                if (!step.group().generation.equals(pending.generation())) {
                    return STALE; // a stale generation's answer: ignored
                }
                return error == Errors.FENCED_INSTANCE_ID ? FENCED : GENERATION_GONE;
            }
            return OTHER_ERROR;
        }
    }

    void onResponse(Step step, Deliver deliver, HeartbeatResponse response, Pending pending) {
        Errors error = response.error();
        Answer answer = Answer.of(step, error, pending);
        step.emitResponse(deliver, fields("error", error.name(), "generation", pending.generation().generationId()),
                answer.ruleKey, Map.of("consumer", step.id(), "error", error.name()));
        switch (answer) {
            case OK, REBALANCE_WHILE_JOINING, STALE -> receiveHeartbeat(step);
            case COORDINATOR_MOVED -> {
                step.group().markCoordinatorUnknown(step, "error response " + error.name(), false);
                failHeartbeat(step);
            }
            case REBALANCE -> {
                step.group().requestRejoin("group is already rebalancing");
                receiveHeartbeat(step);
            }
            case GENERATION_GONE, FENCED -> {
                step.group().resetStateAndRejoin(step, "encountered " + error + " from HEARTBEAT response",
                        error != Errors.ILLEGAL_GENERATION);
                if (answer == Answer.FENCED) {
                    step.group().fatalError = error.name(); // the heartbeat thread fails; the next poll() throws
                } else {
                    failHeartbeat(step);
                }
            }
            default -> failHeartbeat(step);
        }
    }

    private void receiveHeartbeat(Step step) {
        heartbeatAttempts = 0;
        sessionDeadline = step.now() + step.config().sessionTimeoutMs();
    }

    /**
     * kafka-clients' {@code Heartbeat.failHeartbeat}: the next try after an exponential backoff; the failure wakes
     * the thread ({@code notify()}), so its turns start again from now.
     */
    void failHeartbeat(Step step) {
        if (!enabled) {
            return;
        }
        long wait = GroupMembership.backoff(step).backoff(heartbeatAttempts++, step.context.random());
        heartbeatDeadline = step.now() + wait;
        step.armTimer(TimerKind.HEARTBEAT, 0);
    }
}
