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
 * Kafka's RoundRobin on the examples a learner meets. Each expected answer is also checked against kafka-clients,
 * so the examples cannot drift from Kafka.
 */
class RoundRobinAssignorTest {

    private final RoundRobinAssignor roundRobin = new RoundRobinAssignor();

    @Test
    void isKafkasEagerOnlyRoundRobin() {
        assertThat(roundRobin.name()).isEqualTo("roundrobin");
        assertThat(roundRobin.supportedProtocols()).containsExactly(RebalanceProtocol.EAGER);
    }

    @Test
    void referenceRoundOneDealsT0ThenT1AroundThreeConsumers() {
        Map<String, Integer> topics = Map.of("t0", 4, "t1", 3);
        List<GroupMember> members = consumers(3, "t0", "t1");

        Map<String, List<String>> expected = Map.of(
                "C0", List.of("t0-0", "t0-3", "t1-2"),
                "C1", List.of("t0-1", "t1-0"),
                "C2", List.of("t0-2", "t1-1"));
        assertThat(readable(roundRobin.assign(topics, members))).isEqualTo(expected);
        assertThat(kafka("roundrobin", topics, members)).isEqualTo(expected);
    }

    @Test
    void referenceRoundTwoMovesFourOfSevenPartitionsWhenC3Joins() {
        Map<String, Integer> topics = Map.of("t0", 4, "t1", 3);
        List<GroupMember> round1 = consumers(3, "t0", "t1");
        List<GroupMember> round2 = new ArrayList<>(owning(round1, roundRobin.assign(topics, round1), 1));
        round2.add(dynamic("C3", "t0", "t1"));

        Map<String, List<String>> expected = Map.of(
                "C0", List.of("t0-0", "t1-0"),
                "C1", List.of("t0-1", "t1-1"),
                "C2", List.of("t0-2", "t1-2"),
                "C3", List.of("t0-3"));
        assertThat(readable(roundRobin.assign(topics, round2))).isEqualTo(expected);
        assertThat(kafka("roundrobin", topics, round2)).isEqualTo(expected);
    }

    @Test
    void kafkaJavadocIdenticalSubscriptionsDealEvenly() {
        Map<String, Integer> topics = Map.of("t0", 3, "t1", 3);
        List<GroupMember> members = consumers(2, "t0", "t1");

        Map<String, List<String>> expected = Map.of(
                "C0", List.of("t0-0", "t0-2", "t1-1"),
                "C1", List.of("t0-1", "t1-0", "t1-2"));
        assertThat(readable(roundRobin.assign(topics, members))).isEqualTo(expected);
        assertThat(kafka("roundrobin", topics, members)).isEqualTo(expected);
    }

    @Test
    void kafkaJavadocDifferentSubscriptionsPileOntoTheOnlySubscriberOfT2() {
        Map<String, Integer> topics = Map.of("t0", 1, "t1", 2, "t2", 3);
        List<GroupMember> members = List.of(
                dynamic("C0", "t0"),
                dynamic("C1", "t0", "t1"),
                dynamic("C2", "t0", "t1", "t2"));

        GroupAssignment result = roundRobin.assign(topics, members, AssignmentTrace.recording());

        Map<String, List<String>> expected = Map.of(
                "C0", List.of("t0-0"),
                "C1", List.of("t1-0"),
                "C2", List.of("t1-1", "t2-0", "t2-1", "t2-2"));
        assertThat(readable(result)).isEqualTo(expected);
        assertThat(kafka("roundrobin", topics, members)).isEqualTo(expected);
        assertThat(english(result.steps(), "assign.roundrobin.uneven")).hasSize(1);
        assertThat(english(result.steps(), "assign.roundrobin.placeAfterSkip")).containsExactly(
                "t2-0: the cursor skips C0, C1 (not subscribed to t2) and stops at C2, which takes it."
                        + " The cursor moves on to C0.",
                "t2-1: the cursor skips C0, C1 (not subscribed to t2) and stops at C2, which takes it."
                        + " The cursor moves on to C0.",
                "t2-2: the cursor skips C0, C1 (not subscribed to t2) and stops at C2, which takes it."
                        + " The cursor moves on to C0.");
        assertThat(english(result.steps(), "assign.roundrobin.place")).startsWith(
                "t0-0 goes to C0, the member at the cursor. The cursor moves on to C1.");
    }

    @Test
    void theSeventhConsumerOnSixPartitionsIsIdle() {
        Map<String, Integer> topics = Map.of("orders", 6);
        List<GroupMember> members = consumers(7, "orders");

        GroupAssignment result = roundRobin.assign(topics, members, AssignmentTrace.recording());

        assertThat(result.assignment().get("C6")).isEmpty();
        assertThat(readable(result)).isEqualTo(kafka("roundrobin", topics, members));
        assertThat(result.steps()).filteredOn(step -> step.kind() == AssignmentStep.Kind.IDLE)
                .extracting(AssignmentStep::member).containsExactly("C6");
        assertThat(english(result.steps(), "assign.roundrobin.even"))
                .containsExactly("Every member subscribes to the same topics, so the deal comes out even:"
                        + " every member ends up with 0 or 1.");
    }

    @Test
    void staticMembersSitFirstInTheCircleByInstanceId() {
        Map<String, Integer> topics = Map.of("t0", 4);
        List<GroupMember> members = List.of(
                dynamic("a-dynamic", "t0"),
                staticMember("z-static", "i0", "t0"),
                dynamic("b-dynamic", "t0"),
                staticMember("m-static", "i1", "t0"));

        Map<String, List<String>> expected = Map.of(
                "z-static", List.of("t0-0"),
                "m-static", List.of("t0-1"),
                "a-dynamic", List.of("t0-2"),
                "b-dynamic", List.of("t0-3"));
        assertThat(readable(roundRobin.assign(topics, members))).isEqualTo(expected);
        assertThat(kafka("roundrobin", topics, members)).isEqualTo(expected);
    }

    /** The same drill as Range's: here the deal crosses topics, so four partitions do reach four consumers. */
    @Test
    void twoTopicsOfTwoPartitionsGiveFourConsumersOneEach() {
        Map<String, Integer> topics = Map.of("t0", 2, "t1", 2);
        List<GroupMember> members = consumers(4, "t0", "t1");

        Map<String, List<String>> expected = Map.of(
                "C0", List.of("t0-0"),
                "C1", List.of("t0-1"),
                "C2", List.of("t1-0"),
                "C3", List.of("t1-1"));
        assertThat(readable(roundRobin.assign(topics, members))).isEqualTo(expected);
        assertThat(kafka("roundrobin", topics, members)).isEqualTo(expected);
    }

    /** Each topic does not start over at the first member: b-0 goes to C1 because a-0 moved the cursor there. */
    @Test
    void theCursorCarriesOverFromOneTopicToTheNext() {
        Map<String, Integer> topics = Map.of("a", 1, "b", 2);
        List<GroupMember> members = List.of(dynamic("C0", "a", "b"), dynamic("C1", "b"), dynamic("C2", "b"));

        Map<String, List<String>> expected = Map.of(
                "C0", List.of("a-0"),
                "C1", List.of("b-0"),
                "C2", List.of("b-1"));
        assertThat(readable(roundRobin.assign(topics, members))).isEqualTo(expected);
        assertThat(kafka("roundrobin", topics, members)).isEqualTo(expected);
    }

    @Test
    void aTopicWithoutMetadataIsSkipped() {
        Map<String, Integer> topics = Map.of("t0", 3);
        List<GroupMember> members = List.of(dynamic("C0", "gone"), dynamic("C1", "t0", "gone"));

        GroupAssignment result = roundRobin.assign(topics, members, AssignmentTrace.recording());

        assertThat(readable(result)).isEqualTo(Map.of("C0", List.of(), "C1", List.of("t0-0", "t0-1", "t0-2")));
        assertThat(readable(result)).isEqualTo(kafka("roundrobin", topics, members));
        assertThat(result.steps()).filteredOn(step -> step.kind() == AssignmentStep.Kind.SKIP_TOPIC)
                .extracting(step -> step.args().get("topic")).containsExactly("gone");
    }

    @Test
    void tracingOffRecordsNothing() {
        GroupAssignment result = roundRobin.assign(Map.of("t0", 4), consumers(3, "t0"));

        assertThat(result.steps()).isEmpty();
    }
}
