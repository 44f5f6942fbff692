package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * kafka-clients' {@code commitOffsetsAsync} with the coordinator unknown does not fail: it sends a FindCoordinator and
 * chains the commit to that lookup ({@code pendingAsyncCommits}), so the commit goes out once the coordinator is found
 * and the callbacks run in call order. A assign()s t-0..t-2 of group g and calls commitAsync() after every batch; its
 * coordinator's broker (1) stops at 5 s, and A goes on reading from the partitions' new leaders while it looks the
 * coordinator up again.
 */
class CommitAsyncAwaitsCoordinatorTest {

    private static final String SCENARIO = """
            {"name": "inline", "seed": 11, "durationMs": 9000,
             "cluster": {"brokers": 3, "settings": {"group.initial.rebalance.delay.ms": 0},
                         "network": {"delayMs": 2}},
             "topics": [{"name": "t", "partitions": 3, "replicationFactor": 3}],
             "producers": [{"id": "P1", "topic": "t", "recordsPerSecond": 100}],
             "consumers": [
               {"id": "A", "groupId": "g", "assign": ["t-0", "t-1", "t-2"],
                "settings": {"enable.auto.commit": false, "auto.offset.reset": "earliest"},
                "commitPolicy": {"type": "asyncAfterBatch"}}],
             "actions": [{"atMs": 5000, "action": "stopBroker", "broker": 1}%s]}
            """;

    @Test
    void commitsMadeWhileTheCoordinatorIsLookedUpGoOutOnceItIsFoundInTheOrderTheyWereMade() {
        List<SimEvent> log = run("");
        assertThat(coordinatorOf(log, 0)).as("the broker that stops is g's coordinator").isEqualTo(1);
        SimEvent unknown = first(log, "CoordinatorUnknown", 5000);
        SimEvent found = first(log, "CoordinatorFound", unknown.time());
        List<SimEvent> chained = between(log, "CommitAsyncAwaitsCoordinator", unknown, found);
        assertThat(chained).as("commitAsync() calls while the lookup is in flight").isNotEmpty();

        List<SimEvent> failed = events(log, e -> e.type().equals("CommitAsyncCallback")
                && !"NONE".equals(e.fields().get("error")));
        assertThat(failed).as("no commitAsync fails for want of a coordinator").isEmpty();

        List<SimEvent> sent = events(log, e -> e.type().equals("CommitAsync") && e.seq() > found.seq()).subList(0,
                chained.size());
        for (int i = 0; i < chained.size(); i++) {
            assertThat(sent.get(i).time()).as("sent when the coordinator is found").isEqualTo(found.time());
            assertThat(sent.get(i).ruleKey()).isEqualTo("sim.client.commitAsync.chainedSent");
            assertThat(sent.get(i).fields().get("offsets")).as("the offsets of the call, in call order")
                    .isEqualTo(chained.get(i).fields().get("offsets"));
        }
        List<SimEvent> callbacks = events(log, e -> e.type().equals("CommitAsyncCallback") && e.seq() > found.seq())
                .subList(0, chained.size());
        for (int i = 0; i < chained.size(); i++) {
            assertThat(callbacks.get(i).fields().get("offsets")).isEqualTo(chained.get(i).fields().get("offsets"));
        }
        assertThat(coordinatorOf(log, unknown.time())).isEqualTo(2);
    }

    @Test
    void closeReturnsOnlyOnceTheChainedCommitIsAnswered() {
        List<SimEvent> log = run(", {\"atMs\": 5014, \"action\": \"closeConsumer\", \"consumer\": \"A\"}");
        SimEvent chained = first(log, "CommitAsyncAwaitsCoordinator", 5000);
        assertThat(chained.time()).as("a commit waits for the lookup when close() is called").isLessThan(5014);
        SimEvent answered = events(log, e -> e.type().equals("CommitAsyncCallback") && e.seq() > chained.seq()).get(0);
        assertThat(answered.fields().get("error")).isEqualTo("NONE");
        SimEvent closed = events(log, e -> e.type().equals("MemberStateChange") && "A".equals(e.actor())
                && "STOPPED".equals(e.fields().get("to"))).get(0);
        assertThat(closed.seq()).as("close() returns after the chained commit's answer").isGreaterThan(answered.seq());
    }

    @Test
    void anAssignedConsumersAutoCommitIsChainedToTheLookupToo() {
        // autoCommitOffsetsAsync is commitOffsetsAsync: with auto commit every 5 ms, one falls due while A looks for
        // the coordinator again, waits for the lookup, and goes out with the offsets of its call once it is found.
        String auto = SCENARIO.formatted("").replace(
                "\"enable.auto.commit\": false, \"auto.offset.reset\": \"earliest\"",
                "\"auto.offset.reset\": \"earliest\", \"auto.commit.interval.ms\": 5")
                .replace("\"commitPolicy\": {\"type\": \"asyncAfterBatch\"}", "\"commitPolicy\": {\"type\": \"auto\"}");
        List<SimEvent> log = run(ScenarioReader.read("inline.json", auto));
        SimEvent chained = first(log, "CommitAsyncAwaitsCoordinator", 5000);
        assertThat(chained.fields().get("purpose")).isEqualTo("INTERVAL");
        SimEvent found = first(log, "CoordinatorFound", chained.time());
        SimEvent sent = events(log, e -> e.type().equals("AutoCommit") && e.seq() > found.seq()).get(0);
        assertThat(sent.time()).isEqualTo(found.time());
        assertThat(sent.ruleKey()).isEqualTo("sim.client.commitAsync.chainedSent");
        assertThat(sent.fields().get("offsets")).isEqualTo(chained.fields().get("offsets"));
    }

    private static List<SimEvent> run(String moreActions) {
        return run(ScenarioReader.read("inline.json", SCENARIO.formatted(moreActions)));
    }

    private static List<SimEvent> run(Scenario scenario) {
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(scenario.durationMs());
        return simulation.log();
    }

    private static List<SimEvent> events(List<SimEvent> log, Predicate<SimEvent> filter) {
        return log.stream().filter(filter).toList();
    }

    private static int coordinatorOf(List<SimEvent> log, long from) {
        return ((Number) first(log, "CoordinatorFound", from).fields().get("coordinator")).intValue();
    }

    private static SimEvent first(List<SimEvent> log, String type, long from) {
        return events(log, e -> e.type().equals(type) && "A".equals(e.actor()) && e.time() >= from).get(0);
    }

    private static List<SimEvent> between(List<SimEvent> log, String type, SimEvent after, SimEvent before) {
        return events(log, e -> e.type().equals(type) && e.seq() > after.seq() && e.seq() < before.seq());
    }
}
