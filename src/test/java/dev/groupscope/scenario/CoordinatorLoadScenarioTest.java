package dev.groupscope.scenario;

import static dev.groupscope.scenario.ClientScenarioTest.actor;
import static dev.groupscope.scenario.ClientScenarioTest.type;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's broker stops and the new leader of the group's {@code __consumer_offsets} partition takes 3 s to
 * read it ({@code cluster.simulation.coordinatorLoadMs}; the lesson coordinator-slow-load): what each kind of request
 * meets meanwhile, and how the consumers ride it out as kafka-clients does.
 */
class CoordinatorLoadScenarioTest {

    private static final long STOP_MS = 20_000;
    private static final long LOAD_MS = 3_000;
    private static final String LOADING = "COORDINATOR_LOAD_IN_PROGRESS";

    /** Two auto-committing members of "payments", whose coordinator, broker 2, stops at {@code stopAtMs}. */
    private static ScenarioRun failover(long stopAtMs) {
        String text = """
                {"name": "inline", "seed": 7, "durationMs": 30000,
                 "cluster": {"brokers": 3, "simulation": {"coordinatorLoadMs": %d}},
                 "topics": [{"name": "transfers", "partitions": 4}],
                 "producers": [{"id": "P1", "topic": "transfers", "recordsPerSecond": 20}],
                 "consumers": [
                   {"id": "C1", "groupId": "payments", "topics": ["transfers"],
                    "settings": {"auto.commit.interval.ms": 1000}},
                   {"id": "C2", "groupId": "payments", "topics": ["transfers"],
                    "settings": {"auto.commit.interval.ms": 1000}}],
                 "actions": [{"atMs": %d, "action": "stopBroker", "broker": 2}]}
                """.formatted(LOAD_MS, stopAtMs);
        return ScenarioRun.of(ScenarioReader.read("inline.json", text));
    }

    private static List<SimEvent> between(ScenarioRun run, String type, long from, long to) {
        return run.events(type(type)).stream().filter(e -> e.time() >= from && e.time() < to).toList();
    }

    @Test
    void theLessonsLoadRefusesCommitsAndJoinsWavesHeartbeatsThroughAndNothingRebalancesBeforeItEnds() {
        ScenarioRun run = ScenarioRun.of("coordinator-slow-load");
        assertThat(run.scenario.description()).contains("3,000 ms", "stops at 20 s", "Until 23 s",
                "retry.backoff.ms (100 ms)", "starts at 21 s", "generation 1", "generation 2");

        SimEvent loading = run.events(type("CoordinatorLoading")).get(0);
        assertThat(loading.time()).isEqualTo(STOP_MS);
        assertThat(loading.fields()).containsEntry("loadEndsAt", STOP_MS + LOAD_MS).containsEntry("loadMs", LOAD_MS)
                .containsEntry("groups", List.of("payments"));
        long loadedAt = STOP_MS + LOAD_MS;
        List<SimEvent> commitAnswers = between(run, "OffsetCommitResponse", STOP_MS, loadedAt);
        assertThat(commitAnswers).as("auto commits keep trying, every retry.backoff.ms").hasSizeGreaterThan(40)
                .allSatisfy(answer -> assertThat(answer.fields()).containsEntry("error", LOADING));
        assertThat(between(run, "HeartbeatResponse", STOP_MS, loadedAt)).isNotEmpty()
                .allSatisfy(answer -> assertThat(answer.fields()).containsEntry("error", "NONE"));
        assertThat(run.events(type("CoordinatorLoaded"))).extracting(SimEvent::time).containsExactly(loadedAt);
        assertThat(run.events(type("GroupLoaded"))).singleElement().satisfies(loaded -> assertThat(loaded.fields())
                .containsEntry("state", "Stable").containsEntry("generation", 1));
        assertThat(between(run, "OffsetCommitResponse", loadedAt, 35_000)).isNotEmpty()
                .allSatisfy(answer -> assertThat(answer.fields()).containsEntry("error", "NONE"));

        List<SimEvent> refused = between(run, "JoinGroupResponse", STOP_MS, loadedAt);
        assertThat(refused).hasSizeGreaterThan(15).allSatisfy(answer -> {
            assertThat(answer.actor()).isEqualTo("C3");
            assertThat(answer.fields()).containsEntry("error", LOADING);
        });
        assertThat(refused.get(0).time()).isBetween(21_000L, 21_010L);
        // A retriable join failure ends poll()'s pass; the network wait before the next lasts retry.backoff.ms.
        for (int i = 1; i < refused.size(); i++) {
            assertThat(refused.get(i).time() - refused.get(i - 1).time()).isBetween(90L, 110L);
        }
        assertThat(run.group("payments").rebalances()).hasSize(2).last()
                .satisfies(rebalance -> assertThat(rebalance.startMs()).isBetween(loadedAt, loadedAt + 10));
        assertThat(run.group("payments").generation()).isEqualTo(2);
        assertThat(run.consumer("C3").assigned()).isNotEmpty();
        assertThat(run.group("payments").duplicates()).isZero();
    }

    /** Time travel through the window: any moment of it rebuilds to what a run stopped there holds. */
    @Test
    void momentsInsideTheLoadRebuildAsTheRunHadThem() {
        Scenario scenario = ScenarioReader.read(java.nio.file.Path.of("lessons/scenarios/coordinator-slow-load.json"));
        Simulation whole = ScenarioWorld.simulation(scenario);
        whole.runUntil(scenario.durationMs());

        for (long time : List.of(19_999L, 20_000L, 21_004L, 22_500L, 22_999L, 23_000L, 23_050L)) {
            Simulation stopped = ScenarioWorld.simulation(scenario);
            stopped.runUntil(time);
            assertThat(whole.stateAtTime(time).views()).as("at %d ms", time).isEqualTo(stopped.current().views());
        }
        assertThat(ScenarioRun.clusterAt(whole.stateAtTime(22_500)).coordinators().get(13).loadEndsAt())
                .isEqualTo(STOP_MS + LOAD_MS);
        assertThat(ScenarioRun.clusterAt(whole.stateAtTime(23_000)).coordinators().get(13).loadEndsAt()).isEqualTo(-1);
    }

    /**
     * The members had just joined and asked for their committed offsets when the coordinator stopped:
     * fetchCommittedOffsets sleeps its backoff after every failure (the lost connection, then each
     * COORDINATOR_LOAD_IN_PROGRESS) before it asks again, and a sleep longer than what is left of poll(100 ms) ends
     * with that poll().
     */
    @Test
    void anOffsetFetchRefusedDuringTheLoadIsAskedAgainAfterItsBackoff() {
        ScenarioRun run = failover(6_017);

        List<SimEvent> retries = run.events(type("OffsetFetchRetry").and(actor("C1")));
        assertThat(retries).hasSizeGreaterThan(10);
        assertThat(retries.get(0).fields()).containsEntry("error", "NETWORK_EXCEPTION");
        assertThat(retries.get(1).fields()).containsEntry("error", LOADING);
        List<SimEvent> asked = run.events(type("OffsetFetchRequest").and(e -> "C1".equals(e.peer())));
        for (SimEvent retry : retries) {
            long backoff = (long) retry.fields().get("backoffMs");
            assertThat(backoff).isBetween(80L, 1_200L);
            long sentNext = asked.stream().mapToLong(SimEvent::time).filter(t -> t > retry.time()).min()
                    .orElseThrow() - 2; // the broker's arrival event: 2 ms after the send
            assertThat(sentNext - retry.time()).as("never at once; at the latest when the sleep ends")
                    .isBetween(1L, backoff);
        }
        assertThat(retries).as("some sleeps run to their end").anySatisfy(retry -> assertThat(asked)
                .anyMatch(request -> request.time() - 2 == retry.time() + (long) retry.fields().get("backoffMs")));
        assertThat(retries).allMatch(retry -> retry.time() < 6_017 + LOAD_MS + 10);
        assertThat(run.consumer("C1").recordsProcessed()).isPositive();
        assertThat(run.group("payments").duplicates()).isZero();
    }
}
