package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.sim.broker.ClusterActorView;
import dev.groupscope.sim.client.ConsumerView;
import dev.groupscope.sim.coordinator.GroupView;
import dev.groupscope.sim.coordinator.ShardView;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.engine.World;
import dev.groupscope.sim.client.ListenerPolicy;
import dev.groupscope.sim.report.RunSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Kafka's guarantees and the simulator's own, checked over random scenarios and fault schedules
 * ({@link RandomScenarios}): within a group no partition is ever assigned to two members, nor owned by two of its
 * members' clients at once; committed offsets never
 * move back; once a group has been stable long enough, every member holds exactly what the coordinator assigned it in
 * the current generation; a past state rebuilt from snapshots equals the state the run went through; the same seed
 * gives the same run; and every rule the run cites is explained in English and Chinese.
 */
class ScenarioProperties {

    private static final Properties ENGLISH = bundle("messages.properties");
    private static final Properties CHINESE = bundle("messages_zh.properties");

    @Property(tries = 150)
    void kafkasGuaranteesHoldUnderRandomFaults(@ForAll long seed) {
        Scenario scenario = RandomScenarios.build(seed);
        Simulation simulation = ScenarioWorld.simulation(scenario);
        List<Long> probes = probeSteps(seed);
        Map<Long, Map<String, Object>> forwardViews = new HashMap<>();
        String context = scenario.toString();
        while (simulation.current().peek() != null && simulation.current().peek().time() <= scenario.durationMs()) {
            int before = simulation.log().size();
            simulation.step();
            if (probes.contains(simulation.steps())) {
                forwardViews.put(simulation.steps(), simulation.current().views());
            }
            if (gainedPartitions(simulation.log().subList(before, simulation.log().size()))) {
                noTwoMembersConsumeTheSamePartition(simulation.current(), context);
            }
        }

        noPartitionHasTwoOwnersInAGroup(simulation, context);
        committedOffsetsNeverMoveBack(simulation.log(), context);
        commitAfterProcessingLosesNothingAndDuplicatesOnlyAfterAFault(simulation, scenario, context);
        settledMembersHoldTheirAssignment(simulation, scenario, context);
        forwardViews.forEach((steps, views) -> assertThat(simulation.stateAfterSteps(steps).views())
                .as("state rebuilt after %d steps\n%s", steps, context).isEqualTo(views));
        everyRuleIsExplainedInBothLanguages(simulation.log(), context);
    }

    @Property(tries = 20)
    void theSameSeedGivesTheSameRun(@ForAll long seed) {
        Scenario scenario = RandomScenarios.build(seed);
        Simulation first = ScenarioWorld.simulation(scenario);
        Simulation second = ScenarioWorld.simulation(scenario);
        first.runUntil(scenario.durationMs());
        second.runUntil(scenario.durationMs());
        assertThat(second.log()).isEqualTo(first.log());
    }

    private static List<Long> probeSteps(long seed) {
        Random random = new Random(seed);
        List<Long> steps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            steps.add(1L + random.nextInt(3_000));
        }
        return steps;
    }

    /** A consumer's partitions only grow at its onPartitionsAssigned: an overlap can only start there. */
    private static boolean gainedPartitions(List<SimEvent> events) {
        return events.stream().anyMatch(event -> event.type().equals("onPartitionsAssigned"));
    }

    /**
     * What the clients themselves own (their onPartitions* callbacks), not only what the coordinator handed out:
     * among the consumers that are members of their group as its coordinator holds it (so not a zombie whose
     * session already expired, nor a static member's replaced instance, nor a crashed process), no partition is
     * owned twice. Under COOPERATIVE this is what the two rounds exist for: a partition is handed out only after
     * its owner revoked it.
     *
     * <p>Nor a static member that missed the generation: Kafka's completeClassicGroupJoin keeps a static member
     * that did not rejoin in time (a dynamic one is removed), and the leader assigns it too; cut off from the
     * coordinator, it goes on working on the previous generation's partitions until it hears of the new one (its
     * commits are then refused). Kafka guarantees nothing there, and the simulator does as Kafka does (seed 22944:
     * g1-c0, cut off at 6.7 s, still read t0-4 when generation 3 gave it to g1-c1 at 15.8 s).
     */
    private static void noTwoMembersConsumeTheSamePartition(World world, String context) {
        Map<String, Object> views = world.views();
        for (GroupView group : groups(world)) {
            Map<String, String> owner = new HashMap<>();
            for (GroupView.MemberView member : group.members()) {
                if (views.get(member.clientId()) instanceof ConsumerView consumer
                        && member.memberId().equals(consumer.memberId())
                        && consumer.state() != dev.groupscope.sim.client.MemberState.CRASHED
                        && !(member.groupInstanceId() != null && consumer.generation() < group.generationId())) {
                    for (String partition : consumer.assigned()) {
                        String other = owner.putIfAbsent(partition, consumer.clientId());
                        assertThat(other).as("%s consumed by %s and %s in %s at %d ms\n%s", partition, other,
                                consumer.clientId(), group.groupId(), world.now(), context).isNull();
                    }
                }
            }
        }
    }

    /** At every moment a group becomes Stable, and at the end, its members' assignments are disjoint. */
    static void noPartitionHasTwoOwnersInAGroup(Simulation simulation, String context) {
        List<World> moments = new ArrayList<>();
        for (SimEvent event : simulation.log()) {
            if (event.type().equals("GroupStateChange") && "Stable".equals(event.fields().get("to"))) {
                moments.add(simulation.stateAtEvent(event.seq()));
            }
        }
        moments.add(simulation.current());
        for (World world : moments) {
            for (GroupView group : groups(world)) {
                Set<String> owned = new HashSet<>();
                group.members().forEach(member -> member.assignment().forEach(partition -> assertThat(
                        owned.add(partition.toString())).as("%s owned twice in %s at %d ms\n%s", partition,
                        group.groupId(), world.now(), context).isTrue()));
            }
        }
    }

    /**
     * With commit-after-process and synchronous commits (syncAfterBatch, everyN) and auto.offset.reset=earliest,
     * nothing is ever lost; and a record is processed twice only if something happened that Kafka's at-least-once
     * allows to cause it: a member crashed, lost its membership (onPartitionsLost, e.g. after max.poll.interval.ms, or
     * a network partition from its coordinator, which it may outlive unaware until the run ends),
     * a commit failed, or a member gave partitions up without committing in its listener.
     */
    private static void commitAfterProcessingLosesNothingAndDuplicatesOnlyAfterAFault(Simulation simulation,
                                                                                      Scenario scenario,
                                                                                      String context) {
        RunSummary summary = RunSummary.of(simulation, scenario.groupOfClient());
        Map<String, List<Scenario.ConsumerSpec>> byGroup = new HashMap<>();
        scenario.consumers().forEach(c -> byGroup.computeIfAbsent(c.groupId(), k -> new ArrayList<>()).add(c));
        byGroup.forEach((groupId, members) -> {
            boolean syncAfter = members.stream().allMatch(c -> c.commitPolicy().commitsAfterProcessingSync());
            boolean earliest = members.stream().allMatch(c -> "earliest".equals(c.settings().get("auto.offset.reset")));
            if (!syncAfter) {
                return;
            }
            Set<String> ids = new HashSet<>();
            members.forEach(c -> ids.add(c.id()));
            RunSummary.GroupSummary group = summary.groups().stream().filter(g -> g.groupId().equals(groupId))
                    .findFirst().orElse(null);
            if (group == null) {
                return;
            }
            if (earliest) {
                assertThat(group.lost()).as("records lost by %s\n%s", groupId, context).isZero();
            }
            if (group.duplicates() > 0) {
                boolean listener = members.stream().allMatch(c -> c.listener() == ListenerPolicy.COMMIT_ON_REVOKE);
                boolean fault = simulation.log().stream().anyMatch(e -> e.actor() != null && ids.contains(e.actor())
                        && (e.type().equals("CrashConsumer") || e.type().equals("onPartitionsLost")
                        || e.type().equals("NetworkPartition")
                        || e.type().equals("CommitSyncFailed") || e.type().equals("ConsumerFailed")
                        || (!listener && e.type().equals("onPartitionsRevoked")
                        && !((List<?>) e.fields().get("partitions")).isEmpty())
                        || ("OffsetCommitResponse".equals(e.type()) && !"NONE".equals(e.fields().get("error")))));
                assertThat(fault).as("%s duplicated %d records with no crash, lost membership, failed commit or "
                        + "uncommitted revocation\n%s", groupId, group.duplicates(), context).isTrue();
            }
        });
    }

    static void committedOffsetsNeverMoveBack(List<SimEvent> log, String context) {
        Map<String, Long> committed = new HashMap<>();
        for (SimEvent event : log) {
            if (event.type().equals("OffsetCommitRecord")) {
                String key = event.fields().get("groupId") + "/" + event.fields().get("topicPartition");
                long offset = ((Number) event.fields().get("committedOffset")).longValue();
                Long before = committed.put(key, offset);
                assertThat(before == null || offset >= before)
                        .as("%s committed %d after %d at %d ms\n%s", key, offset, before, event.time(), context)
                        .isTrue();
            }
        }
    }

    /**
     * A group stable for longer than any member's poll interval plus a session: every member has polled since, so
     * its own view must match the coordinator's — same generation, same partitions.
     */
    private static void settledMembersHoldTheirAssignment(Simulation simulation, Scenario scenario, String context) {
        long settleMs = 15_000 + 12_000;
        for (GroupView group : groups(simulation.current())) {
            long lastChange = simulation.log().stream()
                    .filter(e -> e.type().equals("GroupStateChange") && e.actor().equals("group:" + group.groupId()))
                    .mapToLong(SimEvent::time).max().orElse(0);
            if (!group.state().equals("Stable") || scenario.durationMs() - lastChange < settleMs) {
                continue;
            }
            for (GroupView.MemberView member : group.members()) {
                ConsumerView client = (ConsumerView) simulation.current().views().get(member.clientId());
                assertThat(client.generation()).as("%s generation\n%s", member.clientId(), context)
                        .isEqualTo(group.generationId());
                assertThat(new TreeSet<>(client.assigned())).as("%s partitions\n%s", member.clientId(), context)
                        .isEqualTo(new TreeSet<>(member.assignment().stream().map(Object::toString).toList()));
            }
        }
    }

    static void everyRuleIsExplainedInBothLanguages(List<SimEvent> log, String context) {
        Set<String> checked = new HashSet<>();
        for (SimEvent event : log) {
            if (event.ruleKey() == null || !checked.add(event.ruleKey() + event.ruleArgs().keySet())) {
                continue;
            }
            for (Properties bundle : List.of(ENGLISH, CHINESE)) {
                String sentence = bundle.getProperty(event.ruleKey());
                assertThat(sentence).as("sentence for rule %s (%s)", event.ruleKey(), event.type()).isNotNull();
                for (String name : Messages.placeholders(sentence)) {
                    assertThat(event.ruleArgs().containsKey(name) || name.equals("actor"))
                            .as("rule %s names {%s}, which %s does not supply", event.ruleKey(), name, event.type())
                            .isTrue();
                }
            }
        }
    }

    private static List<GroupView> groups(World world) {
        ClusterActorView cluster = (ClusterActorView) world.views().get("cluster");
        List<GroupView> groups = new ArrayList<>();
        for (ShardView shard : cluster.coordinators().values()) {
            groups.addAll(shard.groups().values());
        }
        return groups;
    }

    private static Properties bundle(String name) {
        Properties properties = new Properties();
        try (InputStream in = ScenarioProperties.class.getResourceAsStream("/dev/groupscope/i18n/" + name)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
