package dev.groupscope.sim.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Kafka's allowed transitions, and the refusal of every other one. */
class ClassicGroupStateTest {

    @Test
    void eachStateIsEnteredOnlyFromTheStatesKafkaAllows() {
        assertThat(ClassicGroupState.EMPTY.validPreviousStates())
                .containsExactly(ClassicGroupState.PREPARING_REBALANCE);
        assertThat(ClassicGroupState.PREPARING_REBALANCE.validPreviousStates()).containsExactlyInAnyOrder(
                ClassicGroupState.STABLE, ClassicGroupState.COMPLETING_REBALANCE, ClassicGroupState.EMPTY);
        assertThat(ClassicGroupState.COMPLETING_REBALANCE.validPreviousStates())
                .containsExactly(ClassicGroupState.PREPARING_REBALANCE);
        assertThat(ClassicGroupState.STABLE.validPreviousStates())
                .containsExactly(ClassicGroupState.COMPLETING_REBALANCE);
        assertThat(ClassicGroupState.DEAD.validPreviousStates()).containsExactlyInAnyOrder(ClassicGroupState.values());
    }

    @Test
    void anyOtherTransitionThrows() {
        for (ClassicGroupState from : ClassicGroupState.values()) {
            for (ClassicGroupState to : ClassicGroupState.values()) {
                ClassicGroup group = groupIn(from);
                if (to.validPreviousStates().contains(from)) {
                    group.transitionTo(to, 1);
                    assertThat(group.state()).isEqualTo(to);
                    assertThat(group.previousState()).isEqualTo(from);
                } else {
                    assertThatThrownBy(() -> group.transitionTo(to, 1)).as("%s -> %s", from, to)
                            .isInstanceOf(IllegalStateException.class);
                }
            }
        }
    }

    @Test
    void kafkaNamesTheStatesInCamelCase() {
        Set<String> names = new java.util.TreeSet<>();
        EnumSet.allOf(ClassicGroupState.class).forEach(state -> names.add(state.kafkaName()));
        assertThat(names).containsExactly("CompletingRebalance", "Dead", "Empty", "PreparingRebalance", "Stable");
    }

    private static ClassicGroup groupIn(ClassicGroupState state) {
        return new ClassicGroup("g", state, 0);
    }
}
