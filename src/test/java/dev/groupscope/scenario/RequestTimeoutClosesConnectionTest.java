package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.sim.client.ConsumerFaults.DelayCommits;
import dev.groupscope.sim.client.ConsumerFaults.LoseMessage;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.engine.LearnerFilter;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A request that times out closes its whole connection, as kafka-clients' NetworkClient does
 * (handleTimedOutRequests → processTimeoutDisconnection → cancelInFlightRequests): every other request in flight on
 * that connection fails at the same moment with its own Disconnected, and answers that come later are never read.
 * The consumer's connection to the coordinator and its other connection to the same broker (fetches) are separate:
 * closing one leaves the other alone.
 */
class RequestTimeoutClosesConnectionTest {

    private static final String CONSUMER = "C2";
    private static final long REQUEST_TIMEOUT_MS = 30_000; // kafka-clients' default request.timeout.ms

    /**
     * The network-partition lesson with the default session.timeout.ms (45 s, longer than request.timeout.ms) and a
     * cut of 40 s, so the session does not expire before the first lost request times out.
     */
    private static final String LONG_CUT = """
            {"seed": 13, "durationMs": 90000,
             "cluster": {"brokers": 3, "settings": {"group.initial.rebalance.delay.ms": 0}},
             "topics": [{"name": "events", "partitions": 6, "replicationFactor": 1}],
             "producers": [{"id": "P1", "topic": "events", "recordsPerSecond": 30}],
             "consumers": [
               {"id": "C1", "groupId": "stream", "topics": ["events"], "settings": {"auto.offset.reset": "earliest"}, "processingMsPerRecord": 3},
               {"id": "C2", "groupId": "stream", "topics": ["events"], "settings": {"auto.offset.reset": "earliest"}, "processingMsPerRecord": 3},
               {"id": "C3", "groupId": "stream", "topics": ["events"], "settings": {"auto.offset.reset": "earliest"}, "processingMsPerRecord": 3}
             ],
             "actions": [%s]}""";

    private static final String CUT = "{\"atMs\": 20000, \"action\": \"cutOffConsumer\", \"consumer\": \"C2\", "
            + "\"durationMs\": 40000}";

    @Test
    void inACutTheFirstTimeoutFailsEveryLaterLostRequestOnThatConnectionAtOnceAndLeavesTheOtherConnection() {
        Simulation run = run(CUT, 90_000);
        long healedAt = only(run, "NetworkHealed").time();
        List<SimEvent> lostToCoordinator = run.log().stream().filter(lost(api -> api.equals("Heartbeat")
                || api.equals("OffsetCommit"))).filter(event -> event.time() < healedAt).toList();
        SimEvent first = lostToCoordinator.get(0);
        long closedAt = timeoutAt(first);
        List<SimEvent> pendingThen = lostToCoordinator.stream()
                .filter(event -> event != first && event.time() < closedAt).toList();

        assertThat(pendingThen).as("heartbeats and commits lost after the first one, still unanswered when it "
                + "times out").hasSizeGreaterThan(5).allSatisfy(event ->
                assertThat(timeoutAt(event)).as("each would have timed out later on its own").isGreaterThan(closedAt));
        SimEvent timedOut = onlyDisconnected(run, correlationId(first));
        assertThat(timedOut.time()).isEqualTo(closedAt);
        assertThat(timedOut.ruleKey()).isEqualTo("sim.client.disconnected.timeout");
        assertThat(timedOut.fields()).containsEntry("timedOut", true).containsEntry("coordinator", true)
                .containsEntry("cancelled", pendingThen.size());
        for (SimEvent lost : pendingThen) {
            SimEvent failed = onlyDisconnected(run, correlationId(lost));
            assertThat(failed.time()).as("%s %d, sent at %d", lost.fields().get("api"), correlationId(lost),
                    lost.time()).isEqualTo(closedAt);
            assertThat(failed.ruleKey()).isEqualTo("sim.client.disconnected.closed");
            assertThat(failed.fields()).containsEntry("closedBy", correlationId(first))
                    .containsEntry("api", lost.fields().get("api")).containsEntry("sentAt", sentAt(lost));
        }
        assertThat(run.log()).as("the timed-out request's Disconnected comes first, the others right after it")
                .filteredOn(event -> event.type().equals("Disconnected") && event.time() == closedAt)
                .hasSize(pendingThen.size() + 1).first().isEqualTo(timedOut);

        // The other connection to broker 1, the fetch one, is not touched: a fetch lost there before the
        // coordinator connection closed fails at its own timeout, after. What it takes down with it went on that
        // connection too (the FindCoordinator sent to broker 1, the least loaded connection open), never a request
        // to the coordinator.
        SimEvent lostFetch = run.log().stream().filter(lost(api -> api.equals("Fetch")))
                .filter(event -> event.time() < closedAt && timeoutAt(event) > closedAt).findFirst().orElseThrow();
        SimEvent fetchFailed = onlyDisconnected(run, correlationId(lostFetch));
        assertThat(fetchFailed.time()).isEqualTo(timeoutAt(lostFetch)).isGreaterThan(closedAt);
        assertThat(fetchFailed.fields()).containsEntry("timedOut", true).containsEntry("coordinator", false);
        assertThat(run.log()).filteredOn(event -> event.type().equals("Disconnected")
                        && Long.valueOf(correlationId(lostFetch)).equals(event.fields().get("closedBy")))
                .hasSize(((Number) fetchFailed.fields().get("cancelled")).intValue())
                .allSatisfy(event -> assertThat(event.fields()).containsEntry("coordinator", false));
        // ... and a fetch connection timing out leaves the coordinator's requests pending.
        SimEvent earlierFetch = run.log().stream().filter(event -> event.type().equals("Disconnected")
                && CONSUMER.equals(event.actor()) && "Fetch".equals(event.fields().get("api"))
                && event.time() < closedAt).findFirst().orElseThrow();
        assertThat(earlierFetch.fields()).containsEntry("cancelled", 0);
        assertThat(run.log()).filteredOn(event -> event.type().equals("Disconnected")
                        && CONSUMER.equals(event.actor()) && event.time() == earlierFetch.time())
                .containsExactly(earlierFetch);
    }

    @Test
    void aRequestFailsOnceEvenWhenItsOwnTimeoutComesAfterTheConnectionClosed() {
        Simulation run = run(CUT, 90_000);

        Map<Long, Long> disconnects = new TreeMap<>();
        run.log().stream().filter(event -> event.type().equals("Disconnected") && CONSUMER.equals(event.actor()))
                .forEach(event -> assertThat(disconnects.put(correlationId(event), event.time()))
                        .as("request %d fails twice", correlationId(event)).isNull());
        List<SimEvent> lost = run.log().stream().filter(lost(api -> true))
                .filter(event -> timeoutAt(event) <= 85_000).toList();
        // A timeout is found by the next NetworkClient.poll: while the application processes records, the heartbeat
        // thread's turn, at most retry.backoff.ms (100 ms) later.
        assertThat(lost).hasSizeGreaterThan(10).allSatisfy(event ->
                assertThat(disconnects.get(correlationId(event))).as("request %d", correlationId(event))
                        .isNotNull().isLessThanOrEqualTo(timeoutAt(event) + 100));
        assertThat(lost).as("most fail before their own timeout")
                .filteredOn(event -> disconnects.get(correlationId(event)) < timeoutAt(event))
                .hasSizeGreaterThan(lost.size() / 2);
    }

    /**
     * Not a cut: one heartbeat is lost, and when it times out a commit the coordinator has not answered yet (held
     * up on the way) is in flight on the same connection. It fails at that moment; the coordinator stores it and
     * answers, but the consumer never reads that answer.
     */
    @Test
    void aTimeoutFailsAnAnsweredLaterRequestOnTheSameConnectionAndItsAnswerIsNeverRead() {
        Simulation base = run("", 30_000);
        SimEvent heartbeat = base.log().stream().filter(event -> event.type().equals("HeartbeatRequest")
                && CONSUMER.equals(event.peer()) && sentAt(event) >= 20_000).findFirst().orElseThrow();
        long heartbeatSent = sentAt(heartbeat);
        long closedAt = heartbeatSent + REQUEST_TIMEOUT_MS;
        Simulation lostOne = base.fork(heartbeatSent - 1,
                new LoseMessage(CONSUMER, "Heartbeat", correlationId(heartbeat), false, heartbeatSent));
        lostOne.runUntil(closedAt - 1);
        SimEvent commit = lostOne.log().stream().filter(event -> event.type().equals("OffsetCommitRequest")
                        && CONSUMER.equals(event.peer()) && sentAt(event) < closedAt - 100)
                .reduce((a, b) -> b).orElseThrow();
        long commitSent = sentAt(commit);
        assertThat(commitSent).as("an auto commit shortly before the timeout").isGreaterThan(closedAt - 6_000);

        Simulation run = lostOne.fork(commitSent - 1, new DelayCommits(CONSUMER, 1, closedAt - commitSent + 2_000));
        run.runUntil(closedAt + 10_000);

        SimEvent timedOut = onlyDisconnected(run, correlationId(heartbeat));
        assertThat(timedOut.time()).isEqualTo(closedAt);
        SimEvent commitFailed = onlyDisconnected(run, correlationId(commit));
        assertThat(commitFailed.time()).as("the held-up commit fails with the heartbeat").isEqualTo(closedAt);
        assertThat(commitFailed.fields()).containsEntry("api", "OffsetCommit")
                .containsEntry("closedBy", correlationId(heartbeat)).containsEntry("coordinator", true);
        assertThat(withCorrelation(run, correlationId(commit))).as("the coordinator gets and stores it later ...")
                .anySatisfy(event -> {
                    assertThat(event.type()).isEqualTo("OffsetCommitRequest");
                    assertThat(event.time()).isGreaterThan(closedAt);
                })
                .as("... but its answer is never read").noneSatisfy(event ->
                        assertThat(event.type()).isEqualTo("OffsetCommitResponse"));
        // The fetches on the other connection to the same broker go on: none fails.
        assertThat(run.log()).filteredOn(event -> event.type().equals("Disconnected")
                && CONSUMER.equals(event.actor())).extracting(event -> event.fields().get("api"))
                .doesNotContain("Fetch");
        // Without the held-up commit, the same timeout fails the heartbeat alone.
        lostOne.runUntil(closedAt + 10_000);
        assertThat(lostOne.log()).filteredOn(event -> event.type().equals("Disconnected")
                && CONSUMER.equals(event.actor()) && event.time() == closedAt).hasSize(1);
    }

    /** A commit held up longer than request.timeout.ms is not waited for: it times out as a lost request does. */
    @Test
    void aCommitHeldUpPastTheRequestTimeoutTimesOutAndItsLateAnswerIsNeverRead() {
        Simulation base = run("", 30_000);
        SimEvent next = base.log().stream().filter(event -> event.type().equals("OffsetCommitRequest")
                && CONSUMER.equals(event.peer()) && sentAt(event) >= 20_000).findFirst().orElseThrow();
        long commitSent = sentAt(next);

        Simulation run = base.fork(commitSent - 1, new DelayCommits(CONSUMER, 1, REQUEST_TIMEOUT_MS + 10_000));
        run.runUntil(commitSent + REQUEST_TIMEOUT_MS + 15_000);

        SimEvent timedOut = onlyDisconnected(run, correlationId(next));
        assertThat(timedOut.time()).isEqualTo(commitSent + REQUEST_TIMEOUT_MS);
        assertThat(timedOut.fields()).containsEntry("api", "OffsetCommit").containsEntry("timedOut", true)
                .containsEntry("coordinator", true);
        assertThat(withCorrelation(run, correlationId(next))).extracting(SimEvent::type)
                .contains("OffsetCommitRequest").doesNotContain("OffsetCommitResponse");
        // A short hold-up is waited for, as before.
        Simulation brief = base.fork(commitSent - 1, new DelayCommits(CONSUMER, 1, 1_500));
        brief.runUntil(commitSent + REQUEST_TIMEOUT_MS + 5_000);
        assertThat(withCorrelation(brief, correlationId(next))).extracting(SimEvent::type)
                .contains("OffsetCommitResponse").doesNotContain("Disconnected");
    }

    @Test
    void theClosedConnectionIsExplainedInBothLanguages() {
        Simulation run = run(CUT, 60_000);
        SimEvent timedOut = run.log().stream().filter(event -> "sim.client.disconnected.timeout".equals(
                event.ruleKey()) && Boolean.TRUE.equals(event.fields().get("coordinator"))).findFirst().orElseThrow();
        SimEvent closed = run.log().stream().filter(event -> "sim.client.disconnected.closed".equals(
                event.ruleKey())).findFirst().orElseThrow();

        assertThat(Messages.english().format(timedOut.ruleKey(), timedOut.ruleArgs()))
                .startsWith("C2's OffsetCommit request to broker 1 got no answer within 30,000 ms")
                .contains("(the one to the group coordinator)").contains("Every other request in flight");
        assertThat(Messages.english().format(closed.ruleKey(), closed.ruleArgs()))
                .contains("because the OffsetCommit request on it timed out");
        assertThat(Messages.of(Locale.SIMPLIFIED_CHINESE).format(timedOut.ruleKey(), timedOut.ruleArgs()))
                .startsWith("C2 发给 broker 1 的 OffsetCommit 请求在 30,000 ms 内没有收到回复");
        assertThat(Messages.of(Locale.SIMPLIFIED_CHINESE).format(closed.ruleKey(), closed.ruleArgs()))
                .contains("OffsetCommit 请求超时");
    }

    @Test
    void aLearnerStepsToTheTimeoutAndTheCommitsItFailedButNotToEachHeartbeat() {
        Simulation run = run(CUT, 60_000);
        List<SimEvent> failed = run.log().stream().filter(event -> event.type().equals("Disconnected")
                && CONSUMER.equals(event.actor())).toList();
        List<SimEvent> closed = failed.stream().filter(event -> event.fields().containsKey("closedBy")).toList();

        assertThat(failed).filteredOn(event -> Boolean.TRUE.equals(event.fields().get("timedOut")))
                .isNotEmpty().allMatch(LearnerFilter.INSTANCE);
        assertThat(closed).filteredOn(event -> event.fields().get("api").equals("OffsetCommit")).isNotEmpty()
                .allMatch(LearnerFilter.INSTANCE);
        assertThat(closed).filteredOn(event -> event.fields().get("api").equals("Heartbeat")).isNotEmpty()
                .noneMatch(LearnerFilter.INSTANCE);
    }

    @Test
    void theSameScenarioGivesTheSameTrace() {
        assertThat(run(CUT, 85_000).log()).isEqualTo(run(CUT, 85_000).log());
    }

    private static Simulation run(String actions, long until) {
        Simulation run = ScenarioWorld.simulation(ScenarioReader.read("long-cut.json", LONG_CUT.formatted(actions)));
        run.runUntil(until);
        return run;
    }

    /** The consumer's RequestLost / ResponseLost events of the APIs {@code api} accepts. */
    private static Predicate<SimEvent> lost(Predicate<String> api) {
        return event -> (event.type().equals("RequestLost") || event.type().equals("ResponseLost"))
                && CONSUMER.equals(event.actor()) && api.test(String.valueOf(event.fields().get("api")));
    }

    private static SimEvent onlyDisconnected(Simulation run, long correlationId) {
        List<SimEvent> found = withCorrelation(run, correlationId).stream()
                .filter(event -> event.type().equals("Disconnected") && event.kind() == EventKind.RESPONSE).toList();
        assertThat(found).as("Disconnected of request %d", correlationId).hasSize(1);
        return found.get(0);
    }

    private static List<SimEvent> withCorrelation(Simulation run, long id) {
        return run.log().stream().filter(event -> (CONSUMER.equals(event.actor()) || CONSUMER.equals(event.peer()))
                && event.fields().get("correlationId") instanceof Number n && n.longValue() == id).toList();
    }

    private static SimEvent only(Simulation run, String type) {
        List<SimEvent> found = run.log().stream().filter(event -> event.type().equals(type)).toList();
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    private static long timeoutAt(SimEvent lost) {
        return ((Number) lost.fields().get("timeoutAt")).longValue();
    }

    private static long sentAt(SimEvent event) {
        return ((Number) event.fields().get("sentAt")).longValue();
    }

    private static long correlationId(SimEvent event) {
        return ((Number) event.fields().get("correlationId")).longValue();
    }
}
