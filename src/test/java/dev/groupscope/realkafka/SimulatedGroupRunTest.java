package dev.groupscope.realkafka;

import static dev.groupscope.realkafka.ListenerCallback.Kind.ASSIGNED;
import static dev.groupscope.realkafka.ListenerCallback.Kind.REVOKED;
import static dev.groupscope.realkafka.Step.awaitStable;
import static dev.groupscope.realkafka.Step.leave;
import static dev.groupscope.realkafka.Step.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.TopicPartition;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The simulator side of {@link SimulatorVersusRealKafkaTest} without a broker: a real run recorded on Kafka 4.1.1
 * (range, static c0..c2, c2 leaves with LEAVE_GROUP) in which c0's solo join won the race against the others' joins.
 * Replayed with that join order, the simulator must give the recorded callbacks and rounds exactly.
 */
class SimulatedGroupRunTest {

    private static final String TOPIC = "vs-range-leave";
    private static final GroupScript SCRIPT = GroupScript.of(start("c0"), start("c1"), start("c2"), awaitStable(3),
            leave("c2"), awaitStable(2));

    /** The recorded run: wall-clock ms and callbacks, as ScriptPlayer logged them. */
    private static RunLog recordedRealRun() {
        List<Timed> timeline = new ArrayList<>(List.of(
                timed(67, "c0", ASSIGNED, 1, 0, 1, 2, 3, 4, 5),
                timed(1055, "c0", REVOKED, 1, 0, 1, 2, 3, 4, 5),
                timed(1074, "c2", ASSIGNED, 2, 4, 5),
                timed(1074, "c1", ASSIGNED, 2, 2, 3),
                timed(1075, "c0", ASSIGNED, 2, 0, 1),
                timed(1267, "c2", REVOKED, 2, 4, 5),
                timed(2061, "c0", REVOKED, 2, 0, 1),
                timed(2062, "c1", REVOKED, 2, 2, 3),
                timed(2082, "c1", ASSIGNED, 3, 3, 4, 5),
                timed(2082, "c0", ASSIGNED, 3, 0, 1, 2)));
        List<StepTiming> steps = List.of(new StepTiming(start("c0"), 0, 23, 0), new StepTiming(start("c1"), 23, 44, 1),
                new StepTiming(start("c2"), 44, 53, 1), new StepTiming(awaitStable(3), 53, 1219, 1),
                new StepTiming(leave("c2"), 1219, 1719, 5), new StepTiming(awaitStable(2), 1719, 2259, 6));
        return new RunLog(timeline, steps, java.util.Map.of());
    }

    @Test
    void theRealJoinOrderBecomesABarrierAfterTheSoloRound() {
        assertThat(SimulatorVersusRealKafkaTest.withRealJoinOrder(SCRIPT, recordedRealRun()).steps()).containsExactly(
                start("c0"), awaitStable(1), start("c1"), start("c2"), awaitStable(3), leave("c2"), awaitStable(2));
    }

    @Test
    void aSingleFormationRoundAddsNoBarrier() {
        RunLog oneRound = new RunLog(List.of(timed(880, "c2", ASSIGNED, 1, 4, 5), timed(883, "c0", ASSIGNED, 1, 0, 1),
                timed(884, "c1", ASSIGNED, 1, 2, 3)), List.of(new StepTiming(start("c0"), 0, 392, 0),
                new StepTiming(start("c1"), 392, 421, 0), new StepTiming(start("c2"), 421, 442, 0),
                new StepTiming(awaitStable(3), 442, 1160, 0), new StepTiming(leave("c2"), 1160, 1482, 3)),
                java.util.Map.of());
        assertThat(SimulatorVersusRealKafkaTest.withRealJoinOrder(SCRIPT, oneRound)).isEqualTo(SCRIPT);
    }

    @Test
    void aFirstStarterWhoseJoinArrivedLastStartsAfterTheRoundItMissed() {
        // As CI saw it once: c0 started first, but c1's and c2's JoinGroups formed generation 1 without it.
        RunLog lateC0 = new RunLog(List.of(timed(880, "c1", ASSIGNED, 1, 0, 1, 2), timed(881, "c2", ASSIGNED, 1, 3, 4, 5),
                timed(1900, "c0", ASSIGNED, 2, 0, 1), timed(1901, "c1", ASSIGNED, 2, 2, 3),
                timed(1902, "c2", ASSIGNED, 2, 4, 5)), List.of(new StepTiming(start("c0"), 0, 392, 0),
                new StepTiming(start("c1"), 392, 421, 0), new StepTiming(start("c2"), 421, 442, 0),
                new StepTiming(awaitStable(3), 442, 1960, 0), new StepTiming(leave("c2"), 1960, 2482, 5),
                new StepTiming(awaitStable(2), 2482, 3000, 5)), java.util.Map.of());

        assertThat(SimulatorVersusRealKafkaTest.withRealJoinOrder(SCRIPT, lateC0).steps()).containsExactly(
                start("c1"), start("c2"), awaitStable(2), start("c0"), awaitStable(3), leave("c2"), awaitStable(2));
    }

    @Test
    void theSimulatorReplaysTheRecordedRunCallbackForCallback() {
        RunLog real = recordedRealRun();
        RunLog sim = SimulatedGroupRun.of(TOPIC, TOPIC).assignor("range")
                .run(SimulatorVersusRealKafkaTest.withRealJoinOrder(SCRIPT, real));

        assertThat(SimulatorVersusRealKafkaTest.relativeCallbacks(sim))
                .isEqualTo(SimulatorVersusRealKafkaTest.relativeCallbacks(real));
        assertThat(SimulatorVersusRealKafkaTest.relativeRounds(sim))
                .isEqualTo(SimulatorVersusRealKafkaTest.relativeRounds(real));
    }

    private static Timed timed(long ms, String member, ListenerCallback.Kind kind, int generation, int... partitions) {
        SortedSet<TopicPartition> set = new TreeSet<>();
        for (int partition : partitions) {
            set.add(new TopicPartition(TOPIC, partition));
        }
        return new Timed(ms, new ListenerCallback(member, kind, set, generation));
    }
}
