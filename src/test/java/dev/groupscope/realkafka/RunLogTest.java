package dev.groupscope.realkafka;

import static dev.groupscope.realkafka.ListenerCallback.Kind.ASSIGNED;
import static dev.groupscope.realkafka.ListenerCallback.Kind.LOST;
import static dev.groupscope.realkafka.ListenerCallback.Kind.REVOKED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.TopicPartition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The comparison views are replayed from callbacks alone; checked here without a cluster. */
class RunLogTest {

    private final List<Timed> timeline = new ArrayList<>();

    @Test
    void eagerRoundsAreWhatEachMemberWasAssignedLast() {
        add("c0", ASSIGNED, 1, 0, 1, 2, 3);
        add("c0", REVOKED, 1, 0, 1, 2, 3);
        add("c0", ASSIGNED, 2, 0, 1);
        add("c1", ASSIGNED, 2, 2, 3);

        assertThat(log(List.of()).rounds()).extracting(RebalanceRound::generation, RebalanceRound::partitionNumbers)
                .containsExactly(
                        Tuple.tuple(1, Map.of("c0", Set.of(0, 1, 2, 3))),
                        Tuple.tuple(2, Map.of("c0", Set.of(0, 1), "c1", Set.of(2, 3))));
    }

    @Test
    void cooperativeRoundsAddToWhatIsStillOwned() {
        add("c0", ASSIGNED, 1, 0, 1);
        add("c0", REVOKED, 2, 1);
        add("c0", ASSIGNED, 2);
        add("c1", ASSIGNED, 2);
        add("c0", ASSIGNED, 3);
        add("c1", ASSIGNED, 3, 1);

        List<RebalanceRound> rounds = log(List.of()).rounds();
        assertThat(rounds.get(1).partitionNumbers()).isEqualTo(Map.of("c0", Set.of(0), "c1", Set.of()));
        assertThat(rounds.get(2).partitionNumbers()).isEqualTo(Map.of("c0", Set.of(0), "c1", Set.of(1)));
    }

    @Test
    void lostPartitionsAreNoLongerOwned() {
        add("c0", ASSIGNED, 1, 0, 1);
        add("c0", LOST, -1, 0, 1);

        assertThat(log(List.of()).member("c0").owned()).isEmpty();
    }

    @Test
    void aStepSplitsTheLogIntoTheRoundItActedOnAndTheRoundsItCaused() {
        Step leave = Step.leave("c1");
        add("c0", ASSIGNED, 4, 0);
        add("c1", ASSIGNED, 4, 1);
        int stepStart = timeline.size();
        add("c1", REVOKED, 4, 1);
        add("c0", REVOKED, 4, 0);
        add("c0", ASSIGNED, 5, 0, 1);
        RunLog log = log(List.of(new StepTiming(leave, 10, 20, stepStart)));

        assertThat(log.roundBefore(leave).generation()).isEqualTo(4);
        assertThat(log.roundsSince(leave)).extracting(RebalanceRound::generation).containsExactly(5);
        assertThat(log.callbacksSince(leave)).extracting(ListenerCallback::member).containsExactly("c1", "c0", "c0");
    }

    private void add(String member, ListenerCallback.Kind kind, int generation, int... partitions) {
        SortedSet<TopicPartition> set = new TreeSet<>();
        for (int partition : partitions) {
            set.add(new TopicPartition("t", partition));
        }
        timeline.add(new Timed(timeline.size(), new ListenerCallback(member, kind, set, generation)));
    }

    private RunLog log(List<StepTiming> steps) {
        return new RunLog(timeline, steps, Map.of());
    }
}
