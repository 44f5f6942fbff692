package dev.groupscope.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.ScenarioReader;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two groups with different coordinators (two-groups-one-topic: billing and shipping hash to different
 * __consumer_offsets partitions led by different brokers): each group's state changes are noted on its own
 * coordinator's lane, not on whichever broker answered last.
 */
class ProtocolLogGroupsTest {

    @Test
    void eachGroupsNotesGoOnItsOwnCoordinatorsLane() {
        Scenario scenario = ScenarioReader.read(Path.of("lessons/scenarios/two-groups-one-topic.json"));
        Simulation run = ScenarioWorld.simulation(scenario);
        run.runUntil(10_000);
        String billing = coordinatorLane(run.log(), "billing");
        String shipping = coordinatorLane(run.log(), "shipping");
        assertThat(billing).as("the lesson needs two coordinators").isNotEqualTo(shipping);

        List<ProtocolEvent> rows = ProtocolLog.read(run.log(), 0, 10_000, new EventGroups(scenario.groupOfClient()));

        List<ProtocolEvent> notes = rows.stream().filter(row -> row.api().equals("GroupStateChange")).toList();
        assertThat(notes).extracting(row -> row.fields().get("group")).contains("billing", "shipping");
        for (ProtocolEvent note : notes) {
            assertThat(note.from()).as("%s", note.fields())
                    .isEqualTo(note.fields().get("group").equals("billing") ? billing : shipping);
        }
    }

    /** The broker the group's JoinGroup requests arrive at: the coordinator, as the model routed them. */
    private static String coordinatorLane(List<SimEvent> log, String group) {
        return log.stream().filter(event -> event.type().equals("JoinGroupRequest")
                && group.equals(event.fields().get("groupId"))).map(SimEvent::actor).findFirst().orElseThrow();
    }
}
