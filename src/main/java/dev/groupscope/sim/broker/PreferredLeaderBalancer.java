package dev.groupscope.sim.broker;

import dev.groupscope.kafka.config.BrokerSettings;
import dev.groupscope.sim.cluster.LeaderChange;
import dev.groupscope.sim.coordinator.Rule;
import dev.groupscope.sim.engine.Context;
import java.util.List;

/**
 * Automatic preferred-leader election (auto.leader.rebalance.enable), as the KRaft controller of Kafka 4.1 runs it
 * ({@code QuorumController.maybeScheduleNextBalancePartitionLeaders} and
 * {@code ReplicationControlManager.maybeBalancePartitionLeaders}).
 *
 * <p><b>When the check runs.</b> Not on a fixed period from the controller's start. After every controller write
 * (a broker fenced or unfenced, a topic created, a leader moved — and the controller's activation), the controller
 * schedules one check {@code leader.imbalance.check.interval.seconds} later, but only if none is scheduled yet, the
 * setting is enabled, and some partition is not led by its preferred replica. So the clock starts when leadership
 * first moves away — when a broker stops — not when the broker comes back: a broker stopped at 20 s and restarted
 * at 100 s gets its partitions back at 320 s; restarted at 330 s, it finds the 320 s check came and went (nothing
 * could move, so the next was scheduled) and gets them back at 620 s. While nothing is imbalanced no check is
 * scheduled at all, so a run without stopped brokers never sees one.
 *
 * <p><b>What it does.</b> A preferred election for each imbalanced partition: the first replica becomes leader if
 * it may lead (Kafka: in the ISR and unfenced; in the model: its broker is up, every replica being in sync). At most
 * {@value #MAX_ELECTIONS_PER_IMBALANCE} leaders move per run; if that many did, the next run comes
 * {@value #IMMEDIATELY_MS} ms later instead of a whole interval. {@code leader.imbalance.per.broker.percentage} plays
 * no part: only the ZooKeeper-mode controller read it.
 *
 * <p>Each leader that moves is a {@code LeaderChange} event handled exactly like one caused by a broker stopping:
 * a {@code __consumer_offsets} partition's groups move to the new leader, whose members then get NOT_COORDINATOR
 * from the old one and find the coordinator again.
 */
final class PreferredLeaderBalancer {

    /** Kafka's {@code QuorumController.MAX_ELECTIONS_PER_IMBALANCE}. */
    static final int MAX_ELECTIONS_PER_IMBALANCE = 1_000;

    /**
     * The delay of a run that follows a full one: Kafka's event queue would otherwise run deferred events before
     * waiting ones, so it adds 10 ms.
     */
    static final long IMMEDIATELY_MS = 10;

    private PreferredLeaderBalancer() {
    }

    /**
     * After a controller write: schedules the next check unless one is scheduled, the setting is off, or every
     * partition is led by its preferred replica.
     *
     * @param immediately the previous run moved {@value #MAX_ELECTIONS_PER_IMBALANCE} leaders and may have left more
     */
    static void maybeScheduleNext(ClusterActor cluster, Context context, boolean immediately) {
        BrokerSettings settings = cluster.settings;
        if (context.timerDeadline(BalancePartitionLeaders.KEY) >= 0 || !settings.autoLeaderRebalanceEnable()
                || !cluster.state.arePartitionLeadersImbalanced()) {
            return;
        }
        long delayMs = immediately ? IMMEDIATELY_MS : settings.leaderImbalanceCheckIntervalSeconds() * 1000L;
        context.setTimer(BalancePartitionLeaders.KEY, delayMs, new BalancePartitionLeaders(ClusterActor.ID));
    }

    /** The check itself: preferred elections, applied as any leader change is, then the next check if needed. */
    static void run(ClusterActor cluster, Context context) {
        List<LeaderChange> changes = cluster.state.balancePartitionLeaders(MAX_ELECTIONS_PER_IMBALANCE);
        if (!changes.isEmpty()) {
            long intervalSeconds = cluster.settings.leaderImbalanceCheckIntervalSeconds();
            new ClusterAdmin(cluster, context).applyLeaderChanges(changes, change -> Rule.of(
                    "sim.cluster.preferredLeaderElected", "topicPartition", change.topic() + "-" + change.partition(),
                    "leader", change.newLeader(), "previous", change.oldLeader(), "intervalSeconds", intervalSeconds));
        }
        maybeScheduleNext(cluster, context, changes.size() >= MAX_ELECTIONS_PER_IMBALANCE);
    }
}
