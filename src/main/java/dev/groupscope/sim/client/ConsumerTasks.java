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
     * A new consumer joins {@code target}'s group: the application starts one more KafkaConsumer built as
     * {@code target} was (group, subscription as declared, settings and commit policy as they are now, listener, worker
     * pool), under the next client id free in {@code target}'s naming style (C1 → C4 when C2 and C3 exist; an id in use
     * is never taken again). It starts at once: subscribe and poll, which finds the coordinator and joins.
     */
    public record AddConsumer(String target) implements Task {
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

    /**
     * The application changes the consumer's settings. A KafkaConsumer's configuration is fixed when it is built,
     * so this is close() (with its commit, listener and, for a dynamic member, LeaveGroup) followed by a new
     * KafkaConsumer with {@code settings} (Kafka's names, merged over the old ones; a null value unsets one) and,
     * if not null, the new {@code commitPolicy}. A consumer that is not running just takes them for its next start.
     */
    public record ChangeSettings(String target, java.util.Map<String, Object> settings, CommitPolicy commitPolicy)
            implements Task {
        public ChangeSettings {
            settings = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(settings));
        }
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
        /** close()'s timer ran out while it waited for its requests to the coordinator. */
        CLOSE_WAIT,
        /** metadata.max.age.ms since the last metadata refresh (pattern subscriptions). */
        METADATA,
        /**
         * A partition awaiting reset may be asked for again (its ListOffsets retry backoff, or request.timeout.ms
         * after a by_duration search that found nothing, ended): the poll loop looks again.
         */
        OFFSET_RESET,
        /** The backoff fetchCommittedOffsets sleeps after a failed OffsetFetch ended: the poll loop asks again. */
        OFFSET_FETCH_RETRY,
        /**
         * offsetsForTimes() may ask again (the metadata update after a round that left partitions unanswered), or
         * its default.api.timeout.ms is up.
         */
        OFFSETS_FOR_TIMES,
        /**
         * A heartbeat falls due while poll() waits on the network: kafka-clients bounds that wait by
         * {@code timeToNextPoll}, at most the time to the next heartbeat, and the pass that follows wakes the
         * heartbeat thread.
         */
        HEARTBEAT_DUE
    }
}
