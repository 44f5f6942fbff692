package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

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
            check.after(simulation.current());
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> offsets(SimEvent event) {
        return (Map<String, Object>) event.fields().get("offsets");
    }

    static Ledger ledger(World world) {
        return (Ledger) world.actors().get(Ledger.ID);
    }

    /**
     * Checked after every step: each partition's committed offset never passes a record the group has not
     * finished, i.e. every offset below it was processed at least once by the time the commit was stored.
     */
    static final class CommittedNeverPassesUnfinished {
        private final String group;
        private final Map<TopicPartition, Long> verified = new TreeMap<>();
        private long commitsChecked;

        CommittedNeverPassesUnfinished(String group) {
            this.group = group;
        }

        void after(World world) {
            Map<TopicPartition, Long> committed = LedgerScenarioTest.committed(world, group);
            Ledger ledger = ledger(world);
            committed.forEach((tp, offset) -> {
                long from = verified.getOrDefault(tp, -1L);
                if (offset <= from) {
                    return;
                }
                commitsChecked++;
                long start = Math.max(from, firstDelivered(ledger, tp, offset));
                for (long o = start; o < offset; o++) {
                    assertThat(ledger.timesProcessed(group, tp, o)).as("%s@%d is below the committed %d at %d ms"
                            + " but unfinished", tp, o, offset, world.now()).isPositive();
                }
                verified.put(tp, offset);
            });
        }

        /** Offsets before the group's first record were never read (auto.offset.reset): not this check's business. */
        private long firstDelivered(Ledger ledger, TopicPartition tp, long upTo) {
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
