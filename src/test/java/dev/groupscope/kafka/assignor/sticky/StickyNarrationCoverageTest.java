package dev.groupscope.kafka.assignor.sticky;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.kafka.assignor.AssignCase;
import dev.groupscope.kafka.assignor.AssignmentStep;
import dev.groupscope.kafka.assignor.AssignorArbitraries;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The random groups of the differential and narration properties reach every branch the sticky assignors narrate;
 * otherwise those properties would prove less than they seem to. Seeds are fixed, so this cannot flicker.
 */
class StickyNarrationCoverageTest {

    /**
     * Branches random groups do not reach. Kafka's partition counts only grow, so nobody owns a partition past the
     * last one. And every balancing move takes from a member holding at least two more, which lowers the balance
     * score, so Kafka only undoes moves after a rare chain of cycle-avoiding swaps: not one in a million random
     * groups (searched while writing this test).
     */
    private static final Set<String> NOT_FROM_REALISTIC_GROUPS =
            Set.of("assign.sticky.drop.noSuchPartition", "assign.sticky.general.revert");

    @Test
    void randomGroupsReachEveryNarratedBranch() {
        Set<String> seen = new TreeSet<>();
        for (Arbitrary<AssignCase> cases : List.of(AssignorArbitraries.cases(),
                AssignorArbitraries.homogeneousCases(), AssignorArbitraries.heterogeneousRebalanceCases(),
                AssignorArbitraries.conflictingClaimCases())) {
            RandomGenerator<AssignCase> generator = cases.generator(1000);
            Random random = new Random(42);
            for (int i = 0; i < 400; i++) {
                AssignCase input = generator.next(random).value();
                for (String strategy : List.of(StickyAssignor.NAME, CooperativeStickyAssignor.NAME)) {
                    StickyNarrationProperties.narrated(strategy, input).stream()
                            .map(AssignmentStep::messageKey).forEach(seen::add);
                }
            }
        }
        assertThat(seen).containsAll(stickyKeys());
    }

    private static Set<String> stickyKeys() {
        Set<String> keys = new HashSet<>();
        for (String key : Messages.english().bundle().keySet()) {
            if ((key.startsWith("assign.sticky.") || key.startsWith("assign.cooperative."))
                    && !NOT_FROM_REALISTIC_GROUPS.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }
}
