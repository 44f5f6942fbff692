package dev.groupscope.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.sim.engine.SimEvent;
import dev.groupscope.sim.report.Rebalance;
import dev.groupscope.sim.report.RunSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rolling-restart lesson: the same rolling deploy (each of three instances closed, then started again 5 s later)
 * on a group of dynamic members and on a group of static ones (group.instance.id), everything else at Kafka's
 * defaults. The dynamic group rebalances twice per restart; the static one never does, and pays instead with the
 * restarted member's partitions waiting while it is down.
 */
class RollingRestartLessonTest {

    private static final List<String> RESTARTED_IN_ORDER = List.of("1", "2", "3");

    private static ScenarioRun run;

    @BeforeAll
    static void runTheLesson() {
        run = ScenarioRun.of("rolling-restart");
    }

    @Test
    void theDynamicGroupRebalancesOnEveryCloseAndEveryStart() {
        List<Rebalance> rebalances = run.group("dynamic-app").rebalances();

        assertThat(rebalances).extracting(Rebalance::toGeneration).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(rebalances.subList(1, rebalances.size())).extracting(Rebalance::trigger).containsExactly(
                "sim.coordinator.rebalance.memberLeft", "sim.coordinator.rebalance.newMember",
                "sim.coordinator.rebalance.memberLeft", "sim.coordinator.rebalance.newMember",
                "sim.coordinator.rebalance.memberLeft", "sim.coordinator.rebalance.newMember");
    }

    @Test
    void everyDynamicRebalanceStopsBothMembersThatStayed() {
        List<Rebalance> rebalances = run.group("dynamic-app").rebalances();

        for (int i = 1; i < rebalances.size(); i++) {
            String restarted = "D" + RESTARTED_IN_ORDER.get((i - 1) / 2);
            List<String> stayed = List.of("D1", "D2", "D3").stream().filter(id -> !id.equals(restarted)).toList();
            assertThat(rebalances.get(i).stopTheWorldMs().keySet()).as("rebalance to generation %d", i + 1)
                    .containsExactlyInAnyOrderElementsOf(stayed);
        }
    }

    @Test
    void theDynamicGroupMovesPartitionsBetweenMembersNobodyRestarted() {
        Rebalance d1Left = run.group("dynamic-app").rebalances().get(1);

        // Range over two members: D2 takes D1's partitions and hands orders-3 on to D3, though neither restarted.
        assertThat(d1Left.moved()).contains(new Rebalance.Move("orders-3", "D2", "D3"));
        assertThat(run.group("dynamic-app").rebalances().stream().mapToInt(r -> r.moved().size()).sum() - 6)
                .as("partitions moved after the first assignment").isEqualTo(16);
    }

    @Test
    void theStaticGroupNeverRebalancesNorLeaves() {
        RunSummary.GroupSummary group = run.group("static-app");

        assertThat(group.rebalances()).extracting(Rebalance::toGeneration).containsExactly(1);
        assertThat(group.generation()).isEqualTo(1);
        assertThat(run.events(e -> e.type().equals("LeaveGroupRequest") && e.peer().startsWith("S"))).isEmpty();
        assertThat(run.events(e -> e.type().equals("LeaveGroupRequest") && e.peer().startsWith("D"))).hasSize(3);
    }

    @Test
    void eachStaticMemberComesBackUnderItsInstanceIdToItsOldPartitions() {
        List<SimEvent> replaced = run.events(e -> e.type().equals("StaticMemberReplaced"));

        assertThat(replaced).extracting(e -> e.fields().get("groupInstanceId"))
                .containsExactly("static-app-1", "static-app-2", "static-app-3");
        assertThat(run.consumer("S1").assigned()).containsExactly("orders-0", "orders-1");
        assertThat(run.consumer("S2").assigned()).containsExactly("orders-2", "orders-3");
        assertThat(run.consumer("S3").assigned()).containsExactly("orders-4", "orders-5");
    }

    @Test
    void theRestartedStaticLeaderIsToldToSkipTheAssignment() {
        // KIP-814: the coordinator keeps the group's assignment and tells the new leader not to compute another.
        SimEvent answer = run.events(e -> e.type().equals("JoinGroupResponse") && e.actor().equals("S1")
                && e.time() > 20_000).get(0);

        assertThat(answer.fields()).containsEntry("skipAssignment", true).containsEntry("generation", 1);
    }

    @Test
    void aStaticMembersPartitionsWaitUnreadWhileItIsDown() {
        RunSummary justAfterClose = run.summaryAt(25_500);
        RunSummary justBeforeStart = run.summaryAt(29_900);

        for (String partition : List.of("orders-2", "orders-3")) {
            assertThat(staticApp(justBeforeStart).committed().get(partition)).as(partition)
                    .isEqualTo(staticApp(justAfterClose).committed().get(partition));
            assertThat(staticApp(justBeforeStart).lag().get(partition)).as(partition)
                    .isGreaterThan(staticApp(justAfterClose).lag().get(partition));
        }
        // Nobody else stops: S1 and S3 read on meanwhile.
        for (String other : List.of("S1", "S3")) {
            assertThat(processed(justBeforeStart, other)).as(other).isGreaterThan(processed(justAfterClose, other));
        }
    }

    @Test
    void neitherGroupReadsARecordTwiceOrSkipsOne() {
        for (String groupId : List.of("dynamic-app", "static-app")) {
            RunSummary.GroupSummary group = run.group(groupId);
            assertThat(Map.of("duplicates", group.duplicates(), "lost", group.lost())).as(groupId)
                    .containsEntry("duplicates", 0L).containsEntry("lost", 0L);
            assertThat(group.recordsProcessed()).as(groupId).isPositive();
        }
    }


    private static RunSummary.GroupSummary staticApp(RunSummary summary) {
        return summary.groups().stream().filter(g -> g.groupId().equals("static-app")).findFirst().orElseThrow();
    }

    private static long processed(RunSummary summary, String clientId) {
        return summary.consumers().stream().filter(c -> c.clientId().equals(clientId)).findFirst().orElseThrow()
                .recordsProcessed();
    }
}
