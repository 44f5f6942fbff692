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
 * restart, but at the controller's check, which was scheduled leader.imbalance.check.interval.seconds after
 * leadership first moved away (when the broker stopped).
 *
 * <p>Wall-clock timings vary, so the assertions are loose; a run on the project's machine (interval 10 s) measured
 * from when {@code stopBroker} returned: restart complete after 10.2 s (a broker's startup waits to be unfenced),
 * leadership back after 16.9 s. That is sooner than restart + 10 s: the check was counted from the controlled
 * shutdown moving the leaders (~3 s before the stop returned), found the broker still fenced at ~7 s, and ran
 * again at ~17 s — the schedule {@code PreferredLeaderBalancer} models.
 */
class RealKafkaPreferredLeaderTest {

    private static final int CHECK_INTERVAL_SECONDS = 10;
    private static final int BROKER = 1;
    private static final Duration OVERALL = Duration.ofSeconds(60);

    @Test
    @Timeout(120)
    void aRestartedBrokerGetsItsPreferredPartitionsBackAtTheCheckScheduledWhenItStopped() throws Exception {
        try (RealKafkaCluster cluster = RealKafkaCluster.start(3, RealKafkaCluster.DEFAULT_OFFSETS_PARTITIONS,
                Map.of("leader.imbalance.check.interval.seconds", String.valueOf(CHECK_INTERVAL_SECONDS)))) {
            cluster.createTopic("orders", 6);
            List<String> preferring = partitionsPreferring(cluster, BROKER);
            assertThat(preferring).isNotEmpty();
            awaitLeaders(cluster, preferring, leader -> leader == BROKER, "every preferred leader in place");

            cluster.stopBroker(BROKER);
            long stoppedAt = System.nanoTime();
            awaitLeaders(cluster, preferring, leader -> leader != BROKER, "leadership moved off the stopped broker");

            cluster.startBroker(BROKER);
            awaitRunning(cluster, BROKER);
            long restartedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt);
            if (restartedAfterMs < (CHECK_INTERVAL_SECONDS - 2) * 1000L) {
                // Well before the check: being back is not enough, the others keep their leadership.
                assertThat(leaders(cluster, preferring)).as("just after the restart")
                        .allSatisfy((partition, leader) -> assertThat(leader).isNotEqualTo(BROKER));
            }

            awaitLeaders(cluster, preferring, leader -> leader == BROKER, "leadership back at the preferred replica");
            long backAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt);
            assertThat(backAfterMs).as("counted from the stop, the interval has passed")
                    .isGreaterThanOrEqualTo(CHECK_INTERVAL_SECONDS * 1000L - 500);
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
