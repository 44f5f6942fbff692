package dev.groupscope.sim.coordinator;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.config.BrokerSettings;
import dev.groupscope.sim.engine.Context;
import dev.groupscope.sim.offsets.CompactedLog;
import dev.groupscope.sim.protocol.Network;
import java.util.function.Predicate;

/**
 * What a coordinator shard works with while it handles one request or timer: the step's context, the actor that
 * hosts every broker (timers are addressed to it), the broker leading the shard's partition, the network replies
 * travel over, the broker's settings, the partition's log, and which partitions exist in the broker's metadata
 * (OffsetCommit refuses others).
 * Built afresh for each call and never stored.
 */
public record CoordinatorEnv(Context context, String hostActorId, int brokerId, Network network,
                             BrokerSettings settings, CompactedLog log,
                             Predicate<TopicPartition> partitionExists) {

    /** The names of the first brokers, made once: nearly every message and event names its broker. */
    private static final String[] BROKER_ACTORS = java.util.stream.IntStream.range(0, 64)
            .mapToObj(id -> "broker-" + id).toArray(String[]::new);

    /** The actor name events use for the broker: {@code broker-<id>}. */
    public String brokerActor() {
        return brokerActor(brokerId);
    }

    public static String brokerActor(int brokerId) {
        return brokerId >= 0 && brokerId < BROKER_ACTORS.length ? BROKER_ACTORS[brokerId] : "broker-" + brokerId;
    }

    public static String groupActor(String groupId) {
        return "group:" + groupId;
    }
}
