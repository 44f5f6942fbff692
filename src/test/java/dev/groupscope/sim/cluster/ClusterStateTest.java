package dev.groupscope.sim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groupscope.sim.engine.DeterministicRandom;
import dev.groupscope.sim.offsets.OffsetCommitKey;
import dev.groupscope.sim.offsets.OffsetCommitValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterStateTest {

    private static ClusterState threeBrokers() {
        ClusterState cluster = new ClusterState();
        for (int id = 0; id < 3; id++) {
            cluster.addBroker(id);
        }
        return cluster;
    }

    @Test
    void aCopySharesTheOffsetsLogsAndEachSideCopiesOneBeforeWritingIt() {
        ClusterState original = threeBrokers();
        original.createOffsetsTopic(3, 1, 10, 0.5, 1000, new DeterministicRandom(1));
        OffsetCommitKey key = new OffsetCommitKey("g", "orders", 0);
        original.offsetsLogToChange(1).append(1, key, new OffsetCommitValue(5, -1, "", 1));
        assertThat(original.offsetsLogToChange(1)).isSameAs(original.offsetsLog(1)); // its own: written in place

        ClusterState copy = original.copy();
        assertThat(copy.offsetsLog(1)).isSameAs(original.offsetsLog(1));
        copy.offsetsLogToChange(1).append(2, key, new OffsetCommitValue(6, -1, "", 2));
        original.offsetsLogToChange(1).append(3, key, new OffsetCommitValue(7, -1, "", 3));

        assertThat(copy.offsetsLog(1).entries()).extracting(entry -> ((OffsetCommitValue) entry.value()).offset())
                .containsExactly(5L, 6L);
        assertThat(original.offsetsLog(1).entries()).extracting(entry -> ((OffsetCommitValue) entry.value()).offset())
                .containsExactly(5L, 7L);
        assertThat(copy.offsetsLog(2)).isSameAs(original.offsetsLog(2)); // untouched: still shared
    }

    @Test
    void replicasAreStripedAcrossBrokersSoLeadersSpreadEvenly() {
        ClusterState cluster = threeBrokers();
        cluster.createTopic("orders", 6, 2, new DeterministicRandom(1));
        long[] leaderships = new long[3];
        for (int p = 0; p < 6; p++) {
            PartitionState partition = cluster.partition("orders", p);
            assertThat(partition.replicas()).hasSize(2).doesNotHaveDuplicates();
            leaderships[partition.leader()]++;
        }
        assertThat(leaderships).containsExactly(2, 2, 2);
    }

    @Test
    void aPreferredElectionGivesEachPartitionBackToItsFirstReplicaOnceThatBrokerIsUp() {
        ClusterState cluster = threeBrokers();
        cluster.createTopic("orders", 6, 2, new DeterministicRandom(1));
        assertThat(cluster.arePartitionLeadersImbalanced()).isFalse();
        List<LeaderChange> movedAway = cluster.stopBroker(0);

        assertThat(cluster.arePartitionLeadersImbalanced()).isTrue();
        assertThat(cluster.balancePartitionLeaders(1_000)).as("broker 0 is still down").isEmpty();

        assertThat(cluster.startBroker(0)).as("they all kept a live leader").isEmpty();
        List<LeaderChange> movedBack = cluster.balancePartitionLeaders(1_000);

        assertThat(movedBack).extracting(LeaderChange::partition)
                .containsExactlyElementsOf(movedAway.stream().map(LeaderChange::partition).toList());
        assertThat(movedBack).allSatisfy(change -> assertThat(change.newLeader()).isZero());
        assertThat(cluster.arePartitionLeadersImbalanced()).isFalse();
    }

    @Test
    void aPreferredElectionMovesAtMostTheGivenNumberOfLeaders() {
        ClusterState cluster = threeBrokers();
        cluster.createTopic("orders", 6, 2, new DeterministicRandom(1));
        cluster.stopBroker(0);
        cluster.startBroker(0);

        assertThat(cluster.balancePartitionLeaders(1)).hasSize(1);
        assertThat(cluster.balancePartitionLeaders(1_000)).hasSize(1);
        assertThat(cluster.arePartitionLeadersImbalanced()).isFalse();
    }

    @Test
    void anOfflinePartitionIsImbalanced() {
        ClusterState cluster = threeBrokers();
        cluster.createTopic("orders", 3, 1, new DeterministicRandom(1));
        int leader = cluster.leaderOf("orders", 0);
        cluster.stopBroker(leader);

        assertThat(cluster.leaderOf("orders", 0)).isEqualTo(PartitionState.NO_LEADER);
        assertThat(cluster.arePartitionLeadersImbalanced()).isTrue();
    }

    @Test
    void whenALeadersBrokerStopsLeadershipMovesToTheNextLiveReplica() {
        ClusterState cluster = threeBrokers();
        cluster.createTopic("orders", 3, 3, new DeterministicRandom(1));
        int leader = cluster.leaderOf("orders", 0);
        int next = cluster.partition("orders", 0).replicas().get(1);

        List<LeaderChange> changes = cluster.stopBroker(leader);

        assertThat(cluster.leaderOf("orders", 0)).isEqualTo(next);
        assertThat(changes).contains(new LeaderChange("orders", 0, leader, next));
        assertThat(changes).allMatch(change -> change.oldLeader() == leader);
    }

    @Test
    void aPartitionWithNoLiveReplicaIsOfflineUntilOneReturns() {
        ClusterState cluster = threeBrokers();
        cluster.createTopic("solo", 1, 1, new DeterministicRandom(5));
        int only = cluster.leaderOf("solo", 0);

        cluster.stopBroker(only);
        assertThat(cluster.leaderOf("solo", 0)).isEqualTo(PartitionState.NO_LEADER);

        assertThat(cluster.startBroker(only)).containsExactly(new LeaderChange("solo", 0, PartitionState.NO_LEADER,
                only));
    }

    @Test
    void theOffsetsTopicsReplicationIsCappedByTheBrokersThereAre() {
        ClusterState cluster = threeBrokers();
        cluster.createOffsetsTopic(50, 5, 100, 0.5, 86_400_000, new DeterministicRandom(2));
        assertThat(cluster.partition(ClusterState.OFFSETS_TOPIC, 0).replicas()).hasSize(3);
        assertThat(cluster.offsetsPartitionCount()).isEqualTo(50);
        assertThat(cluster.partitionsPerTopic()).doesNotContainKey(ClusterState.OFFSETS_TOPIC);
    }

    @Test
    void anOrdinaryTopicCannotHaveMoreReplicasThanBrokers() {
        ClusterState cluster = threeBrokers();
        assertThatThrownBy(() -> cluster.createTopic("t", 1, 4, new DeterministicRandom(1)))
                .hasMessageContaining("larger than the 3 available brokers");
    }

    @Test
    void partitionsCanBeAddedButNeverRemoved() {
        ClusterState cluster = threeBrokers();
        cluster.createTopic("t", 2, 1, new DeterministicRandom(1));
        cluster.increasePartitions("t", 5, new DeterministicRandom(9));
        assertThat(cluster.partitionCount("t")).isEqualTo(5);
        assertThat(cluster.log("t", 4).logEndOffset()).isZero();
        assertThatThrownBy(() -> cluster.increasePartitions("t", 3, new DeterministicRandom(1)))
                .hasMessageContaining("can only grow");
    }

    @Test
    void aCopyIsUnaffectedByWhatHappensToTheOriginalAfterwards() {
        ClusterState cluster = threeBrokers();
        cluster.createTopic("t", 1, 3, new DeterministicRandom(1));
        for (int i = 0; i < 5_000; i++) {
            cluster.append("t", 0, i, cluster.keys().idOf("k" + (i % 7)));
        }
        ClusterState snapshot = cluster.copy();

        cluster.append("t", 0, 9_999, cluster.keys().idOf("new-key"));
        cluster.stopBroker(cluster.leaderOf("t", 0));

        assertThat(snapshot.log("t", 0).logEndOffset()).isEqualTo(5_000);
        assertThat(snapshot.keys().size()).isEqualTo(7);
        assertThat(snapshot.view()).isNotEqualTo(cluster.view());
        snapshot.append("t", 0, 5_000, snapshot.keys().idOf("fork-key"));
        assertThat(cluster.log("t", 0).keyIdAt(5_000)).isEqualTo(cluster.keys().idOf("new-key"));
    }
}
