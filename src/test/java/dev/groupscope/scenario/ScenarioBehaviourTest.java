package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.i18n.Messages;
import dev.groupscope.kafka.GroupCoordinatorPartitioning;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.broker.ClusterActorView;
import dev.groupscope.sim.client.ConsumerView;
import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.report.Rebalance;
import dev.groupscope.sim.report.RunSummary;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The source notes' claims, each shown happening in one of the lesson scenarios. */
class ScenarioBehaviourTest {

    @Test
    void twoGroupsEachReadEveryRecordWithTheirOwnOffsets() {
        ScenarioRun run = ScenarioRun.of("two-groups-one-topic");

        for (String group : List.of("billing", "shipping")) {
            assertThat(run.group(group).recordsProcessed()).as(group).isEqualTo(run.summary.recordsProduced());
            assertThat(run.group(group).totalLag()).as(group).isZero();
        }
        assertThat(run.group("billing").members()).hasSize(1);
        assertThat(run.group("shipping").members()).hasSize(2);
    }

    @Test
    void withinAGroupEachPartitionHasOneOwnerAndTheSeventhConsumerIsIdle() {
        ScenarioRun run = ScenarioRun.of("seven-consumers-six-partitions");

        List<RunSummary.MemberSummary> members = run.group("g").members();
        assertThat(members).hasSize(7);
        assertThat(members).filteredOn(member -> member.assignment().isEmpty()).hasSize(1);
        Set<String> owned = new HashSet<>();
        members.forEach(member -> member.assignment().forEach(partition -> assertThat(owned.add(partition))
                .as("%s has one owner", partition).isTrue()));
        assertThat(owned).hasSize(6);
    }

    @Test
    void theCoordinatorIsTheLeaderOfTheGroupsOffsetsPartition() {
        ScenarioRun run = ScenarioRun.of("crash-and-rebalance");

        RunSummary.GroupSummary group = run.group("orders-app");
        int partition = GroupCoordinatorPartitioning.partitionFor("orders-app", 50).partition();
        ClusterActorView cluster = ScenarioRun.clusterAt(run.simulation.current());
        assertThat(group.offsetsPartition()).isEqualTo(partition);
        assertThat(group.coordinator())
                .isEqualTo(cluster.cluster().topics().get("__consumer_offsets").get(partition).leader());
    }

    @Test
    void aCrashIsNoticedOneSessionTimeoutAfterTheLastHeartbeat() {
        ScenarioRun run = ScenarioRun.of("crash-and-rebalance");

        long lastHeartbeat = run.events(event -> event.type().equals("HeartbeatRequest") && "C2".equals(event.peer())
                && event.time() <= 20_000).stream().mapToLong(SimEvent::time).max().orElseThrow();
        Rebalance afterCrash = run.group("orders-app").rebalances().get(1);
        assertThat(afterCrash.trigger()).isEqualTo("sim.coordinator.rebalance.memberFailed");
        assertThat(afterCrash.startMs()).isEqualTo(lastHeartbeat + 10_000);
        assertThat(afterCrash.moved()).extracting(Rebalance.Move::from).containsOnly("C2");
    }

    @Test
    void afterACrashTheNewOwnerResumesFromTheCommittedOffsetAndReReadsWhatWasNotCommitted() {
        ScenarioRun run = ScenarioRun.of("crash-and-rebalance");
        Rebalance afterCrash = run.group("orders-app").rebalances().get(1);

        for (Rebalance.Move move : afterCrash.moved()) {
            TopicPartition partition = TopicPartition.parse(move.partition());
            long committedAtCrash = committed(run, afterCrash.startMs(), partition);
            List<List<Long>> byCrashed = processed(run, "C2", partition);
            List<List<Long>> byNewOwner = processed(run, move.to(), partition);
            long lastByCrashed = byCrashed.get(byCrashed.size() - 1).get(1);

            assertThat(byNewOwner.get(0).get(0)).as("new owner of %s starts at the committed offset", partition)
                    .isEqualTo(committedAtCrash);
            assertThat(lastByCrashed).as("C2 had processed past the last auto commit of %s", partition)
                    .isGreaterThanOrEqualTo(committedAtCrash);
        }
    }

    @Test
    void aSlowHandlerLeavesAfterMaxPollIntervalAgainAndAgain() {
        ScenarioRun run = ScenarioRun.of("slow-consumer-poll-timeout");

        List<Rebalance> rebalances = run.group("workers").rebalances();
        assertThat(rebalances).filteredOn(r -> r.trigger().equals("sim.coordinator.rebalance.memberLeft"))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(run.events(event -> event.type().equals("PollTimeoutExpired") && event.actor().equals("C2")))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(run.events(event -> event.type().equals("PollTimeoutExpired") && event.actor().equals("C1")))
                .isEmpty();
    }

    @Test
    void aStaticMemberRestartingWithinTheSessionTimeoutCausesNoRebalance() {
        ScenarioRun run = ScenarioRun.of("static-membership-restart");

        RunSummary.GroupSummary group = run.group("orders-app");
        assertThat(group.rebalances()).hasSize(1);
        assertThat(group.generation()).isEqualTo(1);
        assertThat(run.consumer("C2").assigned()).containsExactly("orders-3", "orders-4", "orders-5");
        assertThat(run.consumer("C2").state()).isEqualTo("STABLE");
    }

    @Test
    void whenTheCoordinatorsBrokerStopsTheGroupMovesToTheNewLeaderAndKeepsItsOffsets() {
        ScenarioRun run = ScenarioRun.of("coordinator-failover");
        int stopped = 2;

        RunSummary.GroupSummary group = run.group("payments");
        ClusterActorView end = ScenarioRun.clusterAt(run.simulation.current());
        assertThat(ScenarioRun.clusterAt(run.simulation.stateAtTime(19_999)).coordinators().values())
                .anyMatch(shard -> shard.partition() == 13 && shard.broker() == stopped);
        assertThat(group.coordinator()).isNotEqualTo(stopped)
                .isEqualTo(end.cluster().topics().get("__consumer_offsets").get(13).leader());
        assertThat(group.rebalances()).hasSize(1);
        assertThat(group.state()).isEqualTo("Stable");
        TopicPartition first = new TopicPartition("transfers", 0);
        assertThat(committed(run, run.scenario.durationMs(), first)).isGreaterThan(committed(run, 20_000, first));
    }

    @Test
    void theStoppingBrokerClosesTheMembersConnectionsSoTheyFindTheNewCoordinatorBeforeTheirNextCommit() {
        ScenarioRun run = ScenarioRun.of("coordinator-failover");
        long stoppedAt = 20_000;
        long networkMs = 2;

        for (String member : List.of("C1", "C2")) {
            // The close arrives after the network delay; a coordinator whose connection just closed is unavailable.
            SimEvent closed = run.events(event -> event.type().equals("ConnectionsClosed")
                    && event.actor().equals(member)).get(0);
            assertThat(closed.time()).isEqualTo(stoppedAt + networkMs);
            assertThat(closed.fields()).containsEntry("broker", 2).containsEntry("coordinator", true);
            SimEvent unknown = run.events(event -> event.type().equals("CoordinatorUnknown")
                    && event.actor().equals(member) && event.time() >= stoppedAt).get(0);
            assertThat(unknown.time()).isEqualTo(closed.time());
            assertThat(unknown.fields()).containsEntry("cause", "coordinator unavailable");
            // So no commit goes to the stopped broker: the next one goes to the new coordinator, and succeeds.
            SimEvent nextCommit = run.events(event -> event.type().equals("OffsetCommitResponse")
                    && event.actor().equals(member) && event.time() > stoppedAt).get(0);
            assertThat(nextCommit.peer()).isNotEqualTo("broker-2");
            assertThat(nextCommit.fields()).containsEntry("error", "NONE");
        }
        assertThat(run.events(event -> "OffsetCommit".equals(event.fields().get("api"))
                && event.time() > stoppedAt)).as("no commit meets a closed connection").isEmpty();
    }

    @Test
    void aMemberReadsTheStoppingBrokersCloseBeforeItsLastAnswerSoWhatThatAnswerTriggersGoesElsewhere() {
        ScenarioRun run = ScenarioRun.of("coordinator-failover");
        long closeRead = 20_002;

        // C1's fetch waited at broker 2, which answers NOT_LEADER_OR_FOLLOWER as it stops, then closes. kafka-clients
        // reads both in one poll and handles the disconnection before the answer, so the metadata update that answer
        // and the close ask for goes to a broker that is up: no request of C1's fails with the closed connection.
        SimEvent lastAnswer = run.events(event -> event.type().equals("FetchResponse") && event.actor().equals("C1")
                && event.time() == closeRead).get(0);
        assertThat(lastAnswer.peer()).isEqualTo("broker-2");
        assertThat(lastAnswer.fields().get("errors")).isEqualTo(Map.of("transfers-1", "NOT_LEADER_OR_FOLLOWER"));
        assertThat(run.events(event -> event.type().equals("Disconnected") && event.time() >= 20_000))
                .as("requests that failed with the close").isEmpty();
        assertThat(run.events(event -> event.type().equals("ConnectionFailed") && event.time() >= 20_000))
                .as("requests that reached the stopped broker").isEmpty();
        SimEvent metadata = run.events(event -> event.type().equals("MetadataRequest") && event.peer().equals("C1")
                && event.time() > 20_000).get(0);
        assertThat(metadata.actor()).isNotEqualTo("broker-2");
    }

    @Test
    void whenTheCoordinatorsBrokerComesBackThePreferredLeaderCheckGivesItTheGroupAgainWithoutARebalance() {
        ScenarioRun run = ScenarioRun.of("coordinator-comes-home");
        int preferred = 2;

        // Stopped at 15 s, back at 25 s; the checks run every 20 s from the controller's start (Kafka 4.1's
        // periodic task): at 20 s broker 2 is down, at 40 s it leads again (not at 35 s, 20 s after it stopped).
        assertThat(offsetsLeader(run, 14_999)).isEqualTo(preferred);
        assertThat(offsetsLeader(run, 30_000)).isNotEqualTo(preferred);
        assertThat(offsetsLeader(run, 39_999)).isNotEqualTo(preferred);
        assertThat(offsetsLeader(run, 40_000)).isEqualTo(preferred);
        assertThat(run.events(event -> "sim.cluster.preferredLeaderElected".equals(event.ruleKey())))
                .isNotEmpty().allSatisfy(event -> assertThat(event.time()).isEqualTo(40_000L));
        assertThat(run.events(event -> "sim.cluster.preferredLeaderElected".equals(event.ruleKey())
                && "__consumer_offsets-13".equals(event.fields().get("topicPartition"))))
                .singleElement().extracting(SimEvent::time).isEqualTo(40_000L);
        // The members learn it from the old coordinator's NOT_COORDINATOR and find broker 2 again.
        // (A member whose FindCoordinator waits behind its parked fetch may send a second one when its heartbeat
        // thread clears the first, as HeartbeatThread.run does: both answers name broker 2.)
        List<SimEvent> found = run.events(event -> event.type().equals("CoordinatorFound") && event.time() > 40_000);
        assertThat(found).extracting(event -> event.fields().get("coordinator")).containsOnly(preferred);
        assertThat(found).extracting(SimEvent::actor).containsOnly("C1", "C2").contains("C1", "C2");
        RunSummary.GroupSummary group = run.group("payments");
        assertThat(group.coordinator()).isEqualTo(preferred);
        assertThat(group.rebalances()).hasSize(1);
        assertThat(group.duplicates()).isZero();
        assertThat(group.state()).isEqualTo("Stable");
    }

    @Test
    void anAutoCommitRetriedAfterARetriableErrorSaysSoInsteadOfEveryInterval() {
        // The coordinator moves back at 35 s: the next auto commits get NOT_COORDINATOR, and kafka-clients retries
        // them retry.backoff.ms later. They said "every 1,000 ms = auto.commit.interval.ms", 100 ms after the last.
        // (In network-partition the commits a cut consumer sent fail with its timed-out connection.)
        for (String lesson : List.of("coordinator-comes-home", "network-partition", "pattern-new-topic")) {
            ScenarioRun run = ScenarioRun.of(lesson);
            Map<String, Long> lastSent = new java.util.HashMap<>();
            List<SimEvent> retries = new java.util.ArrayList<>();
            for (SimEvent commit : run.events(event -> event.type().equals("AutoCommit")
                    && Boolean.TRUE.equals(event.fields().get("sent")) && "INTERVAL".equals(event.fields().get("purpose")))) {
                Long previous = lastSent.put(commit.actor(), commit.time());
                long interval = ((Number) run.scenario.consumers().stream()
                        .filter(consumer -> consumer.id().equals(commit.actor())).findFirst().orElseThrow().settings()
                        .getOrDefault("auto.commit.interval.ms", 5_000)).longValue();
                if ("sim.client.autoCommit.interval".equals(commit.ruleKey()) && previous != null) {
                    assertThat(commit.time() - previous).as("%s %s at %d", lesson, commit.actor(), commit.time())
                            .isGreaterThanOrEqualTo(interval);
                } else if ("sim.client.autoCommit.retry".equals(commit.ruleKey())) {
                    retries.add(commit);
                }
            }
            assertThat(retries).as(lesson).isNotEmpty();
            assertThat(Messages.english().format("sim.client.autoCommit.retry", retries.get(0).ruleArgs()))
                    .as(lesson).contains("retry.backoff.ms (100 ms)").contains(String.valueOf(
                            retries.get(0).fields().get("retryOf")));
        }
    }

    private static int offsetsLeader(ScenarioRun run, long time) {
        return ScenarioRun.clusterAt(run.simulation.stateAtTime(time)).cluster().topics().get("__consumer_offsets")
                .get(13).leader();
    }

    @Test
    void aStaticMemberStalledPastItsPollIntervalLosesItsPartitionsButTheGroupDoesNotRebalance() {
        ScenarioRun run = ScenarioRun.of("static-member-stalls");

        assertThat(run.events(event -> event.type().equals("StallProcessing")))
                .singleElement().extracting(SimEvent::ruleKey).isEqualTo("sim.client.stall.static");
        assertThat(run.events(event -> event.type().equals("LeaveGroupRequest"))).isEmpty();
        // Its last poll() was at 20,016 ms: the heartbeat thread's first turn after 25,016 ms catches it.
        SimEvent expired = run.events(event -> event.type().equals("PollTimeoutExpired")).get(0);
        assertThat(run.events(event -> event.type().equals("PollTimeoutExpired"))).containsExactly(expired);
        assertThat(expired.time()).isBetween(25_016L, 25_115L);
        // It forgets its generation but stays a member at the coordinator, and the learner is told so.
        assertThat(run.events(event -> "C2".equals(event.actor()) && event.time() == expired.time()
                && event.type().equals("MemberStateChange"))).extracting(SimEvent::ruleKey)
                .containsExactly("sim.client.state.resetStaticStays");
        // Back at 28 s: its lost partitions, then the same ones again, in the same generation, and nobody else moves.
        assertThat(run.events(event -> event.actor() != null && event.actor().equals("C2")
                && event.type().startsWith("onPartitions") && event.time() > 20_000))
                .extracting(SimEvent::type, event -> event.fields().get("partitions"), event -> event.fields()
                        .get("generation"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("onPartitionsLost", List.of("jobs-2", "jobs-3"), 1),
                        org.assertj.core.groups.Tuple.tuple("onPartitionsAssigned", List.of("jobs-2", "jobs-3"), 1));
        assertThat(run.events(event -> "C1".equals(event.actor()) && event.type().startsWith("onPartitions")
                && event.time() > 20_000)).isEmpty();
        RunSummary.GroupSummary group = run.group("workers");
        assertThat(group.rebalances()).hasSize(1);
        assertThat(group.generation()).isEqualTo(1);
        // The record C2 held through the stall was processed, but never committed: it is read again.
        assertThat(group.duplicates()).isEqualTo(1);
        assertThat(committed(run, 28_000, new TopicPartition("jobs", 2))).isEqualTo(174);
    }

    @Test
    void aCooperativeJoinRevokesOnlyThePartitionThatMovesAndStopsNobody() {
        Rebalance join = ScenarioRun.of("cooperative-join").group("analytics").rebalances().get(1);

        assertThat(join.rounds()).isEqualTo(2);
        assertThat(join.moved()).singleElement().extracting(Rebalance.Move::to).isEqualTo("C4");
        assertThat(join.stopTheWorldMs()).isEmpty();
    }

    @Test
    void theSecondCooperativeRoundSaysTheRevokingOwnerRejoinedToHandOverAndTheNewcomerFirstGetsNothing() {
        ScenarioRun run = ScenarioRun.of("cooperative-join");

        // C2 owns the partition that moves (the leader, C1, did before consumers asked for Metadata at start, which
        // shifted who joined first): its JoinGroup without it changes its metadata, which starts the second round.
        assertThat(run.events(event -> "sim.coordinator.rebalance.metadataChanged".equals(event.ruleKey())))
                .singleElement().extracting(event -> String.valueOf(event.ruleArgs().get("memberId")))
                .satisfies(member -> assertThat(member).startsWith("C2-"));
        assertThat(run.events(event -> event.type().equals("SyncGroupResponse") && event.actor().equals("C4")))
                .extracting(SimEvent::ruleKey)
                .containsExactly("sim.client.syncedEmpty", "sim.client.synced");
    }

    @Test
    void aProducerWritesToAddedPartitionsOnlyFromItsNextMetadataRefresh() {
        ScenarioRun run = ScenarioRun.of("partitions-added");

        // metadata.max.age.ms = 4 s from its first send at 0: the refresh after the growth at 15 s comes at 16 s.
        assertThat(run.events(event -> event.type().equals("ProducerMetadataRefresh"))).singleElement()
                .satisfies(refresh -> {
                    assertThat(refresh.time()).isEqualTo(16_000L);
                    assertThat(refresh.fields()).containsEntry("from", 2).containsEntry("to", 4);
                });
        List<SimEvent> sends = run.events(event -> event.type().equals("Send"));
        assertThat(sends).filteredOn(send -> send.time() < 16_000)
                .allSatisfy(send -> assertThat(send.fields()).containsEntry("partitionCount", 2));
        assertThat(sends).filteredOn(send -> send.time() >= 16_000).isNotEmpty()
                .allSatisfy(send -> assertThat(send.fields()).containsEntry("partitionCount", 4))
                .anySatisfy(send -> assertThat(send.fields().get("partition")).isIn("logs-2", "logs-3"));
    }

    @Test
    void aConsumerSubscribedToATopicNotYetCreatedFindsItWithinRetryBackoffAndJoinsWithIt() {
        ScenarioRun run = ScenarioRun.of(ScenarioReader.read("later.json", """
                {"name": "later", "seed": 3, "durationMs": 30000,
                 "cluster": {"brokers": 1, "settings": {"auto.create.topics.enable": false}},
                 "topics": [{"name": "orders", "partitions": 2}],
                 "consumers": [{"id": "C1", "groupId": "g", "topics": ["orders", "refunds"]}],
                 "actions": [{"atMs": 10000, "action": "createTopic", "topic": "refunds", "partitions": 2}]}"""));

        SimEvent found = run.events(event -> event.type().equals("MetadataResponse")
                && ((List<?>) event.fields().get("created")).contains("refunds")).get(0);
        assertThat(found.ruleKey()).isEqualTo("sim.client.metadata.unknownTopic");
        // Asked again while unknown, the backoff doubling from retry.backoff.ms to retry.backoff.max.ms (1 s, ±20 %).
        assertThat(found.time()).isBetween(10_000L, 10_000L + 1_200 + 50);
        assertThat(run.group("g").members()).flatExtracting(RunSummary.MemberSummary::assignment)
                .containsExactlyInAnyOrder("orders-0", "orders-1", "refunds-0", "refunds-1");
    }

    @Test
    void aCommitFromOutsideTheGroupNamesItsClientAndAPatternMatchNamesOnlyWhatChanged() {
        ScenarioRun run = ScenarioRun.of("pattern-new-topic");
        Messages english = Messages.english();

        assertThat(run.events(event -> event.type().equals("OffsetCommitRecord")
                && "auditor".equals(event.fields().get("groupId"))))
                .isNotEmpty().allSatisfy(commit -> assertThat(english.format(commit.ruleKey(), commit.ruleArgs()))
                        .startsWith("C3 committed offsets for group auditor from outside group management"));
        assertThat(run.events(event -> event.type().equals("PatternMatched")))
                .extracting(event -> english.format(event.ruleKey(), event.ruleArgs()))
                .contains("C1's pattern logs-.* now matches logs-app, logs-web. Added: logs-web.")
                .allSatisfy(sentence -> assertThat(sentence).doesNotContain("[").doesNotContain("]"));
    }

    @Test
    void aHeartbeatErrorSaysWhatTheMemberDoesAboutIt() {
        ScenarioRun zombie = ScenarioRun.of("network-partition");
        ScenarioRun crash = ScenarioRun.of("crash-and-rebalance");

        assertThat(zombie.events(event -> event.type().equals("HeartbeatResponse")
                && "UNKNOWN_MEMBER_ID".equals(event.fields().get("error"))))
                .extracting(SimEvent::ruleKey).containsOnly("sim.client.heartbeatError.generationGone");
        assertThat(crash.events(event -> event.type().equals("HeartbeatResponse")
                && "REBALANCE_IN_PROGRESS".equals(event.fields().get("error"))))
                .isNotEmpty().extracting(SimEvent::ruleKey)
                .containsOnly("sim.client.heartbeatError.rebalance"); // the survivors were Stable
    }

    @Test
    void anEagerJoinStopsEveryMemberThatHadPartitions() {
        Rebalance join = ScenarioRun.of("eager-join").group("analytics").rebalances().get(1);

        assertThat(join.rounds()).isEqualTo(1);
        assertThat(join.stopTheWorldMs()).containsOnlyKeys("C1", "C2", "C3");
        assertThat(join.stopTheWorldMs().values()).allMatch(ms -> ms > 0);
    }

    @Test
    void commitsPileUpInConsumerOffsetsAndCompactionKeepsTheLatestPerPartition() {
        ScenarioRun run = ScenarioRun.of("offsets-topic-compaction");
        int partition = GroupCoordinatorPartitioning.partitionFor("dashboard", 50).partition();

        List<SimEvent> compactions = run.events(event -> event.type().equals("LogCompaction"));
        assertThat(compactions).isNotEmpty();
        ClusterActorView end = ScenarioRun.clusterAt(run.simulation.current());
        long commitRecords = end.cluster().topics().get("__consumer_offsets").get(partition).logEndOffset();
        assertThat(end.offsetsLogs().get(partition)).hasSizeLessThan((int) commitRecords / 2);
    }

    @Test
    void addedPartitionsWaitForTheLeadersNextMetadataRefreshThenTheGroupRebalancesSoTheyGetOwners() {
        ScenarioRun run = ScenarioRun.of("partitions-added");

        // Refreshes every metadata.max.age.ms = 10 s after its last answer: the partitions added at 15 s show at the
        // refresh after 20 s. The broker reads each refresh only once it has answered C1's fetch parked on that
        // connection (fetch.max.wait.ms = 500 ms at most), then the answer takes a network delay back.
        List<SimEvent> answers = run.events(event -> event.type().equals("MetadataResponse")
                && event.actor().equals("C1"));
        List<SimEvent> grownAnswers = answers.stream()
                .filter(event -> !((List<?>) event.fields().get("grown")).isEmpty()).toList();
        assertThat(grownAnswers).hasSize(1);
        SimEvent refresh = grownAnswers.get(0);
        SimEvent before = answers.get(answers.indexOf(refresh) - 1);
        SimEvent request = run.events(event -> event.type().equals("MetadataRequest") && event.peer().equals("C1")
                && event.fields().get("correlationId").equals(refresh.fields().get("correlationId"))).get(0);
        long sentAt = ((Number) request.fields().get("sentAt")).longValue();
        assertThat(sentAt).isEqualTo(before.time() + 10_000).isGreaterThan(20_000);
        assertThat(request.time()).isBetween(sentAt + 2, sentAt + 2 + 500);
        long unreadMs = ((Number) refresh.fields().getOrDefault("unreadMs", 0L)).longValue();
        assertThat(refresh.time() - unreadMs).as("arrived a network delay after; read once C1 reads the network")
                .isEqualTo(request.time() + 2);
        assertThat(refresh.fields().get("grown")).isEqualTo(List.of("logs (2 → 4)"));
        assertThat(run.scenario.description()).contains("sees 4 only at " + String.format(java.util.Locale.ROOT,
                "%.1f", refresh.time() / 1000.0) + " s");
        Rebalance grown = run.group("indexer").rebalances().get(1);
        assertThat(grown.trigger()).isEqualTo("sim.coordinator.rebalance.leaderRejoined");
        assertThat(grown.startMs()).isBetween(refresh.time(), refresh.time() + 100);
        assertThat(run.group("indexer").members()).flatExtracting(RunSummary.MemberSummary::assignment)
                .containsExactlyInAnyOrder("logs-0", "logs-1", "logs-2", "logs-3");
    }

    @Test
    void twoGroupsGivingUpTheSamePartitionsAtOnceEachSeeOnlyTheirOwnMoves() {
        ScenarioRun run = ScenarioRun.of("partitions-added");

        // Both leaders revoke logs-0 in the same millisecond, before their groups' rebalances open: each group's
        // report must keep its own owner of logs-0 (it was once filed under one partition name for both groups,
        // and safe-indexer's report then said logs-0 came from nobody).
        assertThat(run.group("indexer").rebalances().get(1).moved()).containsExactly(
                new Rebalance.Move("logs-1", "C2", "C1"), new Rebalance.Move("logs-2", null, "C2"),
                new Rebalance.Move("logs-3", null, "C2"));
        assertThat(run.group("safe-indexer").rebalances().get(1).moved()).containsExactly(
                new Rebalance.Move("logs-1", "S2", "S1"), new Rebalance.Move("logs-2", null, "S2"),
                new Rebalance.Move("logs-3", null, "S2"));
    }

    @Test
    void anAutoCommitFallingDueDuringAJoinSaysItWaitsForTheJoin() {
        // ConsumerCoordinator.poll returns before maybeAutoCommitOffsetsAsync while the join is unfinished: at 5 s
        // the seven members still wait for the initial rebalance, and none of them commits then.
        ScenarioRun run = ScenarioRun.of("seven-consumers-six-partitions");
        List<SimEvent> due = run.events(e -> e.type().equals("AutoCommitInterval") && e.time() == 5_000);
        assertThat(due).hasSize(7).allSatisfy(event ->
                assertThat(event.ruleKey()).isEqualTo("sim.client.autoCommitWaits.join"));
        assertThat(run.events(e -> e.type().equals("AutoCommit") && e.time() == 5_000)).isEmpty();
    }

    @Test
    void aWorkerPoolsRevocationSaysItCommitsOnlyWhenItsListenerDoes() {
        ScenarioRun auto = ScenarioRun.of("worker-pool-auto-commit-loses");
        assertThat(auto.events(e -> e.type().startsWith("Revoke"))).isNotEmpty().allSatisfy(event ->
                assertThat(event.ruleKey()).endsWith(".noCommit"));
        assertThat(auto.events(e -> e.type().equals("SlowWorker")).get(0).ruleKey())
                .isEqualTo("sim.pool.slowWorker.autoCommit");
        ScenarioRun listenerCommits = ScenarioRun.of("window-commit");
        assertThat(listenerCommits.events(e -> e.type().equals("RevokeDrained"))).isNotEmpty().allSatisfy(event ->
                assertThat(event.ruleKey()).isEqualTo("sim.pool.revokeDrained"));
        assertThat(listenerCommits.events(e -> e.type().equals("SlowWorker")).get(0).ruleKey())
                .isEqualTo("sim.pool.slowWorker");
    }

    @Test
    void theSameScenarioAndSeedGiveTheSameRunEventForEvent() {
        ScenarioRun first = ScenarioRun.of("crash-and-rebalance");
        ScenarioRun second = ScenarioRun.of("crash-and-rebalance");

        assertThat(second.simulation.log()).isEqualTo(first.simulation.log());
        assertThat(second.summary).isEqualTo(first.summary);
    }

    private static long committed(ScenarioRun run, long time, TopicPartition partition) {
        ClusterActorView cluster = ScenarioRun.clusterAt(run.simulation.stateAtTime(time));
        return cluster.coordinators().values().stream()
                .map(shard -> shard.committedOffsets().getOrDefault(groupOf(run), Map.of()).get(partition))
                .filter(java.util.Objects::nonNull).findFirst().orElse(-1L);
    }

    private static String groupOf(ScenarioRun run) {
        return run.scenario.consumers().get(0).groupId();
    }

    private static List<List<Long>> processed(ScenarioRun run, String client, TopicPartition partition) {
        ConsumerView view = ScenarioRun.consumerAt(run.simulation.current(), client);
        return view.processed().getOrDefault(partition.toString(), List.of());
    }
}
