package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.report.Rebalance;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The consumer's subscriptions, positions and faults, each shown happening in a lesson scenario. */
class ClientScenarioTest {

    @Test
    void aMemberRemovedWhileStillAliveHasItsPartitionsListedAsMoved() {
        // C2 is removed after max.poll.interval.ms while it is still processing: it learns it lost its partitions
        // only at its next poll(), after C1 was already assigned them.
        ScenarioRun run = ScenarioRun.of("slow-consumer-poll-timeout");

        Rebalance firstLeave = run.group("workers").rebalances().stream()
                .filter(r -> r.trigger().equals("sim.coordinator.rebalance.memberLeft")).findFirst().orElseThrow();
        assertThat(firstLeave.moved()).extracting(Rebalance.Move::partition).containsExactly("jobs-2", "jobs-3");
        assertThat(firstLeave.moved()).extracting(Rebalance.Move::from).containsOnly("C2");
        assertThat(firstLeave.moved()).extracting(Rebalance.Move::to).containsOnly("C1");
    }
}
