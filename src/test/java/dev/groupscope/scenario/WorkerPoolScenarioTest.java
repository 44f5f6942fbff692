package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.client.ConsumerActor;
import dev.groupscope.sim.client.WorkerPoolView;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.engine.World;
import dev.groupscope.sim.ledger.Ledger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The notes' two claims about a poller feeding a worker pool (rows 20–21), as the ledger counts them. */
class WorkerPoolScenarioTest {

    private static final List<TopicPartition> CLICKS = List.of(new TopicPartition("clicks", 0),
            new TopicPartition("clicks", 1), new TopicPartition("clicks", 2));

    @Test
    void anUnorderedPoolBreaksOrderInEveryPartitionYetCommitsNothingUnfinished() {
        ScenarioRun run = ScenarioRun.of("worker-pool-unordered");
        Ledger ledger = ledger(run.simulation.current());

        for (TopicPartition tp : CLICKS) {
            assertThat(ledger.orderBreaks("clicks-unordered", tp)).as("order breaks in %s", tp).isPositive();
        }
        assertThat(CLICKS.stream().mapToLong(tp -> ledger.keyOrderBreaks("clicks-unordered", tp)).sum())
                .as("even one key's records overtake each other").isPositive();
        assertThat(run.group("clicks-unordered").recordsProcessed()).isGreaterThan(2000);
        assertThat(run.group("clicks-unordered").orderBreaks())
                .isEqualTo(ledger.orderBreaksByPartition("clicks-unordered").values().stream()
                        .mapToLong(Long::longValue).sum());
        assertThat(run.group("clicks-unordered").duplicates()).isZero();
        assertThat(run.group("clicks-unordered").lost()).isZero();
        assertThat(run.events(e -> e.type().equals("DispatchRecords"))).isNotEmpty();
    }

    @Test
    void aRecordAnIdleWorkerTakesAtOnceIsNotSaidToWait() {
        // window-commit at 8,012 ms (7,992 before consumers asked for Metadata at start): C2's poller hands one
        // record to its four workers, two of which are idle (the card says "workers 3–4 idle"); the sentence said
        // "(1 waiting)", counted before any worker took it.
        ScenarioRun run = ScenarioRun.of("window-commit");
        List<SimEvent> single = run.events(e -> e.type().equals("DispatchRecords") && "C2".equals(e.actor())
                && ((Number) e.fields().get("records")).intValue() == 1);
        assertThat(single).as("C2's one-record dispatches").hasSizeGreaterThan(100);

        assertThat(single).filteredOn(e -> e.time() == 8_012).singleElement()
                .satisfies(e -> assertThat(e.fields().get("queued")).isEqualTo(0));
        // Four workers at 5–35 ms a record on about 50 records a second are mostly idle: most such records wait for
        // nobody, and none waits beside more than the one dispatched unless the workers are all busy.
        assertThat(single.stream().filter(e -> ((Number) e.fields().get("queued")).intValue() == 0).count())
                .as("one-record dispatches that a free worker took at once").isGreaterThan(single.size() / 2);
    }

    @Test
    void aByKeyPoolKeepsEachKeyInOrderWhileKeysOfOnePartitionInterleave() {
        ScenarioRun run = ScenarioRun.of("worker-pool-by-key");
        Ledger ledger = ledger(run.simulation.current());

        for (TopicPartition tp : CLICKS) {
            assertThat(ledger.keyOrderBreaks("clicks-by-key", tp)).as("key order breaks in %s", tp).isZero();
        }
        // One key, one worker keeps each key's order; the partition's order across keys is not kept.
        assertThat(run.group("clicks-by-key").orderBreaks()).isPositive();
        assertThat(run.group("clicks-by-key").recordsProcessed()).isGreaterThan(2000);
        assertThat(run.group("clicks-by-key").duplicates()).isZero();
        assertThat(run.group("clicks-by-key").lost()).isZero();
    }

    @Test
    void theWindowNeverCommitsPastAnUnfinishedRecord() {
        Scenario scenario = ScenarioReader.read(Path.of("lessons", "scenarios", "window-commit.json"));
        Simulation simulation = ScenarioWorld.simulation(scenario);
        CommittedNeverPassesUnfinished check = new CommittedNeverPassesUnfinished("window-app");
        while (simulation.current().now() <= scenario.durationMs() && simulation.step()) {
            check.after(simulation);
        }
        assertThat(check.commitsChecked()).isGreaterThan(100);
        assertThat(simulation.log().stream().filter(e -> e.type().equals("PausePartitions")
                && e.actor().equals("C1"))).as("the slow worker's record fills C1's window").isNotEmpty();
    }

    @Test
    void aCrashReReadsOnlyFromTheWindowsLowMark() {
        ScenarioRun run = ScenarioRun.of("window-commit");
        TopicPartition slowed = new TopicPartition("orders", 0);
        SimEvent crash = run.events(e -> e.type().equals("CrashConsumer")).get(0);
        World atCrash = run.simulation.stateAtEvent(crash.seq());
        WorkerPoolView pool = ((ConsumerActor) atCrash.actors().get("C1")).workerPool().orElseThrow();
        WorkerPoolView.Window window = pool.windows().get(slowed.toString());
        long committed = LedgerScenarioTest.committed(atCrash, "window-app").get(slowed);

        assertThat(window.lowMark()).as("C1 committed its low mark").isEqualTo(committed);
        assertThat(window.highestFinished()).as("records after the unfinished one were finished")
                .isGreaterThan(committed);
        Ledger ledgerAtCrash = ledger(atCrash);
        long finishedAboveLowMark = 0;
        for (long offset = committed; offset < window.next(); offset++) {
            finishedAboveLowMark += ledgerAtCrash.timesProcessed("window-app", slowed, offset);
        }
        SimEvent takeover = run.events(e -> e.type().equals("PositionFromCommitted") && e.actor().equals("C2")
                && e.time() > crash.time()).get(0);
        assertThat(((Number) offsets(takeover).get(slowed.toString())).longValue())
                .as("C2 starts at the low mark").isEqualTo(committed);
        assertThat(finishedAboveLowMark).isPositive();
        assertThat(run.group("window-app").duplicates()).isEqualTo(finishedAboveLowMark);
        assertThat(run.consumer("C2").duplicates()).isEqualTo(finishedAboveLowMark);
        assertThat(run.group("window-app").lost()).isZero();
    }

    @Test
    void thePoolsViewShowsTheSlowWorkersRecordPinningItsWindow() {
        ScenarioRun run = ScenarioRun.of("window-commit");
        TopicPartition slowed = new TopicPartition("orders", 0);
        SimEvent pause = run.events(e -> e.type().equals("PausePartitions") && e.actor().equals("C1")).get(0);
        World atPause = run.simulation.stateAtEvent(pause.seq());
        WorkerPoolView pool = ((ConsumerActor) atPause.actors().get("C1")).workerPool().orElseThrow();
        WorkerPoolView.Window window = pool.windows().get(slowed.toString());
        Ledger ledgerAtPause = ledger(atPause);

        assertThat(window.paused()).as("the window filled: its partition is paused").isTrue();
        assertThat(window.span()).isEqualTo(window.capacity()).isEqualTo(60);
        assertThat(pool.workers().get(0).record()).as("worker 1 holds the low mark's record")
                .isEqualTo(slowed + "@" + window.lowMark());
        assertThat(pool.workers().get(0).slowAt(pause.time())).isTrue();
        assertThat(pool.workers().get(0).slowFactor()).isEqualTo(100);
        assertThat(pool.workers().subList(1, 4)).noneMatch(worker -> worker.slowAt(pause.time()));
        // Above the low mark, a record is listed as finished exactly when the ledger has it processed.
        for (long offset = window.lowMark(); offset < window.next(); offset++) {
            assertThat(window.finishedAhead().contains(offset)).as("offset %d", offset)
                    .isEqualTo(ledgerAtPause.timesProcessed("window-app", slowed, offset) > 0);
        }
        assertThat(window.unfinished() + window.finishedAhead().size()).isEqualTo(window.span());
    }

    @Test
    void autoCommitWithAPoolCommitsPastUnfinishedRecordsAndACrashLosesThem() {
        ScenarioRun run = ScenarioRun.of("worker-pool-auto-commit-loses");
        TopicPartition slowed = new TopicPartition("orders", 0);
        SimEvent crash = run.events(e -> e.type().equals("CrashConsumer")).get(0);
        World atCrash = run.simulation.stateAtEvent(crash.seq());
        WorkerPoolView.Window window = ((ConsumerActor) atCrash.actors().get("C1")).workerPool().orElseThrow()
                .windows().get(slowed.toString());
        long committed = LedgerScenarioTest.committed(atCrash, "auto-pool-app").get(slowed);
        Ledger ledgerAtCrash = ledger(atCrash);
        long unfinishedBelowCommitted = 0;
        for (long offset = window.lowMark(); offset < committed; offset++) {
            if (ledgerAtCrash.timesProcessed("auto-pool-app", slowed, offset) == 0) {
                unfinishedBelowCommitted++;
            }
        }

        assertThat(committed).as("auto commit passed the window's low mark").isGreaterThan(window.lowMark());
        assertThat(unfinishedBelowCommitted).isPositive();
        assertThat(run.group("auto-pool-app").lost()).isEqualTo(unfinishedBelowCommitted);
        assertThat(run.consumer("C1").lost()).isEqualTo(unfinishedBelowCommitted);
    }

    @Test
    void theWindowCheckCatchesACommitPastAnUnfinishedRecord() {
        Scenario scenario = ScenarioReader.read(Path.of("lessons", "scenarios", "worker-pool-auto-commit-loses.json"));
        Simulation simulation = ScenarioWorld.simulation(scenario);
        CommittedNeverPassesUnfinished check = new CommittedNeverPassesUnfinished("auto-pool-app");

        assertThatThrownBy(() -> {
            while (simulation.current().now() <= scenario.durationMs() && simulation.step()) {
                check.after(simulation);
            }
        }).isInstanceOf(AssertionError.class).hasMessageContaining("but unfinished");
    }

    @Test
    void everyRuleThePoolLessonsCiteReadsInBothLanguages() {
        for (String lesson : List.of("worker-pool-unordered", "worker-pool-by-key", "window-commit",
                "worker-pool-auto-commit-loses", "two-threading-schemes", "consumer-per-thread")) {
            List<SimEvent> ruled = ScenarioRun.of(lesson).events(e -> e.ruleKey() != null);
            for (java.util.Locale locale : List.of(java.util.Locale.ENGLISH, java.util.Locale.SIMPLIFIED_CHINESE)) {
                dev.groupscope.i18n.Messages messages = dev.groupscope.i18n.Messages.of(locale);
                java.util.Set<String> checked = new java.util.HashSet<>();
                for (SimEvent event : ruled) {
                    if (event.ruleKey().startsWith("sim.pool") && checked.add(event.ruleKey() + event.ruleArgs().keySet())) {
                        assertThat(messages.has(event.ruleKey())).as(lesson + ": " + event.ruleKey()).isTrue();
                        assertThat(messages.format(event.ruleKey(), event.ruleArgs())).as(event.ruleKey())
                                .doesNotContainPattern("\\{[A-Za-z][A-Za-z0-9_]*}");
                    }
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> offsets(SimEvent event) {
        return (Map<String, Object>) event.fields().get("offsets");
    }

    static Ledger ledger(World world) {
        return (Ledger) world.actors().get(Ledger.ID);
    }

    /**
     * Checked after every step: each commit the coordinator stores for the group (its {@code OffsetCommitRecord})
     * never passes a record the group has not finished, i.e. every offset below it, from the first the group read,
     * was processed at least once by the time the commit was stored.
     */
    static final class CommittedNeverPassesUnfinished {
        private final String group;
        private final Map<TopicPartition, Long> verified = new TreeMap<>();
        private int seen;
        private long commitsChecked;

        CommittedNeverPassesUnfinished(String group) {
            this.group = group;
        }

        void after(Simulation simulation) {
            List<SimEvent> log = simulation.log();
            Ledger ledger = ledger(simulation.current());
            for (; seen < log.size(); seen++) {
                SimEvent event = log.get(seen);
                if (event.type().equals("OffsetCommitRecord") && group.equals(event.fields().get("groupId"))) {
                    check(ledger, TopicPartition.parse((String) event.fields().get("topicPartition")),
                            ((Number) event.fields().get("committedOffset")).longValue(), event.time());
                }
            }
        }

        private void check(Ledger ledger, TopicPartition tp, long offset, long time) {
            commitsChecked++;
            long from = verified.containsKey(tp) ? verified.get(tp) : firstProcessed(ledger, tp, offset);
            for (long o = from; o < offset; o++) {
                assertThat(ledger.timesProcessed(group, tp, o)).as("%s@%d is below the offset %d committed at %d ms"
                        + " but unfinished", tp, o, offset, time).isPositive();
            }
            verified.put(tp, Math.max(from, offset));
        }

        /** Offsets before the group's first record were never read (auto.offset.reset): not this check's business. */
        private long firstProcessed(Ledger ledger, TopicPartition tp, long upTo) {
            for (long o = 0; o < upTo; o++) {
                if (ledger.timesProcessed(group, tp, o) > 0) {
                    return o;
                }
            }
            return upTo;
        }

        long commitsChecked() {
            return commitsChecked;
        }
    }
}
