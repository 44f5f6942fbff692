package dev.groupscope.realkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The oracle for the model's automatic preferred-leader election (auto.leader.rebalance.enable, on by default): a
 * real KRaft cluster gives a restarted broker back the partitions it is the preferred replica of — not on its
 * restart, but at the controller's next check. In Kafka 4.1 that check is the periodic task "electPreferred"
 * ({@code QuorumController.registerElectPreferred}, {@code PeriodicTaskControlManager}): it runs every
 * leader.imbalance.check.interval.seconds from the controller's activation, whatever moved when — not, as in
 * Kafka 3.x, one interval after leadership first moved away. {@code PreferredLeaderBalancer} models that.
 *
 * <p>The test first finds the time of one check (leadership comes back after a first stop and restart), then
 * stops the broker again a few seconds before the next check, so that the broker is still starting when it comes:
 * on Kafka 4.1 leadership comes back one interval later still, two intervals after the first return; on the 3.x
 * schedule it would come back one interval after it moved away, several seconds sooner.
 */
class RealKafkaPreferredLeaderTest {

    private static final int CHECK_INTERVAL_SECONDS = 20;
    private static final long INTERVAL_MS = CHECK_INTERVAL_SECONDS * 1000L;
    /** How long before the next check the broker is stopped the second time (its restart takes ~10 s). */
    private static final long STOP_BEFORE_CHECK_MS = 8_000;
    /** Wall-clock slack: polling every 100 ms, describing topics, the controller's event queue. */
    private static final long SLACK_MS = 1_500;
    private static final int BROKER = 1;
    private static final Duration OVERALL = Duration.ofSeconds(60);

    @Test
    @Timeout(240)
    void leadershipComesBackAtTheControllersPeriodicCheckNotOneIntervalAfterItMovedAway() throws Exception {
        try (RealKafkaCluster cluster = RealKafkaCluster.start(3, RealKafkaCluster.DEFAULT_OFFSETS_PARTITIONS,
                Map.of("leader.imbalance.check.interval.seconds", String.valueOf(CHECK_INTERVAL_SECONDS)))) {
            cluster.createTopic("orders", 6);
            List<String> preferring = partitionsPreferring(cluster, BROKER);
            assertThat(preferring).isNotEmpty();
            awaitLeaders(cluster, preferring, leader -> leader == BROKER, "every preferred leader in place");

            // A first stop and restart: leadership comes back at some check, a moment on the controller's period.
            cluster.stopBroker(BROKER);
            awaitLeaders(cluster, preferring, leader -> leader != BROKER, "leadership moved off the stopped broker");
            cluster.startBroker(BROKER);
            awaitRunning(cluster, BROKER);
            if (!leaders(cluster, preferring).values().stream().allMatch(leader -> leader == BROKER)) {
                // Being back is not enough before the check: the others keep their leadership.
                assertThat(leaders(cluster, preferring)).as("just after the restart")
                        .allSatisfy((partition, leader) -> assertThat(leader).isNotEqualTo(BROKER));
            }
            awaitLeaders(cluster, preferring, leader -> leader == BROKER, "leadership back at the first check");
            long firstCheck = System.nanoTime();

            // The second stop, a few seconds before the next check (firstCheck + interval).
            sleepUntil(firstCheck + TimeUnit.MILLISECONDS.toNanos(INTERVAL_MS - STOP_BEFORE_CHECK_MS));
            cluster.stopBroker(BROKER);
            awaitLeaders(cluster, preferring, leader -> leader != BROKER, "leadership moved off again");
            long movedAway = System.nanoTime();
            cluster.startBroker(BROKER);
            awaitRunning(cluster, BROKER);
            long runningAfterMs = millisSince(firstCheck);
            awaitLeaders(cluster, preferring, leader -> leader == BROKER, "leadership back again");
            long backAfterMs = millisSince(firstCheck);
            long backAfterMovedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - movedAway);

            // Kafka 4.1: the first check after the broker is running again, on the period of the first one.
            long expectedMs = Math.max(1, (runningAfterMs + INTERVAL_MS - 1) / INTERVAL_MS) * INTERVAL_MS;
            assertThat(backAfterMs).as("back, counted from the first check (running again after %d ms)",
                    runningAfterMs).isBetween(expectedMs - SLACK_MS, expectedMs + SLACK_MS);
            if (runningAfterMs > INTERVAL_MS + SLACK_MS) {
                // The check one interval after the first return found the broker still starting: the 3.x
                // schedule (one interval after leadership moved away) would have given it back sooner.
                assertThat(backAfterMovedMs).as("counted from when leadership moved away")
                        .isGreaterThan(INTERVAL_MS + 2 * SLACK_MS);
            }
        }
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /**
     * Every partition of {@code orders} whose first replica is {@code broker} (__consumer_offsets does not exist
     * yet: no consumer has asked for a coordinator).
     */
    private static List<String> partitionsPreferring(RealKafkaCluster cluster, int broker) {
        return describe(cluster).entrySet().stream()
                .filter(entry -> entry.getValue().replicas().get(0).id() == broker).map(Map.Entry::getKey).toList();
    }

    private static Map<String, Integer> leaders(RealKafkaCluster cluster, List<String> partitions) {
        Map<String, TopicPartitionInfo> all = describe(cluster);
        Map<String, Integer> leaders = new TreeMap<>();
        for (String partition : partitions) {
            Node leader = all.get(partition).leader();
            leaders.put(partition, leader == null || leader.isEmpty() ? -1 : leader.id());
        }
        return leaders;
    }

    private static Map<String, TopicPartitionInfo> describe(RealKafkaCluster cluster) {
        List<String> topics = List.of("orders");
        Map<String, TopicDescription> descriptions = Bounded.get(
                cluster.admin().describeTopics(topics).allTopicNames(), Duration.ofSeconds(15), "describing topics");
        Map<String, TopicPartitionInfo> partitions = new TreeMap<>();
        descriptions.forEach((topic, description) -> description.partitions()
                .forEach(info -> partitions.put(topic + "-" + info.partition(), info)));
        return partitions;
    }

    private static void awaitLeaders(RealKafkaCluster cluster, List<String> partitions,
                                     java.util.function.IntPredicate wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + OVERALL.toNanos();
        while (!leaders(cluster, partitions).values().stream().allMatch(wanted::test)) {
            assertThat(System.nanoTime()).as("waiting for: " + what + " " + leaders(cluster, partitions))
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static void awaitRunning(RealKafkaCluster cluster, int broker) throws InterruptedException {
        long deadline = System.nanoTime() + OVERALL.toNanos();
        while (!cluster.runningBrokerIds().contains(broker)) {
            assertThat(System.nanoTime()).as("broker " + broker + " running again").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
