package dev.groupscope.sim.client;

import static dev.groupscope.sim.client.ClientEvents.fields;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.client.ConsumerActor.Step;
import dev.groupscope.sim.client.ConsumerTasks.TimerKind;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * kafka-clients' {@code fetchCommittedOffsets} loop after a failed OffsetFetch (an error answer such as
 * COORDINATOR_LOAD_IN_PROGRESS or NOT_COORDINATOR, or its connection failing): before it asks again it sleeps
 * {@code retryBackoff.backoff(attempts++)}, cut short by poll()'s timeout. The loop's attempts count is local to one
 * call, so it starts again at each poll() that asks; a failure that came while no pass was waiting is slept on by
 * the next pass that asks for the same partitions (Kafka finds the failed future pending there; asking for others,
 * it drops that future and asks at once).
 *
 * <p>The application thread reads nothing while it sleeps: what arrives meanwhile is read on the heartbeat thread's
 * turns, or when the sleep ends and the loop calls into the network client again.
 */
final class OffsetFetchRetry {

    private static final long NONE = -1;

    /** A failure the poll loop has not slept on yet, or null. */
    private Errors failure;
    /** The partitions the last OffsetFetch asked for. */
    private Set<TopicPartition> asked = Set.of();
    private long retryAt = NONE;
    private long attempts;

    OffsetFetchRetry copy() {
        OffsetFetchRetry copy = new OffsetFetchRetry();
        copy.failure = failure;
        copy.asked = asked;
        copy.retryAt = retryAt;
        copy.attempts = attempts;
        return copy;
    }

    /** An OffsetFetch asks for {@code partitions}. */
    void sent(Collection<TopicPartition> partitions) {
        asked = Set.copyOf(partitions);
    }

    /** The OffsetFetch in flight failed with {@code error}. */
    void failed(Errors error) {
        failure = error;
    }

    /** An OffsetFetch answered: fetchCommittedOffsets returns, and the next call counts its attempts from 0. */
    void succeeded() {
        failure = null;
        retryAt = NONE;
        attempts = 0;
    }

    /**
     * The pass reached initWithCommittedOffsetsIfNeeded for {@code missing}: true while it must not ask yet. A
     * failure not slept on starts the sleep here, as an event saying how long.
     */
    boolean holdsBack(Step step, Collection<TopicPartition> missing) {
        if (failure != null && !asked.equals(Set.copyOf(missing))) {
            failure = null; // fetchCommittedOffsets: "if we were waiting for a different request, then just clear it"
        }
        if (failure != null) {
            long wait = GroupMembership.backoff(step).backoff(attempts++, step.context.random());
            retryAt = step.now() + wait;
            step.armTimer(TimerKind.OFFSET_FETCH_RETRY, wait);
            step.client("OffsetFetchRetry", fields("error", failure.name(), "backoffMs", wait),
                    "sim.client.offsetFetchRetry", Map.of("consumer", step.id(), "error", failure.name(),
                            "backoffMs", wait));
            failure = null;
        }
        return asleep(step.now());
    }

    /** Whether the poll loop sleeps before asking again. */
    boolean asleep(long now) {
        return retryAt != NONE && now < retryAt;
    }

    /**
     * poll()'s timeout ended the call: a sleep is cut short there, and the next poll() asks at once, counting its
     * attempts from 0.
     */
    void pollEnded(Step step) {
        if (retryAt != NONE) {
            step.cancelTimer(TimerKind.OFFSET_FETCH_RETRY);
            retryAt = NONE;
        }
        attempts = 0;
    }
}
