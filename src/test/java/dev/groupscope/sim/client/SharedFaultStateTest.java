package dev.groupscope.sim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.Errors;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A copy of a consumer shares its fault state until one side changes it: commits failed on one side of a copy do
 * not use up the failures the other side still has to inject.
 */
class SharedFaultStateTest {

    @Test
    void commitFailuresUsedUpOnOneSideOfACopyAreStillThereOnTheOther() {
        ConsumerClientConfig config = ClientScenario.quick().with("auto.offset.reset", "earliest")
                .with("enable.auto.commit", true).with("auto.commit.interval.ms", 500);
        ClientScenario run = new ClientScenario(11, Map.of("t", 2))
                .consumer("C1", config, ConsumerBehavior.processing(1), "t")
                .producer("P1", ProducerConfig.of("t", 50, new KeyDistribution.Uniform(10)))
                .at(0, new ProducerActor.Start("P1")).at(0, new ConsumerTasks.Start("C1"))
                .at(4_000, new ConsumerFaults.FailCommits("C1", 3, Errors.COORDINATOR_NOT_AVAILABLE))
                .runUntil(4_100);
        World original = run.simulation().current();
        World copy = original.copy();

        List<SimEvent> going = stepUntil(original, 9_000);
        List<SimEvent> again = stepUntil(copy, 9_000);
        assertThat(going).filteredOn(event -> event.type().equals("CommitFailureInjected")).isNotEmpty();
        assertThat(again).isEqualTo(going);
    }

    private static List<SimEvent> stepUntil(World world, long time) {
        List<SimEvent> events = new ArrayList<>();
        while (world.peek() != null && world.peek().time() <= time) {
            events.addAll(world.step());
        }
        return events;
    }
}
