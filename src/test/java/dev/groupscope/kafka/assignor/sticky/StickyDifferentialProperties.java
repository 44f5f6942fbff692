package dev.groupscope.kafka.assignor.sticky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.AssignCase;
import dev.groupscope.kafka.assignor.AssignorArbitraries;
import dev.groupscope.kafka.assignor.Assignors;
import dev.groupscope.kafka.assignor.GroupAssignment;
import dev.groupscope.kafka.assignor.KafkaAssignorOracle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Our sticky assignors hand every member exactly the partitions kafka-clients 4.1.1 hands it. */
class StickyDifferentialProperties {

    @Property(tries = 1500)
    void stickyMatchesKafka(@ForAll("cases") AssignCase input) {
        assertSameAsKafka(StickyAssignor.NAME, input);
    }

    @Property(tries = 1500)
    void cooperativeStickyMatchesKafka(@ForAll("cases") AssignCase input) {
        assertSameAsKafka(CooperativeStickyAssignor.NAME, input);
    }

    @Provide
    Arbitrary<AssignCase> cases() {
        return AssignorArbitraries.cases();
    }

    static void assertSameAsKafka(String strategy, AssignCase input) {
        Map<String, Set<TopicPartition>> kafka;
        try {
            kafka = KafkaAssignorOracle.assignAsSets(strategy, input.partitionsPerTopic(), input.members());
        } catch (RuntimeException kafkaFailure) {
            assertThatThrownBy(() -> assign(strategy, input)).as("Kafka failed with %s on %s", kafkaFailure, input)
                    .isInstanceOf(IllegalStateException.class);
            return;
        }
        GroupAssignment ours = assign(strategy, input);
        Map<String, Set<TopicPartition>> mine = new LinkedHashMap<>();
        ours.assignment().forEach((member, list) -> mine.put(member, new TreeSet<>(list)));
        assertThat(mine).as("%s on %s", strategy, input).isEqualTo(kafka);
    }

    static GroupAssignment assign(String strategy, AssignCase input) {
        return Assignors.byName(strategy).orElseThrow().assign(input.partitionsPerTopic(), input.members());
    }
}
