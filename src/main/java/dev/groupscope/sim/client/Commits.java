package dev.groupscope.sim.client;

import static dev.groupscope.sim.client.ClientEvents.fields;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.client.ConsumerActor.Step;
import dev.groupscope.sim.client.ConsumerTasks.TimerKind;
import dev.groupscope.sim.client.InFlight.CommitPurpose;
import dev.groupscope.sim.client.InFlight.Pending;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.Requests.OffsetCommitRequest;
import dev.groupscope.sim.protocol.Responses.OffsetCommitResponse;
import java.util.Map;
import java.util.TreeMap;

/**
 * The consumer's commit policy: Kafka's auto commit ({@code ConsumerCoordinator}'s maybeAutoCommitOffsetsAsync
 * inside poll(), the commit in onJoinPrepare, the one in close()) and the handling of OffsetCommit answers. The one
 * place to extend with commitSync/commitAsync policies. Also remembers which offsets the coordinator confirmed.
 */
final class Commits {

    long nextAutoCommitAt;
    TreeMap<TopicPartition, Long> committed = new TreeMap<>();

    Commits copy() {
        Commits copy = new Commits();
        copy.nextAutoCommitAt = nextAutoCommitAt;
        copy.committed = new TreeMap<>(committed);
        return copy;
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
        autoCommitAsync(step, CommitPurpose.INTERVAL);
    }

    /**
     * Commits {@code allConsumed()}: the positions after the records poll() already returned. True if a request
     * went out. Nothing to commit is a success without a request; outside a stable generation the commit fails
     * locally ({@code sendOffsetCommitRequest}'s {@code generationIfStable()}).
     */
    boolean autoCommitAsync(Step step, CommitPurpose purpose) {
        Map<TopicPartition, Long> offsets = step.fetcher().assignment.allConsumed();
        if (offsets.isEmpty()) {
            return false;
        }
        String why = purpose.name();
        if (step.group().coordinator < 0 || step.state() != MemberState.STABLE) {
            step.client("AutoCommit", fields("purpose", why, "offsets", ClientEvents.offsets(offsets), "sent", false,
                    "state", step.state().name()), "sim.client.autoCommitNotStable",
                    Map.of("state", step.state().name()));
            return false;
        }
        step.client("AutoCommit", fields("purpose", why, "offsets", ClientEvents.offsets(offsets), "sent", true,
                "generation", step.group().generation.generationId()), "sim.client.autoCommit." + purposeKey(purpose),
                Map.of("offsets", ClientEvents.offsets(offsets).toString(),
                        "autoCommitIntervalMs", step.config().autoCommitIntervalMs()));
        ConsumerClientConfig config = step.config();
        Generation sent = step.group().generation;
        step.send(step.group().coordinator, true, purpose, offsets, correlationId -> new OffsetCommitRequest(correlationId,
                config.groupId(), sent.generationId(), sent.memberId(), config.groupInstanceId().orElse(null),
                offsets));
        return true;
    }

    private static String purposeKey(CommitPurpose purpose) {
        return switch (purpose) {
            case BEFORE_REBALANCE -> "beforeRebalance";
            case ON_CLOSE -> "onClose";
            default -> "interval";
        };
    }

    /** close()'s {@code maybeAutoCommitOffsetsSync}; true if close waits for the answer. */
    boolean closeCommit(Step step) {
        return step.config().enableAutoCommit() && autoCommitAsync(step, CommitPurpose.ON_CLOSE);
    }

    void onOffsetCommit(Step step, Deliver deliver, OffsetCommitResponse response, Pending pending) {
        Errors error = Errors.NONE;
        for (Errors partitionError : response.errors().values()) {
            if (partitionError != Errors.NONE) {
                error = partitionError;
                break;
            }
        }
        step.emitResponse(deliver, fields("error", error.name(), "offsets", ClientEvents.offsets(pending.offsets()),
                "generation", pending.generation().generationId(), "purpose", pending.purpose().name()),
                error == Errors.NONE ? "sim.client.committed" : "sim.client.commitFailed",
                Map.of("consumer", step.id(), "offsets", ClientEvents.offsets(pending.offsets()).toString(),
                        "error", error.name()));
        if (error == Errors.NONE) {
            committed.putAll(pending.offsets());
            commitDone(step, pending);
            return;
        }
        commitFailed(step, pending, error, commitErrorSideEffects(step, error, pending));
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
        switch (pending.purpose()) {
            case INTERVAL -> {
                if (retriable) {
                    // The auto-commit callback retries after retry.backoff.ms.
                    nextAutoCommitAt = step.now() + step.config().retryBackoffMs();
                    step.armTimer(TimerKind.AUTO_COMMIT, step.config().retryBackoffMs());
                }
            }
            case BEFORE_REBALANCE -> step.group().prepareCommitAnswered(retriable);
            case ON_CLOSE -> step.finishClose();
            default -> {
            }
        }
    }

    private void commitDone(Step step, Pending pending) {
        if (pending.purpose() == CommitPurpose.BEFORE_REBALANCE) {
            step.group().prepareCommitAnswered(false);
        } else if (pending.purpose() == CommitPurpose.ON_CLOSE) {
            step.finishClose();
        }
    }
}
