package dev.groupscope.sim.client;

import dev.groupscope.sim.engine.Task;

/** What can happen to a consumer: the scenario's actions and the consumer's own timers. */
public final class ConsumerTasks {

    private ConsumerTasks() {
    }

    /** subscribe(topics) and enter the poll loop. */
    public record Start(String target) implements Task {
    }

    /**
     * close(): wakes the poll loop (at once if it is inside poll(), else at its next poll()), auto-commits if
     * enabled, runs the listener and leaves the group if {@code leaveGroup} (Kafka's {@code CloseOptions} LEAVE_GROUP)
     * or if the member is dynamic (DEFAULT).
     */
    public record Close(String target, boolean leaveGroup) implements Task {
    }

    /** The process dies: nothing more is sent; the coordinator notices after session.timeout.ms. */
    public record Crash(String target) implements Task {
    }

    /** The record being processed (or the next batch, if the loop is inside poll()) takes {@code durationMs} more. */
    public record StallProcessing(String target, long durationMs) implements Task {
    }

    /** A stopped, crashed or failed consumer starts again as a new KafkaConsumer: member id "", same instance id. */
    public record Restart(String target) implements Task {
    }

    /** The consumer's timers; {@code kind} says which. */
    record Tick(String target, TimerKind kind) implements Task {
    }

    enum TimerKind {
        /** The heartbeat thread's heartbeat.interval.ms. */
        HEARTBEAT,
        /** max.poll.interval.ms since the last poll(). */
        POLL_TIMEOUT,
        /** auto.commit.interval.ms. */
        AUTO_COMMIT,
        /** The timeout passed to poll(Duration). */
        POLL_RETURN,
        /** The record being processed is done. */
        PROCESS,
        /** A retry backoff ended. */
        RETRY,
        /** commitSync()'s retry backoff ended. */
        COMMIT_RETRY,
        /** metadata.max.age.ms since the last metadata refresh (pattern subscriptions). */
        METADATA
    }
}
