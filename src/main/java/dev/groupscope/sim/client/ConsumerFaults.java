package dev.groupscope.sim.client;

import dev.groupscope.kafka.Errors;
import dev.groupscope.sim.engine.Task;
import java.util.Objects;
import java.util.Set;

/** Faults a scenario can inflict on one consumer's connection to its group coordinator. */
public final class ConsumerFaults {

    /**
     * The errors a failed commit may be given: the retriable ones a struggling Kafka 4.1 coordinator answers. Not
     * REQUEST_TIMED_OUT: its runtime turns a write that timed out (or lacked replicas) into COORDINATOR_NOT_AVAILABLE
     * ({@code CoordinatorOperationExceptionHelper.handleOperationException}), so no 4.1 broker answers a commit so.
     */
    public static final Set<Errors> COMMIT_ERRORS = Set.of(Errors.COORDINATOR_LOAD_IN_PROGRESS,
            Errors.COORDINATOR_NOT_AVAILABLE, Errors.NOT_COORDINATOR);

    private ConsumerFaults() {
    }

    /** A fault on the consumer {@code target}. */
    public sealed interface Fault extends Task permits CutOff, Heal, FailCommits, DelayCommits, LoseMessage {
    }

    /**
     * A network partition between the consumer and its group coordinator's broker for {@code durationMs}: every
     * request to that broker and every answer from it is lost. The consumer keeps fetching from other brokers.
     */
    public record CutOff(String target, long durationMs) implements Fault {
        public CutOff {
            if (durationMs < 1) {
                throw new IllegalArgumentException("a network partition lasts at least 1 ms");
            }
        }
    }

    /** The partition ends (scheduled by {@link CutOff}). */
    public record Heal(String target, int broker) implements Fault {
    }

    /** The next {@code count} OffsetCommit requests of the consumer are answered with {@code error}. */
    public record FailCommits(String target, int count, Errors error) implements Fault {
        public FailCommits {
            Objects.requireNonNull(error, "error");
            if (count < 1 || !COMMIT_ERRORS.contains(error)) {
                throw new IllegalArgumentException("fail at least one commit, with a retriable coordinator error");
            }
        }
    }

    /**
     * One message lost on the network, as a teacher asks "what if this one never arrived?": the consumer's request of
     * {@code api} with {@code correlationId} that it sends at {@code sentAtMs}, or the broker's answer to it
     * ({@code answer}) sent then. It must come into force before the message leaves (a request sent in the same ms
     * may go out first). Nothing else is lost; the client finds out as it would, when the request times out.
     */
    public record LoseMessage(String target, String api, long correlationId, boolean answer, long sentAtMs)
            implements Fault {
        public LoseMessage {
            Objects.requireNonNull(api, "api");
            if (correlationId < 0 || sentAtMs < 0) {
                throw new IllegalArgumentException("a correlation id and a time are never negative");
            }
        }

        boolean is(String api, long correlationId, boolean answer, long sentAtMs) {
            return this.api.equals(api) && this.correlationId == correlationId && this.answer == answer
                    && this.sentAtMs == sentAtMs;
        }
    }

    /** The next {@code count} OffsetCommit requests take {@code delayMs} longer to reach the coordinator. */
    public record DelayCommits(String target, int count, long delayMs) implements Fault {
        public DelayCommits {
            if (count < 1 || delayMs < 1) {
                throw new IllegalArgumentException("delay at least one commit by at least 1 ms");
            }
        }
    }
}
