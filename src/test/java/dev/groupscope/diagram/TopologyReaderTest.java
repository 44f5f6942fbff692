package dev.groupscope.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.GroupCoordinatorPartitioning;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.ScenarioWorld;
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
}
