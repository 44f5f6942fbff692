package dev.groupscope.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.GroupCoordinatorPartitioning;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.client.ConsumerActor;
import dev.groupscope.sim.client.WorkerPoolView;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.engine.World;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TopologyReaderTest {

    @Test
    void beforeAnyMemberHasReachedItAGroupsCoordinatorIsTheLeaderOfThePartitionItsIdHashesTo() {
        World start = ScenarioWorld.simulation(ScenarioReader.read(Path.of("lessons/scenarios/playground.json")))
                .stateAtTime(0);

        Topology topology = TopologyReader.read(start);

        Topology.Group group = topology.groups().get(0);
        int partition = GroupCoordinatorPartitioning.partitionFor(group.groupId(),
                topology.offsets().partitions()).partition();
        assertThat(group.state()).as("the group does not exist at any coordinator yet").isEqualTo("Unknown");
        assertThat(group.offsetsPartition()).isEqualTo(partition);
        assertThat(group.coordinator()).isEqualTo(topology.offsets().leaders().get(partition)).isPositive();
    }

    @Test
    void aPartitionAZombieStillHoldsIsDrawnWithTheOwnerOfTheNewestGeneration() {
        // C2 is cut off from its coordinator at 20 s; 10 s later the group hands its partitions to C1 and C3.
        Simulation run = ScenarioWorld.simulation(
                ScenarioReader.read(Path.of("lessons/scenarios/network-partition.json")));
        run.runUntil(32_000);
        World partitioned = run.stateAtTime(32_000);

        Topology topology = TopologyReader.read(partitioned);

        Topology.Group group = topology.groups().get(0);
        Topology.Member zombie = group.members().stream().filter(m -> m.clientId().equals("C2")).findFirst()
                .orElseThrow();
        assertThat(zombie.generation()).isLessThan(group.generation());
        assertThat(zombie.assigned()).isNotEmpty();
        for (Topology.Partition partition : topology.topics().get(0).partitions()) {
            if (zombie.assigned().contains(partition.name())) {
                Topology.GroupOffsets offsets = partition.groups().get(0);
                assertThat(offsets.owner()).as(partition.name()).isNotNull().isNotEqualTo("C2");
            }
        }
    }

    @Test
    void aConsumerThatLeftTheGroupIsNotDrawnAsItsLeader() {
        // C1 led the group until it unsubscribed at 35 s; at 45 s it reads orders-0 by assign(), outside the group.
        Simulation run = ScenarioWorld.simulation(
                ScenarioReader.read(Path.of("lessons/scenarios/subscription-change.json")));
        run.runUntil(47_000);

        Topology.Group group = TopologyReader.read(run.stateAtTime(47_000)).groups().get(0);

        assertThat(group.members()).filteredOn(Topology.Member::leader).extracting(Topology.Member::clientId)
                .containsExactly(group.leader());
    }

    @Test
    void aPooledOwnersWindowIsReadFromItsPoolAndACrashedConsumerHasNone() {
        // window-commit: C1 and C2 feed four workers each; C1 owns orders-0, whose window is full by 8 s, and
        // crashes at 9 s (the group hands orders-0 on only after its 6 s session timeout).
        Simulation run = ScenarioWorld.simulation(
                ScenarioReader.read(Path.of("lessons/scenarios/window-commit.json")));
        run.runUntil(9_500);
        World full = run.stateAtTime(8_000);
        WorkerPoolView pool = ((ConsumerActor) full.actors().get("C1")).workerPool().orElseThrow();

        Topology atFull = TopologyReader.read(full);
        Topology afterCrash = TopologyReader.read(run.stateAtTime(9_500));

        assertThat(member(atFull, "C1").pool()).isEqualTo(pool);
        Topology.GroupOffsets orders0 = atFull.topics().get(0).partitions().get(0).groups().get(0);
        assertThat(orders0.owner()).isEqualTo("C1");
        assertThat(orders0.window()).isEqualTo(pool.windows().get("orders-0")).isNotNull();
        assertThat(member(afterCrash, "C1").pool()).as("a crashed process has no threads").isNull();
        assertThat(((ConsumerActor) run.stateAtTime(9_500).actors().get("C1")).workerPool())
                .as("though the model still has its pool's last state").isPresent();
        assertThat(afterCrash.topics().get(0).partitions().get(0).groups().get(0).window()).isNull();
    }

    private static Topology.Member member(Topology topology, String clientId) {
        return topology.groups().get(0).members().stream().filter(m -> m.clientId().equals(clientId)).findFirst()
                .orElseThrow();
    }
}
