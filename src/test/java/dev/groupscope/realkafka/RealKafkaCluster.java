package dev.groupscope.realkafka;

import com.yammer.metrics.core.Meter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.metrics.KafkaYammerMetrics;

/**
 * A real Kafka 4.1.1 KRaft cluster inside the test JVM, from Kafka's own test kit (no Docker, no download):
 * n nodes that are each broker and controller-capable, one of them the KRaft controller. Broker settings are
 * cut down for short tests (real-kafka-in-tests.md). Close it, e.g. with try-with-resources or in
 * {@code @AfterAll}.
 */
public final class RealKafkaCluster implements AutoCloseable {

    /** Requests of {@code api} (e.g. OffsetForLeaderEpoch) all brokers of this JVM have received, every version. */
    static long requestsReceived(String api) {
        long count = 0;
        for (var entry : KafkaYammerMetrics.defaultRegistry().allMetrics().entrySet()) {
            var name = entry.getKey();
            if ("RequestMetrics".equals(name.getType()) && "RequestsPerSec".equals(name.getName())
                    && name.getScope() != null && name.getScope().contains("request." + api)
                    && entry.getValue() instanceof Meter meter) {
                count += meter.count();
            }
        }
        return count;
    }

    public static final String OFFSETS_TOPIC = "__consumer_offsets";
    /** Few offsets partitions keep start-up quick and make the coordinator formula easy to check by hand. */
    public static final int DEFAULT_OFFSETS_PARTITIONS = 5;
    /** Lets consumers use session timeouts below the broker's default minimum of 6000 ms. */
    public static final int MIN_SESSION_TIMEOUT_MS = 1000;

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaClusterTestKit kit;
    private final int offsetsTopicPartitions;
    private final Admin admin;

    private RealKafkaCluster(KafkaClusterTestKit kit, int offsetsTopicPartitions) {
        this.kit = kit;
        this.offsetsTopicPartitions = offsetsTopicPartitions;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kit.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "groupscope-test-admin"));
    }

    public static RealKafkaCluster start(int nodes) {
        return start(nodes, DEFAULT_OFFSETS_PARTITIONS);
    }

    /** Starts {@code nodes} combined broker+controller nodes (1 to 3 on this project's machines) and waits for them. */
    public static RealKafkaCluster start(int nodes, int offsetsTopicPartitions) {
        return start(nodes, offsetsTopicPartitions, Map.of());
    }

    /** As {@link #start(int, int)}, with further broker settings (e.g. leader.imbalance.check.interval.seconds). */
    public static RealKafkaCluster start(int nodes, int offsetsTopicPartitions, Map<String, String> settings) {
        KafkaClusterTestKit kit = null;
        try {
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes(nodes));
            settings.forEach(builder::setConfigProp);
            kit = builder
                    .setConfigProp("offsets.topic.num.partitions", String.valueOf(offsetsTopicPartitions))
                    .setConfigProp("offsets.topic.replication.factor", String.valueOf(nodes))
                    .setConfigProp("transaction.state.log.replication.factor", String.valueOf(nodes))
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    // A new group otherwise waits 3 s for more members before its first rebalance.
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("group.min.session.timeout.ms", String.valueOf(MIN_SESSION_TIMEOUT_MS))
                    .build();
            startWithin(kit, START_TIMEOUT);
            return new RealKafkaCluster(kit, offsetsTopicPartitions);
        } catch (Exception | AssertionError e) {
            closeQuietly(kit, e);
            throw new IllegalStateException("could not start a " + nodes + "-node Kafka cluster", e);
        }
    }

    /** The kit waits for ready brokers without a deadline of its own; a stuck start must fail the test instead. */
    private static void startWithin(KafkaClusterTestKit kit, Duration timeout) {
        CompletableFuture<Void> started = CompletableFuture.runAsync(() -> {
            try {
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, task -> {
            Thread thread = new Thread(task, "groupscope-cluster-start");
            thread.setDaemon(true);
            thread.start();
        });
        Bounded.get(started, timeout, "starting the Kafka cluster");
    }

    private static TestKitNodes nodes(int count) {
        // Combined: every node is a broker; node 0 is also the single KRaft controller, so stopping brokers never
        // loses the controller quorum.
        return new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(count)
                .setNumControllerNodes(1)
                .build();
    }

    public String bootstrapServers() {
        return kit.bootstrapServers();
    }

    /** A producer of string keys and values to this cluster, every write acknowledged by all replicas. */
    public Map<String, Object> stringProducerConfig() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    }

    /** The cluster's admin client, shared and closed with the cluster. */
    public Admin admin() {
        return admin;
    }

    public int offsetsTopicPartitions() {
        return offsetsTopicPartitions;
    }

    /** Ids of the brokers that are running (stopped ones excluded). */
    public Set<Integer> runningBrokerIds() {
        Set<Integer> ids = new TreeSet<>();
        kit.brokers().forEach((id, broker) -> {
            if (!broker.isShutdown()) {
                ids.add(id);
            }
        });
        return ids;
    }

    /**
     * Creates a topic replicated on every running broker, so it survives {@link #stopBroker}, and waits until the
     * brokers' metadata has every partition with a leader: the controller accepts the topic first, and a describe
     * sent at once could reach a broker that does not know it yet (UnknownTopicOrPartitionException).
     */
    public void createTopic(String name, int partitions) {
        NewTopic topic = new NewTopic(name, partitions, (short) runningBrokerIds().size());
        Bounded.get(admin.createTopics(List.of(topic)).all(), ADMIN_TIMEOUT, "creating topic " + name);
        Bounded.await("every partition of " + name + " has a leader", ADMIN_TIMEOUT,
                () -> hasLeaders(name, partitions), () -> "topic " + name);
    }

    private boolean hasLeaders(String topic, int partitions) {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).get(topic);
            return description.partitions().size() == partitions && description.partitions().stream()
                    .allMatch(info -> info.leader() != null && !info.leader().isEmpty());
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false; // not known everywhere yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + topic, e);
        }
    }

    /** Grows a topic to {@code partitions} (Admin.createPartitions): consumers learn of it from their metadata. */
    public void addPartitions(String name, int partitions) {
        Bounded.get(admin.createPartitions(Map.of(name, NewPartitions.increaseTo(partitions))).all(), ADMIN_TIMEOUT,
                "growing topic " + name);
    }

    /** The broker the cluster names as the group's coordinator (FindCoordinator, via DescribeGroups). */
    public int coordinatorOf(String groupId) {
        ConsumerGroupDescription group = Bounded.get(
                admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId),
                ADMIN_TIMEOUT, "describing group " + groupId);
        return group.coordinator().id();
    }

    /** The broker leading the given {@code __consumer_offsets} partition, as the cluster's metadata says now. */
    public int leaderOfOffsetsPartition(int partition) {
        return leaderOf(OFFSETS_TOPIC, partition)
                .orElseThrow(() -> new AssertionError(OFFSETS_TOPIC + "-" + partition + " has no leader"));
    }

    /** The partition's leader, empty while it has none (e.g. between a broker's stop and the new election). */
    public Optional<Integer> leaderOf(String topic, int partition) {
        TopicDescription description = Bounded.get(
                admin.describeTopics(List.of(topic)).allTopicNames(), ADMIN_TIMEOUT, "describing " + topic)
                .get(topic);
        Node leader = description.partitions().get(partition).leader();
        return leader == null || leader.isEmpty() ? Optional.empty() : Optional.of(leader.id());
    }

    /**
     * Shuts one broker down in a controlled way (it hands its leaderships over first) and waits until it has
     * stopped. The KRaft controller stays up, because it is a separate server in the same node.
     */
    public void stopBroker(int id) {
        BrokerServer broker = kit.brokers().get(id);
        if (broker == null) {
            throw new IllegalArgumentException("no broker " + id + "; brokers are " + kit.brokers().keySet());
        }
        broker.shutdown(Duration.ofSeconds(20));
        broker.awaitShutdown();
    }

    /** Starts a broker {@link #stopBroker} stopped, as a restart would: it registers again and is unfenced. */
    public void startBroker(int id) {
        BrokerServer broker = kit.brokers().get(id);
        if (broker == null) {
            throw new IllegalArgumentException("no broker " + id + "; brokers are " + kit.brokers().keySet());
        }
        broker.startup();
    }

    @Override
    public void close() throws Exception {
        try {
            admin.close(Duration.ofSeconds(5));
        } finally {
            kit.close();
        }
    }

    private static void closeQuietly(KafkaClusterTestKit kit, Throwable cause) {
        if (kit != null) {
            try {
                kit.close();
            } catch (Exception e) {
                cause.addSuppressed(e);
            }
        }
    }
}
