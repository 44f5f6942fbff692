package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groupscope.scenario.json.JsonInputException;
import dev.groupscope.sim.client.ConsumerFaults.LoseMessage;
import dev.groupscope.sim.engine.LearnerFilter;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "What if this one message never arrived?" (RaftScope's drop, asked of a Kafka consumer): a loseMessage action
 * loses exactly one request, or the answer to it, and nothing else; the client learns of it only when the request
 * times out, as kafka-clients does, and a JoinGroup is waited for longer than other requests.
 */
class LoseMessageScenarioTest {

    private static final Path PLAYGROUND = Path.of("lessons/scenarios/playground.json");

    @Test
    void aLostHeartbeatNeverReachesTheBrokerAndFailsWhenTheRequestTimesOut() {
        Simulation run = run(PLAYGROUND, 25_000);
        SimEvent heartbeat = first(run, "HeartbeatRequest", "C2", 20_000);
        long sentAt = sentAt(heartbeat);
        long id = correlationId(heartbeat);

        Simulation fork = run.fork(sentAt - 1, new LoseMessage("C2", "Heartbeat", id, false, sentAt));
        fork.runUntil(sentAt + 31_000);

        SimEvent lost = only(fork, "RequestLost");
        assertThat(lost.time()).isEqualTo(sentAt);
        assertThat(lost.actor()).isEqualTo("C2");
        assertThat(lost.fields()).containsEntry("api", "Heartbeat").containsEntry("timeoutAt", sentAt + 30_000);
        assertThat(lost.ruleKey()).isEqualTo("sim.client.fault.requestLostWhatIf");
        assertThat(lost.fields()).containsEntry("whatIf", true);
        assertThat(LearnerFilter.INSTANCE.test(lost)).as("a learner steps to it").isTrue();
        assertThat(withCorrelation(fork, "C2", id)).extracting(SimEvent::type)
                .doesNotContain("HeartbeatRequest").contains("Disconnected");
        assertThat(withCorrelation(fork, "C2", id)).filteredOn(event -> event.type().equals("Disconnected"))
                .extracting(SimEvent::time).containsExactly(sentAt + 30_000);
        assertThat(fork.log()).as("nothing else is lost").filteredOn(event -> event.type().endsWith("Lost"))
                .containsExactly(lost);
        assertThat(fork.log()).as("the next heartbeat goes out as usual").anySatisfy(event ->
                assertThat(event.type().equals("HeartbeatRequest") && "C2".equals(event.peer())
                        && event.time() > sentAt).isTrue());
    }

    @Test
    void aLostAnswerWasHandledByTheBrokerButNeverReachesTheConsumer() {
        Simulation run = run(PLAYGROUND, 25_000);
        SimEvent answer = first(run, "HeartbeatResponse", "C2", 20_000);
        long sentAt = sentAt(answer);
        long id = correlationId(answer);

        Simulation fork = run.fork(sentAt - 1, new LoseMessage("C2", "Heartbeat", id, true, sentAt));
        fork.runUntil(sentAt + 31_000);

        SimEvent lost = only(fork, "ResponseLost");
        assertThat(lost.fields()).containsEntry("sentAt", sentAt).containsEntry("correlationId", id);
        assertThat(lost.ruleKey()).isEqualTo("sim.client.fault.responseLostWhatIf");
        assertThat(withCorrelation(fork, "C2", id)).extracting(SimEvent::type)
                .contains("HeartbeatRequest", "ResponseLost", "Disconnected").doesNotContain("HeartbeatResponse");
    }

    @Test
    void aForkLosingAMessageIsTheRunOfTheScenarioWithTheActionInIt() {
        Simulation run = run(PLAYGROUND, 25_000);
        SimEvent heartbeat = first(run, "HeartbeatRequest", "C3", 15_000);
        long sentAt = sentAt(heartbeat);
        Map<String, Object> params = Map.of("api", "Heartbeat", "correlationId", correlationId(heartbeat),
                "answer", false, "sentAtMs", sentAt);
        Scenario.ActionSpec action = new Scenario.ActionSpec(sentAt - 1, ActionType.LOSE_MESSAGE, "C3", params, "");

        Simulation fork = run.fork(sentAt - 1, ScenarioWorld.tasks(action, List.of()).get(0));
        fork.runUntil(40_000);
        Simulation fresh = ScenarioWorld.simulation(ScenarioReader.read(PLAYGROUND).withActions(List.of(action)));
        fresh.runUntil(40_000);

        assertThat(fork.log()).isEqualTo(fresh.log());
    }

    @Test
    void aLostJoinGroupIsWaitedForTheRebalanceTimeoutPlusFiveSeconds() {
        Simulation run = run(PLAYGROUND, 5_000);
        SimEvent join = first(run, "JoinGroupRequest", "C1", 0);
        long sentAt = sentAt(join);

        Simulation fork = run.fork(sentAt - 1, new LoseMessage("C1", "JoinGroup", correlationId(join), false,
                sentAt));
        fork.runUntil(sentAt + 1_000);

        // max(request.timeout.ms = 30,000, max.poll.interval.ms = 300,000 + 5,000): AbstractCoordinator's lapse.
        SimEvent lost = only(fork, "RequestLost");
        assertThat(lost.fields()).containsEntry("timeoutAt", sentAt + 305_000).containsEntry("joinTimeoutMs", 305_000L);
        assertThat(lost.ruleKey()).isEqualTo("sim.client.fault.requestLostWhatIf.join");
    }

    @Test
    void aScenarioLineLosesAMessageAndBadLinesSayWhatIsWrong() {
        String line = "{\"atMs\": 100, \"action\": \"loseMessage\", \"consumer\": \"C1\", \"api\": \"Hartbeat\","
                + " \"correlationId\": 3}";
        assertThatThrownBy(() -> read(line)).isInstanceOf(JsonInputException.class)
                .hasMessageContaining("$.actions[0].api: \"Hartbeat\" is not one of:")
                .hasMessageContaining("did you mean \"Heartbeat\"?");
        assertThatThrownBy(() -> read(line.replace("Hartbeat", "Heartbeat").replace("}", ", \"sentAtMs\": 50}")))
                .hasMessageContaining("$.actions[0].sentAtMs: 50 is out of range");

        Scenario.ActionSpec action = read(line.replace("Hartbeat", "Heartbeat")).actions().get(0);
        assertThat(action.params()).containsEntry("api", "Heartbeat").containsEntry("correlationId", 3L)
                .containsEntry("answer", false).containsEntry("sentAtMs", 100L);
    }

    private static Scenario read(String actionLine) {
        return ScenarioReader.read("lose.json", """
                {"seed": 1, "durationMs": 10000, "cluster": {"brokers": 1}, "topics": [{"name": "t", "partitions": 1}],
                 "consumers": [{"id": "C1", "groupId": "g", "topics": ["t"]}],
                 "actions": [%s]}""".formatted(actionLine));
    }

    private static Simulation run(Path scenario, long until) {
        Simulation run = ScenarioWorld.simulation(ScenarioReader.read(scenario));
        run.runUntil(until);
        return run;
    }

    /** The first message of {@code type} to or from {@code consumer} sent at or after {@code from}. */
    private static SimEvent first(Simulation run, String type, String consumer, long from) {
        return run.log().stream().filter(event -> event.type().equals(type)
                && (consumer.equals(event.actor()) || consumer.equals(event.peer())) && sentAt(event) >= from)
                .findFirst().orElseThrow();
    }

    private static SimEvent only(Simulation run, String type) {
        List<SimEvent> events = run.log().stream().filter(event -> event.type().equals(type)).toList();
        assertThat(events).as(type).hasSize(1);
        return events.get(0);
    }

    /** The consumer's events (sent, answered, lost, failed) of one correlation id. */
    private static List<SimEvent> withCorrelation(Simulation run, String consumer, long id) {
        return run.log().stream().filter(event -> (consumer.equals(event.actor()) || consumer.equals(event.peer()))
                && event.fields().get("correlationId") instanceof Number n && n.longValue() == id).toList();
    }

    private static long sentAt(SimEvent event) {
        return ((Number) event.fields().get("sentAt")).longValue();
    }

    private static long correlationId(SimEvent event) {
        return ((Number) event.fields().get("correlationId")).longValue();
    }
}
