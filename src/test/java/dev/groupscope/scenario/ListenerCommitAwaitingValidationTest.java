package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.report.RunSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A listener that commits what it processed in onPartitionsRevoked commits a partition whose position awaits
 * validation too: its map of processed offsets knows nothing of the leader change. Found by
 * {@link ScenarioProperties} on this seed: the only broker restarts, so every position awaits validation when g1's
 * leader rejoins for the partitions added meanwhile; leaving those partitions out of its commit made the group read
 * t0-1 @ 115 twice without any fault that allows it.
 */
class ListenerCommitAwaitingValidationTest {

    private static final long SEED = -8831676026620L;

    @Test
    void theRevocationCommitCoversPartitionsAwaitingValidationAndNothingIsReadTwice() {
        Scenario scenario = RandomScenarios.build(SEED);
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(scenario.durationMs());

        // The first revocation commit after the broker's last restart, when every position awaits validation.
        long restarted = simulation.log().stream().filter(e -> e.type().equals("BrokerStarted"))
                .mapToLong(SimEvent::time).max().orElseThrow();
        SimEvent revokeCommit = simulation.log().stream()
                .filter(e -> e.type().equals("CommitSync") && "g1-c0".equals(e.actor())
                        && "commitOnRevoke".equals(e.fields().get("policy")) && e.time() > restarted)
                .findFirst().orElseThrow();
        SimEvent revoked = simulation.log().stream()
                .filter(e -> e.type().equals("onPartitionsRevoked") && "g1-c0".equals(e.actor())
                        && e.time() >= revokeCommit.time())
                .findFirst().orElseThrow();
        // Every partition it gives up, those whose positions await validation since the broker came back included.
        assertThat(new java.util.TreeSet<Object>(((Map<?, ?>) revokeCommit.fields().get("offsets")).keySet()))
                .isEqualTo(new java.util.TreeSet<Object>((List<?>) revoked.fields().get("partitions")))
                .hasSize(4);
        RunSummary summary = RunSummary.of(simulation, scenario.groupOfClient());
        assertThat(summary.groups()).filteredOn(group -> List.of("g0", "g1").contains(group.groupId()))
                .allSatisfy(group -> assertThat(group.duplicates()).as(group.groupId()).isZero());
    }
}
