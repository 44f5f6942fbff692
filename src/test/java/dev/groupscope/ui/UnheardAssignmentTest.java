package dev.groupscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.diagram.Topology;
import dev.groupscope.diagram.TopologyReader;
import dev.groupscope.i18n.Messages;
import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.engine.World;
import dev.groupscope.ui.PlaygroundFrame.PartitionRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A partition nobody reads may still belong to someone in the coordinator's eyes: the member whose JoinGroup answer
 * was lost (it has not heard), or the one that crashed (the coordinator has not noticed yet). The cluster panel and
 * the exported topology both say so beside "no owner", instead of leaving a class to wonder why nobody reads it.
 */
class UnheardAssignmentTest {

    @Test
    void theLostJoinAnswersPartitionsAreAssignedToC3WhichHasNotHeard() {
        Map<String, Topology.Assignee> assignees = assigneesAt("lost-join-answer", "orders-app", 22_000);

        assertThat(assignees).containsOnlyKeys("orders-4", "orders-5");
        assertThat(assignees.values()).containsOnly(new Topology.Assignee("C3", false));
        assertThat(Messages.english().format("ui.main.partition.assignedUnheard", Map.of("consumer", "C3")))
                .isEqualTo("assigned to C3, which has not heard");
        // Once the coordinator has removed C3 (25,022 ms) and the group has rebalanced, C2 reads them.
        assertThat(assigneesAt("lost-join-answer", "orders-app", 28_000)).isEmpty();
    }

    @Test
    void aCrashedConsumersPartitionsStayAssignedToItUntilItsSessionTimesOut() {
        // C2 crashes at 20 s; the coordinator removes it 10 s after its last heartbeat.
        Map<String, Topology.Assignee> assignees = assigneesAt("crash-and-rebalance", "orders-app", 25_000);

        assertThat(assignees).isNotEmpty();
        assertThat(assignees.values()).containsOnly(new Topology.Assignee("C2", true));
        assertThat(assigneesAt("crash-and-rebalance", "orders-app", 19_000)).isEmpty();
    }

    @Test
    void theExportedTopologySaysTheSame() {
        Scenario scenario = lesson("lost-join-answer");
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(22_000);

        Topology topology = TopologyReader.read(simulation.stateAtTime(22_000));

        Map<String, Topology.Assignee> exported = new TreeMap<>();
        topology.topics().forEach(topic -> topic.partitions().forEach(partition -> partition.groups().stream()
                .filter(offsets -> offsets.assignee() != null)
                .forEach(offsets -> exported.put(partition.topic() + "-" + partition.partition(), offsets.assignee()))));
        assertThat(exported).isEqualTo(assigneesAt("lost-join-answer", "orders-app", 22_000));
    }

    private static Map<String, Topology.Assignee> assigneesAt(String lesson, String group, long time) {
        Scenario scenario = lesson(lesson);
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(time);
        World world = simulation.stateAtTime(time);
        PlaygroundFrame frame = FrameReader.of(scenario, group).read(time, world, Optional.empty(), List.of());
        Map<String, Topology.Assignee> assignees = new TreeMap<>();
        for (PartitionRow row : frame.partitions()) {
            if (row.assignee() != null) {
                assertThat(row.owner()).as(row.name()).isNull();
                assignees.put(row.name(), row.assignee());
            }
        }
        return assignees;
    }

    private static Scenario lesson(String name) {
        return ScenarioReader.read(Path.of("lessons/scenarios/" + name + ".json"));
    }
}
