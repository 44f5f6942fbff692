package dev.groupscope.sim.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.config.BrokerSettings;
import dev.groupscope.sim.client.ConsumerActor;
import dev.groupscope.sim.client.ConsumerBehavior;
import dev.groupscope.sim.client.ConsumerClientConfig;
import dev.groupscope.sim.client.ConsumerTasks;
import dev.groupscope.sim.client.ConsumerView;
import dev.groupscope.sim.client.MemberState;
import dev.groupscope.sim.cluster.ClusterState;
import dev.groupscope.sim.cluster.ClusterView;
import dev.groupscope.sim.coordinator.EventChecks;
import dev.groupscope.sim.engine.LearnerFilter;
import dev.groupscope.sim.engine.ScriptedAction;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.engine.World;
import dev.groupscope.sim.protocol.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * auto.leader.rebalance.enable: after a broker stops and comes back, the KRaft controller's periodic
 * preferred-leader check gives it back the partitions it is the first replica of — the coordinator of a group
 * included. As in Kafka 4.1 (the periodic task "electPreferred"), the check runs every
 * leader.imbalance.check.interval.seconds from the controller's start, whatever moved when.
 */
class PreferredLeaderElectionTest {

    private static final List<String> CONSUMERS = List.of("c1", "c2", "c3");
    private static final String PREFERRED_ELECTION = "sim.cluster.preferredLeaderElected";

    private static World world(BrokerSettings settings) {
        World world = new World(2024);
        ClusterActor.install(world, ClusterSetup.of(3).withTopic("orders", 6, 2).withSettings(settings)
                .withSim(SimSettings.DEFAULT.withLogCleanerBackoffMs(0)));
        ConsumerClientConfig config = ConsumerClientConfig.defaults("g1").with("session.timeout.ms", 6000)
                .with("heartbeat.interval.ms", 1000).with("max.poll.interval.ms", 10000);
        for (String id : CONSUMERS) {
            world.addActor(new ConsumerActor(id, config, List.of("orders"), ConsumerBehavior.processing(5),
                    Network.DEFAULT));
        }
        return world;
    }

    private static Simulation run(BrokerSettings settings, int broker, long stopAt, long startAt) {
        List<ScriptedAction> script = new ArrayList<>();
        CONSUMERS.forEach(id -> script.add(new ScriptedAction(0, new ConsumerTasks.Start(id))));
        script.add(new ScriptedAction(stopAt, new ClusterActions.StopBroker(broker)));
        script.add(new ScriptedAction(startAt, new ClusterActions.StartBroker(broker)));
        return new Simulation(world(settings), script, 64);
    }

    private static BrokerSettings checkEverySeconds(long seconds) {
        return BrokerSettings.defaults().with("leader.imbalance.check.interval.seconds", seconds);
    }

    private static ClusterActor cluster(Simulation simulation) {
        return (ClusterActor) simulation.current().actors().get(ClusterActor.ID);
    }

    /** Every partition (topics and {@code __consumer_offsets}) whose preferred replica is {@code broker}. */
    private static Map<String, Integer> leadersOfPartitionsPreferring(Simulation simulation, int broker) {
        Map<String, Integer> leaders = new TreeMap<>();
        ClusterView view = cluster(simulation).metadata();
        view.topics().forEach((topic, partitions) -> partitions.forEach(partition -> {
            if (partition.replicas().get(0) == broker) {
                leaders.put(topic + "-" + partition.partition(), partition.leader());
            }
        }));
        return leaders;
    }

    private static List<SimEvent> preferredElections(Simulation simulation) {
        return simulation.log().stream().filter(event -> PREFERRED_ELECTION.equals(event.ruleKey())).toList();
    }

    private static Map<String, ConsumerView> consumers(Simulation simulation) {
        Map<String, ConsumerView> views = new TreeMap<>();
        CONSUMERS.forEach(id -> views.put(id, (ConsumerView) simulation.current().actors().get(id).view()));
        return views;
    }

    @Test
    void aRestartedBrokerLeadsItsPreferredPartitionsAgainAtTheNextPeriodicCheck() {
        Simulation simulation = run(BrokerSettings.defaults(), 1, 20_000, 100_000);

        simulation.runUntil(19_999);
        Map<String, Integer> before = leadersOfPartitionsPreferring(simulation, 1);
        assertThat(before).isNotEmpty().allSatisfy((partition, leader) -> assertThat(leader).isEqualTo(1));

        // Back at 100 s, broker 1 leads nothing it preferred: other replicas took it all over at 20 s.
        simulation.runUntil(299_999);
        assertThat(leadersOfPartitionsPreferring(simulation, 1)).allSatisfy(
                (partition, leader) -> assertThat(leader).isNotEqualTo(1));
        assertThat(preferredElections(simulation)).isEmpty();

        // Kafka 4.1's periodic task "electPreferred" runs every leader.imbalance.check.interval.seconds = 300 from
        // the controller's activation (t = 0): at 300 s, not 300 s after leadership moved away (320 s, Kafka 3.x).
        simulation.runUntil(300_000);
        assertThat(leadersOfPartitionsPreferring(simulation, 1)).isEqualTo(before);
        assertThat(preferredElections(simulation)).hasSize(before.size()).allSatisfy(event -> {
            assertThat(event.time()).isEqualTo(300_000);
            assertThat(event.type()).isEqualTo("LeaderChange");
            assertThat(event.fields()).containsEntry("leader", 1);
            assertThat(event.ruleArgs()).containsEntry("leader", 1).containsEntry("intervalSeconds", 300L);
        });
        EventChecks.assertWellFormed(simulation.log());
    }

    @Test
    void aBrokerBackAfterACheckFoundItStillDownWaitsForTheNextCheck() {
        // Checks at 30 s, 60 s, 90 s...: stopped at 20 s and back at 40 s, the 30 s check finds broker 1 down.
        Simulation simulation = run(checkEverySeconds(30), 1, 20_000, 40_000);

        simulation.runUntil(59_999);
        assertThat(preferredElections(simulation)).isEmpty();
        simulation.runUntil(60_000);

        assertThat(preferredElections(simulation)).isNotEmpty()
                .allSatisfy(event -> assertThat(event.time()).isEqualTo(60_000));
        assertThat(leadersOfPartitionsPreferring(simulation, 1)).allSatisfy(
                (partition, leader) -> assertThat(leader).isEqualTo(1));
    }

    @Test
    void theFirstCheckComesOneIntervalAfterTheControllersStartEvenWithNothingImbalanced() {
        Simulation simulation = new Simulation(world(checkEverySeconds(30)),
                List.of(new ScriptedAction(0, new ConsumerTasks.Start("c1"))), 64);

        simulation.runUntil(5_000);

        assertThat(simulation.current().timerDeadline(BalancePartitionLeaders.KEY)).isEqualTo(30_000);
    }

    @Test
    void theCheckRunsEveryIntervalWhetherOrNotAnythingMoved() {
        Simulation simulation = run(checkEverySeconds(30), 1, 20_000, 40_000);

        simulation.runUntil(60_000);
        assertThat(simulation.current().timerDeadline(BalancePartitionLeaders.KEY)).isEqualTo(90_000);
        simulation.runUntil(100_000);
        assertThat(simulation.current().timerDeadline(BalancePartitionLeaders.KEY)).isEqualTo(120_000);
        assertThat(preferredElections(simulation)).allSatisfy(event -> assertThat(event.time()).isEqualTo(60_000));
    }

    @Test
    void theCoordinatorMovesBackAndTheGroupFindsItThere() {
        ClusterActor initial = cluster(new Simulation(world(BrokerSettings.defaults()), List.of(), 64));
        int offsetsPartition = initial.offsetsPartitionFor("g1");
        int coordinator = initial.coordinatorOf("g1");
        Simulation simulation = run(checkEverySeconds(60), coordinator, 20_000, 40_000);

        simulation.runUntil(59_999);
        assertThat(cluster(simulation).coordinatorOf("g1")).isNotEqualTo(coordinator);
        assertThat(consumers(simulation).values()).extracting(ConsumerView::coordinator)
                .doesNotContain(coordinator);

        simulation.runUntil(60_000);
        assertThat(cluster(simulation).coordinatorOf("g1")).isEqualTo(coordinator);
        assertThat(preferredElections(simulation)).anySatisfy(event -> assertThat(event.fields())
                .containsEntry("topicPartition", ClusterState.OFFSETS_TOPIC + "-" + offsetsPartition));

        simulation.runUntil(80_000);
        // Exactly as after a broker stops: the old coordinator answers NOT_COORDINATOR, the members look the
        // coordinator up again, and the group goes on, with all its partitions, at the coordinator's new home.
        Map<String, ConsumerView> after = consumers(simulation);
        assertThat(after.values()).extracting(ConsumerView::coordinator).containsOnly(coordinator);
        assertThat(after.values()).extracting(ConsumerView::state).containsOnly(MemberState.STABLE);
        assertThat(after.values().stream().flatMap(view -> view.assigned().stream()).sorted().toList())
                .containsExactly("orders-0", "orders-1", "orders-2", "orders-3", "orders-4", "orders-5");
        List<SimEvent> afterMove = simulation.log().stream().filter(event -> event.time() >= 60_000).toList();
        assertThat(afterMove).anyMatch(event -> event.type().equals("CoordinatorLoaded"));
        assertThat(afterMove).anyMatch(event -> "NOT_COORDINATOR".equals(event.fields().get("error")));
        assertThat(afterMove).anyMatch(event -> event.type().equals("FindCoordinatorRequest"));
        EventChecks.assertWellFormed(simulation.log());
    }

    @Test
    void withAutoLeaderRebalanceDisabledLeadershipNeverComesBack() {
        BrokerSettings off = checkEverySeconds(30).with("auto.leader.rebalance.enable", false);
        Simulation simulation = run(off, 1, 20_000, 40_000);

        simulation.runUntil(200_000);

        assertThat(preferredElections(simulation)).isEmpty();
        assertThat(leadersOfPartitionsPreferring(simulation, 1)).allSatisfy(
                (partition, leader) -> assertThat(leader).isNotEqualTo(1));
        assertThat(simulation.current().timerDeadline(BalancePartitionLeaders.KEY)).isEqualTo(-1);
    }

    @Test
    void aLearnerStepsToEachLeaderThatMovesBack() {
        Simulation simulation = run(checkEverySeconds(30), 1, 20_000, 40_000);

        simulation.runUntil(60_000);

        assertThat(preferredElections(simulation)).isNotEmpty().allMatch(LearnerFilter.INSTANCE);
    }

    @Test
    void theSameSeedGivesTheSameRunEventForEvent() {
        Simulation first = run(checkEverySeconds(30), 2, 20_000, 40_000);
        Simulation second = run(checkEverySeconds(30), 2, 20_000, 40_000);

        first.runUntil(120_000);
        second.runUntil(120_000);

        assertThat(preferredElections(first)).isNotEmpty();
        assertThat(second.log()).containsExactlyElementsOf(first.log());
    }
}
