package dev.groupscope.ui;

import dev.groupscope.kafka.OffsetsTopicMetadata;
import dev.groupscope.kafka.config.ConsumerSettings;
import dev.groupscope.sim.client.CommitPolicy;
import dev.groupscope.sim.ledger.Ledger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a frame knows beyond what the window draws: the details tooltips show, the cluster state the coordinator
 * calculator works on and each consumer's settings for the settings sheet. Read from the model with the frame (see
 * {@link FrameReader}); immutable, no JavaFX.
 *
 * @param offsetsPartitionCount the partition count of {@code __consumer_offsets} (0 before it exists)
 * @param offsetsTopic          what a broker answering FindCoordinator knows: leaders and live brokers
 */
public record FrameDetails(int offsetsPartitionCount, OffsetsTopicMetadata offsetsTopic,
                           PartitionDetails partitions, Map<String, ConsumerDetail> consumers) {

    /** A frame read without the world (tests that build frames by hand). */
    public static final FrameDetails NONE = new FrameDetails(0, OffsetsTopicMetadata.missing(),
            PartitionDetails.NONE, Map.of());

    public FrameDetails {
        java.util.Objects.requireNonNull(partitions, "partitions");
        consumers = Collections.unmodifiableMap(new LinkedHashMap<>(consumers));
    }

    public Optional<PartitionDetail> partition(String name) {
        return partitions.partition(name);
    }

    public Optional<ConsumerDetail> consumer(String clientId) {
        return Optional.ofNullable(consumers.get(clientId));
    }

    /** A partition's replicas and, for every group that has a member or a commit on it, its owner and offsets. */
    public record PartitionDetail(String name, int leader, int leaderEpoch, List<Integer> replicas,
                                  long logEndOffset, List<GroupOnPartition> groups) {
        public PartitionDetail {
            replicas = List.copyOf(replicas);
            groups = List.copyOf(groups);
        }
    }

    /**
     * One group on a partition: the owning consumer (null: none), the committed offset and the owner's position.
     * {@code repeats}: the ranges the group processed more than once, newest first (at most
     * {@link PartitionDetails#REPEATS_SHOWN} + 1, the last only saying that there are more); {@code processedAgain}:
     * how many processings in all were of a record processed before; {@code outOfOrder}: how many records were
     * processed after a later record of the partition, {@code keyOutOfOrder} of them after a later one of their key
     * (a worker pool's order, as the ledger counts it); {@code lost}: how many records below the committed offset the
     * group never processed.
     */
    public record GroupOnPartition(String groupId, String owner, Long committed, Long position,
                                   List<Ledger.Repeat> repeats, long processedAgain, long outOfOrder,
                                   long keyOutOfOrder, long lost) {
        public GroupOnPartition {
            repeats = List.copyOf(repeats);
        }
    }

    /**
     * A consumer's identity, settings and timers.
     *
     * @param nextHeartbeatAt  when its heartbeat thread next sends (ms), or -1 when no heartbeat is due
     * @param pollDeadlineAt   when max.poll.interval.ms runs out if poll() is not called again, or -1
     * @param nextAutoCommitAt when auto commit is next due, or -1
     * @param processed        what the ledger counts against it so far: processed, processed again, order breaks
     */
    /** {@code joinSentAt}: when the JoinGroup it waits an answer for was sent, or -1; {@code joinTimeoutMs}: how long
     * kafka-clients waits for that answer. */
    public record ConsumerDetail(String clientId, String groupId, String memberId, Optional<String> instanceId,
                                 ConsumerSettings settings, CommitPolicy commitPolicy, long nextHeartbeatAt,
                                 long pollDeadlineAt, long nextAutoCommitAt, Ledger.Counts processed,
                                 long joinSentAt, long joinTimeoutMs) {
    }
}
