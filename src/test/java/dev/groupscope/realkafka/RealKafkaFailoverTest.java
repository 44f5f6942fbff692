package dev.groupscope.realkafka;

import dev.groupscope.kafka.GroupCoordinatorPartitioning;

import static dev.groupscope.realkafka.Step.awaitProcessed;
import static dev.groupscope.realkafka.Step.awaitStable;
import static dev.groupscope.realkafka.Step.commit;
import static dev.groupscope.realkafka.Step.produce;
import static dev.groupscope.realkafka.Step.start;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Coordinator failover with the classic protocol, on a cluster of its own because it stops a broker: the group
 * moves to the new leader of its {@code __consumer_offsets} partition, which loads it from that partition, and the
 * members carry on in the same generation.
 */
class RealKafkaFailoverTest {

    private static final long MORE_THAN_A_SESSION =
            ScriptedGroupRun.SESSION_TIMEOUT_MS + 2L * ScriptedGroupRun.HEARTBEAT_INTERVAL_MS;

    @Test
    @Timeout(90)
    void whenTheCoordinatorStopsTheGroupMovesWithoutARebalance() throws Exception {
        try (RealKafkaCluster cluster = RealKafkaCluster.start(3)) {
            Step stop = Step.stopCoordinator();
            RunLog log = ScriptedGroupRun.on(cluster, "failover", "failover").assignor("range")
                    .run(GroupScript.of(start("c0"), start("c1"), start("c2"), awaitStable(3),
                            produce(30), awaitProcessed(), commit("c0"),
                            stop, Step.pause(MORE_THAN_A_SESSION),
                            produce(30), awaitProcessed(), commit("c0"), awaitStable(3)));

            int offsetsPartition =
                    GroupCoordinatorPartitioning.partitionFor("failover", cluster.offsetsTopicPartitions()).partition();
            assertThat(cluster.runningBrokerIds()).hasSize(2);
            assertThat(cluster.coordinatorOf("failover"))
                    .isIn(cluster.runningBrokerIds())
                    .isEqualTo(cluster.leaderOfOffsetsPartition(offsetsPartition));
            // No callback at all after the stop: no rebalance, so the generation is the one before it.
            assertThat(log.callbacksSince(stop)).isEmpty();
            // The new coordinator knows the generation: a commit in it succeeds.
            List<Observation> commitsAfter = log.timedSince(stop).stream().map(Timed::observation)
                    .filter(observation -> observation instanceof OffsetsCommitted).toList();
            assertThat(commitsAfter).singleElement().satisfies(commit -> assertThat(((OffsetsCommitted) commit).offsets()
                    .keySet()).isEqualTo(log.roundBefore(stop).assignment().get("c0")));
        }
    }
}
