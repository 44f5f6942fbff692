package dev.groupscope.sim.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.Errors;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.cluster.ClusterState;
import dev.groupscope.sim.cluster.PartitionLog;
import dev.groupscope.sim.cluster.PartitionState;
import dev.groupscope.sim.engine.DeterministicRandom;
import dev.groupscope.sim.protocol.Requests.OffsetForLeaderEpochRequest;
import dev.groupscope.sim.protocol.Requests.OffsetForLeaderEpochRequest.EpochToValidate;
import dev.groupscope.sim.protocol.Responses.EpochEndOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The leader's side of KIP-320: each partition's leader epoch cache (the log-end offset at which each leader
 * started) and the answer to OffsetForLeaderEpoch, as Kafka's {@code LeaderEpochFileCache.endOffsetFor} and
 * {@code Partition.lastOffsetForLeaderEpoch} give it.
 */
class OffsetForLeaderEpochTest {

    private static final TopicPartition T0 = new TopicPartition("t", 0);

    /** t-0 on three brokers: 10 records in epoch 0, leader stopped, 5 in epoch 1, that leader stopped too. */
    private static ClusterState cluster() {
        ClusterState cluster = new ClusterState();
        for (int id = 1; id <= 3; id++) {
            cluster.addBroker(id);
        }
        cluster.createTopic("t", 1, 3, new DeterministicRandom(1));
        append(cluster, 10);
        cluster.stopBroker(cluster.leaderOf("t", 0));
        append(cluster, 5);
        cluster.stopBroker(cluster.leaderOf("t", 0));
        return cluster;
    }

    private static void append(ClusterState cluster, int records) {
        for (int i = 0; i < records; i++) {
            cluster.append("t", 0, 0, PartitionLog.NO_KEY);
        }
    }

    private static EpochEndOffset ask(ClusterState cluster, int broker, int currentLeaderEpoch, int leaderEpoch) {
        return OffsetForLeaderEpochHandler.answer(cluster, broker, new OffsetForLeaderEpochRequest(1,
                Map.of(T0, new EpochToValidate(currentLeaderEpoch, leaderEpoch)))).partitions().get(T0);
    }

    @Test
    void eachEpochEndsWhereTheNextLeaderStartedAndTheCurrentOneAtTheLogEnd() {
        ClusterState cluster = cluster();
        PartitionState t0 = cluster.partition("t", 0);
        assertThat(t0.leaderEpoch()).isEqualTo(2);
        int leader = t0.leader();
        assertThat(ask(cluster, leader, 2, 0)).isEqualTo(new EpochEndOffset(Errors.NONE, 0, 10));
        assertThat(ask(cluster, leader, 2, 1)).isEqualTo(new EpochEndOffset(Errors.NONE, 1, 15));
        assertThat(ask(cluster, leader, 2, 2)).isEqualTo(new EpochEndOffset(Errors.NONE, 2, 15));
        // An epoch the cache does not know, above all of them: no end offset (a truncation for the consumer).
        assertThat(ask(cluster, leader, 2, 7)).isEqualTo(new EpochEndOffset(Errors.NONE, -1, -1));
        assertThat(t0.epochOf(9)).isEqualTo(0);
        assertThat(t0.epochOf(10)).isEqualTo(1);
        assertThat(t0.epochOf(14)).isEqualTo(1);
    }

    @Test
    void anEpochWithoutALeaderEndsNothing() {
        ClusterState cluster = cluster();
        int leader = cluster.leaderOf("t", 0);
        cluster.stopBroker(leader); // offline: epoch 3, no leader, no entry
        cluster.startBroker(leader); // epoch 4, starting at the log end
        append(cluster, 2);
        PartitionState t0 = cluster.partition("t", 0);
        assertThat(t0.leaderEpoch()).isEqualTo(4);
        assertThat(ask(cluster, leader, 4, 2)).isEqualTo(new EpochEndOffset(Errors.NONE, 2, 15));
        assertThat(ask(cluster, leader, 4, 3)).as("epoch 3 had no leader: the largest before it is 2")
                .isEqualTo(new EpochEndOffset(Errors.NONE, 2, 15));
        assertThat(t0.epochOf(16)).isEqualTo(4);
    }

    @Test
    void onlyTheLeaderAnswersAndItFencesStaleOrUnknownLeaderEpochs() {
        ClusterState cluster = cluster();
        int leader = cluster.leaderOf("t", 0);
        int follower = leader == 1 ? 2 : 1;
        assertThat(ask(cluster, follower, 2, 0).error()).isEqualTo(Errors.NOT_LEADER_OR_FOLLOWER);
        assertThat(ask(cluster, leader, 1, 0).error()).isEqualTo(Errors.FENCED_LEADER_EPOCH);
        assertThat(ask(cluster, leader, 3, 0).error()).isEqualTo(Errors.UNKNOWN_LEADER_EPOCH);
        assertThat(OffsetForLeaderEpochHandler.answer(cluster, leader, new OffsetForLeaderEpochRequest(1,
                Map.of(new TopicPartition("nope", 0), new EpochToValidate(0, 0)))).partitions().values())
                .extracting(EpochEndOffset::error).containsExactly(Errors.UNKNOWN_TOPIC_OR_PARTITION);
    }
}
