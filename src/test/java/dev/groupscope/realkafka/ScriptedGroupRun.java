package dev.groupscope.realkafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.consumer.RoundRobinAssignor;
import org.apache.kafka.clients.consumer.StickyAssignor;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Plays a {@link GroupScript} with real {@link org.apache.kafka.clients.consumer.KafkaConsumer}s (classic group
 * protocol) against a {@link RealKafkaCluster} and returns what they did. Members are named in the script (c0, c1,
 * ...); by default they are static members with that {@code group.instance.id}, so assignors order them by name and
 * every run assigns alike. Dynamic members get the name as {@code client.id}, and Kafka's member id starts with it,
 * so they sort the same way.
 *
 * <pre>{@code
 * RunLog log = ScriptedGroupRun.on(cluster, "orders-app", "orders").assignor("cooperative-sticky")
 *         .run(GroupScript.of(Step.start("c0"), Step.start("c1"), Step.awaitStable(2), Step.leave("c1"), Step.awaitStable(1)));
 * }</pre>
 */
public final class ScriptedGroupRun {

    /** Short, to keep timeout scenarios in seconds; the broker's minimum is lowered to allow it. */
    public static final int SESSION_TIMEOUT_MS = 6000;
    public static final int HEARTBEAT_INTERVAL_MS = 1000;
    /** Also the rebalance timeout: how long a join waits for known members to rejoin. */
    public static final int MAX_POLL_INTERVAL_MS = 15_000;

    private final RealKafkaCluster cluster;
    private final String group;
    private final String topic;
    private int partitions = 6;
    private String assignor = "range";
    private boolean autoCommit;
    private Duration autoCommitInterval = Duration.ofSeconds(5);
    private boolean staticMembers = true;
    private Duration stepTimeout = Duration.ofSeconds(30);
    private Duration metadataMaxAge = Duration.ofMinutes(5);
    private int sessionTimeoutMs = SESSION_TIMEOUT_MS;
    private int maxPollIntervalMs = MAX_POLL_INTERVAL_MS;

    private ScriptedGroupRun(RealKafkaCluster cluster, String group, String topic) {
        this.cluster = cluster;
        this.group = group;
        this.topic = topic;
    }

    /** A run of one group on one topic, which the run creates: use fresh names per test. */
    public static ScriptedGroupRun on(RealKafkaCluster cluster, String group, String topic) {
        return new ScriptedGroupRun(cluster, group, topic);
    }

    /** The topic's partition count (default 6). */
    public ScriptedGroupRun partitions(int count) {
        this.partitions = count;
        return this;
    }

    /** Kafka's protocol name: range (default), roundrobin, sticky or cooperative-sticky. */
    public ScriptedGroupRun assignor(String name) {
        assignorClass(name);
        this.assignor = name;
        return this;
    }

    /** {@code enable.auto.commit} (default off: commits happen only in {@link Step.Commit} steps). */
    public ScriptedGroupRun autoCommit(boolean enabled) {
        this.autoCommit = enabled;
        return this;
    }

    /** {@code auto.commit.interval.ms} (default 5 s). */
    public ScriptedGroupRun autoCommitInterval(Duration interval) {
        this.autoCommitInterval = interval;
        return this;
    }

    /** Members without {@code group.instance.id}: they leave on plain {@code close()} and never rejoin as themselves. */
    public ScriptedGroupRun dynamicMembers() {
        this.staticMembers = false;
        return this;
    }

    /** The members' metadata.max.age.ms (Kafka's default: 5 minutes). */
    public ScriptedGroupRun metadataMaxAge(Duration age) {
        this.metadataMaxAge = age;
        return this;
    }

    /** The members' session.timeout.ms (default {@value #SESSION_TIMEOUT_MS}; the broker allows 1000 and up). */
    public ScriptedGroupRun sessionTimeout(Duration timeout) {
        this.sessionTimeoutMs = (int) timeout.toMillis();
        return this;
    }

    /** The members' max.poll.interval.ms, also their rebalance timeout (default {@value #MAX_POLL_INTERVAL_MS}). */
    public ScriptedGroupRun maxPollInterval(Duration interval) {
        this.maxPollIntervalMs = (int) interval.toMillis();
        return this;
    }

    /** The longest any waiting step may take before the run fails (default 30 s). */
    public ScriptedGroupRun stepTimeout(Duration timeout) {
        this.stepTimeout = timeout;
        return this;
    }

    /** Creates the topic, plays the script, closes every member still running, and returns the observations. */
    public RunLog run(GroupScript script) {
        cluster.createTopic(topic, partitions);
        GroupProbe probe = new GroupProbe(cluster.admin(), group, partitions);
        return new ScriptPlayer(this, probe).play(script);
    }

    void addPartitions(int partitions) {
        cluster.addPartitions(topic, partitions);
    }

    void stopCoordinator() {
        cluster.stopBroker(cluster.coordinatorOf(group));
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    String topic() {
        return topic;
    }

    Duration stepTimeout() {
        return stepTimeout;
    }

    Map<String, Object> consumerConfig(String member) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, member);
        if (staticMembers) {
            config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, member);
        }
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionTimeoutMs);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, HEARTBEAT_INTERVAL_MS);
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, maxPollIntervalMs);
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, assignorClass(assignor).getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, String.valueOf(autoCommit));
        config.put(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG, (int) autoCommitInterval.toMillis());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) metadataMaxAge.toMillis());
        config.put(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, CommitRecorder.class.getName());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return config;
    }

    private static Class<?> assignorClass(String name) {
        switch (name) {
            case "range":
                return RangeAssignor.class;
            case "roundrobin":
                return RoundRobinAssignor.class;
            case "sticky":
                return StickyAssignor.class;
            case "cooperative-sticky":
                return CooperativeStickyAssignor.class;
            default:
                throw new IllegalArgumentException(
                        "unknown assignor " + name + "; expected range, roundrobin, sticky or cooperative-sticky");
        }
    }
}
