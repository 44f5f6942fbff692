package dev.groupscope.realkafka;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.broker.ClusterActorView;
import dev.groupscope.sim.client.ClusterAccess;
import dev.groupscope.sim.client.ConsumerTasks;
import dev.groupscope.sim.cluster.ClusterView;
import dev.groupscope.sim.coordinator.GroupView;
import dev.groupscope.sim.coordinator.ShardView;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.engine.Task;
import dev.groupscope.sim.protocol.Network;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Plays a {@link GroupScript} in the simulator, set up as {@link ScriptedGroupRun} sets up real Kafka: a 3-broker
 * cluster with {@code offsets.topic.num.partitions} 5 and {@code group.initial.rebalance.delay.ms} 0, one topic,
 * static (or dynamic) members c0, c1, ... with the harness's session, heartbeat, poll and commit settings. The result
 * is a {@link RunLog} like real Kafka's, with virtual milliseconds where real Kafka has wall-clock ones, so both runs
 * are read through the same views ({@link RunLog#callbacksSince}, {@link RunLog#rounds}, ...).
 *
 * <p>Translation: a member step becomes the simulator's task at the current virtual time ({@code start} →
 * {@link ConsumerTasks.Start}, {@code leave} → {@code Close(leaveGroup=true)}, {@code close} → {@code Close(false)},
 * {@code crash} → {@link ConsumerTasks.Crash}, {@code stall} → {@link ConsumerTasks.StallProcessing}), inserted with
 * {@link Simulation#fork} one millisecond after everything already computed, so no computed event is ever recomputed. {@code awaitStable(n)} runs the simulation
 * in small slices until the coordinator holds the group Stable with n members and every partition assigned, and each
 * live member's own callbacks have caught up with the assignment the coordinator holds for it — the check
 * {@link GroupProbe} makes on real Kafka. {@code pause} lets virtual time pass; {@code stall} also lets
 * it pass, until the stalled member's first poll after the stall has run. The steps that need records
 * (produce, awaitProcessed, commit) and stopCoordinator are not translated yet.
 */
final class SimulatedGroupRun {

    /** Virtual time between two checks of an await: well below every timer of interest. */
    private static final long SLICE_MS = 5;
    private static final long AWAIT_LIMIT_MS = 60_000;
    private static final int BROKERS = 3;
    /** The simulated application's poll(Duration) timeout, as {@link MemberThread}'s. */
    private static final long POLL_TIMEOUT_MS = 100;

    private final String group;
    private final String topic;
    private int partitions = 6;
    private String assignor = "range";
    private boolean staticMembers = true;
    private boolean autoCommit;
    private long autoCommitIntervalMs = 5_000;
    private long seed = 1;
    private int sessionTimeoutMs = ScriptedGroupRun.SESSION_TIMEOUT_MS;
    private int maxPollIntervalMs = ScriptedGroupRun.MAX_POLL_INTERVAL_MS;

    private Simulation simulation;
    /** Every task at or before this virtual time has been processed. */
    private long cursor;
    private int eventsRead;
    private final List<Timed> timeline = new ArrayList<>();
    private final List<StepTiming> steps = new ArrayList<>();
    private final Set<String> live = new LinkedHashSet<>();

    private SimulatedGroupRun(String group, String topic) {
        this.group = group;
        this.topic = topic;
    }

    static SimulatedGroupRun of(String group, String topic) {
        return new SimulatedGroupRun(group, topic);
    }

    SimulatedGroupRun partitions(int count) {
        this.partitions = count;
        return this;
    }

    SimulatedGroupRun assignor(String name) {
        this.assignor = name;
        return this;
    }

    SimulatedGroupRun dynamicMembers() {
        this.staticMembers = false;
        return this;
    }

    SimulatedGroupRun autoCommit(boolean enabled, long intervalMs) {
        this.autoCommit = enabled;
        this.autoCommitIntervalMs = intervalMs;
        return this;
    }

    SimulatedGroupRun sessionTimeoutMs(int timeout) {
        this.sessionTimeoutMs = timeout;
        return this;
    }

    SimulatedGroupRun maxPollIntervalMs(int interval) {
        this.maxPollIntervalMs = interval;
        return this;
    }

    SimulatedGroupRun seed(long value) {
        this.seed = value;
        return this;
    }

    /** The simulation after {@link #run}, for the coordinator checks. */
    Simulation simulation() {
        return simulation;
    }

    RunLog run(GroupScript script) {
        simulation = ScenarioWorld.simulation(scenario(script));
        int index = 0;
        try {
            for (Step step : script.steps()) {
                long started = cursor;
                int firstObservation = timeline.size();
                perform(step);
                readEvents();
                steps.add(new StepTiming(step, started, cursor, firstObservation));
                index++;
            }
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("simulated step " + index + " " + script.steps().get(index) + " failed: "
                    + e.getMessage() + "\nobservations so far:\n" + describeTimeline(), e);
        }
        return log();
    }

    private void perform(Step step) {
        if (step instanceof Step.Start start) {
            act(new ConsumerTasks.Start(start.member()));
            live.add(start.member());
        } else if (step instanceof Step.AwaitStable await) {
            awaitStable(await.members());
        } else if (step instanceof Step.Leave leave) {
            act(new ConsumerTasks.Close(leave.member(), true));
            live.remove(leave.member());
        } else if (step instanceof Step.Close close) {
            act(new ConsumerTasks.Close(close.member(), false));
            live.remove(close.member());
        } else if (step instanceof Step.Crash crash) {
            act(new ConsumerTasks.Crash(crash.member()));
            live.remove(crash.member());
        } else if (step instanceof Step.Pause pause) {
            advanceTo(cursor + pause.millis());
        } else if (step instanceof Step.Stall stall) {
            // The stall begins when the poll under way returns (within the poll timeout, as the real member's queued
            // action runs between two polls); the step ends once the application's first poll after it has run.
            act(new ConsumerTasks.StallProcessing(stall.member(), stall.durationMs()));
            advanceTo(cursor + POLL_TIMEOUT_MS + stall.durationMs() + SLICE_MS);
        } else {
            throw new UnsupportedOperationException("the simulator translation has no " + step + " yet");
        }
    }

    /** The task one millisecond after everything computed so far, run at once. */
    private void act(Task task) {
        long at = cursor + 1;
        simulation = simulation.fork(at, task);
        advanceTo(at);
    }

    private void advanceTo(long time) {
        simulation.runUntil(time);
        cursor = time;
    }

    private void awaitStable(int members) {
        long deadline = cursor + AWAIT_LIMIT_MS;
        while (!isStable(members)) {
            if (cursor >= deadline) {
                throw new AssertionError("the simulated group was not stable with " + members + " member(s) within "
                        + AWAIT_LIMIT_MS + " virtual ms; coordinator's view: " + groupView().orElse(null));
            }
            advanceTo(cursor + SLICE_MS);
            readEvents();
        }
    }

    private boolean isStable(int members) {
        Optional<GroupView> view = groupView();
        if (view.isEmpty()) {
            return false;
        }
        GroupView group = view.get();
        if (members == 0) {
            return group.state().equals("Empty");
        }
        if (!group.state().equals("Stable") || group.members().size() != members) {
            return false;
        }
        Set<TopicPartition> assigned = new HashSet<>();
        group.members().forEach(member -> assigned.addAll(member.assignment()));
        if (assigned.size() != partitions) {
            return false;
        }
        RunLog log = log();
        Set<Integer> generations = new HashSet<>();
        for (GroupView.MemberView member : group.members()) {
            String name = nameOf(member);
            if (!live.contains(name)) {
                continue;
            }
            MemberLog memberLog = log.member(name);
            if (!memberLog.owned().equals(new TreeSet<>(member.assignment()))) {
                return false;
            }
            generations.add(memberLog.lastAssignedGeneration());
        }
        return generations.size() <= 1;
    }

    /** The group as its coordinator shard holds it now. */
    Optional<GroupView> groupView() {
        return coordinatorShard().map(shard -> shard.groups().get(group));
    }

    /** The coordinator shard holding the group: its {@code __consumer_offsets} partition and broker. */
    Optional<ShardView> coordinatorShard() {
        for (ShardView shard : clusterView().coordinators().values()) {
            if (shard.groups().containsKey(group)) {
                return Optional.of(shard);
            }
        }
        return Optional.empty();
    }

    /** The leader of a {@code __consumer_offsets} partition in the simulated cluster's metadata. */
    int leaderOfOffsetsPartition(int partition) {
        ClusterView cluster = clusterView().cluster();
        return cluster.topics().get(RealKafkaCluster.OFFSETS_TOPIC).get(partition).leader();
    }

    private ClusterActorView clusterView() {
        return (ClusterActorView) simulation.current().actors().get(ClusterAccess.ACTOR_ID).view();
    }

    private static String nameOf(GroupView.MemberView member) {
        return member.groupInstanceId() != null ? member.groupInstanceId() : member.clientId();
    }

    /** Turns the consumers' listener events, in log order, into the harness's observations. */
    private void readEvents() {
        List<SimEvent> log = simulation.log();
        for (; eventsRead < log.size(); eventsRead++) {
            SimEvent event = log.get(eventsRead);
            if (event.kind() != EventKind.CLIENT || !event.type().startsWith("onPartitions")) {
                continue;
            }
            ListenerCallback.Kind kind = switch (event.type()) {
                case "onPartitionsRevoked" -> ListenerCallback.Kind.REVOKED;
                case "onPartitionsAssigned" -> ListenerCallback.Kind.ASSIGNED;
                case "onPartitionsLost" -> ListenerCallback.Kind.LOST;
                default -> throw new IllegalStateException("unknown callback " + event.type());
            };
            SortedSet<TopicPartition> owned = new TreeSet<>();
            ((Iterable<?>) event.fields().get("partitions")).forEach(p -> owned.add(TopicPartition.parse(String.valueOf(p))));
            int generation = ((Number) event.fields().get("generation")).intValue();
            timeline.add(new Timed(event.time(), new ListenerCallback(event.actor(), kind, owned, generation)));
        }
    }

    private RunLog log() {
        return new RunLog(timeline, steps, Map.of());
    }

    private String describeTimeline() {
        StringBuilder text = new StringBuilder();
        timeline.forEach(timed -> text.append("  ").append(timed.elapsedMs()).append(" ms  ")
                .append(timed.observation()).append('\n'));
        return text.toString();
    }

    private Scenario scenario(GroupScript script) {
        Map<String, Object> broker = new LinkedHashMap<>();
        broker.put("offsets.topic.num.partitions", RealKafkaCluster.DEFAULT_OFFSETS_PARTITIONS);
        broker.put("offsets.topic.replication.factor", (short) BROKERS);
        broker.put("group.initial.rebalance.delay.ms", 0);
        broker.put("group.min.session.timeout.ms", RealKafkaCluster.MIN_SESSION_TIMEOUT_MS);
        Scenario.ClusterSpec cluster = new Scenario.ClusterSpec(BROKERS, broker, Network.DEFAULT.delayMs(), 0,
                100, 20, 15_000, 0);
        List<Scenario.ConsumerSpec> consumers = new ArrayList<>();
        for (String member : members(script)) {
            consumers.add(new Scenario.ConsumerSpec(member, group, List.of(topic), consumerSettings(member), 0,
                    Optional.empty()));
        }
        return new Scenario("versus:" + group, group, "the real-Kafka harness's script, simulated", seed,
                AWAIT_LIMIT_MS, cluster, List.of(new Scenario.TopicSpec(topic, partitions, BROKERS)), List.of(),
                consumers, List.of());
    }

    /** {@link ScriptedGroupRun#consumerConfig}'s settings, under the same names. */
    private Map<String, Object> consumerSettings(String member) {
        Map<String, Object> settings = new TreeMap<>();
        if (staticMembers) {
            settings.put("group.instance.id", member);
        }
        settings.put("session.timeout.ms", sessionTimeoutMs);
        settings.put("heartbeat.interval.ms", ScriptedGroupRun.HEARTBEAT_INTERVAL_MS);
        settings.put("max.poll.interval.ms", maxPollIntervalMs);
        settings.put("partition.assignment.strategy", List.of(assignor));
        settings.put("enable.auto.commit", autoCommit);
        settings.put("auto.commit.interval.ms", (int) autoCommitIntervalMs);
        settings.put("auto.offset.reset", "earliest");
        settings.put("default.api.timeout.ms", 15_000);
        return settings;
    }

    private static Set<String> members(GroupScript script) {
        Set<String> members = new LinkedHashSet<>();
        for (Step step : script.steps()) {
            if (step instanceof Step.Start start) {
                members.add(start.member());
            }
        }
        return members;
    }
}
