package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.sim.broker.ClusterActor;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.engine.Simulation;
import dev.groupscope.sim.report.Rebalance;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The consumer's subscriptions, positions and faults, each shown happening in a lesson scenario. */
class ClientScenarioTest {

    private static final List<String> LESSONS = List.of("seek-replay", "offset-reset-none", "by-duration-reset",
            "pattern-new-topic", "subscription-change", "network-partition", "commit-async-failure",
            "fetch-min-bytes");

    @Test
    void aMemberRemovedWhileStillAliveHasItsPartitionsListedAsMoved() {
        // C2 is removed after max.poll.interval.ms while it is still processing: it learns it lost its partitions
        // only at its next poll(), after C1 was already assigned them.
        ScenarioRun run = ScenarioRun.of("slow-consumer-poll-timeout");

        Rebalance firstLeave = run.group("workers").rebalances().stream()
                .filter(r -> r.trigger().equals("sim.coordinator.rebalance.memberLeft")).findFirst().orElseThrow();
        assertThat(firstLeave.moved()).extracting(Rebalance.Move::partition).containsExactly("jobs-2", "jobs-3");
        assertThat(firstLeave.moved()).extracting(Rebalance.Move::from).containsOnly("C2");
        assertThat(firstLeave.moved()).extracting(Rebalance.Move::to).containsOnly("C1");
    }

    // ---- subscriptions --------------------------------------------------------------------------------------------

    @Test
    void aNewMatchingTopicRebalancesThePatternGroupOnlyAfterAMetadataRefresh() {
        ScenarioRun run = ScenarioRun.of("pattern-new-topic");

        List<Rebalance> rebalances = run.group("indexers").rebalances();
        Rebalance discovery = rebalances.stream().filter(r -> r.startMs() > 20_000).findFirst().orElseThrow();
        SimEvent firstSeen = run.events(type("PatternMatched").and(e -> e.time() > 20_000)).get(0);
        assertThat(firstSeen.fields().get("added")).isEqualTo(List.of("logs-web"));
        SimEvent refresh = run.events(type("MetadataResponse").and(e -> e.time() > 20_000)
                .and(e -> ((List<?>) e.fields().get("created")).contains("logs-web"))).get(0);
        assertThat(refresh.time()).isEqualTo(firstSeen.time()).isGreaterThan(20_000).isLessThanOrEqualTo(30_000);
        assertThat(discovery.startMs()).isGreaterThanOrEqualTo(firstSeen.time()).isLessThan(25_000);
        // The leader, C1, saw logs-web first: its JoinGroup starts the rebalance (C2's metadata refresh waited
        // behind its fetch parked on the same connection).
        assertThat(firstSeen.actor()).isEqualTo("C1");
        assertThat(discovery.trigger()).isEqualTo("sim.coordinator.rebalance.leaderRejoined");
        assertThat(discovery.moved()).extracting(Rebalance.Move::partition)
                .containsExactlyInAnyOrder("logs-web-0", "logs-web-1");
        // metrics (created at 25 s) does not match: the next rebalance is the deletion of logs-app at 45 s.
        Rebalance deletion = rebalances.get(rebalances.indexOf(discovery) + 1);
        assertThat(deletion.startMs()).isGreaterThan(45_000);
        assertThat(deletion.moved()).extracting(Rebalance.Move::to).containsOnlyNulls();
        assertThat(run.events(type("PatternMatched")).stream().flatMap(e -> ((List<?>) e.fields().get("topics"))
                .stream()).map(String::valueOf)).doesNotContain("metrics");
    }

    @Test
    void anAssignedConsumerNeverJoinsNorRebalancesAndCommitsOutsideAnyGeneration() {
        ScenarioRun run = ScenarioRun.of("pattern-new-topic");

        assertThat(run.events(actor("C3").and(e -> e.type().startsWith("onPartitions")))).isEmpty();
        assertThat(run.events(e -> "C3".equals(e.peer()) && e.type().endsWith("Request"))
                .stream().map(SimEvent::type).distinct()).containsOnly("FindCoordinatorRequest", "MetadataRequest",
                "OffsetFetchRequest", "ListOffsetsRequest", "FetchRequest",
                "OffsetCommitRequest"); // Metadata: to any broker; ListOffsets: to the leaders
        assertThat(run.group("auditor").rebalances()).isEmpty();
        assertThat(run.group("auditor").state()).isEqualTo("Empty");
        List<SimEvent> commits = run.events(type("OffsetCommitResponse").and(actor("C3"))
                .and(e -> e.time() < 45_000));
        assertThat(commits).isNotEmpty().allSatisfy(commit -> {
            assertThat(commit.fields()).containsEntry("error", "NONE").containsEntry("generation", -1);
        });
        assertThat(run.consumer("C3").state()).isEqualTo("UNJOINED");
    }

    @Test
    void theCommitBeforeTheRebalanceIsStoredForTheTopicThatExistsAndRetriedAtEachPassOfPoll() throws Exception {
        ScenarioRun run = ScenarioRun.of("pattern-new-topic");
        // The coordinator answers per partition: logs-web-1's offset is stored even though logs-app-1's fails.
        SimEvent partly = run.events(type("OffsetCommitResponse").and(actor("C2")).and(e -> e.time() > 45_000)).get(0);
        assertThat(partly.ruleKey()).isEqualTo("sim.client.commitPartlyFailed");
        assertThat((String) partly.ruleArgs().get("failed")).startsWith("logs-app-1 @ ");
        assertThat((String) partly.ruleArgs().get("stored")).startsWith("logs-web-1 @ ");

        // poll() gives ensureActiveGroup a 0 ms timer: onJoinPrepare's retry.backoff.ms sleep is empty, and the commit
        // goes out again at poll()'s next pass, not retry.backoff.ms later.
        String slowBackoff = java.nio.file.Files.readString(Path.of("lessons", "scenarios", "pattern-new-topic.json"))
                .replace("\"max.poll.interval.ms\": 10000", "\"max.poll.interval.ms\": 10000, \"retry.backoff.ms\": 1000");
        ScenarioRun slow = ScenarioRun.of(ScenarioReader.read("pattern-new-topic.json", slowBackoff));
        List<Long> retries = slow.events(type("AutoCommit").and(actor("C2"))
                .and(e -> "BEFORE_REBALANCE".equals(e.fields().get("purpose")) && e.time() > 45_000))
                .stream().map(SimEvent::time).toList();
        assertThat(retries).hasSizeGreaterThan(20);
        List<Long> gaps = new java.util.ArrayList<>();
        for (int i = 1; i < retries.size(); i++) {
            gaps.add(retries.get(i) - retries.get(i - 1));
        }
        assertThat(gaps.stream().sorted().toList().get(gaps.size() / 2)).as("the median wait between two tries")
                .isLessThanOrEqualTo(110L);
    }

    @Test
    void changingTheSubscriptionWhileRunningRejoinsAndUnsubscribeLeaves() {
        ScenarioRun run = ScenarioRun.of("subscription-change");

        List<Rebalance> rebalances = run.group("shop").rebalances();
        assertThat(rebalances).hasSize(3);
        assertThat(rebalances.get(1).startMs()).isBetween(20_000L, 20_100L);
        assertThat(rebalances.get(1).moved()).extracting(Rebalance.Move::partition)
                .containsExactlyInAnyOrder("payments-0", "payments-1");
        assertThat(rebalances.get(1).moved()).extracting(Rebalance.Move::to).containsOnly("C2");
        assertThat(rebalances.get(2).trigger()).isEqualTo("sim.coordinator.rebalance.memberLeft");
        assertThat(rebalances.get(2).moved()).extracting(Rebalance.Move::from).containsOnly("C1");
        SimEvent unsubscribe = run.events(type("Unsubscribe")).get(0);
        assertThat(run.events(type("onPartitionsRevoked").and(actor("C1")).and(e -> e.time() == unsubscribe.time())))
                .hasSize(1);

        // assign() outside the group: the coordinator refuses its generation -1 commits while the group has members.
        List<SimEvent> manualCommits = run.events(type("OffsetCommitResponse").and(actor("C1"))
                .and(e -> e.time() > 45_000));
        assertThat(manualCommits).isNotEmpty().allSatisfy(commit ->
                assertThat(commit.fields()).containsEntry("error", "UNKNOWN_MEMBER_ID"));
        assertThat(run.consumer("C1").duplicates()).isPositive();
        SimEvent rejected = run.events(type("CallRejected")).get(0);
        assertThat(rejected.fields()).containsEntry("method", "subscribe")
                .containsEntry("message", "Subscription to topics, partitions and pattern are mutually exclusive");
        assertThat(run.consumer("C1").assigned()).containsExactly("orders-0");
        // Its next Metadata request names orders only: payments is no longer asked for, not gone from the cluster.
        SimEvent metadata = run.events(type("MetadataResponse").and(actor("C1"))
                .and(e -> e.time() >= 45_000)).get(0);
        assertThat(metadata.fields().get("deleted")).isEqualTo(List.of());
        assertThat(metadata.ruleArgs()).containsEntry("dropped", "payments");
    }

    // ---- where to start -------------------------------------------------------------------------------------------

    @Test
    void seekingBackWithOffsetsForTimesReplaysExactlyTheRecordsBetweenTheTargetAndThePosition() {
        ScenarioRun run = ScenarioRun.of("seek-replay");
        ClusterActor cluster = cluster(run.simulation);
        String description = run.scenario.description();

        // Scripted at 30 s while C1 is inside poll(): the application calls as that poll() returns its records.
        SimEvent call = run.events(type("OffsetsForTimes")).get(0);
        SimEvent pollBefore = last(run.events(type("Poll").and(actor("C1")).and(e -> e.seq() < call.seq())));
        assertThat(call.time()).isEqualTo(pollBefore.time()).isGreaterThan(30_000);
        assertThat(description).contains("(" + seconds(call.time()) + " s, with one record)");
        assertThat(pollBefore.fields()).containsEntry("records", 1);
        // As the lesson says: the call blocks C1's application thread until the leader answers, which reads its
        // ListOffsets only once it has answered the fetch parked on the same connection.
        SimEvent answer = run.events(type("OffsetsForTimesReturned")).get(0);
        SimEvent waits = run.events(type("RequestWaits").and(e -> e.peer().equals("C1"))
                .and(e -> e.seq() > call.seq() && e.seq() < answer.seq())).get(0);
        assertThat(waits.fields()).containsEntry("api", "ListOffsets");
        SimEvent released = run.events(type("FetchReleased").and(e -> e.peer().equals("C1"))
                .and(e -> e.seq() > waits.seq())).get(0);
        assertThat(released.fields()).containsEntry("correlationId", waits.fields().get("behind"));
        assertThat(answer.time() - call.time()).isEqualTo(released.time() - call.time() + 2);
        assertThat(description).contains("answered " + (answer.time() - call.time()) + " ms later");
        assertThat(run.events(type("Poll").and(actor("C1")).and(e -> e.seq() > call.seq() && e.seq() < answer.seq())))
                .isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> offsets = (Map<String, Object>) answer.fields().get("offsets");
        assertThat(offsets).containsOnlyKeys("sales-0", "sales-1");
        offsets.forEach((partition, offset) -> {
            int p = Integer.parseInt(partition.substring("sales-".length()));
            long found = ((Number) offset).longValue();
            assertThat(cluster.timestampAt("sales", p, found)).as(partition).isGreaterThanOrEqualTo(10_000);
            assertThat(cluster.timestampAt("sales", p, found - 1)).as(partition).isLessThan(10_000);
        });
        List<SimEvent> seeks = run.events(type("Seek"));
        assertThat(seeks).hasSize(2);
        long replayed = seeks.stream().mapToLong(seek -> ((Number) seek.fields().get("previousPosition")).longValue()
                - ((Number) seek.fields().get("offset")).longValue()).sum();
        assertThat(replayed).isPositive();
        assertThat(run.group("reports").duplicates()).isEqualTo(replayed);
        assertThat(description).contains("(" + replayed + " in all)");
        assertThat(run.group("reports").lost()).isZero();

        // As the lesson says: the auto commit due next runs inside the next poll(), before the replay comes back,
        // and commits the positions sought to: the committed offsets go back, until the auto commit after it.
        SimEvent lastSeek = seeks.get(1);
        List<SimEvent> commitsAfter = run.events(type("AutoCommit").and(e -> e.seq() > lastSeek.seq()));
        SimEvent rewinding = commitsAfter.get(0);
        Map<String, Object> sought = new java.util.TreeMap<>();
        seeks.forEach(seek -> sought.put((String) seek.fields().get("partition"), seek.fields().get("offset")));
        assertThat(rewinding.fields().get("offsets")).isEqualTo(sought);
        SimEvent due = last(run.events(type("AutoCommitInterval").and(e -> e.seq() < rewinding.seq())));
        assertThat(due.fields()).containsEntry("inPoll", false);
        assertThat(description).contains("due at " + seconds(due.time()) + " s",
                "runs there at " + seconds(rewinding.time()) + " s",
                "sales-0 @ " + sought.get("sales-0") + ", sales-1 @ " + sought.get("sales-1"),
                "next auto commit at " + seconds(commitsAfter.get(1).time()) + " s");
        SimEvent replay = run.events(type("Poll").and(actor("C1")).and(e -> e.seq() > lastSeek.seq())).get(0);
        assertThat(partitionsOf(replay).get("sales-0").get(0)).isEqualTo(sought.get("sales-0"));
        assertThat(rewinding.seq()).isLessThan(replay.seq());
        @SuppressWarnings("unchecked")
        Map<String, Object> before = (Map<String, Object>) last(run.events(type("AutoCommit")
                .and(e -> e.seq() < call.seq()))).fields().get("offsets");
        sought.forEach((partition, offset) -> assertThat(((Number) offset).longValue()).as(partition)
                .isLessThan(((Number) before.get(partition)).longValue()));
        assertThat(description).contains("back from the sales-0 @ " + before.get("sales-0") + ", sales-1 @ "
                + before.get("sales-1") + " committed at " + seconds(last(run.events(type("AutoCommit")
                .and(e -> e.seq() < call.seq()))).time()) + " s");
        assertThat(rewinding.ruleArgs()).containsEntry("back", "sales-0 " + before.get("sales-0") + " → "
                + sought.get("sales-0") + ", sales-1 " + before.get("sales-1") + " → " + sought.get("sales-1"));
        assertThat(commitsAfter.get(1).ruleArgs()).containsEntry("back", "");
    }

    private static SimEvent last(List<SimEvent> events) {
        return events.get(events.size() - 1);
    }

    /** 30016 → "30.016", as the lesson writes times. */
    private static String seconds(long ms) {
        return String.format(java.util.Locale.ROOT, "%d.%03d", ms / 1000, ms % 1000);
    }

    @Test
    void resetNoneOnANewGroupIsAnErrorWhileAGroupWithCommittedOffsetsStartsFromThem() {
        ScenarioRun run = ScenarioRun.of("offset-reset-none");

        assertThat(run.consumer("C3").state()).isEqualTo("FAILED");
        assertThat(run.consumer("C3").recordsProcessed()).isZero();
        SimEvent failed = run.events(type("ConsumerFailed").and(actor("C3"))).get(0);
        assertThat((String) failed.fields().get("error")).startsWith("NoOffsetForPartitionException")
                .contains("invoices-0", "invoices-1");
        assertThat(run.events(type("OffsetReset").and(actor("C3")))).singleElement()
                .extracting(SimEvent::ruleKey).isEqualTo("sim.client.reset.none");

        SimEvent resumed = run.events(type("PositionFromCommitted").and(actor("C2"))).get(0);
        assertThat(run.consumer("C2").state()).isEqualTo("STABLE");
        assertThat(run.events(type("OffsetReset").and(actor("C2")))).isEmpty();
        assertThat(resumed.fields().get("offsets")).isEqualTo(Map.of("invoices-0", 89L, "invoices-1", 111L));
        assertThat(run.consumer("C1").recordsProcessed()).isEqualTo(89 + 111);
        assertThat(run.group("billing").duplicates()).isZero();
        assertThat(run.group("billing").lost()).isZero();
    }

    @Test
    void byDurationStartsAtTheFirstRecordNoOlderThanTheDuration() {
        ScenarioRun run = ScenarioRun.of("by-duration-reset");
        ClusterActor cluster = cluster(run.simulation);

        List<SimEvent> recent = run.events(type("OffsetReset").and(actor("C-recent")));
        assertThat(recent).hasSize(2);
        for (SimEvent reset : recent) {
            int p = Integer.parseInt(((String) reset.fields().get("partition")).substring("clicks-".length()));
            long offset = ((Number) reset.fields().get("offset")).longValue();
            long since = reset.time() - 20_000;
            assertThat(cluster.timestampAt("clicks", p, offset)).isGreaterThanOrEqualTo(since);
            assertThat(cluster.timestampAt("clicks", p, offset - 1)).isLessThan(since);
        }
        long earliest = run.consumer("C-earliest").recordsProcessed();
        long byDuration = run.consumer("C-recent").recordsProcessed();
        long latest = run.consumer("C-latest").recordsProcessed();
        assertThat(earliest).isGreaterThan(byDuration);
        assertThat(byDuration).isGreaterThan(latest);
        assertThat(run.events(type("OffsetReset").and(actor("C-earliest"))))
                .allSatisfy(reset -> assertThat(reset.fields().get("offset")).isEqualTo(0L));
    }

    @Test
    void seekToBeginningIsLazyAndResolvedByTheLeadersAnswerToTheNextPoll() {
        // C1 takes 100 ms per record (more than the 20 records/s arriving), so at 10 s it is processing a batch: the
        // position stays unknown until the loop calls poll() again, which asks t-0's leader with a ListOffsets; the
        // position is set when the answer arrives, a round trip later (meanwhile that poll() may return t-1's).
        Simulation run = inline("""
                "consumers": [{"id": "C1", "groupId": "g", "topics": ["t"], "processingMsPerRecord": 100,
                               "settings": {"auto.offset.reset": "earliest", "max.poll.records": 20}}],
                "actions": [{"atMs": 10000, "action": "seekToBeginning", "consumer": "C1", "partitions": ["t-0"]}]""");

        SimEvent call = only(run, type("SeekToBeginning"));
        SimEvent resolved = only(run, type("OffsetReset").and(e -> "seekToBeginning".equals(e.fields().get("cause"))));
        assertThat(resolved.time()).isGreaterThan(call.time());
        assertThat(resolved.fields().get("offset")).isEqualTo(0L);
        assertThat(ScenarioRun.consumerAt(run.stateAtEvent(call.seq()), "C1").positions().get("t-0")).isEqualTo(-1L);
        SimEvent request = run.log().stream().filter(type("ListOffsetsRequest").and(e -> e.seq() > call.seq()))
                .findFirst().orElseThrow();
        SimEvent answer = run.log().stream().filter(type("ListOffsetsResponse").and(e -> e.seq() > request.seq()))
                .findFirst().orElseThrow();
        assertThat(request.fields().get("timestamps")).isEqualTo(Map.of("t-0", -2L));
        assertThat(resolved.seq()).isGreaterThan(answer.seq());
        assertThat(resolved.time()).isEqualTo(answer.time());
        assertThat(run.log().stream().filter(type("Poll").and(e -> e.seq() > call.seq() && e.seq() < resolved.seq())))
                .allSatisfy(poll -> assertThat(partitionsOf(poll)).doesNotContainKey("t-0"));
        SimEvent replay = run.log().stream().filter(type("Poll").and(e -> e.seq() > call.seq())
                .and(e -> partitionsOf(e).containsKey("t-0"))).findFirst().orElseThrow();
        assertThat(partitionsOf(replay).get("t-0").get(0)).isZero();
    }

    @Test
    void aPausedPartitionIsNeitherFetchedNorReturnedUntilItIsResumed() {
        Simulation run = inline("""
                "consumers": [{"id": "C1", "groupId": "g", "topics": ["t"], "processingMsPerRecord": 1,
                               "settings": {"auto.offset.reset": "earliest"}}],
                "actions": [{"atMs": 10000, "action": "pause", "consumer": "C1", "partitions": ["t-0"]},
                            {"atMs": 20000, "action": "resume", "consumer": "C1", "partitions": ["t-0"]},
                            {"atMs": 21000, "action": "pause", "consumer": "C1", "partitions": ["t-5"]}]""");

        SimEvent pause = only(run, type("Pause"));
        SimEvent resume = only(run, type("Resume"));
        long pausedAt = position(run, pause.seq(), "t-0");
        assertThat(position(run, resume.seq() - 1, "t-0")).isEqualTo(pausedAt);
        assertThat(run.log()).filteredOn(type("Poll").and(e -> e.time() > pause.time() && e.time() < resume.time()))
                .isNotEmpty().allSatisfy(poll -> assertThat(partitionsOf(poll)).doesNotContainKey("t-0"));
        SimEvent firstAfter = run.log().stream().filter(type("Poll").and(e -> e.seq() > resume.seq())
                .and(e -> partitionsOf(e).containsKey("t-0"))).findFirst().orElseThrow();
        assertThat(partitionsOf(firstAfter).get("t-0").get(0)).isEqualTo(pausedAt);
        assertThat(position(run, run.log().size() - 1, "t-0")).isGreaterThan(pausedAt);
        SimEvent rejected = only(run, type("CallRejected"));
        assertThat(rejected.fields()).containsEntry("method", "pause")
                .containsEntry("message", "No current assignment for partition t-5");
    }

    // ---- fetching -------------------------------------------------------------------------------------------------

    @Test
    void fetchMinBytesMakesTheBrokerHoldFetchesOnAQuietTopicUntilFetchMaxWaitMs() {
        ScenarioRun run = ScenarioRun.of("fetch-min-bytes");

        List<SimEvent> fast = run.events(type("FetchResponse").and(actor("C-fast")));
        List<SimEvent> batch = run.events(type("FetchResponse").and(actor("C-batch")));
        assertThat(batch.size() * 5).isLessThan(fast.size());
        // fast: each record alone; batch: about two seconds' worth (10 records), never the 50 fetch.min.bytes wants.
        assertThat(fast.subList(1, fast.size())).allSatisfy(response -> assertThat(recordsIn(response)).isLessThanOrEqualTo(2));
        assertThat(batch.subList(1, batch.size())).allSatisfy(response ->
                assertThat(recordsIn(response)).isBetween(8L, 12L));
        List<SimEvent> expired = run.events(type("FetchMaxWait").and(e -> "C-batch".equals(e.peer())));
        assertThat(expired).hasSizeGreaterThanOrEqualTo(batch.size() - 2);
        for (SimEvent response : batch.subList(1, batch.size())) {
            Object id = response.fields().get("correlationId");
            SimEvent request = run.events(type("FetchRequest").and(e -> "C-batch".equals(e.peer()))
                    .and(e -> id.equals(e.fields().get("correlationId")))).get(0);
            long heldMs = ((Number) response.fields().get("sentAt")).longValue() - request.time();
            assertThat(heldMs).as("held until fetch.max.wait.ms").isEqualTo(2_000L);
        }
        assertThat(run.group("batch").recordsProcessed()).isPositive();
        assertThat(run.group("fast").recordsProcessed()).isGreaterThan(run.group("batch").recordsProcessed());
    }

    @Test
    void fetchesGoInSessionsAndWaitWhileTheBrokersPartitionsAreStillBuffered() {
        ScenarioRun run = ScenarioRun.of("by-duration-reset");

        List<SimEvent> requests = run.events(type("FetchRequest").and(e -> "C-earliest".equals(e.peer())));
        List<SimEvent> polls = run.events(type("Poll").and(actor("C-earliest")));
        // Full at epoch 0; the broker opens a session and every later request is incremental in it.
        assertThat(requests.get(0).fields()).containsEntry("sessionId", 0).containsEntry("sessionEpoch", 0);
        Object session = run.events(type("FetchResponse").and(actor("C-earliest"))).get(0).fields().get("sessionId");
        assertThat(requests.get(1).fields()).containsEntry("sessionId", session).containsEntry("sessionEpoch", 1);
        // The first poll() took 500 of the 601 records; clicks-1's rest stayed buffered, so (Kafka 4.1) nothing was
        // fetched from broker-1 until the next poll() drained it, and then both partitions' new offsets were named.
        assertThat(polls.get(0).fields().get("records")).isEqualTo(500);
        assertThat(requests.get(1).time()).isGreaterThanOrEqualTo(polls.get(1).time());
        assertThat((Map<?, ?>) requests.get(1).fields().get("fetchOffsets")).hasSize(2);
    }

    @SuppressWarnings("unchecked")
    private static long recordsIn(SimEvent fetchResponse) {
        return ((Map<String, Number>) fetchResponse.fields().get("records")).values().stream()
                .mapToLong(Number::longValue).sum();
    }

    // ---- faults ---------------------------------------------------------------------------------------------------

    @Test
    void aConsumerCutOffFromItsCoordinatorIsExpelledAfterTheSessionTimeoutKeepsWorkingThenRejoins() {
        ScenarioRun run = ScenarioRun.of("network-partition");

        SimEvent cut = run.events(type("NetworkPartition")).get(0);
        long lastAnswered = run.events(type("HeartbeatResponse").and(actor("C2")).and(e -> e.time() <= cut.time()))
                .stream().mapToLong(SimEvent::time).max().orElseThrow();
        assertThat(run.events(type("HeartbeatResponse").and(actor("C2"))
                .and(e -> e.time() > cut.time() && e.time() < 45_000))).isEmpty();
        Rebalance expelled = run.group("stream").rebalances().get(1);
        assertThat(expelled.trigger()).isEqualTo("sim.coordinator.rebalance.memberFailed");
        assertThat(expelled.startMs()).isBetween(lastAnswered, lastAnswered + 10_000 + 100);
        assertThat(expelled.moved()).isNotEmpty().extracting(Rebalance.Move::from).containsOnly("C2");
        // C2's own session timer runs out session.timeout.ms after its last answered heartbeat: its heartbeat thread
        // checks it on every turn (every retry.backoff.ms), not only when the next heartbeat is due.
        SimEvent sessionOver = run.events(type("CoordinatorUnknown").and(actor("C2"))
                .and(e -> e.time() > cut.time())).get(0);
        assertThat(sessionOver.fields().get("cause")).isEqualTo("session timed out without receiving a heartbeat response");
        assertThat(sessionOver.time()).isBetween(lastAnswered + 10_000, lastAnswered + 10_000 + 99);
        // The thread's next pass, at once, looks the coordinator up again (through a broker C2 still reaches).
        SimEvent foundAgain = run.events(type("CoordinatorFound").and(actor("C2"))
                .and(e -> e.time() >= sessionOver.time())).get(0);
        assertThat(foundAgain.time()).isLessThan(sessionOver.time() + 100);

        // The zombie: C2 still processes its old partitions while their new owners process them too.
        assertThat(run.events(type("ProcessRecords").and(actor("C2"))
                .and(e -> e.time() > expelled.startMs() && e.time() < 45_000))).isNotEmpty();
        assertThat(run.group("stream").duplicates()).isPositive();
        assertThat(run.group("stream").lost()).isZero();

        SimEvent healed = run.events(type("NetworkHealed")).get(0);
        SimEvent rejected = run.events(type("HeartbeatResponse").and(actor("C2")).and(e -> e.time() > healed.time()))
                .get(0);
        assertThat(rejected.fields()).containsEntry("error", "UNKNOWN_MEMBER_ID");
        SimEvent lost = run.events(type("onPartitionsLost").and(actor("C2"))).get(0);
        assertThat(lost.time()).isEqualTo(rejected.time());
        assertThat(run.events(type("OffsetCommitResponse").and(actor("C2"))
                .and(e -> e.time() > cut.time() && e.time() <= lost.time() && "NONE".equals(e.fields().get("error")))))
                .as("no commit of C2 reaches the coordinator during the partition").isEmpty();
        assertThat(run.group("stream").rebalances()).hasSize(3);
        assertThat(run.consumer("C2").state()).isEqualTo("STABLE");
    }

    @Test
    void aFailedCommitAsyncIsNotRetriedAndTheCommittedOffsetOnlyGrows() {
        ScenarioRun run = ScenarioRun.of("commit-async-failure");

        List<SimEvent> callbacks = run.events(type("CommitAsyncCallback"));
        List<SimEvent> failed = callbacks.stream().filter(e -> !"NONE".equals(e.fields().get("error"))).toList();
        assertThat(failed).hasSize(3).allSatisfy(callback -> assertThat(callback.fields())
                .containsEntry("exception", "RetriableCommitFailedException"));
        SimEvent laterSuccess = callbacks.get(callbacks.indexOf(failed.get(2)) + 1);
        assertThat(laterSuccess.fields()).containsEntry("error", "NONE");
        assertThat(offsetsOf(laterSuccess)).allSatisfy((partition, offset) ->
                assertThat(offset).isGreaterThanOrEqualTo(offsetsOf(failed.get(0)).get(partition)));

        // Never retried: the offsets the application sends never go back, and the coordinator's only grow.
        assertNonDecreasing(run.events(type("CommitAsync")));
        assertNonDecreasing(run.events(type("OffsetCommitResponse").and(e -> "NONE".equals(e.fields().get("error")))));

        // Delayed commits hold back the connection to the coordinator, not the fetches on the other connection: C1
        // keeps polling, and every commit it makes meanwhile waits behind them. All are answered in the order sent.
        List<SimEvent> delayed = run.events(type("CommitDelayInjected"));
        assertThat(delayed).hasSize(5);
        SimEvent firstDelayed = delayed.get(0);
        long heldBack = firstDelayed.time() + 1_500;
        assertThat(run.events(type("FetchResponse").and(actor("C1")).and(e -> e.time() > firstDelayed.time() + 100
                && e.time() < heldBack))).hasSizeGreaterThan(50);
        long inFlightAtOnce = run.events(type("CommitAsync").and(e -> e.time() >= firstDelayed.time()
                && e.time() < heldBack)).size();
        assertThat(inFlightAtOnce).isGreaterThan(70);
        assertThat(run.events(type("OffsetCommitResponse").and(e -> e.time() > firstDelayed.time()))
                .get(0).time()).isGreaterThanOrEqualTo(heldBack);
        List<Long> answered = run.events(type("OffsetCommitResponse")).stream()
                .map(e -> ((Number) e.fields().get("correlationId")).longValue()).toList();
        assertThat(answered).isSorted();
        assertThat(run.group("settlement").duplicates()).isZero();
        assertThat(run.group("settlement").lost()).isZero();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> offsetsOf(SimEvent event) {
        return (Map<String, Long>) event.fields().get("offsets");
    }

    private static void assertNonDecreasing(List<SimEvent> commits) {
        Map<String, Long> highest = new java.util.TreeMap<>();
        for (SimEvent commit : commits) {
            offsetsOf(commit).forEach((partition, offset) -> {
                assertThat(offset).as("%s at %d ms", partition, commit.time())
                        .isGreaterThanOrEqualTo(highest.getOrDefault(partition, 0L));
                highest.put(partition, offset);
            });
        }
    }

    @Test
    void anEagerRebalanceUnpausesEveryPartitionWhileACooperativeOneKeepsThePausesOfPartitionsThatStay() {
        // C2 joins at 15 s; C1 paused both partitions at 10 s. range is eager: C1 is assigned the empty set first.
        String actions = """
                "actions": [{"atMs": 10000, "action": "pause", "consumer": "C1"},
                            {"atMs": 15000, "action": "startConsumer", "consumer": "C2"}]""";
        String consumers = """
                "consumers": [{"id": "C1", "groupId": "g", "topics": ["t"], "processingMsPerRecord": 1,
                               "settings": {"auto.offset.reset": "earliest", "partition.assignment.strategy": "S"}},
                              {"id": "C2", "groupId": "g", "topics": ["t"], "processingMsPerRecord": 1,
                               "settings": {"auto.offset.reset": "earliest", "partition.assignment.strategy": "S"}}],
                """;
        Simulation eager = inline(consumers.replace("S", "range") + actions);
        Simulation cooperative = inline(consumers.replace("S", "cooperative-sticky") + actions);

        SimEvent eagerAssigned = eager.log().stream().filter(type("onPartitionsAssigned").and(actor("C1"))
                .and(e -> e.time() > 15_000)).findFirst().orElseThrow();
        assertThat(partitionsPolledAfter(eager, "C1", eagerAssigned)).isNotEmpty();
        SimEvent cooperativeDone = cooperative.log().stream().filter(type("onPartitionsAssigned").and(actor("C2"))
                .and(e -> e.time() > 15_000)).reduce((a, b) -> b).orElseThrow();
        assertThat(partitionsPolledAfter(cooperative, "C1", cooperativeDone)).isEmpty();
        assertThat(ScenarioRun.consumerAt(cooperative.current(), "C1").assigned()).hasSize(1);
    }

    private static List<String> partitionsPolledAfter(Simulation run, String consumer, SimEvent after) {
        return run.log().stream().filter(type("Poll").and(actor(consumer)).and(e -> e.seq() > after.seq()))
                .flatMap(poll -> partitionsOf(poll).keySet().stream()).distinct().toList();
    }

    // ---- the bundle -----------------------------------------------------------------------------------------------

    @Test
    void everyRuleTheseLessonsEmitHasItsSentenceInBothLanguages() {
        for (String lesson : LESSONS) {
            List<SimEvent> ruled = ScenarioRun.of(lesson).events(e -> e.ruleKey() != null);
            for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
                Messages messages = Messages.of(locale);
                for (SimEvent event : ruled) {
                    assertThat(messages.has(event.ruleKey())).as(lesson + ": " + event.ruleKey()).isTrue();
                    assertThat(messages.format(event.ruleKey(), event.ruleArgs())).as(event.ruleKey())
                            .doesNotContainPattern("\\{[A-Za-z][A-Za-z0-9_]*}");
                }
            }
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** A one-broker cluster with topic t (2 partitions) and 20 records/s, plus the given consumers and actions. */
    static Simulation inline(String consumersAndActions) {
        String text = """
                {"name": "inline", "seed": 1, "durationMs": 30000,
                 "cluster": {"brokers": 1, "settings": {"group.initial.rebalance.delay.ms": 0}},
                 "topics": [{"name": "t", "partitions": 2, "replicationFactor": 1}],
                 "producers": [{"id": "P1", "topic": "t", "recordsPerSecond": 20}],
                """ + consumersAndActions + "}";
        Scenario scenario = ScenarioReader.read("inline.json", text);
        Simulation simulation = ScenarioWorld.simulation(scenario);
        simulation.runUntil(scenario.durationMs());
        return simulation;
    }

    static SimEvent only(Simulation run, Predicate<SimEvent> filter) {
        List<SimEvent> found = run.log().stream().filter(filter).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    static long position(Simulation run, long seq, String partition) {
        return ((Number) ScenarioRun.consumerAt(run.stateAtEvent(seq), "C1").positions().get(partition)).longValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, List<Long>> partitionsOf(SimEvent poll) {
        return (Map<String, List<Long>>) poll.fields().get("partitions");
    }

    static Predicate<SimEvent> type(String type) {
        return event -> event.type().equals(type);
    }

    static Predicate<SimEvent> actor(String actor) {
        return event -> actor.equals(event.actor());
    }

    static ClusterActor cluster(Simulation simulation) {
        return (ClusterActor) simulation.current().actors().get(ClusterActor.ID);
    }
}
