package org.apache.kafka.clients.producer.internals;

import java.util.function.IntSupplier;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.LogContext;

/**
 * Kafka's own {@link BuiltInPartitioner} with its random draws scripted, so GroupScope's sticky partitioning can be
 * compared with it draw for draw. It lives in Kafka's package only to reach the package-private methods the
 * producer's record accumulator calls; it is test code, never shipped.
 */
public final class ScriptedBuiltInPartitioner extends BuiltInPartitioner {

    private final IntSupplier draws;

    public ScriptedBuiltInPartitioner(String topic, int batchSize, IntSupplier draws) {
        super(new LogContext(), topic, batchSize);
        this.draws = draws;
    }

    @Override
    int randomPartition() {
        return draws.getAsInt();
    }

    /** Appends one unkeyed record as the accumulator does: peek the sticky partition, then report the bytes. */
    public int append(int recordBytes, Cluster cluster) {
        StickyPartitionInfo info = peekCurrentPartitionInfo(cluster);
        updatePartitionInfo(info, recordBytes, cluster);
        return info.partition();
    }
}
