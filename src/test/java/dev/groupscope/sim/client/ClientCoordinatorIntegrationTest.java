package dev.groupscope.sim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.broker.ClusterActions;
import dev.groupscope.sim.broker.ClusterSetup;
import dev.groupscope.sim.engine.SimEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real ConsumerActors against the real cluster actor and classic group coordinator, in the set-ups the real-Kafka
 * tests ran (shared/reference/real-kafka-in-tests.md): session.timeout.ms 6000, heartbeat.interval.ms 1000, static
 * members c0, c1, c2 on 6 partitions. Generations are compared by agreement and growth, not absolute numbers.
 */
class ClientCoordinatorIntegrationTest {

    private static final ClusterSetup CLUSTER = ClusterSetup.of(3).withTopic("t", 6, 1);

    private static ClientScenario staticGroup(String strategy) {
        ConsumerClientConfig config = ClientScenario.quick().with("partition.assignment.strategy", List.of(strategy));
        ClientScenario run = ClientScenario.onRealCluster(17, CLUSTER);
        for (String id : List.of("c0", "c1", "c2")) {
            run.consumer(id, config.with("group.instance.id", id), ConsumerBehavior.processing(0), "t")
                    .at(0, new ConsumerTasks.Start(id));
        }
        return run.runUntil(15_000);
    }

    private static List<String> after(List<String> callbacks, int from) {
        return callbacks.subList(from, callbacks.size());
    }

    @Test
    void rangeMatchesRealKafkaThroughALeave() {
        ClientScenario run = staticGroup("range");
        assertThat(run.view("c0").assigned()).containsExactly("t-0", "t-1");
        assertThat(run.view("c1").assigned()).containsExactly("t-2", "t-3");
        assertThat(run.view("c2").assigned()).containsExactly("t-4", "t-5");
        int generation = run.view("c0").generation();
        assertThat(run.view("c1").generation()).isEqualTo(generation);
        assertThat(run.view("c2").generation()).isEqualTo(generation);
        int c0 = run.callbacks("c0").size();
        int c1 = run.callbacks("c1").size();

        run.at(15_000, new ConsumerTasks.Close("c2", true)).runUntil(30_000);

        assertThat(run.view("c0").assigned()).containsExactly("t-0", "t-1", "t-2");
        assertThat(run.view("c1").assigned()).containsExactly("t-3", "t-4", "t-5");
        assertThat(after(run.callbacks("c0"), c0)).containsExactly("onPartitionsRevoked[t-0, t-1]",
                "onPartitionsAssigned[t-0, t-1, t-2]");
        assertThat(after(run.callbacks("c1"), c1)).containsExactly("onPartitionsRevoked[t-2, t-3]",
                "onPartitionsAssigned[t-3, t-4, t-5]");
        assertThat(run.view("c0").generation()).isGreaterThan(generation).isEqualTo(run.view("c1").generation());
    }

    @Test
    void cooperativeStickyMatchesRealKafkaThroughALeave() {
        ClientScenario run = staticGroup("cooperative-sticky");
        assertThat(run.view("c0").assigned()).containsExactly("t-0", "t-3");
        assertThat(run.view("c1").assigned()).containsExactly("t-1", "t-4");
        assertThat(run.view("c2").assigned()).containsExactly("t-2", "t-5");
        int c0 = run.callbacks("c0").size();
        int c1 = run.callbacks("c1").size();

        run.at(15_000, new ConsumerTasks.Close("c2", true)).runUntil(30_000);

        assertThat(run.view("c0").assigned()).containsExactly("t-0", "t-2", "t-3");
        assertThat(run.view("c1").assigned()).containsExactly("t-1", "t-4", "t-5");
        assertThat(after(run.callbacks("c0"), c0)).containsExactly("onPartitionsAssigned[t-2]");
        assertThat(after(run.callbacks("c1"), c1)).containsExactly("onPartitionsAssigned[t-5]");
    }

    @Test
    void aStaticMemberClosingWithoutLeaveIsRemovedOnlyAfterTheSessionTimeout() {
        ClientScenario run = staticGroup("range");
        int c0 = run.callbacks("c0").size();

        run.at(15_000, new ConsumerTasks.Close("c2", false)).runUntil(40_000);

        assertThat(run.requestEvents("c2", "LeaveGroup")).isEmpty();
        SimEvent revoke = run.events("c0", "onPartitionsRevoked").get(run.events("c0", "onPartitionsRevoked").size() - 1);
        // The coordinator waits session.timeout.ms (6000) after c2's last heartbeat before rebalancing.
        assertThat(revoke.time()).isBetween(20_000L, 22_500L);
        assertThat(after(run.callbacks("c0"), c0)).endsWith("onPartitionsAssigned[t-0, t-1, t-2]");
    }

    @Test
    void aCrashedDynamicMemberIsEvictedAndItsPartitionsMove() {
        ConsumerClientConfig config = ClientScenario.quick().with("partition.assignment.strategy", List.of("range"));
        ClientScenario run = ClientScenario.onRealCluster(23, CLUSTER);
        for (String id : List.of("C1", "C2")) {
            run.consumer(id, config, ConsumerBehavior.processing(0), "t").at(0, new ConsumerTasks.Start(id));
        }
        run.runUntil(15_000);
        assertThat(run.view("C1").assigned()).hasSize(3);
        assertThat(run.view("C2").assigned()).hasSize(3);

        run.at(15_000, new ConsumerTasks.Crash("C2")).runUntil(30_000);

        assertThat(run.view("C1").assigned()).containsExactly("t-0", "t-1", "t-2", "t-3", "t-4", "t-5");
        assertThat(run.view("C1").state()).isEqualTo(MemberState.STABLE);
        assertThat(run.events(event -> "C2".equals(event.peer()) && event.time() > 15_000
                && event.kind() == dev.groupscope.sim.engine.EventKind.REQUEST)).isEmpty();
    }

    @Test
    void aStalledMemberLeavesAfterMaxPollIntervalAndRejoinsWhenItPollsAgain() {
        ConsumerClientConfig config = ClientScenario.quick().with("partition.assignment.strategy", List.of("range"));
        ClientScenario run = ClientScenario.onRealCluster(29, CLUSTER);
        for (String id : List.of("C1", "C2")) {
            run.consumer(id, config, ConsumerBehavior.processing(0), "t").at(0, new ConsumerTasks.Start(id));
        }
        run.runUntil(15_000);

        // The stall starts when the poll() in progress returns; 10 s later (max.poll.interval.ms) C2 leaves.
        run.at(15_000, new ConsumerTasks.StallProcessing("C2", 20_000)).runUntil(34_000);
        SimEvent expired = run.events("C2", "PollTimeoutExpired").get(0);
        assertThat(expired.time()).isBetween(24_900L, 25_100L);
        assertThat(run.requestEvents("C2", "LeaveGroup")).hasSize(1);
        assertThat(run.view("C1").assigned()).hasSize(6);

        run.runUntil(50_000);
        assertThat(run.callbacks("C2")).contains("onPartitionsLost[t-3, t-4, t-5]");
        assertThat(run.view("C1").assigned()).hasSize(3);
        assertThat(run.view("C2").assigned()).hasSize(3);
        assertThat(run.view("C2").generation()).isEqualTo(run.view("C1").generation());
    }

    /**
     * consumer.groupMetadata() changes only when a join completes (kafka-clients' ConsumerCoordinator sets its
     * groupMetadata in onJoinComplete and nowhere else), so a listener's onPartitionsLost, run after the heartbeat
     * thread reset the generation to -1, still reads the generation the member lost. Real Kafka 4.1.1 showed it too
     * (SimulatorVersusRealKafkaTest's stall scripts): "c2 LOST [4, 5] gen 2" after "c2 ASSIGNED [4, 5] gen 2".
     */
    @Test
    void aStalledMembersOnPartitionsLostReadsTheGenerationItLostNotTheResetOne() {
        ConsumerClientConfig config = ClientScenario.quick().with("partition.assignment.strategy", List.of("range"));
        ClientScenario run = ClientScenario.onRealCluster(29, CLUSTER);
        for (String id : List.of("C1", "C2")) {
            run.consumer(id, config, ConsumerBehavior.processing(0), "t").at(0, new ConsumerTasks.Start(id));
        }
        run.runUntil(15_000);
        List<SimEvent> assignedBefore = run.events("C2", "onPartitionsAssigned");
        Object heldGeneration = assignedBefore.get(assignedBefore.size() - 1).fields().get("generation");
        assertThat(heldGeneration).isNotEqualTo(-1);

        run.at(15_000, new ConsumerTasks.StallProcessing("C2", 20_000)).runUntil(50_000);

        SimEvent lost = run.events("C2", "onPartitionsLost").get(0);
        assertThat(lost.time()).as("lost when the stall is over and C2 polls again").isGreaterThanOrEqualTo(35_000);
        assertThat(lost.fields()).containsEntry("generation", heldGeneration);
        List<SimEvent> assignedAfter = run.events("C2", "onPartitionsAssigned");
        assertThat((Integer) assignedAfter.get(assignedAfter.size() - 1).fields().get("generation"))
                .as("the join after it moves groupMetadata() on").isGreaterThan((Integer) heldGeneration);
    }

    @Test
    void fetchesReturnAtMostMaxPartitionFetchBytesPerPartition() {
        ConsumerClientConfig config = ClientScenario.quick().with("partition.assignment.strategy", List.of("range"))
                .with("auto.offset.reset", "earliest").with("max.partition.fetch.bytes", 1_000);
        ClientScenario run = ClientScenario.onRealCluster(31, CLUSTER)
                .producer("P1", ProducerConfig.of("t", 300, new KeyDistribution.Uniform(50)))
                .consumer("C1", config, ConsumerBehavior.processing(1), "t")
                .at(0, new ProducerActor.Start("P1")).at(2_000, new ProducerActor.Stop("P1"))
                .at(2_000, new ConsumerTasks.Start("C1")).runUntil(12_000);

        // Records count as 100 bytes each (the cluster's record size): 1000 bytes = 10 records per partition.
        List<Integer> perPartition = run.events("C1", "FetchResponse").stream()
                .flatMap(event -> ((java.util.Map<?, ?>) event.fields().get("records")).values().stream())
                .map(count -> ((Number) count).intValue()).toList();
        assertThat(perPartition).isNotEmpty().allMatch(count -> count <= 10).contains(10);
        long produced = ((ProducerActor.ProducerView) run.simulation().current().actors().get("P1").view()).produced();
        long processed = run.view("C1").processed().values().stream().flatMap(List::stream)
                .mapToLong(range -> range.get(1) - range.get(0) + 1).sum();
        assertThat(processed).isEqualTo(produced);
    }

    @Test
    void addingPartitionsMakesTheLeaderRejoinAtItsNextMetadataRefreshAndEveryoneGetsTheNewOnes() {
        ConsumerClientConfig config = ClientScenario.quick().with("partition.assignment.strategy", List.of("range"))
                .with("metadata.max.age.ms", 10_000);
        ClientScenario run = ClientScenario.onRealCluster(37, ClusterSetup.of(3).withTopic("t", 4, 1));
        for (String id : List.of("C1", "C2")) {
            run.consumer(id, config, ConsumerBehavior.processing(0), "t").at(0, new ConsumerTasks.Start(id));
        }
        run.runUntil(15_000);
        String leader = run.view("C1").leader() ? "C1" : "C2";

        run.at(15_000, new ClusterActions.IncreasePartitions("t", 6)).runUntil(19_999);
        assertThat(run.events(leader, "MetadataChanged")).as("before its refresh at 20 s").isEmpty();
        run.runUntil(30_000);

        // Its Metadata request goes out 10 s after the answer to its first one (a round trip after 0), and the
        // answer takes another round trip.
        assertThat(run.events(leader, "MetadataChanged")).singleElement()
                .extracting(SimEvent::time).satisfies(time -> assertThat(time).isBetween(20_000L, 20_050L));
        assertThat(run.view("C1").assigned()).containsExactly("t-0", "t-1", "t-2");
        assertThat(run.view("C2").assigned()).containsExactly("t-3", "t-4", "t-5");
        assertThat(run.view("C1").generation()).isEqualTo(run.view("C2").generation());
    }
}
