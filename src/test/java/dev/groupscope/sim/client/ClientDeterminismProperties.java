package dev.groupscope.sim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.broker.ClusterActor;
import dev.groupscope.sim.broker.ClusterSetup;
import dev.groupscope.sim.broker.SimSettings;
import dev.groupscope.sim.engine.ScriptedAction;
import dev.groupscope.sim.engine.SimEvent;
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

/**
 * Consumers (dynamic, static, eager and cooperative) and a producer under random crash/restart/close/stall/cut-off
 * schedules and blocking offsetsForTimes() calls, on the fake and on the real coordinator: the same run every time, and every past state rebuildable.
 */
class ClientDeterminismProperties {

    private static final long END = 40_000;
    private static final List<String> CONSUMERS = List.of("C1", "C2", "C3");

    @Property(tries = 12)
    void theSameSeedAndActionsGiveTheSameEventLog(@ForAll long seed, @ForAll("schedules") List<ScriptedAction> script,
                                                  @ForAll boolean realCluster) {
        Simulation first = simulation(seed, script, 50, realCluster);
        Simulation second = simulation(seed, script, 50, realCluster);
        first.runUntil(END);
        second.runUntil(END);

        assertThat(second.log()).isEqualTo(first.log());
        assertThat(second.current().views()).isEqualTo(first.current().views());
    }

    @Property(tries = 8)
    void everyRebuiltStateEqualsTheStateReachedGoingForward(@ForAll long seed,
                                                            @ForAll("schedules") List<ScriptedAction> script,
                                                            @ForAll @IntRange(min = 16, max = 400) int snapshotEvery,
                                                            @ForAll boolean realCluster) {
        Simulation simulation = simulation(seed, script, snapshotEvery, realCluster);
        Map<Long, Map<String, Object>> forward = new java.util.TreeMap<>();
        long sampleEvery = 211; // a prime, so samples fall at every offset from the snapshots
        while (simulation.current().peek() != null && simulation.current().peek().time() <= END) {
            simulation.step();
            if (simulation.steps() % sampleEvery == 0 && forward.size() < 40) {
                forward.put(simulation.steps(), simulation.current().views());
            }
        }
        forward.forEach((steps, views) -> assertThat(simulation.stateAfterSteps(steps).views()).isEqualTo(views));
    }

    /**
     * A rebuilt state is not only equal in what the views show: run on, it emits the events the run did. State no
     * view shows (such as how many messages a network cut has lost so far) must survive a snapshot's copy too.
     */
    @Property(tries = 8)
    void aRebuiltStateRunsOnWithTheSameEvents(@ForAll long seed, @ForAll("schedules") List<ScriptedAction> script,
                                             @ForAll @IntRange(min = 16, max = 400) int snapshotEvery,
                                             @ForAll boolean realCluster) {
        List<ScriptedAction> withCut = new ArrayList<>(script);
        withCut.add(new ScriptedAction(10_000, new ConsumerFaults.CutOff("C1", 15_000))); // every try loses some
        Simulation simulation = simulation(seed, withCut, snapshotEvery, realCluster);
        simulation.runUntil(END);
        List<SimEvent> log = simulation.log();
        long stretch = 500;
        for (long from = 173; from + stretch <= simulation.steps(); from += 1_009) {
            World rebuilt = simulation.stateAfterSteps(from);
            List<SimEvent> again = new ArrayList<>();
            while (rebuilt.steps() < from + stretch) {
                again.addAll(rebuilt.step());
            }
            long first = from;
            assertThat(again).isEqualTo(log.stream().filter(event -> event.step() >= first
                    && event.step() < first + stretch).toList());
        }
    }

    /** The consumers and producer on the fake coordinator or on the real cluster actor, with network jitter. */
    private static Simulation simulation(long seed, List<ScriptedAction> script, int snapshotEvery,
                                         boolean realCluster) {
        World world = new World(seed);
        if (realCluster) {
            ClusterActor.install(world, ClusterSetup.of(3).withTopic("t", 6, 2)
                    .withSim(SimSettings.DEFAULT.withNetwork(new Network(2, 3))));
        } else {
            world.addActor(new FakeCluster(3, Map.of("t", 6), new Network(2, 3)));
        }
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
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 6);
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
            // A cut numbers the messages it loses (FaultState.lostInCut): a rebuilt state must number them alike.
            case 4 -> new ConsumerFaults.CutOff(id, millis);
            // A blocking offsetsForTimes: its rounds and timers must survive a snapshot's copy. t-9 does not exist,
            // so that call blocks until default.api.timeout.ms; with seek the positions go back.
            case 5 -> new ApplicationCalls.OffsetsForTimes(id, millis % 3 == 0
                    ? List.of(new TopicPartition("t", 0), new TopicPartition("t", 9)) : List.of(), millis,
                    millis % 2 == 0);
            default -> new ConsumerTasks.Start(id);
        };
    }
}
