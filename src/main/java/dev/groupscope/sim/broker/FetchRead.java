package dev.groupscope.sim.broker;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.cluster.ClusterState;
import dev.groupscope.sim.protocol.Requests.FetchRequest;
import dev.groupscope.sim.protocol.Responses.FetchedPartition;
import java.util.Collections;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * What a broker can answer to a fetch right now: per partition an error or the records from the fetch offset, as
 * many as fit in the request's max bytes and the partition's max bytes — but at least one record overall, as Kafka returns the first record even
 * when it is larger than the limit (KIP-74), so a consumer always makes progress.
 */
record FetchRead(Map<TopicPartition, FetchedPartition> partitions, int records, boolean anyError) {

    /** Kafka's high watermark of a partition answered with an error. */
    static final long INVALID_HIGH_WATERMARK = -1;

    FetchRead {
        // Made only by read(), from a map of its own that nothing else holds: wrapped, not copied (every parked
        // fetch is read again at each append to one of its partitions). In the order read, which the answer keeps.
        if (!(partitions instanceof LinkedHashMap)) {
            partitions = new LinkedHashMap<>(partitions);
        }
        partitions = Collections.unmodifiableMap(partitions);
    }

    /** Reads the partitions a full request names. */
    static FetchRead read(ClusterState state, int broker, FetchRequest request, int recordSizeBytes) {
        return read(state, broker, request.fetchOffsets(), request, recordSizeBytes);
    }

    /**
     * Reads {@code offsets} (a full request's, or a session's partitions that may have something to answer) within
     * the request's byte limits, in the map's order: the first partitions read take the bytes first.
     */
    static FetchRead read(ClusterState state, int broker, Map<TopicPartition, Long> offsets, FetchRequest request,
                          int recordSizeBytes) {
        return read(state, broker, offsets.keySet(), offsets::get, request, recordSizeBytes);
    }

    /** Reads {@code partitions}, in their iteration order, each from {@code offsetOf}. */
    static FetchRead read(ClusterState state, int broker, Iterable<TopicPartition> partitionsToRead,
                          java.util.function.ToLongFunction<TopicPartition> offsetOf, FetchRequest request,
                          int recordSizeBytes) {
        Map<TopicPartition, FetchedPartition> partitions = new LinkedHashMap<>();
        long remainingBytes = request.maxBytes();
        int records = 0;
        boolean anyError = false;
        for (TopicPartition partition : partitionsToRead) {
            long offset = offsetOf.applyAsLong(partition);
            Errors error = check(state, broker, partition, offset);
            if (error != Errors.NONE) {
                anyError = true;
                partitions.put(partition, failed(state, partition, error, offset));
                continue;
            }
            long logEnd = state.log(partition.topic(), partition.partition()).logEndOffset();
            long available = logEnd - offset;
            // fetch.max.bytes bounds the response, max.partition.fetch.bytes each partition.
            long partitionRecords = Math.min(remainingBytes, request.partitionMaxBytes()) / recordSizeBytes;
            int count = (int) Math.min(available, partitionRecords);
            if (count == 0 && available > 0 && records == 0) {
                count = 1;
            }
            remainingBytes = Math.max(0, remainingBytes - (long) count * recordSizeBytes);
            records += count;
            int lastEpoch = count == 0 ? -1
                    : state.partition(partition.topic(), partition.partition()).epochOf(offset + count - 1);
            partitions.put(partition, new FetchedPartition(Errors.NONE, offset, count, logEnd, -1, -1, lastEpoch));
        }
        return new FetchRead(partitions, records, anyError);
    }

    /**
     * An error answer; NOT_LEADER_OR_FOLLOWER names the partition's current leader and epoch, as KafkaApis has done
     * since KIP-951 (Kafka 3.7), when it has one.
     */
    private static FetchedPartition failed(ClusterState state, TopicPartition partition, Errors error, long offset) {
        if (error != Errors.NOT_LEADER_OR_FOLLOWER) {
            return new FetchedPartition(error, offset, 0, INVALID_HIGH_WATERMARK);
        }
        var current = state.partition(partition.topic(), partition.partition());
        return current.leader() < 0 ? new FetchedPartition(error, offset, 0, INVALID_HIGH_WATERMARK)
                : new FetchedPartition(error, offset, 0, INVALID_HIGH_WATERMARK, current.leader(),
                        current.leaderEpoch());
    }

    private static Errors check(ClusterState state, int broker, TopicPartition partition, long offset) {
        if (!state.hasTopic(partition.topic()) || partition.topic().equals(ClusterState.OFFSETS_TOPIC)
                || partition.partition() >= state.partitionCount(partition.topic())) {
            return Errors.UNKNOWN_TOPIC_OR_PARTITION;
        }
        if (state.leaderOf(partition.topic(), partition.partition()) != broker) {
            return Errors.NOT_LEADER_OR_FOLLOWER;
        }
        long logEnd = state.log(partition.topic(), partition.partition()).logEndOffset();
        return offset < 0 || offset > logEnd ? Errors.OFFSET_OUT_OF_RANGE : Errors.NONE;
    }

    long bytes(int recordSizeBytes) {
        return (long) records * recordSizeBytes;
    }

    /** Kafka answers at once with an error, with enough bytes, or when the consumer will not wait. */
    boolean answersNow(FetchRequest request, int recordSizeBytes) {
        return anyError || bytes(recordSizeBytes) >= request.minBytes() || request.maxWaitMs() <= 0;
    }
}
