package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A static member whose place a newer instance with the same group.instance.id has taken is fenced, and kafka-clients
 * makes that fatal wherever the answer comes. A SyncGroup answered FENCED_INSTANCE_ID does not join again
 * (joinGroupIfNeeded retries only UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION, REBALANCE_IN_PROGRESS and retriable errors),
 * so poll() throws: the answer said "it joins again" just before the consumer failed. A commitAsync answered
 * FENCED_INSTANCE_ID sets {@code asyncCommitFenced}: the next commitAsync() or poll() throws FencedInstanceIdException
 * before any callback runs (its own included), so the old instance stops before its next heartbeat instead of reading
 * on.
 */
class FencedStaticMemberTest {

    /**
     * C2 (instance b) waits for its SyncGroup because the leader C1's SyncGroup was lost; C3 starts at 7 s with
     * instance b too, and the coordinator fences C2's waiting request.
     */
    private static final String SCENARIO = """
            {"name": "fenced sync", "seed": 7, "durationMs": 12000,
             "cluster": {"brokers": 3, "settings": {"group.initial.rebalance.delay.ms": 0}},
             "topics": [{"name": "orders", "partitions": 6, "replicationFactor": 1}],
             "producers": [{"id": "P1", "topic": "orders", "recordsPerSecond": 20}],
             "consumers": [
               {"id": "C1", "groupId": "g", "topics": ["orders"], "settings": {"group.instance.id": "a"}},
               {"id": "C2", "groupId": "g", "topics": ["orders"], "startAtMs": 5000,
                "settings": {"group.instance.id": "b"}},
               {"id": "C3", "groupId": "g", "topics": ["orders"], "startAtMs": 7000,
                "settings": {"group.instance.id": "b"}}],
             "actions": [{"atMs": 6000, "action": "loseMessage", "consumer": "C1", "api": "SyncGroup",
                          "correlationId": 137, "answer": false, "sentAtMs": 6020}]}
            """;

    /** C2 (instance b) commits asynchronously after each batch; C3 takes instance b over at 7 s. */
    private static final String ASYNC = """
            {"name": "fenced async", "seed": 7, "durationMs": 12000,
             "cluster": {"brokers": 1, "settings": {"group.initial.rebalance.delay.ms": 0}},
             "topics": [{"name": "orders", "partitions": 4, "replicationFactor": 1}],
             "producers": [{"id": "P1", "topic": "orders", "recordsPerSecond": 50}],
             "consumers": [
               {"id": "C1", "groupId": "g", "topics": ["orders"], "processingMsPerRecord": 2,
                "settings": {"group.instance.id": "a", "enable.auto.commit": false},
                "commitPolicy": {"type": "asyncAfterBatch"}},
               {"id": "C2", "groupId": "g", "topics": ["orders"], "processingMsPerRecord": 2,
                "settings": {"group.instance.id": "b", "enable.auto.commit": false},
                "commitPolicy": {"type": "asyncAfterBatch"}},
               {"id": "C3", "groupId": "g", "topics": ["orders"], "startAtMs": 7000, "processingMsPerRecord": 2,
                "settings": {"group.instance.id": "b", "enable.auto.commit": false},
                "commitPolicy": {"type": "asyncAfterBatch"}}]}
            """;

    @Test
    void aFencedSyncGroupSaysTheConsumerStopsAndItDoes() {
        Simulation run = ScenarioRun.of(ScenarioReader.read("fenced-sync.json", SCENARIO)).simulation;
        run.runUntil(12_000);

        SimEvent fenced = run.log().stream().filter(e -> e.type().equals("SyncGroupResponse") && e.actor().equals("C2")
                && "FENCED_INSTANCE_ID".equals(e.fields().get("error"))).findFirst().orElseThrow();
        assertThat(fenced.ruleKey()).isEqualTo("sim.client.syncFailed.fatal");
        List<SimEvent> after = run.log().stream().filter(e -> e.seq() > fenced.seq()
                && ("C2".equals(e.actor()) || "C2".equals(e.peer()))).toList();
        assertThat(after).extracting(SimEvent::type).as("C2 fails at once and never joins again")
                .startsWith("ConsumerFailed").doesNotContain("JoinGroupRequest");
    }

    @Test
    void aFencedCommitAsyncStopsTheConsumerBeforeItsCallbackOrAnotherCommitRuns() {
        Simulation run = ScenarioRun.of(ScenarioReader.read("fenced-async.json", ASYNC)).simulation;
        run.runUntil(12_000);

        SimEvent answer = run.log().stream().filter(e -> e.type().equals("OffsetCommitResponse")
                && e.actor().equals("C2") && "FENCED_INSTANCE_ID".equals(e.fields().get("error"))).findFirst()
                .orElseThrow();
        assertThat(answer.ruleKey()).isEqualTo("sim.client.commitAsync.fenced");
        SimEvent failed = run.log().stream().filter(e -> e.type().equals("ConsumerFailed") && e.actor().equals("C2"))
                .findFirst().orElseThrow();
        assertThat(failed.fields()).containsEntry("error", "FENCED_INSTANCE_ID");
        // invokeCompletedOffsetCommitCallbacks throws FencedInstanceIdException before it runs any callback.
        assertThat(run.log()).as("no callback, commit or heartbeat of C2 between the answer and the failure")
                .filteredOn(e -> e.seq() > answer.seq() && e.seq() < failed.seq() && e.actor().equals("C2"))
                .extracting(SimEvent::type).doesNotContain("CommitAsyncCallback", "CommitAsync", "HeartbeatRequest");
        assertThat(run.log()).filteredOn(e -> e.seq() > failed.seq() && "C2".equals(e.peer()))
                .extracting(SimEvent::type).doesNotContain("OffsetCommitRequest");
    }
}
