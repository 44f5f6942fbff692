package dev.groupscope.kafka.assignor.sticky;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.kafka.RebalanceProtocol;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.AssignCase;
import dev.groupscope.kafka.assignor.AssignmentStep;
import dev.groupscope.kafka.assignor.AssignmentTrace;
import dev.groupscope.kafka.assignor.Assignors;
import dev.groupscope.kafka.assignor.GroupAssignment;
import dev.groupscope.kafka.assignor.GroupMember;
import dev.groupscope.kafka.assignor.PartitionAssignor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The worked examples GroupScope teaches with: the reference's t0 = 4, t1 = 3 group (kafka-model.md §4.5), what a
 * real Kafka cluster did with three static members, and Kafka's own general-path example. Each is also checked
 * against kafka-clients.
 */
class StickyExamplesTest {

    private static final Map<String, Integer> T0_T1 = Map.of("t0", 4, "t1", 3);
    private static final List<GroupMember> FIRST_THREE = firstJoin("C0", "C1", "C2");

    @Test
    void stickyRoundOneDealsPartitionsInTurnAndGivesTheExtraToC0() {
        GroupAssignment round1 = assign(StickyAssignor.NAME, T0_T1, FIRST_THREE);
        assertThat(partitions(round1, "C0")).containsExactlyInAnyOrder("t0-0", "t0-3", "t1-2");
        assertThat(partitions(round1, "C1")).containsExactlyInAnyOrder("t0-1", "t1-0");
        assertThat(partitions(round1, "C2")).containsExactlyInAnyOrder("t0-2", "t1-1");
    }

    @Test
    void stickyRoundTwoMovesOnlyT0p3ToTheJoiningC3() {
        GroupAssignment round1 = assign(StickyAssignor.NAME, T0_T1, FIRST_THREE);
        GroupAssignment round2 = assign(StickyAssignor.NAME, T0_T1, c3Joins(round1));
        assertThat(partitions(round2, "C0")).containsExactlyInAnyOrder("t0-0", "t1-2");
        assertThat(partitions(round2, "C1")).containsExactlyInAnyOrder("t1-0", "t0-1");
        assertThat(partitions(round2, "C2")).containsExactlyInAnyOrder("t1-1", "t0-2");
        assertThat(partitions(round2, "C3")).containsExactly("t0-3");
        assertThat(round2.withheld()).isEmpty();
    }

    @Test
    void stickyRoundTwoExplainsWhyC0GivesUpT0p3() {
        GroupAssignment round1 = assign(StickyAssignor.NAME, T0_T1, FIRST_THREE);
        GroupAssignment round2 = traced(StickyAssignor.NAME, T0_T1, c3Joins(round1));
        assertThat(english(round2)).contains(
                "Every member subscribes to the same topics (t0, t1): Kafka takes the fast constrained path.",
                "7 partitions for 4 members: each gets 1 or 2, and exactly 3 of them get 2.",
                "C0 gives up t0-3: it is beyond its quota of 2 (owned partitions are ranked by partition number,"
                        + " then topic).",
                "t0-3 → C3, next in the round robin over members below the minimum (now holding 1).");
    }

    @Test
    void cooperativeStickyTakesTwoRoundsToHandT0p3ToC3() {
        GroupAssignment round1 = assign(CooperativeStickyAssignor.NAME, T0_T1, FIRST_THREE);
        assertThat(partitions(round1, "C0")).containsExactlyInAnyOrder("t0-0", "t0-3", "t1-2");

        GroupAssignment round2 = assign(CooperativeStickyAssignor.NAME, T0_T1, c3Joins(round1));
        assertThat(partitions(round2, "C0")).containsExactlyInAnyOrder("t0-0", "t1-2");
        assertThat(partitions(round2, "C1")).containsExactlyInAnyOrder("t1-0", "t0-1");
        assertThat(partitions(round2, "C2")).containsExactlyInAnyOrder("t1-1", "t0-2");
        assertThat(partitions(round2, "C3")).isEmpty();
        assertThat(round2.withheld()).containsExactly(new TopicPartition("t0", 3));

        List<GroupMember> allFour = owning(joining(FIRST_THREE, "C3"), round2, 2);
        GroupAssignment round3 = assign(CooperativeStickyAssignor.NAME, T0_T1, allFour);
        assertThat(partitions(round3, "C0")).containsExactlyInAnyOrder("t0-0", "t1-2");
        assertThat(partitions(round3, "C3")).containsExactly("t0-3");
        assertThat(round3.withheld()).isEmpty();
    }

    @Test
    void cooperativeStickyNarratesTheWithheldPartition() {
        GroupAssignment round1 = assign(CooperativeStickyAssignor.NAME, T0_T1, FIRST_THREE);
        GroupAssignment round2 = traced(CooperativeStickyAssignor.NAME, T0_T1, c3Joins(round1));
        // Kafka keeps no note of who was meant to get it: the next rebalance assigns it afresh.
        assertThat(english(round2)).contains("t0-3 stays unassigned this round: it would go to C3, but C0 must revoke"
                + " it first. Kafka remembers nothing of this: the rebalance that follows the revocation assigns it"
                + " afresh, maybe to another member.");
        assertThat(chinese(round2)).contains("t0-3 本轮暂不分配：它本该分给 C3，但 C0 必须先撤销它。Kafka 不会记住这一点："
                + "撤销之后的那次再均衡重新分配它，可能分给另一个成员。");
        assertThat(round2.steps()).extracting(AssignmentStep::kind).contains(AssignmentStep.Kind.WITHHOLD,
                AssignmentStep.Kind.IDLE);
    }

    /** Real Kafka, static members c0–c2, one topic of 6 partitions (real-kafka-in-tests.md). */
    @Test
    void cooperativeStickyMatchesWhatARealClusterDidWhenC2Left() {
        Map<String, Integer> topic = Map.of("topic", 6);
        List<GroupMember> group = new ArrayList<>();
        for (String id : List.of("c0", "c1", "c2")) {
            group.add(new GroupMember(id, Optional.of(id), List.of("topic"), List.of(), GroupMember.NO_GENERATION));
        }
        GroupAssignment first = assign(CooperativeStickyAssignor.NAME, topic, group);
        assertThat(partitions(first, "c0")).containsExactlyInAnyOrder("topic-0", "topic-3");
        assertThat(partitions(first, "c1")).containsExactlyInAnyOrder("topic-1", "topic-4");
        assertThat(partitions(first, "c2")).containsExactlyInAnyOrder("topic-2", "topic-5");

        List<GroupMember> survivors = owning(group, first, 1);
        survivors.removeIf(member -> member.memberId().equals("c2"));
        GroupAssignment afterLeave = assign(CooperativeStickyAssignor.NAME, topic, survivors);
        assertThat(partitions(afterLeave, "c0")).containsExactlyInAnyOrder("topic-0", "topic-2", "topic-3");
        assertThat(partitions(afterLeave, "c1")).containsExactlyInAnyOrder("topic-1", "topic-4", "topic-5");
        assertThat(afterLeave.withheld()).as("nobody else holds c2's partitions").isEmpty();
    }

    /** Kafka's StickyAssignor Javadoc: C0 subscribes to t0; C1 to t0, t1; C2 to t0, t1, t2. */
    @Test
    void generalPathGivesEachMemberWhatOnlyItCanTake() {
        Map<String, Integer> topics = Map.of("t0", 1, "t1", 2, "t2", 3);
        List<GroupMember> group = List.of(GroupMember.of("C0", List.of("t0")),
                GroupMember.of("C1", List.of("t0", "t1")), GroupMember.of("C2", List.of("t0", "t1", "t2")));
        GroupAssignment result = traced(StickyAssignor.NAME, topics, group);
        assertThat(partitions(result, "C0")).containsExactly("t0-0");
        assertThat(partitions(result, "C1")).containsExactlyInAnyOrder("t1-0", "t1-1");
        assertThat(partitions(result, "C2")).containsExactlyInAnyOrder("t2-0", "t2-1", "t2-2");
        assertThat(result.steps()).extracting(AssignmentStep::messageKey).contains("assign.sticky.path.general");
    }

    /** Owned partitions without a generation (an old client) lose to any generation, and tie with each other. */
    @Test
    void claimsWithoutAGenerationLoseToAnyGenerationAndTieWithEachOther() {
        TopicPartition t0p0 = new TopicPartition("t0", 0);
        TopicPartition t0p1 = new TopicPartition("t0", 1);
        List<GroupMember> group = List.of(
                new GroupMember("C0", Optional.empty(), List.of("t0"), List.of(t0p0, t0p1),
                        GroupMember.NO_GENERATION),
                new GroupMember("C1", Optional.empty(), List.of("t0"), List.of(t0p0), 1),
                new GroupMember("C2", Optional.empty(), List.of("t0"), List.of(t0p1), GroupMember.NO_GENERATION));
        for (String strategy : List.of(StickyAssignor.NAME, CooperativeStickyAssignor.NAME)) {
            GroupAssignment result = traced(strategy, Map.of("t0", 3), group);
            assertThat(partitions(result, "C1")).as(strategy).contains("t0-0");
            assertThat(result.steps()).extracting(AssignmentStep::messageKey).as(strategy)
                    .contains("assign.sticky.claim.sameGeneration");
        }
    }

    @Test
    void bothAreRegisteredBeforeLegacyWithKafkasProtocols() {
        List<String> names = Assignors.names();
        assertThat(names).containsSubsequence("sticky", "cooperative-sticky", "legacy");
        PartitionAssignor sticky = Assignors.byName("sticky").orElseThrow();
        PartitionAssignor cooperative = Assignors.byName("cooperative-sticky").orElseThrow();
        assertThat(sticky.supportedProtocols()).containsExactly(RebalanceProtocol.EAGER);
        assertThat(cooperative.supportedProtocols())
                .containsExactly(RebalanceProtocol.COOPERATIVE, RebalanceProtocol.EAGER);
        assertThat(Assignors.byName("sticky").orElseThrow()).as("fresh instance per lookup").isNotSameAs(sticky);
    }

    // ---- helpers

    @Test
    void aCooperativeMemberLosingADeletedTopicsPartitionRevokesItSoTheRebalanceIsNotComplete() {
        // C0 owned t1-0 in generation 1; t1 is gone, and nobody else's partition moves.
        List<GroupMember> members = List.of(
                new GroupMember("C0", Optional.empty(), List.of("t0"), List.of(tp("t0", 0), tp("t1", 0)), 1),
                new GroupMember("C1", Optional.empty(), List.of("t0"), List.of(tp("t0", 1)), 1));
        GroupAssignment result = traced(CooperativeStickyAssignor.NAME, Map.of("t0", 2), members);
        assertThat(result.withheld()).isEmpty();
        assertThat(english(result)).contains("No partition moves from one member to another, so nothing is withheld."
                + " But members lose partitions all the same, of a deleted topic or to a member with a newer"
                + " generation: t1-0 (C0). kafka-clients revokes what a member owned and was not assigned"
                + " (onPartitionsRevoked) and rejoins, so one more rebalance follows.");
    }

    private static TopicPartition tp(String topic, int partition) {
        return new TopicPartition(topic, partition);
    }

    private static GroupAssignment assign(String strategy, Map<String, Integer> topics, List<GroupMember> members) {
        return StickyDifferentialProperties.assertSameAsKafka(strategy, new AssignCase(topics, members));
    }

    private static GroupAssignment traced(String strategy, Map<String, Integer> topics, List<GroupMember> members) {
        assign(strategy, topics, members);
        return Assignors.byName(strategy).orElseThrow().assign(topics, members, AssignmentTrace.recording());
    }

    private static List<String> partitions(GroupAssignment assignment, String member) {
        return assignment.assignment().get(member).stream().map(TopicPartition::toString).toList();
    }

    private static List<GroupMember> firstJoin(String... ids) {
        List<GroupMember> members = new ArrayList<>();
        for (String id : ids) {
            members.add(GroupMember.of(id, List.of("t0", "t1")));
        }
        return members;
    }

    /** Every member reports what it got in {@code previous}, in {@code generation}. */
    private static List<GroupMember> owning(List<GroupMember> members, GroupAssignment previous, int generation) {
        List<GroupMember> owning = new ArrayList<>();
        for (GroupMember member : members) {
            owning.add(new GroupMember(member.memberId(), member.groupInstanceId(), member.topics(),
                    previous.assignment().get(member.memberId()), generation));
        }
        return owning;
    }

    /** Round 2 of §4.5: C0–C2 report their round-1 partitions in generation 1, and C3 joins. */
    private static List<GroupMember> c3Joins(GroupAssignment round1) {
        return joining(owning(FIRST_THREE, round1, 1), "C3");
    }

    private static List<GroupMember> joining(List<GroupMember> members, String id) {
        List<GroupMember> grown = new ArrayList<>(members);
        grown.add(GroupMember.of(id, List.of("t0", "t1")));
        return grown;
    }

    private static List<String> english(GroupAssignment result) {
        return sentences(result, Messages.english());
    }

    private static List<String> chinese(GroupAssignment result) {
        return sentences(result, Messages.of(Locale.SIMPLIFIED_CHINESE));
    }

    private static List<String> sentences(GroupAssignment result, Messages messages) {
        List<String> sentences = new ArrayList<>();
        for (AssignmentStep step : result.steps()) {
            Map<String, Object> args = new LinkedHashMap<>(step.args());
            if (step.member() != null) {
                args.put("member", step.member());
            }
            if (step.partition() != null) {
                args.put("partition", step.partition());
            }
            sentences.add(messages.format(step.messageKey(), args));
        }
        return sentences;
    }
}
