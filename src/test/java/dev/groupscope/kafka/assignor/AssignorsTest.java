package dev.groupscope.kafka.assignor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The registry lists Kafka's assignors first, in Kafka's order, and the historical algorithm last. */
class AssignorsTest {

    @Test
    void rangeAndRoundRobinComeFirstAndLegacyLast() {
        assertThat(Assignors.names()).startsWith("range", "roundrobin").endsWith("legacy");
    }

    @Test
    void eachNameFindsAFreshAssignorOfThatName() {
        for (String name : Assignors.names()) {
            PartitionAssignor first = Assignors.byName(name).orElseThrow();

            assertThat(first.name()).isEqualTo(name);
            assertThat(Assignors.byName(name).orElseThrow()).isNotSameAs(first);
        }
        assertThat(Assignors.byName("nope")).isEmpty();
    }
}
