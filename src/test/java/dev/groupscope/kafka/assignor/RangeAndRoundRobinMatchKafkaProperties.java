package dev.groupscope.kafka.assignor;

import static dev.groupscope.kafka.assignor.AssignmentFixtures.asSets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.TopicPartition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Differential properties: on every random group our Range and RoundRobin give each member exactly the partitions
 * kafka-clients 4.1.1's own assignors give it.
 */
class RangeAndRoundRobinMatchKafkaProperties {

    @Property(tries = 10_000)
    void rangeGivesEveryMemberKafkasPartitions(@ForAll("cases") AssignCase group) {
        assertMatchesKafka(new RangeAssignor(), group);
    }

    @Property(tries = 10_000)
    void roundRobinGivesEveryMemberKafkasPartitions(@ForAll("cases") AssignCase group) {
        assertMatchesKafka(new RoundRobinAssignor(), group);
    }

    /** RoundRobin deals topics alphabetically, as Kafka does, so even the order within each list is Kafka's. */
    @Property(tries = 1000)
    void roundRobinListsEachMembersPartitionsInKafkasOrder(@ForAll("cases") AssignCase group) {
        GroupAssignment ours = new RoundRobinAssignor().assign(group.partitionsPerTopic(), group.members());

        assertThat(ours.assignment())
                .isEqualTo(KafkaAssignorOracle.assign("roundrobin", group.partitionsPerTopic(), group.members()));
    }

    @Property(tries = 1000)
    void rangeMatchesKafkaOnIrregularGroups(@ForAll("irregularCases") AssignCase group) {
        assertMatchesKafka(new RangeAssignor(), group);
    }

    @Property(tries = 1000)
    void roundRobinMatchesKafkaOnIrregularGroups(@ForAll("irregularCases") AssignCase group) {
        assertMatchesKafka(new RoundRobinAssignor(), group);
    }

    /** Narrating must not change the answer: the traced run assigns exactly what the silent run does. */
    @Property(tries = 500)
    void tracingLeavesTheAssignmentUnchanged(@ForAll("irregularCases") AssignCase group) {
        for (PartitionAssignor assignor : List.of(new RangeAssignor(), new RoundRobinAssignor())) {
            GroupAssignment silent = assignor.assign(group.partitionsPerTopic(), group.members());
            GroupAssignment traced = assignor.assign(group.partitionsPerTopic(), group.members(),
                    AssignmentTrace.recording());

            assertThat(traced.assignment()).isEqualTo(silent.assignment());
            assertThat(silent.steps()).isEmpty();
        }
    }

    /** The narration tells the real answer: every partition a PLACE step hands out ends up with that member. */
    @Property(tries = 500)
    void everyNarratedPlacementIsInTheResult(@ForAll("irregularCases") AssignCase group) {
        for (PartitionAssignor assignor : List.of(new RangeAssignor(), new RoundRobinAssignor())) {
            GroupAssignment traced = assignor.assign(group.partitionsPerTopic(), group.members(),
                    AssignmentTrace.recording());

            Map<String, List<TopicPartition>> narrated = new HashMap<>();
            traced.assignment().keySet().forEach(member -> narrated.put(member, new ArrayList<>()));
            for (AssignmentStep step : traced.steps()) {
                if (step.kind() == AssignmentStep.Kind.PLACE) {
                    narrated.get(step.member()).addAll(placedBy(step));
                }
            }
            narrated.forEach((member, partitions) ->
                    assertThat(partitions).as(member).isEqualTo(traced.assignment().get(member)));
        }
    }

    @Provide
    Arbitrary<AssignCase> cases() {
        return AssignorArbitraries.cases();
    }

    @Provide
    Arbitrary<AssignCase> irregularCases() {
        return AssignorArbitraries.irregularCases();
    }

    /** Range narrates a whole run of partitions in one step, RoundRobin one partition a step. */
    @SuppressWarnings("unchecked")
    private static List<TopicPartition> placedBy(AssignmentStep step) {
        Object run = step.args().get("partitions");
        return run != null ? (List<TopicPartition>) run : List.of(step.partition());
    }

    private static void assertMatchesKafka(PartitionAssignor assignor, AssignCase group) {
        GroupAssignment ours = assignor.assign(group.partitionsPerTopic(), group.members());

        assertThat(asSets(ours))
                .isEqualTo(KafkaAssignorOracle.assignAsSets(assignor.name(), group.partitionsPerTopic(),
                        group.members()));
        ours.assignment().forEach((member, partitions) ->
                assertThat(partitions).as("%s holds no partition twice", member).doesNotHaveDuplicates());
        assertThat(ours.withheld()).isEmpty();
    }
}
