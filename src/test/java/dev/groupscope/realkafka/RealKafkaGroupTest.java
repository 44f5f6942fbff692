package dev.groupscope.realkafka;

import dev.groupscope.kafka.GroupCoordinatorPartitioning;

import static dev.groupscope.realkafka.ListenerCallback.Kind.ASSIGNED;
import static dev.groupscope.realkafka.ListenerCallback.Kind.REVOKED;
import static dev.groupscope.realkafka.Step.awaitProcessed;
import static dev.groupscope.realkafka.Step.awaitStable;
import static dev.groupscope.realkafka.Step.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.TopicPartition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What real Kafka 4.1.1 does in the scenarios the simulator must reproduce (real-kafka-in-tests.md): three static
 * members c0, c1, c2 (session timeout 6 s, heartbeat 1 s) on a 6-partition topic, one 3-broker cluster for the
 * class, a fresh group and topic per test. The first generation a run sees is 1 or 2 depending on thread timing,
 * so generations are compared relative to the round before the step under test.
 */
@Timeout(60)
class RealKafkaGroupTest {

    private static final int SESSION_MS = ScriptedGroupRun.SESSION_TIMEOUT_MS;
    private static final int HEARTBEAT_MS = ScriptedGroupRun.HEARTBEAT_INTERVAL_MS;

    private static RealKafkaCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = RealKafkaCluster.start(3);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void rangeRevokesEverythingFromTheSurvivorsWhenAMemberLeaves() {
        Step leave = Step.leave("c2");
        RunLog log = ScriptedGroupRun.on(cluster, "range-leave", "range-leave").assignor("range")
                .run(threeMembersThen(leave, awaitStable(2)));

        RebalanceRound before = log.roundBefore(leave);
        int g = before.generation();
        assertThat(before.partitionNumbers()).isEqualTo(Map.of("c0", Set.of(0, 1), "c1", Set.of(2, 3), "c2", Set.of(4, 5)));
        assertThat(log.roundsSince(leave)).singleElement().satisfies(after -> {
            assertThat(after.generation()).isEqualTo(g + 1);
            assertThat(after.partitionNumbers()).isEqualTo(Map.of("c0", Set.of(0, 1, 2), "c1", Set.of(3, 4, 5)));
        });
        // Eager: every survivor gives up all it had at the start of the rebalance, then gets its whole new set.
        assertThat(callbacksOf(log, leave, "c0")).containsExactly(
                callback("range-leave", "c0", REVOKED, g, 0, 1), callback("range-leave", "c0", ASSIGNED, g + 1, 0, 1, 2));
        assertThat(callbacksOf(log, leave, "c1")).containsExactly(
                callback("range-leave", "c1", REVOKED, g, 2, 3), callback("range-leave", "c1", ASSIGNED, g + 1, 3, 4, 5));
        assertThat(callbacksOf(log, leave, "c2")).containsExactly(callback("range-leave", "c2", REVOKED, g, 4, 5));
        assertRevocationsBeforeAssignments(log.callbacksSince(leave));
        // LeaveGroup starts the rebalance at once: well inside one session timeout.
        assertThat(firstSurvivorCallbackAfter(log, leave, "c2")).isLessThan(SESSION_MS);
    }

    @Test
    void cooperativeStickyOnlyAssignsTheSurvivorsTheLeaversPartitions() {
        Step leave = Step.leave("c2");
        RunLog log = ScriptedGroupRun.on(cluster, "coop-leave", "coop-leave").assignor("cooperative-sticky")
                .run(threeMembersThen(leave, awaitStable(2)));

        // Before the leave each member holds two partitions. Which two depends on whether the three joined in one
        // round ({0,3} {1,4} {2,5}) or one after another (sticky keeps earlier choices): real Kafka did both.
        RebalanceRound before = log.roundBefore(leave);
        int g = before.generation();
        Map<String, SortedSet<Integer>> had = before.partitionNumbers();
        assertThat(had).containsOnlyKeys("c0", "c1", "c2").allSatisfy((member, owned) -> assertThat(owned).hasSize(2));
        RebalanceRound after = log.roundsSince(leave).get(0);
        assertThat(log.roundsSince(leave)).hasSize(1);
        assertThat(after.generation()).isEqualTo(g + 1);
        // Cooperative: the survivors keep what they had and share the leaver's partitions, one each.
        assertThat(after.partitionNumbers()).containsOnlyKeys("c0", "c1");
        Set<Integer> gained0 = minus(after.partitionNumbers().get("c0"), had.get("c0"));
        Set<Integer> gained1 = minus(after.partitionNumbers().get("c1"), had.get("c1"));
        assertThat(after.partitionNumbers().get("c0")).containsAll(had.get("c0")).hasSize(3);
        assertThat(after.partitionNumbers().get("c1")).containsAll(had.get("c1")).hasSize(3);
        assertThat(union(gained0, gained1)).isEqualTo(had.get("c2"));
        // Nothing is taken from the survivors; each is only handed the difference.
        assertThat(callbacksOf(log, leave, "c0")).containsExactly(callback("coop-leave", "c0", ASSIGNED, g + 1, gained0));
        assertThat(callbacksOf(log, leave, "c1")).containsExactly(callback("coop-leave", "c1", ASSIGNED, g + 1, gained1));
        assertThat(callbacksOf(log, leave, "c2")).containsExactly(
                callback("coop-leave", "c2", REVOKED, g, had.get("c2")));
    }

    private static Set<Integer> minus(Set<Integer> all, Set<Integer> taken) {
        Set<Integer> rest = new TreeSet<>(all);
        rest.removeAll(taken);
        return rest;
    }

    private static Set<Integer> union(Set<Integer> one, Set<Integer> other) {
        Set<Integer> both = new TreeSet<>(one);
        both.addAll(other);
        return both;
    }

    private static ListenerCallback callback(String topic, String member, ListenerCallback.Kind kind, int generation,
                                             Set<Integer> partitions) {
        return callback(topic, member, kind, generation, partitions.stream().mapToInt(Integer::intValue).toArray());
    }

    @Test
    void aStaticMemberThatClosesWithoutLeavingKeepsItsPartitionsUntilTheSessionTimesOut() {
        Step close = Step.close("c2");
        RunLog log = ScriptedGroupRun.on(cluster, "static-close", "static-close").assignor("range")
                .run(threeMembersThen(close, awaitStable(2)));

        int g = log.roundBefore(close).generation();
        // The closing member revokes locally, but sends no LeaveGroup: the coordinator still counts it in.
        assertThat(callbacksOf(log, close, "c2")).containsExactly(callback("static-close", "c2", REVOKED, g, 4, 5));
        // The coordinator's session timer started at c2's last heartbeat, up to one interval before the close.
        assertThat(firstSurvivorCallbackAfter(log, close, "c2"))
                .isGreaterThanOrEqualTo(SESSION_MS - HEARTBEAT_MS)
                .isLessThan(2L * SESSION_MS);
        assertThat(log.roundsSince(close)).singleElement().satisfies(after -> {
            assertThat(after.generation()).isEqualTo(g + 1);
            assertThat(after.partitionNumbers()).isEqualTo(Map.of("c0", Set.of(0, 1, 2), "c1", Set.of(3, 4, 5)));
        });
    }

    /**
     * Dynamic members, where a crash differs from a close (which would send LeaveGroup), with auto-commit on and an
     * interval longer than the test, so offsets are committed only when a rebalance starts.
     */
    @Test
    void aCrashedMembersPartitionsMoveAfterTheSessionTimeoutAndItsUncommittedRecordsAreReadAgain() {
        Step crash = Step.crash("c2");
        RunLog log = ScriptedGroupRun.on(cluster, "crash", "crash").assignor("range").dynamicMembers()
                .autoCommit(true).autoCommitInterval(Duration.ofMinutes(5))
                .run(threeMembersThen(Step.produce(60), awaitProcessed(), crash, awaitStable(2), awaitProcessed()));

        int g = log.roundBefore(crash).generation();
        assertThat(log.timedSince(crash)).noneMatch(timed -> timed.observation().member().equals("c2"));
        assertThat(firstSurvivorCallbackAfter(log, crash, "c2"))
                .isGreaterThanOrEqualTo(SESSION_MS - HEARTBEAT_MS)
                .isLessThan(2L * SESSION_MS);
        assertThat(log.roundsSince(crash)).singleElement().satisfies(after -> {
            assertThat(after.generation()).isEqualTo(g + 1);
            assertThat(after.partitionNumbers()).isEqualTo(Map.of("c0", Set.of(0, 1, 2), "c1", Set.of(3, 4, 5)));
        });
        // c2 committed nothing, so whoever takes its partitions reads them again from the start.
        MemberLog crashed = log.member("c2");
        assertThat(crashed.committed()).isEmpty();
        crashed.processed().forEach((partition, offsets) ->
                assertThat(processedBySurvivors(log, partition)).containsAll(offsets));
        // The survivors' auto-commit at the start of the rebalance saved their own progress.
        for (String survivor : List.of("c0", "c1")) {
            log.roundBefore(crash).assignment().get(survivor).forEach(partition ->
                    assertThat(log.member(survivor).committed().get(partition))
                            .isEqualTo(lastOffset(log.member(survivor), partition) + 1));
        }
    }

    /**
     * Nobody tells a consumer that its topic grew: the group leader sees the new partitions at its next metadata
     * refresh (metadata.max.age.ms, 20 s here), rejoins, and only that rebalance gives them owners. Measured once:
     * the group was stable 1.1 s after the start, grew then, and reacted 19.2 s later. The simulator's
     * partitions-added lesson shows the same wait.
     */
    @Test
    @Timeout(90)
    void partitionsAddedAreAssignedOnlyAfterTheLeadersNextMetadataRefresh() {
        Step grow = Step.addPartitions(9);
        RunLog log = ScriptedGroupRun.on(cluster, "grow", "grow").assignor("range")
                .metadataMaxAge(Duration.ofSeconds(20)).stepTimeout(Duration.ofSeconds(45))
                .run(threeMembersThen(grow, awaitStable(3)));

        long reacted = firstSurvivorCallbackAfter(log, grow, "nobody");
        assertThat(reacted).as("ms from the new partitions to the first rebalance callback")
                .isGreaterThan(5_000).isLessThan(25_000);
        assertThat(log.roundsSince(grow)).last().satisfies(round -> assertThat(round.partitionNumbers())
                .isEqualTo(Map.of("c0", Set.of(0, 1, 2), "c1", Set.of(3, 4, 5), "c2", Set.of(6, 7, 8))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"g1", "g2", "g3"})
    void theCoordinatorIsTheLeaderOfTheGroupsOffsetsPartition(String group) {
        ScriptedGroupRun.on(cluster, group, "coordinator-" + group).partitions(1)
                .run(GroupScript.of(start("c0"), awaitStable(1)));

        int partition = GroupCoordinatorPartitioning.partitionFor(group, cluster.offsetsTopicPartitions()).partition();
        assertThat(cluster.coordinatorOf(group)).isEqualTo(cluster.leaderOfOffsetsPartition(partition));
        if (group.equals("g1")) {
            assertThat(partition).as("\"g1\".hashCode() = 3242, mod 5").isEqualTo(2);
        }
    }

    private static GroupScript threeMembersThen(Step... steps) {
        List<Step> script = new ArrayList<>(List.of(start("c0"), start("c1"), start("c2"), awaitStable(3)));
        script.addAll(List.of(steps));
        return new GroupScript(script);
    }

    private static List<ListenerCallback> callbacksOf(RunLog log, Step since, String member) {
        return log.callbacksSince(since).stream().filter(callback -> callback.member().equals(member)).toList();
    }

    private static ListenerCallback callback(String topic, String member, ListenerCallback.Kind kind, int generation,
                                             int... partitions) {
        SortedSet<TopicPartition> set = new TreeSet<>();
        for (int partition : partitions) {
            set.add(new TopicPartition(topic, partition));
        }
        return new ListenerCallback(member, kind, set, generation);
    }

    /** Kafka's guarantee: in one rebalance, every revocation comes before any assignment. */
    private static void assertRevocationsBeforeAssignments(List<ListenerCallback> callbacks) {
        int lastRevoked = -1;
        int firstAssigned = callbacks.size();
        for (int i = 0; i < callbacks.size(); i++) {
            if (callbacks.get(i).kind() == REVOKED) {
                lastRevoked = i;
            } else if (callbacks.get(i).kind() == ASSIGNED) {
                firstAssigned = Math.min(firstAssigned, i);
            }
        }
        assertThat(lastRevoked).as("last revocation before first assignment in %s", callbacks).isLessThan(firstAssigned);
    }

    /** Milliseconds from the end of the step until any other member's first callback: when the rebalance began. */
    private static long firstSurvivorCallbackAfter(RunLog log, Step step, String leaver) {
        long stepEnd = log.timing(step).finishedMs();
        return log.timedSince(step).stream()
                .filter(timed -> timed.observation() instanceof ListenerCallback)
                .filter(timed -> !timed.observation().member().equals(leaver))
                .mapToLong(timed -> timed.elapsedMs() - stepEnd)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no member reacted to " + step));
    }

    private static Set<Long> processedBySurvivors(RunLog log, TopicPartition partition) {
        Set<Long> offsets = new TreeSet<>();
        for (String survivor : List.of("c0", "c1")) {
            offsets.addAll(log.member(survivor).processed().getOrDefault(partition, List.of()));
        }
        return offsets;
    }

    private static long lastOffset(MemberLog member, TopicPartition partition) {
        List<Long> offsets = member.processed().get(partition);
        return offsets.get(offsets.size() - 1);
    }
}
