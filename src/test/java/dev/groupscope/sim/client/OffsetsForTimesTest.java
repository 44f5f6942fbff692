package dev.groupscope.sim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The blocking offsetsForTimes() in the engine's terms: the same run every time, and a copy of the world (what a
 * snapshot keeps) taken while the application thread waits in the call (its rounds, its timer, the calls waiting for
 * it) runs on with the events the original has.
 */
class OffsetsForTimesTest {

    private static final ConsumerBehavior BEHAVIOR = ConsumerBehavior.processing(3);

    /**
     * C1 calls offsetsForTimes at 3 s for t-0 and t-9 (which does not exist: the call waits until
     * default.api.timeout.ms, 5 s here) and, during the call, pauses t-1: that call waits for the thread.
     */
    private static ClientScenario blockedRun() {
        return blockedRun(12_000);
    }

    private static ClientScenario blockedRun(long until) {
        ConsumerClientConfig config = ClientScenario.quick().with("auto.offset.reset", "earliest")
                .with("default.api.timeout.ms", 5_000).with("max.poll.records", 20);
        return new ClientScenario(7, Map.of("t", 2)).consumer("C1", config, BEHAVIOR, "t")
                .producer("P1", ProducerConfig.of("t", 50, new KeyDistribution.Uniform(10)))
                .at(0, new ProducerActor.Start("P1")).at(0, new ConsumerTasks.Start("C1"))
                .at(3_000, new ApplicationCalls.OffsetsForTimes("C1", List.of(new TopicPartition("t", 0),
                        new TopicPartition("t", 9)), 1_000, true))
                .at(4_000, new ApplicationCalls.Pause("C1", List.of(new TopicPartition("t", 1))))
                .runUntil(until);
    }

    @Test
    void theSameRunTwiceLogsTheSameEvents() {
        ClientScenario first = blockedRun();
        ClientScenario second = blockedRun();

        // Scripted at 3 s while C1 is inside poll(): made as that poll() returns, and given up 5 s later.
        long madeAt = first.events("C1", "OffsetsForTimes").get(0).time();
        assertThat(madeAt).isGreaterThan(3_000).isLessThanOrEqualTo(3_100);
        assertThat(first.events("C1", "OffsetsForTimesFailed")).singleElement()
                .satisfies(failed -> assertThat(failed.time()).isEqualTo(madeAt + 5_000));
        assertThat(second.simulation().log()).isEqualTo(first.simulation().log());
    }

    @Test
    void aCallScriptedDuringTheBlockedCallIsMadeWhenItReturns() {
        ClientScenario run = blockedRun();

        SimEvent failed = run.events("C1", "OffsetsForTimesFailed").get(0);
        SimEvent pause = run.events("C1", "Pause").get(0);
        assertThat(pause.time()).isEqualTo(failed.time());
        assertThat(pause.seq()).isGreaterThan(failed.seq());
        assertThat(run.events("C1", "Seek")).as("a call that threw seeks nothing").isEmpty();
    }

    @Test
    void aCopyTakenWhileTheThreadWaitsInTheCallRunsOnAsTheOriginalDoes() {
        // Stopped inside the call, after its first round was answered and while t-9 waits for a leader, with the
        // pause waiting for the thread: the copy is what a snapshot keeps.
        ClientScenario run = blockedRun(4_500);
        World original = run.simulation().current();
        World copy = original.copy();

        List<SimEvent> going = new ArrayList<>();
        List<SimEvent> again = new ArrayList<>();
        while (original.peek() != null && original.peek().time() <= 9_000) {
            going.addAll(original.step());
        }
        while (copy.peek() != null && copy.peek().time() <= 9_000) {
            again.addAll(copy.step());
        }
        assertThat(going).extracting(SimEvent::type).contains("OffsetsForTimesFailed", "Pause", "Poll");
        assertThat(again).isEqualTo(going);
    }
}
