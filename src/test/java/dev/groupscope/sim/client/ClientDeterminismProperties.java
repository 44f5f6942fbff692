package dev.groupscope.sim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.ScriptedAction;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.engine.Task;
import dev.groupscope.sim.engine.World;
import dev.groupscope.sim.protocol.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Consumers and a producer under random actions: the same run every time, and every past state rebuildable. */
class ClientDeterminismProperties {

    private static final long END = 40_000;
    private static final List<String> CONSUMERS = List.of("C1", "C2", "C3");

    @Property(tries = 15)
    void theSameSeedAndActionsGiveTheSameEventLog(@ForAll long seed, @ForAll("schedules") List<ScriptedAction> script) {
        Simulation first = simulation(seed, script, 50);
        Simulation second = simulation(seed, script, 50);
        first.runUntil(END);
        second.runUntil(END);

        assertThat(second.log()).isEqualTo(first.log());
        assertThat(second.current().views()).isEqualTo(first.current().views());
    }

    @Property(tries = 10)
    void everyRebuiltStateEqualsTheStateReachedGoingForward(@ForAll long seed,
                                                            @ForAll("schedules") List<ScriptedAction> script,
                                                            @ForAll @IntRange(min = 1, max = 97) int snapshotEvery) {
        Simulation simulation = simulation(seed, script, snapshotEvery);
        Map<Long, Map<String, Object>> forward = new java.util.TreeMap<>();
        long sampleEvery = 37;
        while (simulation.current().peek() != null && simulation.current().peek().time() <= END) {
            simulation.step();
            if (simulation.steps() % sampleEvery == 0) {
                forward.put(simulation.steps(), simulation.current().views());
            }
        }
        forward.forEach((steps, views) -> assertThat(simulation.stateAfterSteps(steps).views()).isEqualTo(views));
    }

    private static Simulation simulation(long seed, List<ScriptedAction> script, int snapshotEvery) {
        World world = new World(seed);
        world.addActor(new FakeCluster(3, Map.of("t", 6), new Network(2, 3)));
        ConsumerBehavior behavior = ConsumerBehavior.processing(7);
        ConsumerClientConfig config = ClientScenario.quick().with("auto.offset.reset", "earliest")
                .with("max.poll.records", 50);
        world.addActor(new ConsumerActor("C1", config, List.of("t"), behavior, Network.DEFAULT));
        world.addActor(new ConsumerActor("C2", config.with("group.instance.id", "i2"), List.of("t"), behavior,
                Network.DEFAULT));
        world.addActor(new ConsumerActor("C3", config.with("partition.assignment.strategy",
                List.of("cooperative-sticky")), List.of("t"), behavior, Network.DEFAULT));
        world.addActor(new ProducerActor("P1", ProducerConfig.of("t", 40, new KeyDistribution.Zipf(8, 1))));
        List<ScriptedAction> all = new ArrayList<>();
        all.add(new ScriptedAction(0, new ProducerActor.Start("P1")));
        CONSUMERS.forEach(id -> all.add(new ScriptedAction(0, new ConsumerTasks.Start(id))));
        all.addAll(script);
        return new Simulation(world, all, snapshotEvery);
    }

    @Provide
    Arbitrary<List<ScriptedAction>> schedules() {
        Arbitrary<Long> time = Arbitraries.longs().between(1, END);
        Arbitrary<String> consumer = Arbitraries.of(CONSUMERS);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 4);
        Arbitrary<Long> duration = Arbitraries.longs().between(100, 20_000);
        Arbitrary<ScriptedAction> action = Combinators.combine(time, consumer, kind, duration)
                .as((at, id, which, millis) -> new ScriptedAction(at, task(id, which, millis)));
        return action.list().ofMaxSize(8);
    }

    private static Task task(String id, int which, long millis) {
        return switch (which) {
            case 0 -> new ConsumerTasks.Crash(id);
            case 1 -> new ConsumerTasks.Restart(id);
            case 2 -> new ConsumerTasks.Close(id, millis % 2 == 0);
            case 3 -> new ConsumerTasks.StallProcessing(id, millis);
            default -> new ConsumerTasks.Start(id);
        };
    }
}
