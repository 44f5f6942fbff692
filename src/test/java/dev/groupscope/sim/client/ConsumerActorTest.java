package dev.groupscope.sim.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.RebalanceProtocol;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.engine.EventKind;
import dev.groupscope.sim.engine.SimEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsumerActorTest {

    private static final ConsumerBehavior IDLE = ConsumerBehavior.processing(0);
    private static final ConsumerClientConfig EAGER = ClientScenario.quick()
            .with("partition.assignment.strategy", List.of("range"));
    private static final ConsumerClientConfig COOPERATIVE = ClientScenario.quick()
            .with("partition.assignment.strategy", List.of("cooperative-sticky"));

    private static ConsumerClientConfig earliest(int maxPollRecords) {
        return EAGER.with("auto.offset.reset", "earliest").with("max.poll.records", maxPollRecords);
    }

    private static ClientScenario fourPartitions() {
        return new ClientScenario(7, Map.of("t", 4));
    }

    @Test
    void aNewMemberJoinsTwiceFirstToBeGivenItsMemberId() {
        ClientScenario run = fourPartitions().consumer("C1", EAGER, IDLE, "t")
                .at(0, new ConsumerTasks.Start("C1")).runUntil(1_000);

        assertThat(run.requestsFrom("C1", "JoinGroup")).extracting(FakeCluster.Received::memberId)
                .containsExactly("", "C1-1");
        assertThat(run.events("C1", "JoinGroupResponse")).extracting(event -> event.fields().get("error"))
                .containsExactly("MEMBER_ID_REQUIRED", "NONE");
        SimEvent joined = run.events("C1", "JoinGroupResponse").get(1);
        assertThat(joined.peer()).isEqualTo("broker-0");
        assertThat(joined.fields()).containsEntry("memberId", "C1-1").containsEntry("generation", 1)
                .containsKeys("sentAt", "correlationId");
        assertThat(run.view("C1").state()).isEqualTo(MemberState.STABLE);
        assertThat(run.view("C1").assigned()).containsExactly("t-0", "t-1", "t-2", "t-3");
    }

    @Test
    void memberStatesFollowKafkasOrder() {
        ClientScenario run = fourPartitions().consumer("C1", EAGER, IDLE, "t")
                .at(0, new ConsumerTasks.Start("C1")).runUntil(1_000);

        assertThat(run.events("C1", "MemberStateChange")).extracting(event -> event.fields().get("to"))
                .containsExactly("UNJOINED", "PREPARING_REBALANCE", "COMPLETING_REBALANCE", "STABLE");
        assertThat(run.events("C1", "MemberStateChange")).allMatch(event -> event.kind() == EventKind.STATE);
    }

    @Test
    void onlyTheLeaderRunsTheAssignorAndSendsTheAssignment() {
        ClientScenario run = fourPartitions().consumer("C1", EAGER, IDLE, "t").consumer("C2", EAGER, IDLE, "t")
                .at(0, new ConsumerTasks.Start("C1")).at(0, new ConsumerTasks.Start("C2")).runUntil(5_000);

        List<SimEvent> runs = run.events(event -> event.type().equals("AssignorRun"));
        assertThat(runs).extracting(SimEvent::actor).containsOnly("C1");
        SimEvent last = runs.get(runs.size() - 1);
        assertThat(last.fields()).containsEntry("assignor", "range")
                .containsEntry("assignment", Map.of("C1-1", List.of("t-0", "t-1"), "C2-2", List.of("t-2", "t-3")));
        assertThat((List<?>) last.fields().get("steps")).isNotEmpty();
        assertThat(run.view("C1").assigned()).containsExactly("t-0", "t-1");
        assertThat(run.view("C2").assigned()).containsExactly("t-2", "t-3");
    }

    @Test
    void eagerRebalanceRevokesEverythingThenAssignsEverything() {
        ClientScenario run = fourPartitions().consumer("C1", EAGER, IDLE, "t").consumer("C2", EAGER, IDLE, "t")
                .at(0, new ConsumerTasks.Start("C1")).at(3_000, new ConsumerTasks.Start("C2")).runUntil(10_000);

        assertThat(run.callbacks("C1")).containsExactly(
                "onPartitionsAssigned[t-0, t-1, t-2, t-3]",
                "onPartitionsRevoked[t-0, t-1, t-2, t-3]",
                "onPartitionsAssigned[t-0, t-1]");
        // A new member has nothing to revoke: its generation is -1, so onJoinPrepare's "lost" branch finds nothing.
        assertThat(run.callbacks("C2")).containsExactly("onPartitionsAssigned[t-2, t-3]");
    }

    @Test
    void eagerAssignsEvenAnEmptySetOnEveryRebalance() {
        ClientScenario run = new ClientScenario(7, Map.of("t", 1))
                .consumer("C1", EAGER, IDLE, "t").consumer("C2", EAGER, IDLE, "t")
                .at(0, new ConsumerTasks.Start("C1")).at(3_000, new ConsumerTasks.Start("C2")).runUntil(10_000);

        assertThat(run.callbacks("C2")).containsExactly("onPartitionsAssigned[]");
    }

    @Test
    void cooperativeRebalanceRevokesOnlyWhatMovesOverTwoRounds() {
        ClientScenario run = fourPartitions().consumer("C1", COOPERATIVE, IDLE, "t")
                .consumer("C2", COOPERATIVE, IDLE, "t")
                .at(0, new ConsumerTasks.Start("C1")).at(3_000, new ConsumerTasks.Start("C2")).runUntil(15_000);

        assertThat(run.callbacks("C1")).containsExactly(
                "onPartitionsAssigned[t-0, t-1, t-2, t-3]",
                "onPartitionsRevoked[t-2, t-3]",
                "onPartitionsAssigned[]",
                "onPartitionsAssigned[]");
        // Round 1 withholds t-2 and t-3 from C2 while C1 still owns them; round 2 hands them over.
        assertThat(run.callbacks("C2")).containsExactly("onPartitionsAssigned[]", "onPartitionsAssigned[t-2, t-3]");
        assertThat(run.view("C1").assigned()).containsExactly("t-0", "t-1");
        assertThat(run.view("C2").assigned()).containsExactly("t-2", "t-3");
        assertThat(run.events("C1", "AssignorRun").get(1).fields().get("withheld")).isEqualTo(List.of("t-2", "t-3"));
        assertThat(run.events("C1", "AssignorRun")).hasSize(3);
    }

    @Test
    void theProtocolIsCooperativeOnlyIfEveryAssignorSupportsIt() {
        ConsumerActor both = new ConsumerActor("C1", ClientScenario.quick()
                .with("partition.assignment.strategy", List.of("range", "cooperative-sticky")), List.of("t"), IDLE,
                dev.groupscope.sim.protocol.Network.DEFAULT);
        ConsumerActor coopOnly = new ConsumerActor("C1", COOPERATIVE, List.of("t"), IDLE,
                dev.groupscope.sim.protocol.Network.DEFAULT);

        assertThat(both.rebalanceProtocol()).isEqualTo(RebalanceProtocol.EAGER);
        assertThat(coopOnly.rebalanceProtocol()).isEqualTo(RebalanceProtocol.COOPERATIVE);
    }

    @Test
    void aStalledLoopKeepsHeartbeatingUntilMaxPollIntervalThenLeaves() {
        ClientScenario run = fourPartitions().consumer("C1", EAGER, IDLE, "t")
                .at(0, new ConsumerTasks.Start("C1")).at(2_000, new ConsumerTasks.StallProcessing("C1", 30_000))
                .runUntil(20_000);

        SimEvent expired = run.events("C1", "PollTimeoutExpired").get(0);
        // The stall begins when the poll() in progress at 2000 returns; its call, up to 100 ms earlier, was the last.
        long lastPollBeforeStall = expired.time() - 10_000;
        assertThat(lastPollBeforeStall).isBetween(1_900L, 2_000L);
        assertThat(run.events("C1", "HeartbeatInterval")).filteredOn(event -> event.time() > 2_100
                && event.time() < expired.time()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(run.requestsFrom("C1", "LeaveGroup")).singleElement()
                .satisfies(leave -> assertThat(leave.time()).isEqualTo(expired.time() + 2));
        assertThat(run.events("C1", "HeartbeatInterval")).noneMatch(event -> event.time() > expired.time());
        assertThat(run.view("C1").state()).isEqualTo(MemberState.UNJOINED);
    }

    @Test
    void afterThePollTimeoutTheNextPollRejoinsAndTheOldPartitionsAreLost() {
        ClientScenario run = fourPartitions().consumer("C1", EAGER, IDLE, "t")
                .at(0, new ConsumerTasks.Start("C1")).at(2_000, new ConsumerTasks.StallProcessing("C1", 15_000))
                .runUntil(25_000);

        assertThat(run.callbacks("C1")).containsExactly(
                "onPartitionsAssigned[t-0, t-1, t-2, t-3]",
                "onPartitionsLost[t-0, t-1, t-2, t-3]",
                "onPartitionsAssigned[t-0, t-1, t-2, t-3]");
        assertThat(run.requestsFrom("C1", "JoinGroup")).extracting(FakeCluster.Received::memberId)
                .containsExactly("", "C1-1", "", "C1-2");
        assertThat(run.view("C1").state()).isEqualTo(MemberState.STABLE);
    }

    @Test
    void aStaticMemberDoesNotLeaveOnPollTimeout() {
        ClientScenario run = fourPartitions()
                .consumer("C1", EAGER.with("group.instance.id", "i1"), IDLE, "t")
                .at(0, new ConsumerTasks.Start("C1")).at(2_000, new ConsumerTasks.StallProcessing("C1", 30_000))
                .runUntil(20_000);

        assertThat(run.events("C1", "PollTimeoutExpired")).hasSize(1);
        assertThat(run.requestsFrom("C1", "LeaveGroup")).isEmpty();
        assertThat(run.events("C1", "StayInGroup")).hasSize(1);
    }

    @Test
    void aCrashedConsumerSendsNothingMore() {
        ClientScenario run = fourPartitions().consumer("C1", EAGER, ConsumerBehavior.processing(5), "t")
                .preload("t", 0, 1_000).at(0, new ConsumerTasks.Start("C1"))
                .at(3_000, new ConsumerTasks.Crash("C1")).runUntil(60_000);

        assertThat(run.cluster().received()).filteredOn(request -> request.from().equals("C1"))
                .allMatch(request -> request.time() <= 3_000);
        assertThat(run.view("C1").state()).isEqualTo(MemberState.CRASHED);
        assertThat(run.events(event -> "C1".equals(event.actor()) && event.time() > 3_000)).isEmpty();
        assertThat(run.requestsFrom("C1", "LeaveGroup")).isEmpty();
    }

    @Test
    void autoCommitSendsThePositionsAfterTheRecordsAlreadyReturned() {
        ConsumerBehavior slow = ConsumerBehavior.processing(1_000);
        ClientScenario run = new ClientScenario(7, Map.of("t", 1))
                .consumer("C1", earliest(3), slow, "t")
                .preload("t", 0, 100).at(0, new ConsumerTasks.Start("C1")).runUntil(20_000);

        List<SimEvent> commits = run.events("C1", "AutoCommit");
        assertThat(commits).isNotEmpty();
        SimEvent first = commits.get(0);
        // The interval ended while the loop was processing, so the commit waits for the next poll().
        SimEvent due = run.events("C1", "AutoCommitInterval").get(0);
        assertThat(due.fields()).containsEntry("inPoll", false);
        assertThat(first.time()).isGreaterThan(due.time());
        List<SimEvent> polls = run.events("C1", "Poll");
        long returnedBefore = polls.stream().filter(poll -> poll.time() < first.time())
                .mapToLong(poll -> ((Number) poll.fields().get("records")).longValue()).sum();
        assertThat(first.fields().get("offsets")).isEqualTo(Map.of("t-0", returnedBefore));
        assertThat(run.cluster().committed()).containsKey(new TopicPartition("t", 0));
    }

    @Test
    void anIdleConsumerCommitsExactlyEveryInterval() {
        ClientScenario run = new ClientScenario(7, Map.of("t", 1))
                .consumer("C1", earliest(500), IDLE, "t")
                .preload("t", 0, 10).at(0, new ConsumerTasks.Start("C1")).runUntil(21_000);

        List<Long> times = run.events("C1", "AutoCommit").stream().map(SimEvent::time).toList();
        assertThat(times).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).isEqualTo(5_000);
        }
        assertThat(run.events("C1", "AutoCommit")).allMatch(event -> event.fields().get("offsets")
                .equals(Map.of("t-0", 10L)));
    }

    @Test
    void withNothingCommittedEarliestStartsAtTheBeginningAndLatestAtTheEnd() {
        ClientScenario earliest = new ClientScenario(7, Map.of("t", 1))
                .consumer("C1", earliest(500), IDLE, "t")
                .preload("t", 0, 40).at(0, new ConsumerTasks.Start("C1")).runUntil(2_000);
        ClientScenario latest = new ClientScenario(7, Map.of("t", 1))
                .consumer("C1", EAGER, IDLE, "t")
                .preload("t", 0, 40).at(0, new ConsumerTasks.Start("C1")).runUntil(2_000);

        assertThat(earliest.events("C1", "OffsetReset").get(0).fields()).containsEntry("offset", 0L)
                .containsEntry("strategy", "earliest");
        assertThat(earliest.view("C1").processed()).containsEntry("t-0", List.of(List.of(0L, 39L)));
        assertThat(latest.events("C1", "OffsetReset").get(0).fields()).containsEntry("offset", 40L);
        assertThat(latest.view("C1").processed()).isEmpty();
    }

    @Test
    void aRestartedMemberResumesFromTheCommittedOffset() {
        ClientScenario run = new ClientScenario(7, Map.of("t", 1))
                .consumer("C1", earliest(10),
                        ConsumerBehavior.processing(100), "t")
                .preload("t", 0, 200)
                .at(0, new ConsumerTasks.Start("C1")).at(7_000, new ConsumerTasks.Close("C1", false))
                .at(8_000, new ConsumerTasks.Restart("C1")).runUntil(12_000);

        long committedAtClose = run.events("C1", "OffsetCommitResponse").stream()
                .filter(event -> event.time() < 8_000).reduce((a, b) -> b).map(event ->
                        ((Number) ((Map<?, ?>) event.fields().get("offsets")).get("t-0")).longValue()).orElseThrow();
        assertThat(run.events("C1", "PositionFromCommitted")).last()
                .satisfies(event -> assertThat(event.fields().get("offsets")).isEqualTo(Map.of("t-0",
                        committedAtClose)));
        assertThat(run.requestsFrom("C1", "LeaveGroup")).hasSize(1);
        assertThat(run.view("C1").restarts()).isEqualTo(1);
    }

    @Test
    void aStaticMemberClosesWithoutLeavingUnlessAsked() {
        ClientScenario stays = fourPartitions().consumer("C1", EAGER.with("group.instance.id", "i1"), IDLE, "t")
                .at(0, new ConsumerTasks.Start("C1")).at(2_000, new ConsumerTasks.Close("C1", false))
                .runUntil(5_000);
        ClientScenario leaves = fourPartitions().consumer("C1", EAGER.with("group.instance.id", "i1"), IDLE, "t")
                .at(0, new ConsumerTasks.Start("C1")).at(2_000, new ConsumerTasks.Close("C1", true))
                .runUntil(5_000);

        assertThat(stays.requestsFrom("C1", "LeaveGroup")).isEmpty();
        assertThat(leaves.requestsFrom("C1", "LeaveGroup")).hasSize(1);
        assertThat(stays.view("C1").state()).isEqualTo(MemberState.STOPPED);
        assertThat(stays.callbacks("C1")).last().isEqualTo("onPartitionsRevoked[t-0, t-1, t-2, t-3]");
    }
}
