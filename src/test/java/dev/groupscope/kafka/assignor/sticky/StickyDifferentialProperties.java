package dev.groupscope.kafka.assignor.sticky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.AssignCase;
import dev.groupscope.kafka.assignor.AssignorArbitraries;
import dev.groupscope.kafka.assignor.Assignors;
import dev.groupscope.kafka.assignor.GroupAssignment;
import dev.groupscope.kafka.assignor.GroupMember;
import dev.groupscope.kafka.assignor.KafkaAssignorOracle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Our sticky assignors hand every member exactly the partitions kafka-clients 4.1.1 hands it, and
 * CooperativeSticky withholds exactly the partitions Kafka leaves unassigned. Where Kafka itself fails on an
 * input (a NullPointerException deep in its general path), ours fails too.
 */
class StickyDifferentialProperties {

    @Property(tries = 2000)
    void stickyMatchesKafkaOnAnyGroup(@ForAll("anyGroup") AssignCase input) {
        assertSameAsKafka(StickyAssignor.NAME, input);
    }

    @Property(tries = 1000)
    void stickyMatchesKafkaWhenAllSubscribeAlike(@ForAll("sameSubscriptions") AssignCase input) {
        assertSameAsKafka(StickyAssignor.NAME, input);
    }

    @Property(tries = 1000)
    void stickyMatchesKafkaAfterAHeterogeneousRound(@ForAll("heterogeneousRebalance") AssignCase input) {
        assertSameAsKafka(StickyAssignor.NAME, input);
    }

    @Property(tries = 1000)
    void stickyMatchesKafkaOnConflictingClaims(@ForAll("conflictingClaims") AssignCase input) {
        assertSameAsKafka(StickyAssignor.NAME, input);
    }

    @Property(tries = 2000)
    void cooperativeMatchesKafkaOnAnyGroup(@ForAll("anyGroup") AssignCase input) {
        assertSameAsKafka(CooperativeStickyAssignor.NAME, input);
    }

    @Property(tries = 1000)
    void cooperativeMatchesKafkaWhenAllSubscribeAlike(@ForAll("sameSubscriptions") AssignCase input) {
        assertSameAsKafka(CooperativeStickyAssignor.NAME, input);
    }

    @Property(tries = 1000)
    void cooperativeMatchesKafkaAfterAHeterogeneousRound(@ForAll("heterogeneousRebalance") AssignCase input) {
        assertSameAsKafka(CooperativeStickyAssignor.NAME, input);
    }

    @Property(tries = 1000)
    void cooperativeMatchesKafkaOnConflictingClaims(@ForAll("conflictingClaims") AssignCase input) {
        assertSameAsKafka(CooperativeStickyAssignor.NAME, input);
    }

    @Provide
    Arbitrary<AssignCase> anyGroup() {
        return AssignorArbitraries.cases();
    }

    @Provide
    Arbitrary<AssignCase> sameSubscriptions() {
        return AssignorArbitraries.homogeneousCases();
    }

    @Provide
    Arbitrary<AssignCase> heterogeneousRebalance() {
        return AssignorArbitraries.heterogeneousRebalanceCases();
    }

    @Provide
    Arbitrary<AssignCase> conflictingClaims() {
        return AssignorArbitraries.conflictingClaimCases();
    }

    /** Compares per-member sets (Kafka's list order follows HashMap iteration) and, for cooperative, withheld. */
    static GroupAssignment assertSameAsKafka(String strategy, AssignCase input) {
        Map<String, Set<TopicPartition>> kafka;
        try {
            kafka = KafkaAssignorOracle.assignAsSets(strategy, input.partitionsPerTopic(), input.members());
        } catch (NullPointerException kafkaFailure) {
            assertThatThrownBy(() -> assign(strategy, input)).as("Kafka failed with %s on %s", kafkaFailure, input)
                    .isInstanceOf(IllegalStateException.class);
            return null;
        }
        GroupAssignment ours = assign(strategy, input);
        assertThat(sets(ours)).as("%s on %s", strategy, input).isEqualTo(kafka);
        Set<TopicPartition> expectedWithheld = strategy.equals(CooperativeStickyAssignor.NAME)
                ? leftUnassigned(kafka, input) : Set.of();
        assertThat(ours.withheld()).as("withheld by %s on %s", strategy, input)
                .containsExactlyInAnyOrderElementsOf(expectedWithheld);
        return ours;
    }

    static GroupAssignment assign(String strategy, AssignCase input) {
        return Assignors.byName(strategy).orElseThrow().assign(input.partitionsPerTopic(), input.members());
    }

    static Map<String, Set<TopicPartition>> sets(GroupAssignment assignment) {
        Map<String, Set<TopicPartition>> sets = new LinkedHashMap<>();
        assignment.assignment().forEach((member, list) -> sets.put(member, new TreeSet<>(list)));
        return sets;
    }

    /** Partitions of subscribed topics that Kafka gave to nobody. */
    private static Set<TopicPartition> leftUnassigned(Map<String, Set<TopicPartition>> kafka, AssignCase input) {
        Set<TopicPartition> unassigned = new TreeSet<>();
        Set<String> subscribed = new TreeSet<>();
        for (GroupMember member : input.members()) {
            subscribed.addAll(member.topics());
        }
        for (String topic : subscribed) {
            for (int p = 0; p < input.partitionsPerTopic().getOrDefault(topic, 0); p++) {
                unassigned.add(new TopicPartition(topic, p));
            }
        }
        kafka.values().forEach(unassigned::removeAll);
        return unassigned;
    }
}
