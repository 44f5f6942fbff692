package dev.groupscope.realkafka;

import static dev.groupscope.realkafka.Step.awaitStable;
import static dev.groupscope.realkafka.Step.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groupscope.kafka.GroupCoordinatorPartitioning;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.sim.coordinator.ShardView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The simulator's classic group protocol against a real Kafka 4.1.1 broker: each test plays one {@link GroupScript}
 * on the in-process 3-broker cluster ({@link ScriptedGroupRun}) and the same script in the simulator
 * ({@link SimulatedGroupRun}: same group id, topic, 6 partitions, static instance ids or dynamic members, session
 * 6000 / heartbeat 1000 / max.poll.interval 15000 ms unless a test sets shorter ones, offsets.topic.num.partitions 5,
 * initial rebalance delay 0), then requires of the two runs:
 *
 * <ul>
 *   <li>per member, the same ordered listener callbacks: kind and partition set, with the generation
 *       {@code consumer.groupMetadata()} reports inside the callback (for onPartitionsLost after a reset, the
 *       generation lost: only a completed join changes it) compared relative to the run's first callback (real Kafka's first generation is 1 or 2 depending on whether c0's solo
 *       join completed before c1's arrived; the simulator, starting members 1 ms apart, sees 2), so the generations
 *       must rise identically from callback to callback;</li>
 *   <li>the same assignment after every rebalance round (by relative generation);</li>
 *   <li>the same coordinator partition, {@code abs(hash(group)) % 5}, as Kafka's own
 *       {@link GroupCoordinatorPartitioning#partitionFor} computes it, with the coordinator the leader of that
 *       {@code __consumer_offsets} partition on each side. Broker ids are NOT compared: real brokers are 0..2, the
 *       simulator's 1..3, and both place the partition's leader from a random starting broker (KRaft's striped
 *       placer; the simulator's seeded copy of it), so no fixed mapping exists; only the partition is compared
 *       across, the leader within each run;</li>
 *   <li>for the session-timeout scripts, that both rebalance only after the session timeout, and for LeaveGroup
 *       well before it (wall-clock against virtual milliseconds, so in the same band, not equal);</li>
 *   <li>for the stall scripts (the poll loop stops past max.poll.interval.ms while the heartbeat thread runs on),
 *       when the others' rebalance began (the poll timeout for a dynamic member's LeaveGroup, the poll timeout plus
 *       the session for a static member, which sends none), and that the stalled member is told its partitions are
 *       lost, never revoked, and is assigned again.</li>
 * </ul>
 *
 * <p>The one thing the script leaves to chance on real Kafka is how the three concurrent starts interleave
 * (whether c0's solo join completes before the others arrive); the simulator replays the interleaving real Kafka
 * showed ({@link #withRealJoinOrder}), and everything after that is compared callback for callback.
 *
 * <p>The simulator is deterministic; each script runs there with three seeds (they change replica placement and
 * generated member ids), each compared with the one real run. One real cluster serves the class; each test uses
 * its own group and topic.
 */
@Timeout(90)
class SimulatorVersusRealKafkaTest {

    private static final int SESSION_MS = ScriptedGroupRun.SESSION_TIMEOUT_MS;
    private static final int HEARTBEAT_MS = ScriptedGroupRun.HEARTBEAT_INTERVAL_MS;
    private static final long[] SEEDS = {1, 2, 3};

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
    void rangeLeaveGroup() {
        Step leave = Step.leave("c2");
        Compared runs = compare("vs-range-leave", threeMembersThen(leave, awaitStable(2)),
                real -> real.assignor("range"), sim -> sim.assignor("range"));
        runs.assertRebalanceBeganWithin(leave, 0, SESSION_MS);
    }

    @Test
    void cooperativeStickyLeaveGroup() {
        Step leave = Step.leave("c2");
        Compared runs = compare("vs-coop-leave", threeMembersThen(leave, awaitStable(2)),
                real -> real.assignor("cooperative-sticky"), sim -> sim.assignor("cooperative-sticky"));
        runs.assertRebalanceBeganWithin(leave, 0, SESSION_MS);
    }

    @Test
    void rangeStaticMemberClosesWithoutLeaveGroup() {
        Step close = Step.close("c2");
        Compared runs = compare("vs-static-close", threeMembersThen(close, awaitStable(2)),
                real -> real.assignor("range"), sim -> sim.assignor("range"));
        runs.assertRebalanceBeganWithin(close, SESSION_MS - HEARTBEAT_MS, 2L * SESSION_MS);
    }

    @Test
    void rangeDynamicMemberCrashes() {
        Step crash = Step.crash("c2");
        Compared runs = compare("vs-crash", threeMembersThen(crash, awaitStable(2)),
                real -> real.assignor("range").dynamicMembers(), sim -> sim.assignor("range").dynamicMembers());
        assertThat(runs.real.timedSince(crash)).noneMatch(timed -> timed.observation().member().equals("c2"));
        runs.assertRebalanceBeganWithin(crash, SESSION_MS - HEARTBEAT_MS, 2L * SESSION_MS);
    }

    // ---- max.poll.interval.ms: the application stops polling, the heartbeat thread does not ------------------------

    /** Short timers for the stall scripts: the session shorter than the poll interval, as in the lesson. */
    private static final int STALL_SESSION_MS = 3000;
    private static final int STALL_MAX_POLL_MS = 5000;

    /**
     * A dynamic member's poll loop stalls 8 s, past its max.poll.interval.ms (5 s). Its heartbeat thread sends
     * LeaveGroup ("consumer poll timeout has expired.") and resets the generation; the other two rebalance without it
     * (eager: all revoked, all reassigned). Back in poll(), c2 finds its generation reset and gives its partitions
     * up as lost (not revoked: it may no longer commit them), rejoins with a new member id, and all three rebalance.
     */
    @Test
    void rangeDynamicMemberStallsPastMaxPollInterval() {
        Step.Stall stall = new Step.Stall("c2", 8000);
        Compared runs = compare("vs-range-stall", threeMembersThen(stall, awaitStable(3)),
                real -> stallTimers(real.assignor("range").dynamicMembers()),
                sim -> stallTimers(sim.assignor("range").dynamicMembers()));
        runs.assertRebalanceBeganWithin(stall, STALL_MAX_POLL_MS - 200, STALL_MAX_POLL_MS + HEARTBEAT_MS + 1000);
        runs.assertStalledMemberLostAndRejoined(stall);
    }

    /**
     * The same with cooperative-sticky: the survivors take c2's partitions over without revoking any of theirs; c2
     * gives its up as lost when it is back (as under eager: a reset generation means lost, whatever the protocol),
     * rejoins with nothing owned, and the two-round cooperative rebalance moves partitions back to it.
     */
    @Test
    void cooperativeStickyDynamicMemberStallsPastMaxPollInterval() {
        Step.Stall stall = new Step.Stall("c2", 8000);
        Compared runs = compare("vs-coop-stall", threeMembersThen(stall, awaitStable(3)),
                real -> stallTimers(real.assignor("cooperative-sticky").dynamicMembers()),
                sim -> stallTimers(sim.assignor("cooperative-sticky").dynamicMembers()));
        runs.assertRebalanceBeganWithin(stall, STALL_MAX_POLL_MS - 200, STALL_MAX_POLL_MS + HEARTBEAT_MS + 1000);
        runs.assertStalledMemberLostAndRejoined(stall);
        // Cooperative: while c2 is away the survivors are only given its partitions; when it is back they revoke
        // only what moves to it (the simulator's callbacks were found equal to these above).
        List<RebalanceRound> rounds = runs.real.roundsSince(stall);
        SortedSet<TopicPartition> toC2 = rounds.get(rounds.size() - 1).assignment().get("c2");
        assertThat(runs.real.callbacksSince(stall)).as("real Kafka: what the survivors revoke after the stall")
                .filteredOn(callback -> !callback.member().equals("c2")
                        && callback.kind() == ListenerCallback.Kind.REVOKED)
                .isNotEmpty()
                .allSatisfy(callback -> assertThat(toC2).containsAll(callback.partitions()));
    }

    /**
     * A static member's poll timeout sends no LeaveGroup (KIP-345: only a dynamic member, or LEAVE_GROUP, leaves):
     * the heartbeat thread resets the generation and stops heartbeating, so the coordinator removes c2 only when its
     * session (3 s) runs out, about 3 s after the poll timeout. The stall (10 s) outlasts both; c2 comes back to a
     * group that went on without it, loses its partitions, and rejoins under its instance id.
     */
    @Test
    void rangeStaticMemberStallsPastMaxPollIntervalAndSession() {
        Step.Stall stall = new Step.Stall("c2", 10_000);
        Compared runs = compare("vs-static-stall", threeMembersThen(stall, awaitStable(3)),
                real -> stallTimers(real.assignor("range")), sim -> stallTimers(sim.assignor("range")));
        // The last heartbeat came at most one interval (plus a poll) before the poll timeout; the session ran from it.
        runs.assertRebalanceBeganWithin(stall, STALL_MAX_POLL_MS - HEARTBEAT_MS - 200 + STALL_SESSION_MS,
                STALL_MAX_POLL_MS + STALL_SESSION_MS + 2L * HEARTBEAT_MS + 1000);
        runs.assertStalledMemberLostAndRejoined(stall);
    }

    /**
     * A static member back within its session: max.poll.interval.ms 3 s, session 6 s, a 5 s stall. The poll timeout
     * resets c2's generation and stops its heartbeats but sends no LeaveGroup, and c2 polls again before the
     * coordinator's session for it (from its last heartbeat, at most one interval before the poll timeout) runs
     * out. Its JoinGroup, under its instance id with no member id, finds the group Stable and the instance known:
     * the coordinator gives it a new member id and its old assignment at the current generation, and nobody else
     * rebalances. c2 still runs onPartitionsLost first (its generation was reset), then is assigned the same
     * partitions again. c0 then leaves, so the script ends with one more rebalance that c2 takes part in as usual.
     */
    @Test
    void rangeStaticMemberStallsPastMaxPollIntervalButNotItsSession() {
        Step.Stall stall = new Step.Stall("c2", 5000);
        Step leave = Step.leave("c0");
        Compared runs = compare("vs-static-back", threeMembersThen(stall, Step.pause(500), leave, awaitStable(2)),
                real -> real.assignor("range").sessionTimeout(java.time.Duration.ofMillis(6000))
                        .maxPollInterval(java.time.Duration.ofMillis(3000)),
                sim -> sim.assignor("range").sessionTimeoutMs(6000).maxPollIntervalMs(3000));
        for (RunLog log : runs.all()) {
            RebalanceRound before = log.roundBefore(stall);
            SortedSet<TopicPartition> held = before.assignment().get("c2");
            List<ListenerCallback> sinceStall = log.callbacksSince(stall);
            List<ListenerCallback> untilLeave = sinceStall.subList(0,
                    sinceStall.size() - log.callbacksSince(leave).size());
            assertThat(untilLeave).as("callbacks from the stall to c0's leave")
                    .extracting(c -> c.member() + " " + c.kind() + " " + c.partitionNumbers() + " gen "
                            + (c.generation() - before.generation()))
                    .containsExactly("c2 LOST " + Partitions.numbers(held) + " gen 0",
                            "c2 ASSIGNED " + Partitions.numbers(held) + " gen 0");
        }
    }

    private static ScriptedGroupRun stallTimers(ScriptedGroupRun run) {
        return run.sessionTimeout(java.time.Duration.ofMillis(STALL_SESSION_MS))
                .maxPollInterval(java.time.Duration.ofMillis(STALL_MAX_POLL_MS));
    }

    private static SimulatedGroupRun stallTimers(SimulatedGroupRun run) {
        return run.sessionTimeoutMs(STALL_SESSION_MS).maxPollIntervalMs(STALL_MAX_POLL_MS);
    }

    /** Both runs of one script, with the comparisons every script gets already made. */
    private record Compared(RunLog real, List<RunLog> simulated) {

        /** The real run first, then the simulated ones. */
        List<RunLog> all() {
            List<RunLog> all = new ArrayList<>(List.of(real));
            all.addAll(simulated);
            return all;
        }

        /**
         * During the stall the group rebalanced without the stalled member; when it came back it was told its
         * partitions were lost (never revoked), and it was assigned partitions again in a round with everyone.
         */
        void assertStalledMemberLostAndRejoined(Step.Stall stall) {
            assertStalledMemberLostAndRejoined("real Kafka", real, stall);
            simulated.forEach(sim -> assertStalledMemberLostAndRejoined("simulator", sim, stall));
        }

        private static void assertStalledMemberLostAndRejoined(String side, RunLog log, Step.Stall stall) {
            String member = stall.member();
            SortedSet<TopicPartition> held = log.roundBefore(stall).assignment().get(member);
            List<String> mine = log.callbacksSince(stall).stream().filter(c -> c.member().equals(member))
                    .map(c -> c.kind() + " " + c.partitionNumbers()).toList();
            assertThat(mine).as("%s: %s's callbacks from the stall on", side, member).isNotEmpty();
            assertThat(mine.get(0)).as("%s: %s's first callback after the stall", side, member)
                    .isEqualTo(ListenerCallback.Kind.LOST + " " + Partitions.numbers(held));
            assertThat(mine).as("%s: %s is never asked to revoke", side, member)
                    .noneMatch(text -> text.startsWith(ListenerCallback.Kind.REVOKED.name()));
            List<RebalanceRound> rounds = log.roundsSince(stall);
            assertThat(rounds).as("%s: rounds since the stall", side).hasSizeGreaterThanOrEqualTo(2);
            assertThat(rounds.get(0).assignment()).as("%s: the first round after the stall is without %s", side,
                    member).doesNotContainKey(member);
            assertThat(rounds.get(rounds.size() - 1).assignment()).as("%s: the last round has %s back", side, member)
                    .containsKey(member);
        }

        /** The first callback of a member other than the step's own came this long after the step began, in both. */
        void assertRebalanceBeganWithin(Step step, long atLeastMs, long belowMs) {
            String member = memberOf(step);
            assertThat(rebalanceDelay(real, step, member).orElseThrow())
                    .as("real Kafka: ms to the first survivor callback after %s", step)
                    .isBetween(atLeastMs, belowMs - 1);
            for (RunLog sim : simulated) {
                assertThat(rebalanceDelay(sim, step, member).orElseThrow())
                        .as("simulator: ms to the first survivor callback after %s", step)
                        .isBetween(atLeastMs, belowMs - 1);
            }
        }
    }

    private static Compared compare(String name, GroupScript script, UnaryOperator<ScriptedGroupRun> realSetup,
                                    UnaryOperator<SimulatedGroupRun> simSetup) {
        RunLog real = realSetup.apply(ScriptedGroupRun.on(cluster, name, name)).run(script);
        int offsetsPartition = GroupCoordinatorPartitioning.partitionFor(name, cluster.offsetsTopicPartitions())
                .partition();
        int realCoordinator = cluster.coordinatorOf(name);
        assertThat(realCoordinator).as("real coordinator of %s is the leader of __consumer_offsets-%d",
                name, offsetsPartition).isEqualTo(cluster.leaderOfOffsetsPartition(offsetsPartition));
        // Sanity: the script did rebalance the group at least twice, so equal runs are not trivially equal.
        assertThat(real.rounds()).as("real Kafka's rounds").hasSizeGreaterThanOrEqualTo(2);

        List<RunLog> simulated = new ArrayList<>();
        for (long seed : SEEDS) {
            SimulatedGroupRun simRun = simSetup.apply(SimulatedGroupRun.of(name, name).seed(seed));
            RunLog sim = simRun.run(withRealJoinOrder(script, real));
            String context = "seed " + seed + "\nreal Kafka:\n" + describe(real) + "simulator:\n" + describe(sim);

            assertThat(relativeCallbacks(sim)).as("callbacks per member, %s", context)
                    .isEqualTo(relativeCallbacks(real));
            assertThat(relativeRounds(sim)).as("assignment per round, %s", context).isEqualTo(relativeRounds(real));

            ShardView shard = simRun.coordinatorShard().orElseThrow(() -> new AssertionError(
                    "no simulated coordinator shard holds " + name));
            assertThat(shard.partition()).as("simulated coordinator partition of %s", name).isEqualTo(offsetsPartition);
            assertThat(shard.broker()).as("simulated coordinator of %s leads __consumer_offsets-%d, seed %d",
                    name, offsetsPartition, seed).isEqualTo(simRun.leaderOfOffsetsPartition(offsetsPartition));
            simulated.add(sim);
        }
        return new Compared(real, simulated);
    }

    /**
     * The script with the formation as real Kafka went through it. Members start a few milliseconds apart, and
     * whether c0's solo join completes (a round of its own: c0 gets all six partitions, then revokes them at its
     * next heartbeat) before the others' JoinGroups arrive is thread timing, not the script: both outcomes were seen
     * on real Kafka, as was c0's join arriving after c1's and c2's had formed a round without it. Every formation round
     * real Kafka completed before the full group becomes a barrier in the simulator's copy (its members start, then
     * {@code awaitStable(k)}), so the simulator
     * replays the same interleaving, and then every callback of the formation is compared too.
     */
    static GroupScript withRealJoinOrder(GroupScript script, RunLog real) {
        int firstAwait = -1;
        for (int i = 0; i < script.steps().size() && firstAwait < 0; i++) {
            if (script.steps().get(i) instanceof Step.AwaitStable) {
                firstAwait = i;
            }
        }
        if (firstAwait < 0 || firstAwait + 1 >= script.steps().size()) {
            return script;
        }
        List<Step> starts = script.steps().subList(0, firstAwait);
        int formed = real.roundBefore(script.steps().get(firstAwait + 1)).generation();
        List<Step> steps = new ArrayList<>();
        List<Set<String>> partial = new ArrayList<>();
        for (RebalanceRound round : real.rounds()) {
            if (round.generation() < formed) {
                partial.add(round.assignment().keySet());
            }
        }
        // Which JoinGroup reaches the coordinator first is thread timing too: a member started later may be in a
        // formation round that one started earlier missed. Start each round's members (in script order) before
        // the members the round did not have, then wait for that round as real Kafka completed it.
        Set<String> started = new HashSet<>();
        for (Set<String> members : partial) {
            for (Step step : starts) {
                if (step instanceof Step.Start start && members.contains(start.member())
                        && started.add(start.member())) {
                    steps.add(step);
                }
            }
            assertThat(started).as("real Kafka's formation round of %s grows from the rounds before it", members)
                    .isEqualTo(members);
            steps.add(awaitStable(members.size()));
        }
        for (Step step : starts) {
            if (!(step instanceof Step.Start start) || started.add(start.member())) {
                steps.add(step);
            }
        }
        steps.addAll(script.steps().subList(firstAwait, script.steps().size()));
        return new GroupScript(steps);
    }

    /**
     * Per member, its callbacks in order as "KIND [partitions] g+d", d the generation minus the run's first
     * callback's generation.
     */
    static Map<String, List<String>> relativeCallbacks(RunLog log) {
        List<ListenerCallback> callbacks = log.callbacks();
        int base = callbacks.isEmpty() ? 0 : callbacks.get(0).generation();
        Map<String, List<String>> byMember = new TreeMap<>();
        for (ListenerCallback callback : callbacks) {
            byMember.computeIfAbsent(callback.member(), m -> new ArrayList<>()).add(callback.kind() + " "
                    + callback.partitionNumbers() + " g+" + (callback.generation() - base));
        }
        return byMember;
    }

    /** The assignment after each round, as "g+d {member=[partitions]}", relative as above. */
    static List<String> relativeRounds(RunLog log) {
        List<ListenerCallback> callbacks = log.callbacks();
        int base = callbacks.isEmpty() ? 0 : callbacks.get(0).generation();
        return log.rounds().stream()
                .map(round -> "g+" + (round.generation() - base) + " " + round.partitionNumbers()).toList();
    }

    /**
     * Milliseconds from the start of the step to the first callback of any other member. From the start, not the
     * end: a real close takes a few hundred ms, and a survivor's heartbeat can learn of the rebalance before the
     * close call returns (seen once, -93 ms from the end). The session timer of a member that stops heartbeating
     * started at its last heartbeat, at most one interval before the step, hence the lower bounds.
     */
    private static OptionalLong rebalanceDelay(RunLog log, Step step, String member) {
        long stepStart = log.timing(step).startedMs();
        return log.timedSince(step).stream()
                .filter(timed -> timed.observation() instanceof ListenerCallback)
                .filter(timed -> !timed.observation().member().equals(member))
                .mapToLong(timed -> timed.elapsedMs() - stepStart)
                .findFirst();
    }

    private static String memberOf(Step step) {
        if (step instanceof Step.Leave leave) {
            return leave.member();
        } else if (step instanceof Step.Close close) {
            return close.member();
        } else if (step instanceof Step.Crash crash) {
            return crash.member();
        } else if (step instanceof Step.Stall stall) {
            return stall.member();
        }
        throw new IllegalArgumentException("no member in " + step);
    }

    private static String describe(RunLog log) {
        StringBuilder text = new StringBuilder();
        for (StepTiming step : log.steps()) {
            text.append("  [").append(step.startedMs()).append("..").append(step.finishedMs()).append(" ms] ")
                    .append(step.step()).append('\n');
        }
        for (Timed timed : log.timeline()) {
            if (timed.observation() instanceof ListenerCallback callback) {
                text.append("  ").append(timed.elapsedMs()).append(" ms  ").append(callback.member()).append(' ')
                        .append(callback.kind()).append(' ').append(callback.partitionNumbers()).append(" gen ")
                        .append(callback.generation()).append('\n');
            }
        }
        return text.toString();
    }

    private static GroupScript threeMembersThen(Step... steps) {
        List<Step> script = new ArrayList<>(List.of(start("c0"), start("c1"), start("c2"), awaitStable(3)));
        script.addAll(List.of(steps));
        return new GroupScript(script);
    }
}
