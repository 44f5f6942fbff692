package dev.groupscope.kafka.assignor;

import static dev.groupscope.kafka.assignor.AssignmentFixtures.consumers;
import static dev.groupscope.kafka.assignor.AssignmentFixtures.dynamic;
import static dev.groupscope.kafka.assignor.AssignmentFixtures.english;
import static dev.groupscope.kafka.assignor.AssignmentFixtures.kafka;
import static dev.groupscope.kafka.assignor.AssignmentFixtures.owning;
import static dev.groupscope.kafka.assignor.AssignmentFixtures.readable;
import static dev.groupscope.kafka.assignor.AssignmentFixtures.staticMember;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.RebalanceProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Kafka's Range on the examples a learner meets. Each expected answer is also checked against kafka-clients, so
 * the examples cannot drift from Kafka.
 */
class RangeAssignorTest {

    private final RangeAssignor range = new RangeAssignor();

    @Test
    void isKafkasEagerOnlyRange() {
        assertThat(range.name()).isEqualTo("range");
        assertThat(range.supportedProtocols()).containsExactly(RebalanceProtocol.EAGER);
    }

    @Test
    void referenceRoundOneGivesTheFirstConsumerT0sExtraPartition() {
        Map<String, Integer> topics = Map.of("t0", 4, "t1", 3);
        List<GroupMember> members = consumers(3, "t0", "t1");

        Map<String, List<String>> expected = Map.of(
                "C0", List.of("t0-0", "t0-1", "t1-0"),
                "C1", List.of("t0-2", "t1-1"),
                "C2", List.of("t0-3", "t1-2"));
        assertThat(readable(range.assign(topics, members))).isEqualTo(expected);
        assertThat(kafka("range", topics, members)).isEqualTo(expected);
    }

    @Test
    void referenceRoundTwoShiftsEveryRangeOfT0WhenC3Joins() {
        Map<String, Integer> topics = Map.of("t0", 4, "t1", 3);
        List<GroupMember> round1 = consumers(3, "t0", "t1");
        List<GroupMember> round2 = new ArrayList<>(owning(round1, range.assign(topics, round1), 1));
        round2.add(dynamic("C3", "t0", "t1"));

        Map<String, List<String>> expected = Map.of(
                "C0", List.of("t0-0", "t1-0"),
                "C1", List.of("t0-1", "t1-1"),
                "C2", List.of("t0-2", "t1-2"),
                "C3", List.of("t0-3"));
        assertThat(readable(range.assign(topics, round2))).isEqualTo(expected);
        assertThat(kafka("range", topics, round2)).isEqualTo(expected);
    }

    @Test
    void kafkaJavadocExampleGivesC0BothExtras() {
        Map<String, Integer> topics = Map.of("t0", 3, "t1", 3);
        List<GroupMember> members = consumers(2, "t0", "t1");

        Map<String, List<String>> expected = Map.of(
                "C0", List.of("t0-0", "t0-1", "t1-0", "t1-1"),
                "C1", List.of("t0-2", "t1-2"));
        assertThat(readable(range.assign(topics, members))).isEqualTo(expected);
        assertThat(kafka("range", topics, members)).isEqualTo(expected);
    }

    @Test
    void theSeventhConsumerOnSixPartitionsIsIdleAndTheTraceSaysSo() {
        Map<String, Integer> topics = Map.of("orders", 6);
        List<GroupMember> members = consumers(7, "orders");

        GroupAssignment result = range.assign(topics, members, AssignmentTrace.recording());

        assertThat(result.assignment().get("C6")).isEmpty();
        for (int i = 0; i < 6; i++) {
            assertThat(readable(result).get("C" + i)).containsExactly("orders-" + i);
        }
        assertThat(readable(result)).isEqualTo(kafka("range", topics, members));
        assertThat(result.steps()).filteredOn(step -> step.kind() == AssignmentStep.Kind.IDLE)
                .extracting(AssignmentStep::member).containsExactly("C6");
        assertThat(english(result.steps(), "assign.range.quotaShort")).containsExactly(
                "Topic orders: partitions P = 6, subscribers C = 7 (C0, C1, C2, C3, C4, C5, C6). There are more"
                        + " subscribers than partitions, so P / C = 0: the remainder P % C = 6 is handed out one each"
                        + " to the first in line (C0, C1, C2, C3, C4, C5), and nothing of orders is left for C6.");
    }

    @Test
    void staticMembersComeFirstByInstanceIdWhateverTheirMemberIds() {
        Map<String, Integer> topics = Map.of("t0", 3);
        List<GroupMember> members = List.of(
                dynamic("a-dynamic", "t0"),
                staticMember("z-static", "i1", "t0"),
                staticMember("m-static", "i0", "t0"));

        GroupAssignment result = range.assign(topics, members, AssignmentTrace.recording());

        Map<String, List<String>> expected = Map.of(
                "m-static", List.of("t0-0"),
                "z-static", List.of("t0-1"),
                "a-dynamic", List.of("t0-2"));
        assertThat(readable(result)).isEqualTo(expected);
        assertThat(kafka("range", topics, members)).isEqualTo(expected);
        assertThat(result.steps().get(0).kind()).isEqualTo(AssignmentStep.Kind.SORT_MEMBERS);
        assertThat(result.steps().get(0).messageKey()).isEqualTo("assign.range.sortMembersStatic");
        assertThat(result.steps().get(0).args().get("members"))
                .isEqualTo(List.of("m-static (i0)", "z-static (i1)", "a-dynamic"));
    }

    /**
     * The misconception drill: "four partitions, four consumers, so one each". Range splits each topic on its
     * own, so both topics hand their two partitions to the same first two consumers and the other two idle.
     */
    @Test
    void twoTopicsOfTwoPartitionsLeaveTwoOfFourConsumersIdle() {
        Map<String, Integer> topics = Map.of("t0", 2, "t1", 2);
        List<GroupMember> members = consumers(4, "t0", "t1");

        Map<String, List<String>> expected = Map.of(
                "C0", List.of("t0-0", "t1-0"),
                "C1", List.of("t0-1", "t1-1"),
                "C2", List.of(),
                "C3", List.of());
        assertThat(readable(range.assign(topics, members))).isEqualTo(expected);
        assertThat(kafka("range", topics, members)).isEqualTo(expected);
    }

    @Test
    void theSameMembersCollectEveryTopicsExtraPartition() {
        Map<String, Integer> topics = Map.of("a", 4, "b", 4, "c", 4);
        List<GroupMember> members = consumers(3, "a", "b", "c");

        Map<String, List<String>> sizes = readable(range.assign(topics, members));

        assertThat(sizes.get("C0")).hasSize(6);
        assertThat(sizes.get("C1")).hasSize(3);
        assertThat(sizes.get("C2")).hasSize(3);
        assertThat(sizes).isEqualTo(kafka("range", topics, members));
    }

    @Test
    void aTopicWithoutMetadataIsSkippedAndItsOnlySubscriberStillAppears() {
        Map<String, Integer> topics = Map.of("t0", 2);
        List<GroupMember> members = List.of(dynamic("C0", "t0", "gone"), dynamic("C1", "gone"));

        GroupAssignment result = range.assign(topics, members, AssignmentTrace.recording());

        assertThat(readable(result)).isEqualTo(Map.of("C0", List.of("t0-0", "t0-1"), "C1", List.of()));
        assertThat(readable(result)).isEqualTo(kafka("range", topics, members));
        assertThat(result.steps()).filteredOn(step -> step.kind() == AssignmentStep.Kind.SKIP_TOPIC)
                .extracting(step -> step.args().get("topic")).containsExactly("gone");
    }

    @Test
    void eachRangeIsNarratedWithItsShareAndExtra() {
        GroupAssignment result = range.assign(Map.of("t0", 4), consumers(3, "t0"), AssignmentTrace.recording());

        assertThat(english(result.steps(), "assign.range.quotaExtra")).containsExactly(
                "Topic t0: partitions P = 4, subscribers C = 3 (C0, C1, C2). Each subscriber gets P / C = 1;"
                        + " the remainder P % C = 1 is handed out one each to the first in line: C0.");
        assertThat(english(result.steps(), "assign.range.takeExtra"))
                .containsExactly("C0 takes t0-0..t0-1: 1 + 1 extra.");
        assertThat(english(result.steps(), "assign.range.take"))
                .containsExactly("C1 takes t0-2: P / C = 1, no extra.", "C2 takes t0-3: P / C = 1, no extra.");
    }

    @Test
    void tracingOffRecordsNothing() {
        GroupAssignment result = range.assign(Map.of("t0", 4), consumers(3, "t0"));

        assertThat(result.steps()).isEmpty();
    }
}
