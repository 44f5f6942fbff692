package dev.groupscope.sim.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings a simulated classic {@code KafkaConsumer} runs with, each under Kafka's name. Immutable.
 *
 * @param groupId                  {@code group.id}
 * @param groupInstanceId          {@code group.instance.id}: present for a static member (KIP-345)
 * @param sessionTimeoutMs         {@code session.timeout.ms}, sent in JoinGroup
 * @param heartbeatIntervalMs      {@code heartbeat.interval.ms}
 * @param maxPollIntervalMs        {@code max.poll.interval.ms}, also sent as the rebalance timeout
 * @param maxPollRecords           {@code max.poll.records}
 * @param enableAutoCommit         {@code enable.auto.commit}
 * @param autoCommitIntervalMs     {@code auto.commit.interval.ms}
 * @param autoOffsetReset          {@code auto.offset.reset}
 * @param assignmentStrategies     {@code partition.assignment.strategy} as protocol names, in preference order
 * @param retryBackoffMs           {@code retry.backoff.ms}
 * @param retryBackoffMaxMs        {@code retry.backoff.max.ms}
 * @param fetchMinBytes            {@code fetch.min.bytes}
 * @param fetchMaxBytes            {@code fetch.max.bytes}
 * @param fetchMaxWaitMs           {@code fetch.max.wait.ms}
 * @param maxPartitionFetchBytes   {@code max.partition.fetch.bytes}
 */
public record ConsumerClientConfig(String groupId, Optional<String> groupInstanceId, int sessionTimeoutMs,
                                   int heartbeatIntervalMs, int maxPollIntervalMs, int maxPollRecords,
                                   boolean enableAutoCommit, int autoCommitIntervalMs,
                                   OffsetReset autoOffsetReset, List<String> assignmentStrategies,
                                   long retryBackoffMs, long retryBackoffMaxMs, int fetchMinBytes, int fetchMaxBytes,
                                   int fetchMaxWaitMs, int maxPartitionFetchBytes) {

    /** {@code auto.offset.reset}: where to start when the group has committed nothing for a partition. */
    public enum OffsetReset {
        EARLIEST, LATEST, NONE
    }

    public ConsumerClientConfig {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(groupInstanceId, "groupInstanceId");
        Objects.requireNonNull(autoOffsetReset, "autoOffsetReset");
        assignmentStrategies = List.copyOf(assignmentStrategies);
        if (assignmentStrategies.isEmpty()) {
            throw new IllegalArgumentException("partition.assignment.strategy needs at least one assignor");
        }
        if (heartbeatIntervalMs >= sessionTimeoutMs) {
            // Kafka's Heartbeat constructor refuses this too.
            throw new IllegalArgumentException("heartbeat.interval.ms must be lower than session.timeout.ms");
        }
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("max.poll.records must be at least 1");
        }
    }

    /** Kafka 4.1's defaults for a consumer of {@code groupId}. */
    public static ConsumerClientConfig defaults(String groupId) {
        return new ConsumerClientConfig(groupId, Optional.empty(), 45000, 3000, 300000, 500, true, 5000,
                OffsetReset.LATEST, List.of("range", "cooperative-sticky"), 100, 1000, 1, 52428800, 500, 1048576);
    }

    public boolean isStatic() {
        return groupInstanceId.isPresent();
    }

    public ConsumerClientConfig withGroupInstanceId(String instanceId) {
        return new ConsumerClientConfig(groupId, Optional.ofNullable(instanceId), sessionTimeoutMs,
                heartbeatIntervalMs, maxPollIntervalMs, maxPollRecords, enableAutoCommit, autoCommitIntervalMs,
                autoOffsetReset, assignmentStrategies, retryBackoffMs, retryBackoffMaxMs, fetchMinBytes,
                fetchMaxBytes, fetchMaxWaitMs, maxPartitionFetchBytes);
    }

    public ConsumerClientConfig withTimeouts(int sessionTimeout, int heartbeatInterval, int maxPollInterval) {
        return new ConsumerClientConfig(groupId, groupInstanceId, sessionTimeout, heartbeatInterval,
                maxPollInterval, maxPollRecords, enableAutoCommit, autoCommitIntervalMs, autoOffsetReset,
                assignmentStrategies, retryBackoffMs, retryBackoffMaxMs, fetchMinBytes, fetchMaxBytes,
                fetchMaxWaitMs, maxPartitionFetchBytes);
    }

    public ConsumerClientConfig withAssignmentStrategies(List<String> strategies) {
        return new ConsumerClientConfig(groupId, groupInstanceId, sessionTimeoutMs, heartbeatIntervalMs,
                maxPollIntervalMs, maxPollRecords, enableAutoCommit, autoCommitIntervalMs, autoOffsetReset,
                strategies, retryBackoffMs, retryBackoffMaxMs, fetchMinBytes, fetchMaxBytes, fetchMaxWaitMs,
                maxPartitionFetchBytes);
    }

    public ConsumerClientConfig withCommit(boolean autoCommit, int intervalMs) {
        return new ConsumerClientConfig(groupId, groupInstanceId, sessionTimeoutMs, heartbeatIntervalMs,
                maxPollIntervalMs, maxPollRecords, autoCommit, intervalMs, autoOffsetReset, assignmentStrategies,
                retryBackoffMs, retryBackoffMaxMs, fetchMinBytes, fetchMaxBytes, fetchMaxWaitMs,
                maxPartitionFetchBytes);
    }

    public ConsumerClientConfig withFetching(OffsetReset reset, int pollRecords) {
        return new ConsumerClientConfig(groupId, groupInstanceId, sessionTimeoutMs, heartbeatIntervalMs,
                maxPollIntervalMs, pollRecords, enableAutoCommit, autoCommitIntervalMs, reset, assignmentStrategies,
                retryBackoffMs, retryBackoffMaxMs, fetchMinBytes, fetchMaxBytes, fetchMaxWaitMs,
                maxPartitionFetchBytes);
    }
}
