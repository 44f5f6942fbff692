package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.SimEvent;
import org.junit.jupiter.api.Test;

/**
 * commitSync() looks an unknown coordinator up before anything else ({@code commitOffsetsSync}:
 * {@code coordinatorUnknownAndUnreadySync}, then {@code sendOffsetCommitRequest}, which is where a member out of its
 * generation learns it cannot commit). A COOPERATIVE member keeps processing, and committing, while it rejoins: its
 * commits fail with RebalanceInProgressException. When its coordinator's broker stops and the lookup that follows is
 * lost, the next commitSync() waits for that lookup instead of failing at once on the generation.
 */
class CommitSyncFindsCoordinatorFirstTest {

    private static final String CONSUMER = """
            {"id": "%s", "groupId": "g", "topics": ["t"], "processingMsPerRecord": 20,%s
             "commitPolicy": {"type": "syncAfterBatch"},
             "settings": {"enable.auto.commit": false, "auto.offset.reset": "earliest", "max.poll.records": 5,
                          "partition.assignment.strategy": "cooperative-sticky"}}""";

    /** C3 joins at 10 s; broker 3, the group's coordinator, stops at 13 s while C1 and C2 rejoin. */
    private static ScenarioRun run(String extraAction) {
        return ScenarioRun.of(ScenarioReader.read("commit-sync-order.json", """
                {"name": "commitSync order", "seed": 5, "durationMs": 50000,
                 "cluster": {"brokers": 3, "settings": {"group.initial.rebalance.delay.ms": 0}},
                 "topics": [{"name": "t", "partitions": 6, "replicationFactor": 3}],
                 "producers": [{"id": "P1", "topic": "t", "recordsPerSecond": 100}],
                 "consumers": [%s, %s, %s],
                 "actions": [{"atMs": 13000, "action": "stopBroker", "broker": 3}%s]}
                """.formatted(CONSUMER.formatted("C1", ""), CONSUMER.formatted("C2", ""),
                CONSUMER.formatted("C3", " \"startAtMs\": 10000,"), extraAction)));
    }

    @Test
    void aCommitSyncOutOfItsGenerationWaitsForTheCoordinatorLookupBeforeItFails() {
        SimEvent lookup = run("").events(e -> e.type().equals("FindCoordinatorRequest") && "C1".equals(e.peer())
                && e.time() >= 13_000).get(0);
        assertThat(lookup.time()).as("the lookup after the stop").isLessThan(13_100);
        ScenarioRun run = run(", {\"atMs\": %d, \"action\": \"loseMessage\", \"consumer\": \"C1\", \"api\": "
                .formatted((Long) lookup.fields().get("sentAt")) + "\"FindCoordinator\", \"correlationId\": "
                + lookup.fields().get("correlationId") + "}");

        SimEvent unknown = run.events(e -> e.type().equals("CoordinatorUnknown") && "C1".equals(e.actor())
                && e.time() >= 13_000).get(0);
        SimEvent found = run.events(e -> e.type().equals("CoordinatorFound") && "C1".equals(e.actor())
                && e.seq() > unknown.seq()).get(0);
        SimEvent failed = run.events(e -> e.type().equals("CommitSyncFailed") && "C1".equals(e.actor())
                && e.seq() > unknown.seq()).get(0);

        // The lost lookup fails at request.timeout.ms (30 s); only then is the coordinator found again.
        assertThat(found.time()).isGreaterThan(unknown.time() + 30_000);
        assertThat(failed.seq()).as("the first failed commitSync after the coordinator was lost")
                .isGreaterThan(found.seq());
    }
}
