package dev.groupscope.sim.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.client.ConsumerActor;
import dev.groupscope.sim.client.ConsumerBehavior;
import dev.groupscope.sim.client.ConsumerClientConfig;
import dev.groupscope.sim.client.ConsumerTasks;
import dev.groupscope.sim.client.ConsumerView;
import dev.groupscope.sim.client.MemberState;
import dev.groupscope.sim.coordinator.EventChecks;
import dev.groupscope.sim.engine.ScriptedAction;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.engine.World;
import dev.groupscope.sim.protocol.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client side's real consumers against the brokers: the contract between the two halves holds. */
class ConsumersAgainstBrokersTest {

    private static final List<String> CONSUMERS = List.of("c1", "c2", "c3");

    private static World world() {
        World world = new World(2024);
        ClusterActor.install(world, ClusterSetup.of(3).withTopic("orders", 6, 2)
                .withSim(SimSettings.DEFAULT.withLogCleanerBackoffMs(0)));
        ConsumerClientConfig config = ConsumerClientConfig.defaults("g1").with("session.timeout.ms", 6000)
                .with("heartbeat.interval.ms", 1000).with("max.poll.interval.ms", 10000);
        for (String id : CONSUMERS) {
            world.addActor(new ConsumerActor(id, config, List.of("orders"), ConsumerBehavior.processing(5),
                    Network.DEFAULT));
        }
        return world;
    }

    private static List<ScriptedAction> startAllThenStop(int broker) {
        List<ScriptedAction> script = new ArrayList<>();
        CONSUMERS.forEach(id -> script.add(new ScriptedAction(0, new ConsumerTasks.Start(id))));
        script.add(new ScriptedAction(20_000, new ClusterActions.StopBroker(broker)));
        return script;
    }

    private static Map<String, ConsumerView> consumers(Simulation simulation) {
        Map<String, ConsumerView> views = new java.util.TreeMap<>();
        CONSUMERS.forEach(id -> views.put(id, (ConsumerView) simulation.current().actors().get(id).view()));
        return views;
    }

    private static void assertOneStableGenerationSharingAllPartitions(Map<String, ConsumerView> views) {
        assertThat(views.values()).extracting(ConsumerView::state).containsOnly(MemberState.STABLE);
        assertThat(views.values()).extracting(ConsumerView::generation).containsOnly(
                views.get("c1").generation());
        List<String> assigned = views.values().stream().flatMap(view -> view.assigned().stream()).sorted().toList();
        assertThat(assigned).containsExactly("orders-0", "orders-1", "orders-2", "orders-3", "orders-4",
                "orders-5");
    }

    @Test
    void consumersFormAGroupAndFollowTheirCoordinatorWhenItsBrokerStops() {
        World probe = world();
        ClusterActor cluster = (ClusterActor) probe.actors().get(ClusterActor.ID);
        int coordinator = cluster.shard(cluster.offsetsPartitionFor("g1")).broker();
        Simulation simulation = new Simulation(world(), startAllThenStop(coordinator), 64);

        simulation.runUntil(19_999);
        assertOneStableGenerationSharingAllPartitions(consumers(simulation));
        assertThat(consumers(simulation).values()).extracting(ConsumerView::coordinator).containsOnly(coordinator);

        simulation.runUntil(45_000);
        Map<String, ConsumerView> after = consumers(simulation);
        assertOneStableGenerationSharingAllPartitions(after);
        assertThat(after.values()).extracting(ConsumerView::coordinator).doesNotContain(coordinator);
        assertThat(simulation.log()).anyMatch(event -> event.type().equals("CoordinatorLoaded"));
        EventChecks.assertWellFormed(simulation.log());
    }

    @Test
    void theRunIsRebuildableStepByStep() {
        Simulation simulation = new Simulation(world(), startAllThenStop(1), 40);
        List<Map<String, Object>> forward = new ArrayList<>();
        forward.add(simulation.current().views());
        while (simulation.current().peek() != null && simulation.current().peek().time() <= 30_000) {
            simulation.step();
            forward.add(simulation.current().views());
        }

        for (int steps = 0; steps < forward.size(); steps += 11) {
            assertThat(simulation.stateAfterSteps(steps).views()).as("after %d steps", steps)
                    .isEqualTo(forward.get(steps));
        }
    }
}
