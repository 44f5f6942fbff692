package dev.groupscope.sim.broker;

import dev.groupscope.kafka.config.BrokerSettings;
import dev.groupscope.sim.cluster.LeaderChange;
import dev.groupscope.sim.coordinator.Rule;
import dev.groupscope.sim.engine.Context;
import java.util.List;

/**
 * Automatic preferred-leader election (auto.leader.rebalance.enable), as the KRaft controller of Kafka 4.1 runs it:
 * the periodic task "electPreferred" ({@code QuorumController.registerElectPreferred}, run by
 * {@code PeriodicTaskControlManager}) calling {@code ReplicationControlManager.maybeBalancePartitionLeaders}.
 *
 * <p><b>When the check runs.</b> On a fixed period from the controller's activation (t = 0 in the model):
 * {@code ControllerServer} registers the task only when auto.leader.rebalance.enable is true, with period
 * {@code leader.imbalance.check.interval.seconds}; {@code PeriodicTaskControlManager.activate()} schedules it one
 * period ahead, and after each run it is rescheduled one period after that run
 * ({@code nextDelayTimeNs} returns {@code periodNs}), whether or not anything was imbalanced. So with the default
 * 300 s the checks come at 300 s, 600 s, 900 s…, whenever brokers stop or start: a broker stopped at 20 s and
 * restarted at 100 s gets its partitions back at 300 s; restarted at 310 s, it finds the 300 s check came and went
 * and gets them back at 600 s. (Kafka 3.x's {@code maybeScheduleNextBalancePartitionLeaders}, which counted the
 * interval from the first write that left leaders imbalanced, is gone from 4.1.)
 *
 * <p><b>What it does.</b> A preferred election for each imbalanced partition: the first replica becomes leader if
 * it may lead (Kafka: in the ISR and {@code ClusterControlManager.isActive} — registered, unfenced, not in
 * controlled shutdown; in the model: its broker is up, every replica being in sync). It stops after
 * {@value #MAX_ELECTIONS_PER_IMBALANCE} records; a run that reached that many answers true ("more to do"), and
 * {@code PeriodicTaskControlManager} then runs the task again after {@code PeriodicTask}'s immediate period,
 * {@value #IMMEDIATELY_MS} ms, instead of a whole interval. {@code leader.imbalance.per.broker.percentage} plays
 * no part: only the ZooKeeper-mode controller read it.
 *
 * <p>Each leader that moves is a {@code LeaderChange} event handled exactly like one caused by a broker stopping:
 * a {@code __consumer_offsets} partition's groups move to the new leader, whose members then get NOT_COORDINATOR
 * from the old one and find the coordinator again.
 */
final class PreferredLeaderBalancer {

    /** Kafka's {@code QuorumController} sets {@code maxElectionsPerImbalance} to 1000. */
    static final int MAX_ELECTIONS_PER_IMBALANCE = 1_000;

    /**
     * {@code PeriodicTask.DEFAULT_IMMEDIATE_PERIOD_NS} (10 ms): the delay of a run that reported more work, because
     * Kafka's event queue would otherwise run deferred events before waiting ones.
     */
    static final long IMMEDIATELY_MS = 10;

    private PreferredLeaderBalancer() {
    }

    /**
     * The controller's activation ({@code PeriodicTaskControlManager.activate()}): the first check one interval
     * from now, if auto.leader.rebalance.enable registered the task at all.
     */
    static void activate(ClusterActor cluster, Context context) {
        scheduleNext(cluster, context, false);
    }

    /** One run of the task: preferred elections, applied as any leader change is, then the next run. */
    static void run(ClusterActor cluster, Context context) {
        List<LeaderChange> changes = cluster.state.balancePartitionLeaders(MAX_ELECTIONS_PER_IMBALANCE);
        if (!changes.isEmpty()) {
            long intervalSeconds = cluster.settings.leaderImbalanceCheckIntervalSeconds();
            new ClusterAdmin(cluster, context).applyLeaderChanges(changes, change -> Rule.of(
                    "sim.cluster.preferredLeaderElected", "topicPartition", change.topic() + "-" + change.partition(),
                    "leader", change.newLeader(), "previous", change.oldLeader(), "intervalSeconds", intervalSeconds));
        }
        // ReplicationControlManager.maybeBalancePartitionLeaders answers records.size() >= maxElectionsPerImbalance.
        scheduleNext(cluster, context, changes.size() >= MAX_ELECTIONS_PER_IMBALANCE);
    }

    /** {@code PeriodicTaskControlManager.reschedule} with {@code nextDelayTimeNs}: immediate or one period. */
    private static void scheduleNext(ClusterActor cluster, Context context, boolean immediately) {
        BrokerSettings settings = cluster.settings;
        if (!settings.autoLeaderRebalanceEnable()) {
            return;
        }
        long delayMs = immediately ? IMMEDIATELY_MS : settings.leaderImbalanceCheckIntervalSeconds() * 1000L;
        context.setTimer(BalancePartitionLeaders.KEY, delayMs, new BalancePartitionLeaders(ClusterActor.ID));
    }
}
