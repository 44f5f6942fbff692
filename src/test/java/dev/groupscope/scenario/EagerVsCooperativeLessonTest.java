package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.report.Rebalance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The eager-vs-cooperative lesson: the same join (at 15 s) and the same close (at 30 s) in a group under range
 * (EAGER) and one under cooperative-sticky (COOPERATIVE), both with auto commit. Eager stops everyone and reads
 * nothing twice; cooperative stops nobody, and reads again what the member giving a partition up processed after the
 * rebalance's commit.
 */
class EagerVsCooperativeLessonTest {

    private static ScenarioRun run;

    @BeforeAll
    static void runTheLesson() {
        run = ScenarioRun.of("eager-vs-cooperative");
    }

    @Test
    void everyEagerRebalanceStopsEveryMemberEvenWhenOnePartitionMoves() {
        List<Rebalance> rebalances = run.group("eager-app").rebalances();

        assertThat(rebalances).extracting(Rebalance::toGeneration).containsExactly(1, 2, 3);
        assertThat(rebalances.get(1).moved()).containsExactly(new Rebalance.Move("clicks-5", "E3", "E4"));
        assertThat(rebalances.get(1).stopTheWorldMs()).containsOnlyKeys("E1", "E2", "E3");
        assertThat(rebalances.get(2).stopTheWorldMs()).containsOnlyKeys("E1", "E3", "E4");
        assertThat(run.events(e -> e.type().equals("onPartitionsRevoked") && e.actor().startsWith("E")
                && e.time() >= 15_000 && e.time() < 16_000)).hasSize(3);
    }

    @Test
    void cooperativeRebalancesStopNobodyAndTheJoinTakesTwoRounds() {
        List<Rebalance> rebalances = run.group("cooperative-app").rebalances();

        assertThat(rebalances.get(1).rounds()).isEqualTo(2);
        assertThat(rebalances.get(1).moved()).containsExactly(new Rebalance.Move("clicks-4", "K2", "K4"));
        assertThat(rebalances.get(2).moved()).containsExactly(new Rebalance.Move("clicks-1", "K2", "K4"));
        assertThat(rebalances).allSatisfy(rebalance -> assertThat(rebalance.stopTheWorldMs()).isEmpty());
    }

    @Test
    void theMovingPartitionWaitsForTheSecondRoundWhichTheOthersHearOfAtTheirNextHeartbeat() {
        SimEvent revoked = run.events(e -> e.type().equals("onPartitionsRevoked") && e.actor().equals("K2")).get(0);
        List<SimEvent> reads = run.events(e -> e.type().equals("Poll") && e.actor().startsWith("K")
                && pollPartitions(e).containsKey("clicks-4") && e.time() > revoked.time());
        List<SimEvent> rejoinNotices = run.events(e -> e.type().equals("HeartbeatResponse")
                && List.of("K1", "K3").contains(e.actor()) && "REBALANCE_IN_PROGRESS".equals(e.fields().get("error"))
                && e.time() > revoked.time() && e.time() < reads.get(0).time());

        assertThat(reads.get(0).actor()).isEqualTo("K4");
        // Unread for most of a heartbeat.interval.ms (3,000 ms): K1 and K3 learn of round two from a heartbeat.
        assertThat(reads.get(0).time() - revoked.time()).isBetween(2_500L, 3_100L);
        assertThat(rejoinNotices).extracting(SimEvent::actor).containsExactlyInAnyOrder("K1", "K3");
    }

    @Test
    void eagerReadsNothingTwice() {
        assertThat(run.group("eager-app").duplicates()).isZero();
        assertThat(run.group("eager-app").lost()).isZero();
        assertThat(readAgain("E")).isEmpty();
    }

    @Test
    void cooperativeReadsAgainWhatTheOldOwnerProcessedAfterTheRebalancesCommit() {
        List<String> again = readAgain("K");

        assertThat(again).containsExactly("clicks-4@144 by K2 then K4");
        assertThat(run.group("cooperative-app").duplicates()).isEqualTo(1);
        assertThat(run.group("cooperative-app").lost()).isZero();
        // K2 committed 144 as the rebalance began, went on to process 144, and gave clicks-4 up without committing.
        SimEvent commit = run.events(e -> e.type().equals("AutoCommit") && e.actor().equals("K2")
                && "BEFORE_REBALANCE".equals(e.fields().get("purpose")) && e.time() >= 15_000).get(0);
        SimEvent revoked = run.events(e -> e.type().equals("onPartitionsRevoked") && e.actor().equals("K2")).get(0);
        assertThat(commit.fields().get("offsets")).isEqualTo(Map.of("clicks-1", 214L, "clicks-4", 144L));
        assertThat(revoked.fields().get("partitions")).isEqualTo(List.of("clicks-4"));
        assertThat(processedBetween("K2", "clicks-4", commit.time(), revoked.time())).containsExactly(144L);
    }

    /** Each record of the group's consumers (ids starting with {@code prefix}) processed a second time. */
    private static List<String> readAgain(String prefix) {
        Map<String, String> firstReader = new HashMap<>();
        List<String> again = new ArrayList<>();
        for (SimEvent processed : run.events(e -> e.type().equals("ProcessRecords") && e.actor().startsWith(prefix))) {
            forEachOffset(processed, (partition, offset) -> {
                String record = partition + "@" + offset;
                String before = firstReader.putIfAbsent(record, processed.actor());
                if (before != null) {
                    again.add(record + " by " + before + " then " + processed.actor());
                }
            });
        }
        return again;
    }

    private static List<Long> processedBetween(String consumer, String partition, long from, long to) {
        List<Long> offsets = new ArrayList<>();
        for (SimEvent processed : run.events(e -> e.type().equals("ProcessRecords") && e.actor().equals(consumer)
                && e.time() > from && e.time() <= to)) {
            forEachOffset(processed, (tp, offset) -> {
                if (tp.equals(partition)) {
                    offsets.add(offset);
                }
            });
        }
        return offsets;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Number>> pollPartitions(SimEvent event) {
        return (Map<String, List<Number>>) event.fields().get("partitions");
    }

    private static void forEachOffset(SimEvent processed, java.util.function.BiConsumer<String, Long> action) {
        pollPartitions(processed).forEach((partition, range) -> {
            for (long offset = range.get(0).longValue(); offset <= range.get(1).longValue(); offset++) {
                action.accept(partition, offset);
            }
        });
    }
}
