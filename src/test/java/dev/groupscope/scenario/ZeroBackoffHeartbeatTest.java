package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * kafka-clients' heartbeat thread waits {@code AbstractCoordinator.this.wait(retryBackoffMs)} between its turns. With
 * retry.backoff.ms = 0 that is {@code Object.wait(0)}: it waits until woken (a poll() that finds a heartbeat due, a
 * failed heartbeat, enable, close), not for no time. So while the poll loop is busy the thread sends no heartbeat,
 * and a stall longer than session.timeout.ms gets the member removed, where the default 100 ms keeps it in the group.
 * C1 stalls for 15 s at 10 s; session.timeout.ms is 10,000. {@code RealKafkaZeroBackoffHeartbeatTest} runs the same
 * stall against a real broker and sees the same listener calls.
 */
class ZeroBackoffHeartbeatTest {

    private static final String SCENARIO = """
            {"name": "inline", "seed": 3, "durationMs": 30000,
             "cluster": {"brokers": 1, "settings": {"group.initial.rebalance.delay.ms": 0}},
             "topics": [{"name": "t", "partitions": 2, "replicationFactor": 1}],
             "producers": %s,
             "consumers": [{"id": "C1", "groupId": "g", "topics": ["t"],
                            "settings": {"session.timeout.ms": 10000%s}}],
             "actions": %s}
            """;
    private static final String PRODUCER = """
            [{"id": "P1", "topic": "t", "recordsPerSecond": 20}]""";
    private static final String STALL = """
            [{"atMs": 10000, "action": "stallConsumer", "consumer": "C1", "durationMs": 15000}]""";

    @Test
    void withNoBackoffTheThreadSleepsThroughTheStallAndTheCoordinatorExpiresTheMember() {
        List<SimEvent> log = run(", \"retry.backoff.ms\": 0");
        SimEvent stall = first(log, "StallProcessing");
        long stallEnds = stall.time() + 15_000;
        assertThat(heartbeats(log, stall.time() + 3_000, stallEnds)).as("no heartbeat while the poll loop is busy")
                .isEmpty();
        SimEvent expired = log.stream().filter(e -> "sim.coordinator.heartbeat.sessionExpired".equals(e.ruleKey()))
                .findFirst().orElseThrow(() -> new AssertionError("the member was never removed"));
        assertThat(expired.time()).isBetween(stall.time() + 7_000, stall.time() + 10_000);
        // Back in poll(): a heartbeat is due, so poll() wakes the thread, which finds its own session expired too;
        // the member learns it is gone (UNKNOWN_MEMBER_ID), loses its partitions and joins again.
        // As on a real 4.1.1 broker (RealKafkaZeroBackoffHeartbeatTest): lost, then assigned again.
        assertThat(callbacks(log, stall.time())).containsExactly("onPartitionsLost [t-0, t-1]",
                "onPartitionsAssigned [t-0, t-1]");
        assertThat(first(log, "onPartitionsLost").time()).isGreaterThanOrEqualTo(stallEnds);
    }

    @Test
    void withTheDefaultBackoffTheThreadKeepsTheMemberInTheGroupThroughTheSameStall() {
        List<SimEvent> log = run("");
        SimEvent stall = first(log, "StallProcessing");
        assertThat(heartbeats(log, stall.time() + 3_000, stall.time() + 15_000)).hasSizeGreaterThan(3);
        assertThat(log).noneMatch(e -> "sim.coordinator.heartbeat.sessionExpired".equals(e.ruleKey()));
        assertThat(callbacks(log, stall.time())).isEmpty();
    }

    /** C1's listener calls from {@code from} on, each with its partitions, leaving out calls with none. */
    private static List<String> callbacks(List<SimEvent> log, long from) {
        return log.stream().filter(e -> e.type().startsWith("onPartitions") && "C1".equals(e.actor())
                        && e.time() >= from && !((List<?>) e.fields().get("partitions")).isEmpty())
                .map(e -> e.type() + " " + e.fields().get("partitions")).toList();
    }

    @Test
    void withNoBackoffAHeartbeatDueWhilePollWaitsGoesOutAtItsDeadline() {
        // No stall: C1 waits in poll() on a quiet topic, its fetches parked for fetch.max.wait.ms. poll()'s network
        // wait ends when a heartbeat is due (timeToNextPoll), and that pass wakes the thread: every heartbeat goes
        // out heartbeat.interval.ms after the one before, not at the next fetch answer after that.
        List<SimEvent> log = run(", \"retry.backoff.ms\": 0", "[]", "[]");
        List<SimEvent> sent = heartbeats(log, 0, 30_000);
        assertThat(sent).hasSizeGreaterThan(5);
        for (int i = 1; i < sent.size(); i++) {
            assertThat(sent.get(i).time() - sent.get(i - 1).time()).as("heartbeat %d", i).isEqualTo(3_000);
            assertThat(sent.get(i).fields().get("pollLoop")).isEqualTo("IN_POLL");
        }
    }

    private static List<SimEvent> heartbeats(List<SimEvent> log, long from, long to) {
        return log.stream().filter(e -> e.type().equals("HeartbeatInterval") && "C1".equals(e.actor())
                && e.time() >= from && e.time() < to).toList();
    }

    private static SimEvent first(List<SimEvent> log, String type) {
        return log.stream().filter(e -> e.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type));
    }

    private static List<SimEvent> run(String settings) {
        return run(settings, PRODUCER, STALL);
    }

    private static List<SimEvent> run(String settings, String producers, String actions) {
        Scenario scenario = ScenarioReader.read("inline.json", SCENARIO.formatted(producers, settings, actions));
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(scenario.durationMs());
        return simulation.log();
    }
}
