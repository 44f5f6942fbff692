package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.Scenario.ActionSpec;
import dev.groupscope.scenario.Scenario.ConsumerSpec;
import dev.groupscope.sim.client.CommitPolicy;
import dev.groupscope.sim.client.ListenerPolicy;
import dev.groupscope.sim.client.WorkerPoolConfig;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.report.RunSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Worker pools under random scenarios and fault schedules ({@link RandomScenarios}: crashes, restarts, closes,
 * stalls, broker stops, added partitions) plus slowed workers: every group's consumers feed a random pool
 * (ordering, size, window, wait or abandon on revocation) and commit the windows' low marks. Whatever happens, the
 * committed offset never passes a record nobody finished; with commitSync of the low marks nothing is lost.
 */
class WorkerPoolProperties {

    /** Found by this property: a stall while the poller waited in onPartitionsRevoked for its pool. */
    @Example
    void aStallWhileTheListenerWaitsForThePool() {
        theWindowNeverCommitsPastAnUnfinishedRecordAndSyncCommitsLoseNothing(27081);
    }

    @Property(tries = 10)
    void theWindowNeverCommitsPastAnUnfinishedRecordAndSyncCommitsLoseNothing(@ForAll long seed) {
        Scenario scenario = withPools(RandomScenarios.build(seed), new Random(seed ^ 0x5DEECE66DL));
        Simulation simulation = ScenarioWorld.simulation(scenario);
        Map<String, WorkerPoolScenarioTest.CommittedNeverPassesUnfinished> checks = new TreeMap<>();
        scenario.consumers().forEach(c -> checks.computeIfAbsent(c.groupId(),
                WorkerPoolScenarioTest.CommittedNeverPassesUnfinished::new));
        while (simulation.current().peek() != null && simulation.current().peek().time() <= scenario.durationMs()) {
            simulation.step();
            checks.values().forEach(check -> check.after(simulation));
        }

        RunSummary summary = RunSummary.of(simulation, scenario.groupOfClient());
        for (RunSummary.GroupSummary group : summary.groups()) {
            boolean sync = scenario.consumers().stream().filter(c -> c.groupId().equals(group.groupId()))
                    .allMatch(c -> c.commitPolicy().kind() == CommitPolicy.Kind.SYNC_AFTER_BATCH);
            if (sync) {
                assertThat(group.lost()).as("records lost by %s\n%s", group.groupId(), scenario).isZero();
            }
        }
        assertThat(simulation.log().stream().anyMatch(e -> e.type().equals("DispatchRecords")))
                .as("the pools worked\n%s", scenario).isTrue();
        everyRuleIsExplainedInBothLanguages(simulation);
    }

    /** Each rule the run cites, with each set of arguments it came with, reads as a full sentence in both languages. */
    private static void everyRuleIsExplainedInBothLanguages(Simulation simulation) {
        java.util.Set<String> checked = new java.util.HashSet<>();
        List<dev.groupscope.i18n.Messages> languages = List.of(dev.groupscope.i18n.Messages.of(java.util.Locale.ENGLISH),
                dev.groupscope.i18n.Messages.of(java.util.Locale.SIMPLIFIED_CHINESE));
        for (dev.groupscope.sim.engine.SimEvent event : simulation.log()) {
            if (event.ruleKey() == null || !event.ruleKey().startsWith("sim.pool")
                    && !event.ruleKey().equals("sim.client.window.commit")
                    || !checked.add(event.ruleKey() + event.ruleArgs().keySet())) {
                continue;
            }
            for (dev.groupscope.i18n.Messages messages : languages) {
                assertThat(messages.has(event.ruleKey())).as(event.ruleKey()).isTrue();
                assertThat(messages.format(event.ruleKey(), event.ruleArgs())).as(event.ruleKey())
                        .doesNotContainPattern("\\{[A-Za-z][A-Za-z0-9_]*}");
            }
        }
        assertThat(checked).as("pool rules were cited").isNotEmpty();
    }

    /** Every group becomes a pool group: its own random ordering, size, window and revocation policy. */
    static Scenario withPools(Scenario base, Random random) {
        List<ConsumerSpec> consumers = new ArrayList<>();
        Map<String, WorkerPoolConfig> pools = new TreeMap<>();
        Map<String, CommitPolicy> policies = new TreeMap<>();
        Map<String, ListenerPolicy> listeners = new TreeMap<>();
        for (ConsumerSpec c : base.consumers()) {
            WorkerPoolConfig pool = pools.computeIfAbsent(c.groupId(), g -> new WorkerPoolConfig(1 + random.nextInt(8),
                    WorkerPoolConfig.Ordering.values()[random.nextInt(3)], 1 + random.nextInt(200),
                    random.nextBoolean() ? WorkerPoolConfig.OnRevoke.WAIT : WorkerPoolConfig.OnRevoke.ABANDON,
                    random.nextInt(40)));
            CommitPolicy policy = policies.computeIfAbsent(c.groupId(), g -> CommitPolicy.of(random.nextInt(3) == 0
                    ? CommitPolicy.Kind.ASYNC_AFTER_BATCH : CommitPolicy.Kind.SYNC_AFTER_BATCH));
            ListenerPolicy listener = listeners.computeIfAbsent(c.groupId(), g -> random.nextBoolean()
                    ? ListenerPolicy.COMMIT_ON_REVOKE : ListenerPolicy.NONE);
            Map<String, Object> settings = new LinkedHashMap<>(c.settings());
            settings.put("enable.auto.commit", false);
            settings.put("auto.offset.reset", "earliest");
            consumers.add(new ConsumerSpec(c.id(), c.groupId(), c.topics(), settings, c.processingMsPerRecord(),
                    c.startAtMs(), policy, listener, Optional.of(pool)));
        }
        List<ActionSpec> actions = new ArrayList<>(base.actions());
        int slowdowns = random.nextInt(4);
        for (int i = 0; i < slowdowns; i++) {
            ConsumerSpec c = consumers.get(random.nextInt(consumers.size()));
            actions.add(new ActionSpec(1_000 + random.nextInt((int) (base.durationMs() - RandomScenarios.QUIET_MS)),
                    ActionType.SLOW_WORKER, c.id(), Map.of("worker", 1 + random.nextInt(c.workers().get().count()),
                    "durationMs", (long) (500 + random.nextInt(10_000)), "factor", 2 + random.nextInt(50)),
                    "$.actions"));
        }
        actions.sort(Comparator.comparingLong(ActionSpec::atMs));
        return new Scenario(base.file(), base.name() + " with worker pools", base.description(), base.seed(),
                base.durationMs(), base.cluster(), base.topics(), base.producers(), consumers, actions);
    }
}
