package dev.groupscope.scenario;

import dev.groupscope.kafka.config.BrokerSettings;
import dev.groupscope.kafka.config.ConsumerConfigs;
import dev.groupscope.kafka.config.ConsumerSettings;
import dev.groupscope.kafka.producer.BuiltInPartitioner;
import dev.groupscope.scenario.Scenario.ActionSpec;
import dev.groupscope.scenario.Scenario.ClusterSpec;
import dev.groupscope.scenario.Scenario.ConsumerSpec;
import dev.groupscope.scenario.Scenario.ProducerSpec;
import dev.groupscope.scenario.Scenario.TopicSpec;
import dev.groupscope.sim.broker.ClusterActions;
import dev.groupscope.sim.broker.ClusterActor;
import dev.groupscope.sim.broker.ClusterSetup;
import dev.groupscope.sim.broker.SimSettings;
import dev.groupscope.sim.client.ConsumerActor;
import dev.groupscope.sim.client.ConsumerBehavior;
import dev.groupscope.sim.client.ConsumerClientConfig;
import dev.groupscope.sim.client.ConsumerTasks;
import dev.groupscope.sim.client.KeyDistribution;
import dev.groupscope.sim.client.ProducerActor;
import dev.groupscope.sim.client.ProducerConfig;
import dev.groupscope.sim.client.WorkerPoolTasks;
import dev.groupscope.sim.engine.ScriptedAction;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.engine.Task;
import dev.groupscope.sim.engine.World;
import dev.groupscope.sim.ledger.Ledger;
import dev.groupscope.sim.protocol.Network;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a validated scenario into a simulation: the cluster with its topics, the producers and consumers as actors,
 * and a script of their starts followed by the file's actions. Same scenario, same seed → the same run, event for
 * event: the world is built in file order and every chance comes from the scenario's seed.
 */
public final class ScenarioWorld {

    /** Snapshot interval in events: small enough that a state rebuilds quickly, large enough to keep history small. */
    public static final int SNAPSHOT_EVERY = 1024;
    /** Actors per {@link #SNAPSHOT_EVERY} events of interval (see {@link #snapshotSpacing}). */
    static final int ACTORS_PER_INTERVAL = 9;
    /** The widest interval, in {@link #SNAPSHOT_EVERY}s: what keeps any rebuild within the 20 ms goal. */
    static final int MAX_INTERVALS = 11;

    private ScenarioWorld() {
    }

    public static Simulation simulation(Scenario scenario) {
        World world = new World(scenario.seed());
        Network network = new Network(scenario.cluster().networkDelayMs(), scenario.cluster().networkJitterMs());
        ClusterActor.install(world, clusterSetup(scenario, network));
        world.addActor(new Ledger());
        List<ScriptedAction> script = new ArrayList<>();
        for (ProducerSpec producer : scenario.producers()) {
            world.addActor(new ProducerActor(producer.id(), producerConfig(producer, scenario.cluster())));
            if (!startedByAction(scenario, ActionType.START_PRODUCER, producer.id())) {
                script.add(new ScriptedAction(producer.startAtMs().orElse(0L), new ProducerActor.Start(producer.id())));
            }
        }
        for (ConsumerSpec consumer : scenario.consumers()) {
            world.addActor(new ConsumerActor(consumer.id(), consumerConfig(consumer), consumer.subscription(),
                    ConsumerBehavior.processing(consumer.processingMsPerRecord())
                            .withCommits(consumer.commitPolicy(), consumer.listener()), network,
                    consumer.workers().orElse(null)));
            consumer.startAtMs().ifPresent(at -> script.add(new ScriptedAction(at,
                    new ConsumerTasks.Start(consumer.id()))));
        }
        for (ActionSpec action : scenario.actions()) {
            tasks(action, scenario.consumers()).forEach(task -> script.add(new ScriptedAction(action.atMs(), task)));
        }
        int spacing = snapshotSpacing(world.actors().size());
        return new Simulation(world, script, spacing, spacing > SNAPSHOT_EVERY);
    }

    /**
     * Snapshots spaced by what they cost. A snapshot keeps a copy of every actor changed since the previous one, and
     * a world of many actors both changes more of them per event and emits more events per virtual second: the
     * interval grows by 1,024 events per 9 actors, so every lesson (a few consumers) snapshots every 1,024 events.
     * A rebuild replays up to one interval at about a microsecond an event (a record appended weighing more, see
     * {@code ClusterActor.APPEND_WEIGHT}, counted only in intervals wider than 1,024), so it stops at 11 × 1,024:
     * the group of 100 consumers keeps its hour under 1 GiB of history (4 × 1,024 kept 1.6 GiB), and its slowest
     * interval replays in 13 ms of CPU at 100 or 5,000 records/s (up to 15 and 21 ms in a single pass, with the JIT
     * and the collector: docs/benchmarks.md).
     */
    static int snapshotSpacing(int actors) {
        return SNAPSHOT_EVERY * Math.min(MAX_INTERVALS, Math.max(1, actors / ACTORS_PER_INTERVAL));
    }

    static ConsumerClientConfig consumerConfig(ConsumerSpec consumer) {
        Map<String, Object> settings = new LinkedHashMap<>(consumer.settings());
        settings.put(ConsumerConfigs.GROUP_ID, consumer.groupId());
        settings.put(ConsumerConfigs.CLIENT_ID, consumer.id());
        return new ConsumerClientConfig(ConsumerSettings.from(settings));
    }

    private static ClusterSetup clusterSetup(Scenario scenario, Network network) {
        ClusterSpec spec = scenario.cluster();
        SimSettings sim = SimSettings.DEFAULT.withNetwork(network)
                .withOffsetsSegmentRecords(spec.offsetsSegmentRecords())
                .withLogCleanerBackoffMs(spec.logCleanerBackoffMs())
                .withCoordinatorLoadMs(spec.coordinatorLoadMs())
                .withRecordSizeBytes(spec.recordSizeBytes());
        ClusterSetup setup = ClusterSetup.of(spec.brokers()).withSettings(BrokerSettings.from(spec.brokerSettings()))
                .withSim(sim);
        for (TopicSpec topic : scenario.topics()) {
            setup = setup.withTopic(topic.name(), topic.partitions(), topic.replicationFactor());
        }
        return setup;
    }

    private static ProducerConfig producerConfig(ProducerSpec producer, ClusterSpec cluster) {
        KeyDistribution keys;
        switch (producer.keys()) {
            case "none":
                keys = new KeyDistribution.NoKey();
                break;
            case "zipf":
                keys = new KeyDistribution.Zipf(producer.keyCount(), producer.zipfExponent());
                break;
            default:
                keys = new KeyDistribution.Uniform(producer.keyCount());
        }
        return new ProducerConfig(producer.topic(), producer.recordsPerSecond(), keys, cluster.recordSizeBytes(),
                BuiltInPartitioner.DEFAULT_BATCH_SIZE, producer.metadataMaxAgeMs());
    }

    private static boolean startedByAction(Scenario scenario, ActionType type, String id) {
        return scenario.actions().stream().anyMatch(action -> action.type() == type && action.target().equals(id));
    }

    /**
     * The simulation tasks of one action, the same for a scenario file and for the window's menus: one task, or for a
     * process action one per consumer whose "process" names it, in file order, since the whole process dies (or
     * starts again) at that moment.
     */
    public static List<Task> tasks(ActionSpec action, List<ConsumerSpec> consumers) {
        if (action.type() == ActionType.ADD_CONSUMER) {
            return List.of(new ConsumerTasks.AddConsumer(template(action.target(), consumers).id()));
        }
        if (action.type().target() != ActionType.Target.PROCESS) {
            return List.of(task(action));
        }
        List<Task> tasks = new ArrayList<>();
        for (ConsumerSpec consumer : consumers) {
            if (consumer.process().equals(action.target())) {
                tasks.add(action.type() == ActionType.CRASH_PROCESS ? new ConsumerTasks.Crash(consumer.id())
                        : new ConsumerTasks.Restart(consumer.id()));
            }
        }
        return tasks;
    }

    /**
     * The consumer an added one of {@code group} is built like: the group's first declared consumer that subscribes
     * (to topics or a pattern), since one that assign()s itself partitions never joins; failing that, the first.
     */
    public static ConsumerSpec template(String group, List<ConsumerSpec> consumers) {
        List<ConsumerSpec> members = consumers.stream().filter(c -> c.groupId().equals(group)).toList();
        if (members.isEmpty()) {
            throw new IllegalArgumentException("no consumer of group " + group);
        }
        return members.stream().filter(c -> c.subscription().autoAssigned()).findFirst().orElse(members.get(0));
    }

    @SuppressWarnings("unchecked")
    static Task task(ActionSpec action) {
        String target = action.target();
        switch (action.type()) {
            case START_CONSUMER:
                return new ConsumerTasks.Start(target);
            case CLOSE_CONSUMER:
                return new ConsumerTasks.Close(target, (Boolean) action.params().get("leaveGroup"));
            case CRASH_CONSUMER:
                return new ConsumerTasks.Crash(target);
            case STALL_CONSUMER:
                return new ConsumerTasks.StallProcessing(target, (Long) action.params().get("durationMs"));
            case RESTART_CONSUMER:
                return new ConsumerTasks.Restart(target);
            case CHANGE_SETTINGS:
                return new ConsumerTasks.ChangeSettings(target, (Map<String, Object>) action.params().get("settings"),
                        (dev.groupscope.sim.client.CommitPolicy) action.params().get("commitPolicy"));
            case SLOW_WORKER:
                return new WorkerPoolTasks.SlowWorker(target, (Integer) action.params().get("worker"),
                        (Long) action.params().get("durationMs"), (Integer) action.params().get("factor"));
            case START_PRODUCER:
                return new ProducerActor.Start(target);
            case STOP_PRODUCER:
                return new ProducerActor.Stop(target);
            case STOP_BROKER:
                return new ClusterActions.StopBroker(Integer.parseInt(target));
            case START_BROKER:
                return new ClusterActions.StartBroker(Integer.parseInt(target));
            case CREATE_TOPIC:
                return new ClusterActions.CreateTopic(target, (Integer) action.params().get("partitions"),
                        (Integer) action.params().get("replicationFactor"));
            case INCREASE_PARTITIONS:
                return new ClusterActions.IncreasePartitions(target, (Integer) action.params().get("partitions"));
            case DELETE_TOPIC:
                return new ClusterActions.DeleteTopic(target);
            case PAUSE, RESUME, SEEK, SEEK_TO_BEGINNING, SEEK_TO_END, OFFSETS_FOR_TIMES, SUBSCRIBE, ASSIGN,
                    UNSUBSCRIBE, CUT_OFF_CONSUMER, FAIL_COMMITS, DELAY_COMMITS, LOSE_MESSAGE:
                return ClientActionTasks.task(action);
            default:
                throw new IllegalStateException("no task for " + action.type());
        }
    }
}
