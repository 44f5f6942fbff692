package dev.groupscope.sim.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.client.ConsumerTasks;
import dev.groupscope.sim.engine.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The numbers the charts show, read from the model as a run is computed: they must be the model's own (the same as
 * the run's summary at the same moment), taken at exact times, and a fork must share the past and compute the same
 * future a fresh run of the extended script does.
 */
class MetricsRecorderTest {

    private static final String GROUP = "ledger-app";

    private static Scenario crashScenario() throws IOException {
        Path file = Path.of("lessons/scenarios/auto-commit-crash-duplicates.json");
        return ScenarioReader.read(file.toString(), Files.readString(file));
    }

    /** The crash lesson's run, with a recorder sampling its group every 500 ms, computed until {@code untilMs}. */
    private record CrashRun(Scenario scenario, Simulation simulation, MetricsRecorder recorder) {

        static CrashRun until(long untilMs) throws IOException {
            Scenario scenario = crashScenario();
            CrashRun run = new CrashRun(scenario, ScenarioWorld.simulation(scenario),
                    new MetricsRecorder(GROUP, groups(scenario), 500));
            run.recorder.runUntil(run.simulation, untilMs);
            return run;
        }
    }

    private static Map<String, String> groups(Scenario scenario) {
        Map<String, String> groups = new TreeMap<>();
        scenario.consumers().forEach(consumer -> groups.put(consumer.id(), consumer.groupId()));
        return groups;
    }

    @Test
    void samplesEveryIntervalAndAgreesWithTheRunSummaryAtTheSameMoment() throws IOException {
        CrashRun run = CrashRun.until(45_000);
        Scenario scenario = run.scenario();
        Simulation simulation = run.simulation();
        MetricsRecorder recorder = run.recorder();


        List<MetricSample> samples = recorder.samples();
        assertThat(samples).hasSize(91);
        assertThat(samples).extracting(MetricSample::timeMs).startsWith(0L, 500L, 1_000L).endsWith(45_000L);
        MetricSample last = samples.get(samples.size() - 1);
        RunSummary.GroupSummary summary = RunSummary.of(simulation, groups(scenario)).groups().stream()
                .filter(g -> g.groupId().equals(GROUP)).findFirst().orElseThrow();
        assertThat(last.lag()).isEqualTo(summary.lag());
        assertThat(last.duplicates()).isEqualTo(summary.duplicates()).isPositive();
        assertThat(last.lost()).isEqualTo(summary.lost()).isZero();
        assertThat(last.rebalances()).isEqualTo(summary.rebalances());
    }

    @Test
    void duplicatesAppearOnlyAfterTheCrashedMembersPartitionsAreTakenOver() throws IOException {
        CrashRun run = CrashRun.until(45_000);
        MetricsRecorder recorder = run.recorder();

        long firstDuplicate = recorder.samples().stream().filter(s -> s.duplicates() > 0)
                .mapToLong(MetricSample::timeMs).min().orElseThrow();
        Rebalance takeover = recorder.samples().get(90).rebalances().get(1);

        assertThat(firstDuplicate).isGreaterThan(23_500).isGreaterThanOrEqualTo(takeover.endMs());
        assertThat(takeover.stopTheWorldMs()).containsKey("C1");
        // Before the takeover finished, the chart at that moment showed the rebalance as it stood then.
        MetricsFrame during = recorder.frameAt(takeover.startMs() + 1, 120_000);
        assertThat(during.rebalances()).hasSize(1);
        assertThat(during.window()).allSatisfy(s -> assertThat(s.timeMs()).isLessThanOrEqualTo(takeover.startMs() + 1));
    }

    @Test
    void theTotalsAtAMomentAreThatMomentsNotTheLastSamplesHalfASecondBefore() throws IOException {
        CrashRun run = CrashRun.until(45_000);
        Simulation simulation = run.simulation();
        MetricsRecorder recorder = run.recorder();
        long firstDuplicate = recorder.samples().stream().filter(s -> s.duplicates() > 0)
                .mapToLong(MetricSample::timeMs).min().orElseThrow();
        // A moment between two samples at which the ledger already counts what the sample before it did not.
        long moment = java.util.stream.LongStream.range(firstDuplicate - 499, firstDuplicate)
                .filter(t -> ledgerDuplicates(simulation, t) > 0).findFirst().orElseThrow();

        MetricsFrame frame = recorder.frameAt(GROUP, moment, 120_000, simulation.stateAtTime(moment));

        assertThat(frame.latest().orElseThrow().duplicates()).as("the sample before").isZero();
        assertThat(frame.atMoment().orElseThrow().duplicates()).as("at %d ms", moment)
                .isEqualTo(ledgerDuplicates(simulation, moment)).isPositive();
        assertThat(frame.window()).as("the lines still end at a sample").last()
                .extracting(MetricSample::timeMs).isEqualTo(firstDuplicate - 500);
    }

    private static long ledgerDuplicates(Simulation simulation, long time) {
        return ((dev.groupscope.sim.ledger.Ledger) simulation.stateAtTime(time).actors()
                .get(dev.groupscope.sim.ledger.Ledger.ID)).counts(GROUP).duplicates();
    }

    @Test
    void aForkKeepsThePastAndComputesWhatAFreshRunOfTheExtendedScriptDoes() throws IOException {
        CrashRun run = CrashRun.until(15_000);
        Scenario scenario = run.scenario();
        Simulation simulation = run.simulation();
        MetricsRecorder recorder = run.recorder();

        Simulation forked = simulation.fork(12_250, new ConsumerTasks.Crash("C1"));
        MetricsRecorder forkedRecorder = recorder.forkedAt(12_250, forked);
        forkedRecorder.runUntil(forked, 30_000);

        // A fork of a run not computed yet is the run of the extended script (Simulation.fork's contract).
        Simulation fresh = ScenarioWorld.simulation(scenario).fork(12_250, new ConsumerTasks.Crash("C1"));
        MetricsRecorder freshRecorder = new MetricsRecorder(GROUP, groups(scenario), 500);
        freshRecorder.runUntil(fresh, 30_000);

        assertThat(forkedRecorder.samples()).isEqualTo(freshRecorder.samples());
        assertThat(forkedRecorder.samples().subList(0, 25)).isEqualTo(recorder.samples().subList(0, 25));
        assertThat(forkedRecorder.marks()).extracting(TimelineMark::kind, TimelineMark::startMs)
                .contains(org.assertj.core.groups.Tuple.tuple(TimelineMark.Kind.FAULT, 12_250L));
        assertThat(recorder.marks()).extracting(TimelineMark::startMs).doesNotContain(12_250L);
    }

    @Test
    void theTimelineMarksFaultsCommitsActionsAndRebalanceSpans() throws IOException {
        CrashRun run = CrashRun.until(45_000);
        MetricsRecorder recorder = run.recorder();

        List<TimelineMark> marks = recorder.marks();
        assertThat(marks).filteredOn(m -> m.kind() == TimelineMark.Kind.FAULT)
                .extracting(m -> m.event().orElseThrow().type()).containsExactly("CrashConsumer");
        assertThat(marks).filteredOn(m -> m.kind() == TimelineMark.Kind.REBALANCE).hasSize(2)
                .allSatisfy(m -> assertThat(m.endMs()).isGreaterThan(m.startMs()));
        assertThat(marks).filteredOn(m -> m.kind() == TimelineMark.Kind.COMMIT).isNotEmpty()
                .allSatisfy(m -> assertThat(m.event().orElseThrow().type()).isEqualTo("OffsetCommitResponse"));
        assertThat(marks).filteredOn(m -> m.kind() == TimelineMark.Kind.ACTION)
                .extracting(m -> m.event().orElseThrow().type()).contains("StartConsumer");
        assertThat(marks).isSortedAccordingTo(java.util.Comparator.comparingLong(TimelineMark::startMs));
        assertThat(recorder.marks()).isSameAs(marks);
    }

    @Test
    void aNetworkCutIsMarkedByItsStartAndItsHealNotByEveryMessageItLoses() {
        Scenario scenario = ScenarioReader.read(Path.of("lessons/scenarios/network-partition.json"));
        Simulation simulation = ScenarioWorld.simulation(scenario);
        MetricsRecorder recorder = new MetricsRecorder("stream", groups(scenario), 500);
        recorder.runUntil(simulation, 50_000);

        assertThat(simulation.log()).anyMatch(event -> event.type().equals("RequestLost"));
        assertThat(recorder.marks()).filteredOn(m -> m.kind() == TimelineMark.Kind.FAULT)
                .extracting(m -> m.event().orElseThrow().type()).containsExactly("NetworkPartition", "NetworkHealed");
    }

    @Test
    void oneRecorderFollowsEveryGroupAsASeparateOneWouldAndMarksOnlyEachGroupsOwnCommits() throws IOException {
        Scenario scenario = ScenarioReader.read(Path.of("lessons/scenarios/two-groups-one-topic.json"));
        Simulation simulation = ScenarioWorld.simulation(scenario);
        MetricsRecorder both = new MetricsRecorder(List.of("billing", "shipping"), groups(scenario), 500);
        both.runUntil(simulation, 25_000);

        for (String group : List.of("billing", "shipping")) {
            Simulation alone = ScenarioWorld.simulation(scenario);
            MetricsRecorder one = new MetricsRecorder(group, groups(scenario), 500);
            one.runUntil(alone, 25_000);
            assertThat(both.samples(group)).isEqualTo(one.samples()).hasSize(51);
        }
        // At 20 s, with the producer still writing, each group lags by its own commits.
        assertThat(both.samples("billing").get(40).lag()).isNotEqualTo(both.samples("shipping").get(40).lag());
        assertThat(both.marks("billing")).filteredOn(m -> m.kind() == TimelineMark.Kind.COMMIT).isNotEmpty()
                .extracting(m -> m.event().orElseThrow().actor()).containsOnly("B1");
        assertThat(both.marks("shipping")).filteredOn(m -> m.kind() == TimelineMark.Kind.COMMIT)
                .extracting(m -> m.event().orElseThrow().actor()).contains("S1", "S2").containsOnly("S1", "S2");
        // What concerns every group (the producer stopping at 20 s) marks both timelines.
        assertThat(both.marks("billing")).extracting(m -> m.event().map(e -> e.type()).orElse(""))
                .contains("StopProducer");
        assertThat(both.marks("shipping")).extracting(m -> m.event().map(e -> e.type()).orElse(""))
                .contains("StopProducer");
        assertThat(both.frameAt("shipping", 25_000, 10_000).marks()).isSameAs(both.marks("shipping"));
    }
}
