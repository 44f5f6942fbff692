package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * kafka-clients' heartbeat thread looks at its timers only on its turns: with nothing due it waits retry.backoff.ms
 * (100 ms) and looks again ({@code AbstractCoordinator.this.wait(retryBackoffMs)}). A stalled poll loop is therefore
 * caught at the thread's first turn after max.poll.interval.ms, up to 100 ms late, on the cadence its last heartbeat
 * set; and a session that expired on the client side likewise.
 */
class HeartbeatThreadTurnsTest {

    private static final long RETRY_BACKOFF_MS = 100;

    @Test
    void aStalledPollLoopIsCaughtAtTheThreadsFirstTurnAfterTheDeadline() {
        Simulation run = lessonRun("slow-consumer-poll-timeout", 60_000);
        List<SimEvent> c2 = run.log().stream().filter(e -> e.actor().equals("C2")).toList();
        List<SimEvent> expiries = c2.stream().filter(e -> e.type().equals("PollTimeoutExpired")).toList();
        assertThat(expiries).hasSizeGreaterThan(2);

        boolean someLate = false;
        for (SimEvent expiry : expiries) {
            long deadline = expiry.time() - number(expiry, "sinceLastPollMs") + number(expiry, "maxPollIntervalMs");
            SimEvent lastHeartbeat = c2.stream().filter(e -> e.seq() < expiry.seq()
                    && e.type().equals("HeartbeatInterval")).reduce((a, b) -> b).orElseThrow();
            long late = expiry.time() - deadline;
            assertThat(late).as("caught within one wait of the deadline").isBetween(0L, RETRY_BACKOFF_MS - 1);
            assertThat((expiry.time() - lastHeartbeat.time()) % RETRY_BACKOFF_MS)
                    .as("on the cadence of the thread's last turn, its heartbeat at %d ms", lastHeartbeat.time())
                    .isZero();
            someLate |= late > 0;
        }
        assertThat(someLate).isTrue();
        SimEvent late = expiries.stream().filter(e -> number(e, "sinceLastPollMs") > 5_000)
                .findFirst().orElseThrow();
        assertThat(Messages.english().format(late.ruleKey(), late.ruleArgs()))
                .contains("past max.poll.interval.ms (5,000 ms)", "looks only every retry.backoff.ms while nothing is due");
    }

    @Test
    void aSessionWithoutAnsweredHeartbeatsIsGivenUpOnTheThreadsCadenceToo() {
        Simulation run = lessonRun("network-partition", 60_000);
        SimEvent unknown = run.log().stream().filter(e -> e.type().equals("CoordinatorUnknown")
                && e.actor().equals("C2") && String.valueOf(e.ruleArgs().get("cause")).startsWith("session timed out"))
                .findFirst().orElseThrow();
        SimEvent lastHeartbeat = run.log().stream().filter(e -> e.seq() < unknown.seq()
                && e.actor().equals("C2") && e.type().equals("HeartbeatInterval")).reduce((a, b) -> b).orElseThrow();
        assertThat((unknown.time() - lastHeartbeat.time()) % RETRY_BACKOFF_MS).isZero();
        SimEvent lookup = run.log().stream().filter(e -> e.seq() > unknown.seq()
                && "C2".equals(e.peer()) && e.type().equals("FindCoordinatorRequest")).findFirst().orElseThrow();
        assertThat(lookup.time()).as("the thread's next pass, at once, looks for the coordinator")
                .isLessThan(unknown.time() + RETRY_BACKOFF_MS);
    }

    @Test
    void anAnswerThatArrivesWhileNoThreadReadsTheNetworkWaitsForTheNextPollAndSaysHowLong() {
        // C2 leaves on its poll timeout while its loop still processes: the heartbeat thread stops with the
        // LeaveGroup, so the answer waits in the socket until the application next calls poll().
        Simulation run = lessonRun("slow-consumer-poll-timeout", 30_000);
        SimEvent answer = run.log().stream().filter(e -> e.type().equals("LeaveGroupResponse")
                && e.actor().equals("C2")).findFirst().orElseThrow();
        SimEvent batchDone = run.log().stream().filter(e -> e.seq() < answer.seq() && e.actor().equals("C2")
                && e.type().equals("ProcessRecords")).reduce((a, b) -> b).orElseThrow();
        long unread = number(answer, "unreadMs");
        assertThat(answer.time() - number(answer, "sentAt") - unread).as("its time on the network").isEqualTo(2);
        assertThat(unread).as("read with the next poll(), long after it arrived").isGreaterThan(500);
        assertThat(batchDone.time()).as("the batch done, poll() is called and reads it").isEqualTo(answer.time());
    }

    @Test
    void aHeartbeatAnsweredWhileTheApplicationProcessesIsReadAtTheThreadsNextTurn() {
        // RealKafkaHeartbeatReadOnTurnsTest: kafka-clients' heartbeat-response-time-max is ~100 ms for a consumer
        // busy outside poll(), a few ms for one waiting inside it. The thread sends a heartbeat on a turn and reads
        // the answer with pollNoWakeup() at the top of its next one; inside poll() the application reads it.
        Simulation run = lessonRun("slow-consumer-poll-timeout", 30_000);
        List<Long> processing = responseTimes(run, "C2", "PROCESSING");
        assertThat(processing).hasSizeGreaterThan(3)
                .allMatch(ms -> ms <= RETRY_BACKOFF_MS, "at the next turn, or sooner if poll() is called first")
                .contains(RETRY_BACKOFF_MS);
        List<Long> polling = responseTimes(run, "C1", "IN_POLL");
        assertThat(polling).hasSizeGreaterThan(3).containsOnly(4L); // read as it arrives: 2 ms each way
    }

    /** From sending to reading, the answers to {@code consumer}'s heartbeats sent while its loop was {@code phase}. */
    private static List<Long> responseTimes(Simulation run, String consumer, String phase) {
        List<SimEvent> log = run.log();
        return log.stream().filter(e -> e.actor().equals(consumer) && e.type().equals("HeartbeatInterval")
                        && phase.equals(e.fields().get("pollLoop")))
                .flatMap(sent -> log.stream().filter(e -> e.seq() > sent.seq() && e.actor().equals(consumer)
                        && e.type().equals("HeartbeatResponse")).findFirst().stream() // the last may be unread yet
                        .map(answer -> answer.time() - sent.time()))
                .toList();
    }

    @Test
    void aPollThatReturnsBufferedRecordsLeavesTheAnswersThatCameMeanwhileUnread() {
        // kafka-clients fires an answer's handler only in a call of its network client: a pass of poll() that
        // finds records already buffered returns them without one, so a fetch answer that came during the batch
        // reaches the buffer only at the heartbeat thread's next turn, or at the next poll() that has to wait.
        Simulation run = lessonRun("auto-commit-crash-duplicates", 30_000);
        List<SimEvent> log = run.log();
        boolean someSkipped = false;
        for (SimEvent answer : log.stream().filter(e -> e.kind() == EventKind.RESPONSE
                && e.fields().containsKey("unreadMs")).toList()) {
            long arrived = answer.time() - number(answer, "unreadMs");
            List<SimEvent> pollsBetween = log.stream().filter(e -> e.seq() < answer.seq() && e.time() >= arrived
                    && e.actor().equals(answer.actor()) && e.type().equals("Poll")).toList();
            assertThat(pollsBetween).as("%s at %d ms: only passes that returned records leave it unread",
                    answer.type(), answer.time()).allMatch(poll -> number(poll, "records") > 0);
            someSkipped |= !pollsBetween.isEmpty();
        }
        assertThat(someSkipped).as("some poll() returned buffered records over an answer it did not read").isTrue();
    }

    @Test
    void withNoTurnsAndOnlyBufferedPollsAHeartbeatAnswerWaitsForTheNextHeartbeat() {
        // RealKafkaHeartbeatReadOnTurnsTest's buffered case: with retry.backoff.ms = 0 the thread wakes only when
        // poll() finds a heartbeat due, and a poll() returning a buffered record reads nothing, so an answer is read
        // when the thread wakes for the next heartbeat (there a commit callback waited 10 s).
        Simulation run = oneConsumerRun(5, 1, 100, """
                "processingMsPerRecord": 50, "settings": {"retry.backoff.ms": 0, "heartbeat.interval.ms": 10000,
                "max.poll.records": 1, "enable.auto.commit": false},
                "commitPolicy": {"type": "everyN", "records": 1000000}""", "", 60_000);
        List<Long> late = responseTimes(run, "C1", "PROCESSING");
        // Only a poll() whose buffer ran dry, and so waited on the network, reads one sooner.
        assertThat(late).hasSizeGreaterThan(2).allMatch(ms -> ms <= 10_000, "by the next heartbeat at the latest");
        assertThat(late.stream().filter(ms -> ms == 10_000)).as("read when the thread woke for the next heartbeat")
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void closeReadsWhatArrivedAfterTheThreadsLastTurnAsItStarts() {
        // The application calls close() after its batch; close()'s auto commit and LeaveGroup wait in the network
        // client, which reads at once whatever came since the heartbeat thread's last turn of the batch.
        assertThat(readByTheCall("""
                {"atMs": %d, "action": "closeConsumer", "consumer": "C1"}""", "CLOSING", "ProcessRecords"))
                .as("answers that came after the last turn of the last batch").isPositive();
    }

    @Test
    void offsetsForTimesReadsWhatArrivedAfterTheThreadsLastTurnAsItStarts() {
        // Called when poll() returns, which reads nothing when it returns buffered records: the call's own wait for
        // its ListOffsets reads what came since the heartbeat thread's last turn.
        assertThat(readByTheCall("""
                {"atMs": %d, "action": "offsetsForTimes", "consumer": "C1", "partitions": ["t-0"],
                 "timestampMs": 1000}""", "IN_CALL", "OffsetsForTimes"))
                .as("answers that came after the thread's last turn").isPositive();
    }

    /**
     * Runs a busy consumer with {@code action} at times 31 ms apart, past a heartbeat or two (every 3 s); checks that
     * every answer read {@code by} the call was read when the call began (its event {@code callType}); how many.
     */
    private static int readByTheCall(String action, String by, String callType) {
        int read = 0;
        for (long at = 5_000; at < 8_200; at += 31) {
            Simulation run = oneConsumerRun(3, 2, 200, """
                    "processingMsPerRecord": 10, "settings": {"max.poll.records": 20}""", action.formatted(at), 9_000);
            List<SimEvent> c1 = run.log().stream().filter(e -> e.actor().equals("C1")).toList();
            for (SimEvent answer : c1.stream().filter(e -> by.equals(e.fields().get("readBy"))).toList()) {
                SimEvent call = c1.stream().filter(e -> e.seq() < answer.seq() && e.type().equals(callType))
                        .reduce((first, second) -> second).orElseThrow();
                assertThat(answer.time()).as("read as the call starts").isEqualTo(call.time());
                read++;
            }
        }
        return read;
    }

    @Test
    void aMetadataRefreshDueWhileTheApplicationProcessesGoesOutOnTheThreadsNextTurn() {
        // NetworkClient.poll sends a due update; while C1 works through 10 s batches, the only caller is the
        // heartbeat thread's pollNoWakeup(), once a turn.
        Simulation run = oneConsumerRun(5, 1, 100, """
                "processingMsPerRecord": 20, "settings": {"metadata.max.age.ms": 10000}""", "", 60_000);
        List<SimEvent> c1 = run.log().stream().filter(e -> e.actor().equals("C1")).toList();
        List<SimEvent> answers = c1.stream().filter(e -> e.type().equals("MetadataResponse")).toList();
        assertThat(answers).hasSizeGreaterThan(3);
        boolean someLate = false;
        for (int i = 1; i < answers.size(); i++) {
            long due = answers.get(i - 1).time() + 10_000;
            Object correlationId = answers.get(i).fields().get("correlationId");
            SimEvent request = run.log().stream().filter(e -> e.type().equals("MetadataRequest")
                    && "C1".equals(e.peer()) && e.fields().get("correlationId").equals(correlationId))
                    .findFirst().orElseThrow();
            long sent = number(request, "sentAt");
            SimEvent turn = c1.stream().filter(e -> e.time() <= sent && e.type().equals("HeartbeatInterval"))
                    .reduce((first, second) -> second).orElseThrow();
            assertThat(sent - due).as("refresh %d sent at %d ms, due at %d", i, sent, due)
                    .isBetween(0L, RETRY_BACKOFF_MS - 1);
            assertThat((sent - turn.time()) % RETRY_BACKOFF_MS).as("on the thread's cadence").isZero();
            someLate |= sent > due;
        }
        assertThat(someLate).as("a refresh due between two turns waits for the next").isTrue();
    }

    /**
     * kafka-clients' ensureCoordinatorReady is synchronized on the coordinator, and so is each turn of the heartbeat
     * thread: while poll() looks for its coordinator, the thread waits for the monitor and sends no FindCoordinator of
     * its own. In coordinator-failover, C1's poll() asks broker 1 at 20.002 s, whose connection holds the request
     * behind a parked fetch; until that answer, C1 sends no other FindCoordinator (the model's thread sent two more
     * on its turns, 100 ms apart).
     */
    @Test
    void whilePollLooksForTheCoordinatorTheHeartbeatThreadWaitsForTheMonitor() {
        Simulation run = lessonRun("coordinator-failover", 21_000);

        SimEvent found = run.log().stream().filter(event -> event.type().equals("CoordinatorFound")
                && event.actor().equals("C1") && event.time() > 20_000).findFirst().orElseThrow();
        List<Long> asked = run.log().stream().filter(event -> event.kind() == EventKind.REQUEST
                        && event.type().equals("FindCoordinatorRequest") && "C1".equals(event.peer())
                        && event.time() > 20_000 && event.time() <= found.time())
                .map(event -> number(event, "sentAt")).toList();
        assertThat(asked).containsExactly(20_002L);
        assertThat(found.time() - 20_002).as("the answer waited behind the parked fetch").isGreaterThan(100);
    }

    /**
     * ensureCoordinatorReady sleeps its backoff after finding a coordinator whose connection is down ("coordinator
     * unavailable"), holding the monitor: nothing is read and no heartbeat-thread turn runs until the sleep ends,
     * and then poll() itself looks again (network-partition, C2 at 28.139 s).
     */
    @Test
    void afterCoordinatorUnavailablePollSleepsAndThenLooksAgainItself() {
        Simulation run = lessonRun("network-partition", 29_000);

        SimEvent unavailable = run.log().stream().filter(event -> "sim.client.coordinatorUnavailable"
                .equals(event.ruleKey()) && event.actor().equals("C2")).findFirst().orElseThrow();
        long sleepEnds = unavailable.time() + number(unavailable, "retryBackoffMs");
        List<SimEvent> c2 = run.log().stream().filter(event -> event.time() > unavailable.time()
                && event.time() < sleepEnds && ("C2".equals(event.actor()) || "C2".equals(event.peer()))).toList();
        assertThat(c2).as("C2 sends and reads nothing while it sleeps")
                .noneMatch(event -> event.kind() == EventKind.REQUEST || event.kind() == EventKind.RESPONSE);
        SimEvent next = run.log().stream().filter(event -> event.type().equals("FindCoordinatorRequest")
                && "C2".equals(event.peer()) && event.time() > unavailable.time()).findFirst().orElseThrow();
        assertThat(number(next, "sentAt")).isEqualTo(sleepEnds);
    }

    /**
     * One broker, topic {@code t} of {@code partitions} fed {@code recordsPerSecond}, and consumer C1 of group g with
     * {@code consumer} (its fields after the topics) and the scenario's {@code actions}, run until {@code untilMs}.
     */
    private static Simulation oneConsumerRun(long seed, int partitions, int recordsPerSecond, String consumer,
                                             String actions, long untilMs) {
        Simulation run = ScenarioWorld.simulation(ScenarioReader.read("one-consumer.json", """
                {"name": "one consumer", "seed": %d, "durationMs": %d,
                 "cluster": {"brokers": 1, "settings": {"group.initial.rebalance.delay.ms": 0}},
                 "topics": [{"name": "t", "partitions": %d, "replicationFactor": 1}],
                 "producers": [{"id": "P1", "topic": "t", "recordsPerSecond": %d}],
                 "consumers": [{"id": "C1", "groupId": "g", "topics": ["t"], %s}],
                 "actions": [%s]}""".formatted(seed, untilMs, partitions, recordsPerSecond, consumer, actions)));
        run.runUntil(untilMs);
        return run;
    }

    /** The lesson {@code name} run until {@code untilMs}. */
    private static Simulation lessonRun(String name, long untilMs) {
        Simulation run = ScenarioWorld.simulation(ScenarioReader.read(Path.of("lessons/scenarios/" + name + ".json")));
        run.runUntil(untilMs);
        return run;
    }

    private static long number(SimEvent event, String field) {
        return ((Number) event.fields().get(field)).longValue();
    }
}
