package dev.groupscope.sim.client;

import dev.groupscope.kafka.config.AutoOffsetReset;
import dev.groupscope.kafka.config.ConsumerConfigs;
import dev.groupscope.kafka.config.ConsumerSettings;
import dev.groupscope.kafka.config.GroupProtocol;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the simulated classic consumer reads from its settings. Every value, and every default, comes from
 * {@link ConsumerSettings} (Kafka's names, defaults and validation); this only adds what subscribe() requires: a
 * group id and the classic protocol. Immutable.
 */
public record ConsumerClientConfig(ConsumerSettings settings) {

    public ConsumerClientConfig {
        Objects.requireNonNull(settings, "settings");
        if (settings.groupId().isEmpty()) {
            // KafkaConsumer.subscribe without group.id throws InvalidGroupIdException.
            throw new IllegalArgumentException("To use the group management or offset commit APIs, you must "
                    + "provide a valid group.id in the consumer configuration.");
        }
        if (settings.groupProtocol() != GroupProtocol.CLASSIC) {
            throw new IllegalArgumentException("this consumer models group.protocol=classic only");
        }
    }

    /** Kafka's defaults for a consumer of {@code groupId}. */
    public static ConsumerClientConfig defaults(String groupId) {
        return new ConsumerClientConfig(ConsumerSettings.from(Map.of(ConsumerConfigs.GROUP_ID, groupId)));
    }

    /** A copy with one setting changed, by Kafka's name (validated like the rest). */
    public ConsumerClientConfig with(String name, Object value) {
        return new ConsumerClientConfig(settings.with(name, value));
    }

    /** {@code group.id}. */
    public String groupId() {
        return settings.groupId().orElseThrow();
    }

    /** {@code group.instance.id}: present for a static member (KIP-345). */
    public Optional<String> groupInstanceId() {
        return settings.groupInstanceId();
    }

    public boolean isStatic() {
        return groupInstanceId().isPresent();
    }

    /** {@code session.timeout.ms}, sent in JoinGroup. */
    public int sessionTimeoutMs() {
        return settings.sessionTimeoutMs();
    }

    /** {@code heartbeat.interval.ms}. */
    public int heartbeatIntervalMs() {
        return settings.heartbeatIntervalMs();
    }

    /** {@code max.poll.interval.ms}, also sent as the rebalance timeout. */
    public int maxPollIntervalMs() {
        return settings.maxPollIntervalMs();
    }

    /** {@code max.poll.records}. */
    public int maxPollRecords() {
        return settings.maxPollRecords();
    }

    /** {@code enable.auto.commit}. */
    public boolean enableAutoCommit() {
        return settings.enableAutoCommit();
    }

    /** {@code auto.commit.interval.ms}. */
    public int autoCommitIntervalMs() {
        return settings.autoCommitIntervalMs();
    }

    /** {@code auto.offset.reset}. */
    public AutoOffsetReset autoOffsetReset() {
        return settings.autoOffsetReset();
    }

    /** {@code partition.assignment.strategy} as protocol names, in preference order. */
    public List<String> assignmentStrategies() {
        return settings.partitionAssignmentStrategy();
    }

    /** {@code retry.backoff.ms}. */
    public long retryBackoffMs() {
        return settings.retryBackoffMs();
    }

    /**
     * retry.backoff.ms as a wait on the virtual clock: at least 1 ms, so that with retry.backoff.ms = 0 a retry that
     * fails at once is not retried forever within one virtual millisecond, where Kafka's real clock moves on. (What
     * the sentences quote is {@link #retryBackoffMs}, the setting itself.)
     */
    public long retryWaitMs() {
        return Math.max(1, settings.retryBackoffMs());
    }

    /** {@code retry.backoff.max.ms}. */
    public long retryBackoffMaxMs() {
        return settings.retryBackoffMaxMs();
    }

    /** {@code fetch.min.bytes}. */
    public int fetchMinBytes() {
        return settings.fetchMinBytes();
    }

    /** {@code fetch.max.bytes}. */
    public int fetchMaxBytes() {
        return settings.fetchMaxBytes();
    }

    /** {@code fetch.max.wait.ms}. */
    public int fetchMaxWaitMs() {
        return settings.fetchMaxWaitMs();
    }

    /** {@code max.partition.fetch.bytes}. */
    public int maxPartitionFetchBytes() {
        return settings.maxPartitionFetchBytes();
    }
}
