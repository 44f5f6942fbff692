package dev.groupscope.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How Kafka picks a group's coordinator: the group id's Java hash, made non-negative with Kafka's {@code Utils.abs},
 * modulo the partition count of {@code __consumer_offsets}, names one partition; that partition's leader broker
 * coordinates the group (Kafka's {@code GroupCoordinatorService.partitionFor} and the broker's FindCoordinator
 * handling).
 */
public final class GroupCoordinatorPartitioning {

    /** {@code offsets.topic.num.partitions}' default. */
    public static final int DEFAULT_OFFSETS_TOPIC_PARTITIONS = 50;

    private GroupCoordinatorPartitioning() {
    }

    /**
     * Kafka's {@code Utils.abs}: the absolute value, except that {@link Integer#MIN_VALUE} (which has no positive
     * counterpart, so {@code Math.abs} leaves it negative) becomes 0. Not {@code toPositive}, which masks the sign bit
     * and so gives a different answer for every negative hash.
     */
    public static int abs(int n) {
        return n == Integer.MIN_VALUE ? 0 : Math.abs(n);
    }

    public static OffsetsTopicPartition partitionFor(String groupId) {
        return partitionFor(groupId, DEFAULT_OFFSETS_TOPIC_PARTITIONS);
    }

    /**
     * The partition of {@code __consumer_offsets} that holds the group, with every intermediate value.
     *
     * @param partitionCount the partition count of {@code __consumer_offsets}: the existing topic's, or
     *                       {@code offsets.topic.num.partitions} before it exists; at least 1
     */
    public static OffsetsTopicPartition partitionFor(String groupId, int partitionCount) {
        Objects.requireNonNull(groupId, "groupId");
        if (partitionCount < 1) {
            throw new IllegalArgumentException(
                    "__consumer_offsets has at least 1 partition, got " + partitionCount);
        }
        int hash = groupId.hashCode();
        int abs = abs(hash);
        return new OffsetsTopicPartition(groupId, hash, abs, partitionCount, abs % partitionCount);
    }

    /**
     * Every step from a group id to its coordinator in a cluster, for a learner: the hash, Kafka's abs (with the
     * {@code Integer.MIN_VALUE} case named when it happens), the modulo, and the leader of that partition of
     * {@code __consumer_offsets} (or why FindCoordinator would answer COORDINATOR_NOT_AVAILABLE). The numbers are the
     * ones {@link #partitionFor} and {@link #findCoordinator} compute.
     */
    public static List<CoordinatorStep> steps(String groupId, int partitionCount, OffsetsTopicMetadata metadata) {
        CoordinatorLookup lookup = findCoordinator(groupId, partitionCount, metadata);
        OffsetsTopicPartition p = lookup.partition();
        List<CoordinatorStep> steps = new ArrayList<>();
        steps.add(new CoordinatorStep(CoordinatorStep.Kind.HASH, "coordinator.step.hash",
                Map.of("group", groupId, "hash", p.hash())));
        steps.add(p.hash() == Integer.MIN_VALUE
                ? new CoordinatorStep(CoordinatorStep.Kind.ABS, "coordinator.step.absMinValue",
                        Map.of("hash", p.hash(), "abs", p.abs()))
                : new CoordinatorStep(CoordinatorStep.Kind.ABS, "coordinator.step.abs",
                        Map.of("hash", p.hash(), "abs", p.abs())));
        steps.add(new CoordinatorStep(CoordinatorStep.Kind.MODULO, "coordinator.step.modulo",
                Map.of("abs", p.abs(), "partitions", p.partitionCount(), "partition", p.partition())));
        Map<String, Object> leaderArgs = new LinkedHashMap<>();
        leaderArgs.put("partition", p.partition());
        lookup.coordinator().ifPresent(broker -> leaderArgs.put("broker", broker));
        if (lookup.reason() == CoordinatorLookup.Reason.LEADER_NOT_ALIVE) {
            leaderArgs.put("broker", metadata.leaderOf(p.partition()).getAsInt());
        }
        steps.add(new CoordinatorStep(CoordinatorStep.Kind.LEADER, lookup.reason().messageKey(), leaderArgs));
        return List.copyOf(steps);
    }

    /**
     * FindCoordinator as the broker answers it: the leader of the group's partition if that leader is alive,
     * otherwise COORDINATOR_NOT_AVAILABLE (the client backs off and asks again).
     */
    public static CoordinatorLookup findCoordinator(String groupId, int partitionCount, OffsetsTopicMetadata metadata) {
        OffsetsTopicPartition partition = partitionFor(groupId, partitionCount);
        if (!metadata.exists()) {
            return CoordinatorLookup.notAvailable(partition, CoordinatorLookup.Reason.TOPIC_MISSING);
        }
        OptionalInt leader = metadata.leaderOf(partition.partition());
        if (leader.isEmpty()) {
            return CoordinatorLookup.notAvailable(partition, CoordinatorLookup.Reason.NO_LEADER);
        }
        if (!metadata.isAlive(leader.getAsInt())) {
            return CoordinatorLookup.notAvailable(partition, CoordinatorLookup.Reason.LEADER_NOT_ALIVE);
        }
        return CoordinatorLookup.found(partition, leader.getAsInt());
    }
}
