package dev.groupscope.kafka.assignor;

import static dev.groupscope.kafka.assignor.AssignmentFixtures.consumers;
import static dev.groupscope.kafka.assignor.AssignmentFixtures.dynamic;
import static dev.groupscope.kafka.assignor.AssignmentFixtures.english;
import static dev.groupscope.kafka.assignor.AssignmentFixtures.readable;
import static dev.groupscope.kafka.assignor.AssignmentFixtures.staticMember;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The old ZooKeeper consumer's algorithm from the second source note: per topic, N = ceil(P / C) and consumer i
 * takes partitions iN … (i+1)N − 1, so the last consumers can come up short or empty.
 */
class LegacyAssignorTest {

    private final LegacyAssignor legacy = new LegacyAssignor();

    @Test
    void fourPartitionsOverThreeConsumersSplitTwoTwoNone() {
        GroupAssignment result = legacy.assign(Map.of("t0", 4), consumers(3, "t0"), AssignmentTrace.recording());

        assertThat(readable(result)).isEqualTo(Map.of(
                "C0", List.of("t0-0", "t0-1"),
                "C1", List.of("t0-2", "t0-3"),
                "C2", List.of()));
        assertThat(english(result.steps(), "assign.legacy.quota"))
                .containsExactly("Topic t0: N = ceil(4 partitions / 3 consumers) = 2.");
        assertThat(english(result.steps(), "assign.idle"))
                .containsExactly("C2 gets no partitions this round: it stays in the group but is idle.");
    }

    /** Kafka's Range would give 3, 3, 2, 2 here; rounding N up leaves the last consumer one partition. */
    @Test
    void nRoundsUpSoTheLastConsumerTakesWhatIsLeft() {
        GroupAssignment result = legacy.assign(Map.of("t0", 10), consumers(4, "t0"));

        assertThat(readable(result)).isEqualTo(Map.of(
                "C0", List.of("t0-0", "t0-1", "t0-2"),
                "C1", List.of("t0-3", "t0-4", "t0-5"),
                "C2", List.of("t0-6", "t0-7", "t0-8"),
                "C3", List.of("t0-9")));
    }

    @Test
    void eachTopicIsSplitOverItsOwnSubscribersOnly() {
        Map<String, Integer> topics = Map.of("t0", 4, "t1", 3);
        List<GroupMember> members = List.of(
                dynamic("C0", "t0"),
                dynamic("C1", "t0", "t1"),
                dynamic("C2", "t0", "t1"));

        GroupAssignment result = legacy.assign(topics, members);

        // t0: N = ceil(4 / 3) = 2 over C0, C1, C2; t1: N = ceil(3 / 2) = 2 over C1, C2 alone.
        assertThat(readable(result)).isEqualTo(Map.of(
                "C0", List.of("t0-0", "t0-1"),
                "C1", List.of("t0-2", "t0-3", "t1-0", "t1-1"),
                "C2", List.of("t1-2")));
    }

    @Test
    void consumersAreSortedByMemberIdAndStaticMembershipPlaysNoPart() {
        GroupAssignment result = legacy.assign(Map.of("t0", 2), List.of(
                staticMember("Z", "i0", "t0"),
                dynamic("A", "t0")));

        assertThat(readable(result)).isEqualTo(Map.of("A", List.of("t0-0"), "Z", List.of("t0-1")));
    }

    @Test
    void aTopicWithoutMetadataIsSkipped() {
        GroupAssignment result = legacy.assign(Map.of(), List.of(dynamic("C0", "gone")),
                AssignmentTrace.recording());

        assertThat(result.assignment().get("C0")).isEmpty();
        assertThat(result.steps()).extracting(AssignmentStep::kind)
                .contains(AssignmentStep.Kind.SKIP_TOPIC, AssignmentStep.Kind.IDLE);
    }
}
