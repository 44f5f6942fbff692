package dev.groupscope.sim.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.config.BrokerSettings;
import dev.groupscope.sim.broker.ClusterActions;
import dev.groupscope.sim.broker.ClusterActor;
import dev.groupscope.sim.broker.ClusterActorView;
import dev.groupscope.sim.broker.ClusterSetup;
import dev.groupscope.sim.broker.SimSettings;
import dev.groupscope.sim.engine.ScriptedAction;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.engine.Task;
import dev.groupscope.sim.engine.World;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random runs — four consumers in two groups, scripted to join, leave, commit (sometimes with a stale generation),
 * fall silent and restart, while brokers stop and start and offsets expire — must keep the coordinator's rules: no illegal state
 * transition (it would throw), every member of a Stable group in the current generation, committed offsets that
 * change only through accepted commits and survive every failover, and a run that is deterministic and rebuildable
 * from snapshots.
 */
class CoordinatorProperties {

    static final long HORIZON = 90_000;
    private static final List<String> CLIENTS = List.of("a1", "a2", "b1", "b2");

    /** a1 and b1 are static members; a* are in group "ga", b* in "gb". */
    static World world(long seed) {
        World world = new World(seed);
        // Offsets expire after a minute, so groups left Empty lose their offsets and vanish within a run.
        BrokerSettings settings = BrokerSettings.defaults().with("offsets.topic.num.partitions", 5)
                .with("offsets.retention.minutes", 1).with("offsets.retention.check.interval.ms", 15_000L);
        ClusterActor.install(world, ClusterSetup.of(3).withSettings(settings)
                .withSim(SimSettings.DEFAULT.withOffsetsSegmentRecords(4)).withTopic("orders", 4, 2));
        for (String id : CLIENTS) {
            String group = id.startsWith("a") ? "ga" : "gb";
            String instance = id.endsWith("1") ? "instance-" + id : null;
            world.addActor(new ChaosClient(id, group, instance, 3));
            world.setTimer(ChaosClient.tickKey(id), 1, new ChaosClient.Tick(id));
        }
        return world;
    }

    @Provide
    Arbitrary<List<ScriptedAction>> scripts() {
        Arbitrary<Long> times = Arbitraries.longs().between(0, HORIZON - 10_000);
        Arbitrary<Task> clientActs = Combinators.combine(Arbitraries.of(CLIENTS),
                        Arbitraries.of(ChaosClient.Kind.class), Arbitraries.integers().between(0, 400))
                .as((client, kind, value) -> new ChaosClient.Act(client, kind, value));
        Arbitrary<Task> joins = Arbitraries.of(CLIENTS).map(client ->
                new ChaosClient.Act(client, ChaosClient.Kind.JOIN, 0));
        Arbitrary<Task> faults = Arbitraries.integers().between(1, 3).flatMap(broker -> Arbitraries.of(
                new ClusterActions.StopBroker(broker), new ClusterActions.StartBroker(broker)));
        Arbitrary<Task> tasks = Arbitraries.frequencyOf(Tuple.of(2, joins), Tuple.of(6, clientActs),
                Tuple.of(3, faults));
        return Combinators.combine(times, tasks).as(ScriptedAction::new).list().ofMinSize(4).ofMaxSize(40)
                .map(CoordinatorProperties::everyoneJoinsFirst);
    }

    /** Every client joins at the start; the random actions follow in time order. */
    private static List<ScriptedAction> everyoneJoinsFirst(List<ScriptedAction> actions) {
        List<ScriptedAction> script = new ArrayList<>();
        for (String client : CLIENTS) {
            script.add(new ScriptedAction(0, new ChaosClient.Act(client, ChaosClient.Kind.JOIN, 0)));
        }
        List<ScriptedAction> sorted = new ArrayList<>(actions);
        sorted.sort(Comparator.comparingLong(ScriptedAction::time));
        script.addAll(sorted);
        return script;
    }

    @Property(tries = 40)
    void randomRunsKeepTheCoordinatorsRules(@ForAll long seed, @ForAll("scripts") List<ScriptedAction> script) {
        Simulation simulation = new Simulation(world(seed), script, 64);
        Map<String, Long> committed = new HashMap<>();
        Set<String> sentOffsets = new HashSet<>();
        Set<String> everWritten = new HashSet<>();
        while (simulation.current().peek() != null && simulation.current().peek().time() <= HORIZON) {
            int before = simulation.log().size();
            simulation.step();
            List<SimEvent> stepEvents = simulation.log().subList(before, simulation.log().size());
            recordCommits(stepEvents, committed, sentOffsets, everWritten);
            ClusterActorView view = clusterView(simulation.current());
            assertStableGroupsAreInOneGeneration(view);
            assertLoadedOffsetsAreTheCommittedOnes(view, committed);
        }
        // Written at some point: offsets may expire afterwards (a tombstone), as Kafka's retention expires them.
        assertCommitsTheClientsSawAcceptedWereWritten(simulation.current(), everWritten, sentOffsets);
        EventChecks.assertWellFormed(simulation.log());
    }

    @Property(tries = 8)
    void theSameSeedAndScriptGiveTheSameRunAndEveryStateCanBeRebuilt(@ForAll long seed,
                                                                     @ForAll("scripts") List<ScriptedAction> script) {
        Simulation simulation = new Simulation(world(seed), script, 50);
        List<Map<String, Object>> forward = new ArrayList<>();
        forward.add(simulation.current().views());
        while (simulation.current().peek() != null && simulation.current().peek().time() <= HORIZON) {
            simulation.step();
            forward.add(simulation.current().views());
        }
        Simulation again = new Simulation(world(seed), script, 17);
        again.runUntil(HORIZON);
        assertThat(again.log()).isEqualTo(simulation.log());
        for (int steps = 0; steps < forward.size(); steps += 7) {
            assertThat(simulation.stateAfterSteps(steps).views()).as("after %d steps", steps)
                    .isEqualTo(forward.get(steps));
        }
    }

    private static ClusterActorView clusterView(World world) {
        return (ClusterActorView) world.actors().get(ClusterActor.ID).view();
    }

    /** The committed offsets the log now holds, keyed group/topic-partition, from the records written. */
    private static void recordCommits(List<SimEvent> events, Map<String, Long> committed, Set<String> sentOffsets,
                                      Set<String> everWritten) {
        for (SimEvent event : events) {
            if (event.type().equals("OffsetCommitRequest")) {
                @SuppressWarnings("unchecked")
                Map<String, Long> offsets = (Map<String, Long>) event.fields().get("offsets");
                offsets.forEach((partition, offset) ->
                        sentOffsets.add(event.fields().get("groupId") + "/" + partition + "/" + offset));
            } else if (event.type().equals("OffsetCommitRecord")) {
                String key = event.fields().get("groupId") + "/" + event.fields().get("topicPartition");
                assertThat(sentOffsets).as("a record is only written for an offset a client sent")
                        .contains(key + "/" + event.fields().get("committedOffset"));
                committed.put(key, (Long) event.fields().get("committedOffset"));
                everWritten.add(key);
            } else if (event.type().equals("OffsetCommitRecordTombstone")) {
                committed.remove(event.fields().get("groupId") + "/" + event.fields().get("topicPartition"));
            }
        }
    }

    private static void assertStableGroupsAreInOneGeneration(ClusterActorView view) {
        view.coordinators().values().forEach(shard -> shard.groups().values().forEach(group -> {
            if (group.state().equals("Stable")) {
                assertThat(group.members()).as("members of Stable %s", group.groupId())
                        .allSatisfy(member -> assertThat(member.generationId()).isEqualTo(group.generationId()));
            }
        }));
    }

    /** Every loaded coordinator holds exactly the offsets that were committed for its groups. */
    private static void assertLoadedOffsetsAreTheCommittedOnes(ClusterActorView view, Map<String, Long> committed) {
        for (ShardView shard : view.coordinators().values()) {
            shard.committedOffsets().forEach((group, offsets) -> offsets.forEach((partition, offset) ->
                    assertThat(committed.get(group + "/" + partition)).as("%s %s", group, partition)
                            .isEqualTo(offset)));
        }
        committed.forEach((key, offset) -> {
            String group = key.substring(0, key.indexOf('/'));
            TopicPartition partition = TopicPartition.parse(key.substring(key.indexOf('/') + 1));
            view.coordinators().values().stream()
                    .filter(shard -> shard.groups().containsKey(group) || shard.committedOffsets().containsKey(group))
                    .forEach(shard -> assertThat(shard.committedOffsets().get(group)).containsEntry(partition, offset));
        });
    }

    private static void assertCommitsTheClientsSawAcceptedWereWritten(World world, Set<String> committedKeys,
                                                                       Set<String> sentOffsets) {
        for (String id : CLIENTS) {
            ChaosClient.View client = (ChaosClient.View) world.actors().get(id).view();
            for (ChaosClient.Accepted accepted : client.accepted()) {
                String key = accepted.group() + "/" + accepted.partition();
                assertThat(sentOffsets).contains(key + "/" + accepted.offset());
                assertThat(committedKeys).contains(key);
            }
        }
    }
}
