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
 */
final class HeartbeatThread {

    boolean enabled;
    long heartbeatDeadline;
    long heartbeatAttempts;
    long sessionDeadline;
    long pollDeadline;

    HeartbeatThread copy() {
        HeartbeatThread copy = new HeartbeatThread();
        copy.enabled = enabled;
        copy.heartbeatDeadline = heartbeatDeadline;
        copy.heartbeatAttempts = heartbeatAttempts;
        copy.sessionDeadline = sessionDeadline;
        copy.pollDeadline = pollDeadline;
        return copy;
    }

    /** {@code Heartbeat.poll(now)}: the poll loop polled; max.poll.interval.ms counts from now. */
    void polled(Step step) {
        pollDeadline = step.now() + step.config().maxPollIntervalMs();
        if (enabled) {
            step.armTimer(TimerKind.POLL_TIMEOUT, step.config().maxPollIntervalMs());
        }
    }

    /** The coordinator was marked unknown: the thread looks for it again after retry.backoff.ms. */
    void coordinatorLost(Step step) {
        if (enabled) {
            step.armTimer(TimerKind.HEARTBEAT, step.config().retryWaitMs());
        }
    }

    /** The heartbeat thread starts (or restarts) when JoinGroup is answered: {@code Heartbeat.resetTimeouts}. */
    void enable(Step step) {
        enabled = true;
        long now = step.now();
        heartbeatDeadline = now + step.config().heartbeatIntervalMs();
        sessionDeadline = now + step.config().sessionTimeoutMs();
        pollDeadline = now + step.config().maxPollIntervalMs();
        step.armTimer(TimerKind.HEARTBEAT, step.config().heartbeatIntervalMs());
        step.armTimer(TimerKind.POLL_TIMEOUT, step.config().maxPollIntervalMs());
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
        long now = step.now();
        long backoffMs = step.config().retryWaitMs();
        if (step.group().coordinator < 0) {
            step.group().heartbeatThreadLookup(step);
            step.armTimer(TimerKind.HEARTBEAT, backoffMs);
        } else if (now >= sessionDeadline) {
            step.group().markCoordinatorUnknown(step, "session timed out without receiving a heartbeat response", false);
            step.armTimer(TimerKind.HEARTBEAT, backoffMs);
        } else if (now >= pollDeadline) {
            handlePollTimeoutExpiry(step);
        } else if (now >= heartbeatDeadline) {
            sendHeartbeat(step);
        } else if (!pollTimerFired) {
            armNextTurn(step, heartbeatDeadline - now);
        }
    }

    /**
     * The thread's next turn: when a heartbeat is due, or when the client-side session would expire first. Kafka's
     * thread checks sessionTimeoutExpired on every turn (it waits at most retry.backoff.ms between turns), so an
     * expiry is noticed without waiting for the next heartbeat; here exactly at the deadline.
     */
    private void armNextTurn(Step step, long delayMs) {
        long untilSessionExpiry = sessionDeadline - step.now();
        step.armTimer(TimerKind.HEARTBEAT, untilSessionExpiry > 0 ? Math.min(delayMs, untilSessionExpiry) : delayMs);
    }

    private void sendHeartbeat(Step step) {
        long interval = step.config().heartbeatIntervalMs();
        heartbeatDeadline = step.now() + interval;
        armNextTurn(step, interval);
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
                Map.of("consumer", step.id(), "maxPollIntervalMs", step.config().maxPollIntervalMs()));
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

    /** kafka-clients' {@code Heartbeat.failHeartbeat}: the next try after an exponential backoff. */
    void failHeartbeat(Step step) {
        if (!enabled) {
            return;
        }
        long wait = GroupMembership.backoff(step).backoff(heartbeatAttempts++, step.context.random());
        heartbeatDeadline = step.now() + wait;
        armNextTurn(step, wait);
    }
}
