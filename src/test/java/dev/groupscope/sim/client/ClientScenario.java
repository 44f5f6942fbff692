package dev.groupscope.sim.client;

import dev.groupscope.sim.engine.ScriptedAction;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.engine.Task;
import dev.groupscope.sim.engine.World;
import dev.groupscope.sim.protocol.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Builds a world of a fake cluster and consumers, runs a script of actions, and reads the outcome. */
final class ClientScenario {

    static final String GROUP = "g1";

    private final World world;
    private final List<ScriptedAction> script = new ArrayList<>();
    private Simulation simulation;

    ClientScenario(long seed, Map<String, Integer> topics) {
        this.world = new World(seed);
        world.addActor(new FakeCluster(3, topics, Network.DEFAULT));
    }

    /** Test-sized timeouts: session 6000, heartbeat 1000, max.poll.interval 10000. */
    static ConsumerClientConfig quick() {
        return ConsumerClientConfig.defaults(GROUP).with("session.timeout.ms", 6000)
                .with("heartbeat.interval.ms", 1000).with("max.poll.interval.ms", 10000);
    }

    ClientScenario consumer(String id, ConsumerClientConfig config, ConsumerBehavior behavior, String... topics) {
        world.addActor(new ConsumerActor(id, config, List.of(topics), behavior, Network.DEFAULT));
        return this;
    }

    ClientScenario preload(String topic, int partition, int records) {
        cluster().preload(topic, partition, records);
        return this;
    }

    /** Schedules an action; once the run has started, as a fork of it (the engine's "what if" from that time). */
    ClientScenario at(long time, Task action) {
        if (simulation == null) {
            script.add(new ScriptedAction(time, action));
        } else {
            simulation = simulation.fork(time, action);
        }
        return this;
    }

    ClientScenario runUntil(long time) {
        if (simulation == null) {
            simulation = new Simulation(world, script, 64);
        }
        simulation.runUntil(time);
        return this;
    }

    Simulation simulation() {
        return simulation;
    }

    FakeCluster cluster() {
        World current = simulation == null ? world : simulation.current();
        return (FakeCluster) current.actors().get(ClusterAccess.ACTOR_ID);
    }

    ConsumerView view(String id) {
        return (ConsumerView) simulation.current().actors().get(id).view();
    }

    List<SimEvent> events(String actor, String type) {
        return events(event -> event.actor() != null && event.actor().equals(actor) && event.type().equals(type));
    }

    List<SimEvent> events(Predicate<SimEvent> filter) {
        return simulation.log().stream().filter(filter).toList();
    }

    /** The callbacks of one consumer, as "name[partitions]" in order. */
    List<String> callbacks(String id) {
        return events(event -> id.equals(event.actor()) && event.type().startsWith("onPartitions")).stream()
                .map(event -> event.type() + event.fields().get("partitions")).toList();
    }

    List<FakeCluster.Received> requestsFrom(String id, String api) {
        return cluster().received().stream().filter(r -> r.from().equals(id) && r.api().equals(api)).toList();
    }
}
