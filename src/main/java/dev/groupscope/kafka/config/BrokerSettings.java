package dev.groupscope.kafka.config;

import static dev.groupscope.kafka.config.BrokerConfigs.AUTO_CREATE_TOPICS_ENABLE;
import static dev.groupscope.kafka.config.BrokerConfigs.AUTO_LEADER_REBALANCE_ENABLE;
import static dev.groupscope.kafka.config.BrokerConfigs.DEFAULT_REPLICATION_FACTOR;
import static dev.groupscope.kafka.config.BrokerConfigs.GROUP_INITIAL_REBALANCE_DELAY_MS;
import static dev.groupscope.kafka.config.BrokerConfigs.GROUP_MAX_SESSION_TIMEOUT_MS;
import static dev.groupscope.kafka.config.BrokerConfigs.GROUP_MAX_SIZE;
import static dev.groupscope.kafka.config.BrokerConfigs.GROUP_MIN_SESSION_TIMEOUT_MS;
import static dev.groupscope.kafka.config.BrokerConfigs.LEADER_IMBALANCE_CHECK_INTERVAL_SECONDS;
import static dev.groupscope.kafka.config.BrokerConfigs.NUM_PARTITIONS;
import static dev.groupscope.kafka.config.BrokerConfigs.OFFSETS_COMMIT_TIMEOUT_MS;
import static dev.groupscope.kafka.config.BrokerConfigs.OFFSETS_RETENTION_CHECK_INTERVAL_MS;
import static dev.groupscope.kafka.config.BrokerConfigs.OFFSETS_RETENTION_MINUTES;
import static dev.groupscope.kafka.config.BrokerConfigs.OFFSETS_TOPIC_NUM_PARTITIONS;
import static dev.groupscope.kafka.config.BrokerConfigs.OFFSETS_TOPIC_REPLICATION_FACTOR;

import dev.groupscope.kafka.Errors;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The group coordinator's settings as a broker would run them: given values or Kafka's defaults, each checked as
 * Kafka checks it. Kafka has no rule between the classic settings (a minimum above the maximum is accepted, and then
 * every JoinGroup fails with INVALID_SESSION_TIMEOUT), so neither has this.
 */
public final class BrokerSettings {

    private final ParsedSettings parsed;
    private final Map<String, Object> values;

    private BrokerSettings(ParsedSettings parsed) {
        this.parsed = parsed;
        this.values = parsed.values();
    }

    public static BrokerSettings defaults() {
        return from(Map.of());
    }

    /** @throws InvalidSettingsException naming each setting Kafka would refuse and why */
    public static BrokerSettings from(Map<String, ?> raw) {
        SettingsParser parsed = new SettingsParser(BrokerConfigs.DEFINITIONS, raw);
        if (!parsed.problems().isEmpty()) {
            throw new InvalidSettingsException(parsed.problems());
        }
        return new BrokerSettings(ParsedSettings.of(raw, parsed));
    }

    public static List<SettingProblem> validate(Map<String, ?> raw) {
        return List.copyOf(new SettingsParser(BrokerConfigs.DEFINITIONS, raw).problems());
    }

    public BrokerSettings with(String name, Object value) {
        return from(parsed.with(name, value));
    }

    public Map<String, Object> originals() {
        return parsed.originals();
    }

    public Set<String> unused() {
        return parsed.unused();
    }

    public Object get(String name) {
        BrokerConfigs.definition(name);
        return values.get(name);
    }

    /**
     * The coordinator's first check of a JoinGroup (Kafka's {@code GroupCoordinatorService.joinGroup}): a session
     * timeout outside [group.min.session.timeout.ms, group.max.session.timeout.ms], bounds included, is refused
     * with INVALID_SESSION_TIMEOUT before the group is even looked at.
     */
    public Errors checkSessionTimeout(int sessionTimeoutMs) {
        boolean inRange = sessionTimeoutMs >= groupMinSessionTimeoutMs() && sessionTimeoutMs <= groupMaxSessionTimeoutMs();
        return inRange ? Errors.NONE : Errors.INVALID_SESSION_TIMEOUT;
    }

    public int offsetsTopicNumPartitions() {
        return (Integer) values.get(OFFSETS_TOPIC_NUM_PARTITIONS);
    }

    public short offsetsTopicReplicationFactor() {
        return (Short) values.get(OFFSETS_TOPIC_REPLICATION_FACTOR);
    }

    public int offsetsRetentionMinutes() {
        return (Integer) values.get(OFFSETS_RETENTION_MINUTES);
    }

    /** How long committed offsets are kept, in ms, as the coordinator computes it from the minutes. */
    public long offsetsRetentionMs() {
        return offsetsRetentionMinutes() * 60L * 1000L;
    }

    public long offsetsRetentionCheckIntervalMs() {
        return (Long) values.get(OFFSETS_RETENTION_CHECK_INTERVAL_MS);
    }

    public int offsetsCommitTimeoutMs() {
        return (Integer) values.get(OFFSETS_COMMIT_TIMEOUT_MS);
    }

    public int groupInitialRebalanceDelayMs() {
        return (Integer) values.get(GROUP_INITIAL_REBALANCE_DELAY_MS);
    }

    public int groupMinSessionTimeoutMs() {
        return (Integer) values.get(GROUP_MIN_SESSION_TIMEOUT_MS);
    }

    public int groupMaxSessionTimeoutMs() {
        return (Integer) values.get(GROUP_MAX_SESSION_TIMEOUT_MS);
    }

    public int groupMaxSize() {
        return (Integer) values.get(GROUP_MAX_SIZE);
    }

    /** Whether the controller moves leadership back to each partition's preferred replica (true). */
    public boolean autoLeaderRebalanceEnable() {
        return (Boolean) values.get(AUTO_LEADER_REBALANCE_ENABLE);
    }

    /** The period of the controller's preferred-leader check, counted from its activation (300 s). */
    public long leaderImbalanceCheckIntervalSeconds() {
        return (Long) values.get(LEADER_IMBALANCE_CHECK_INTERVAL_SECONDS);
    }

    /** Whether a Metadata request that names a missing topic, and allows it, creates that topic (true). */
    public boolean autoCreateTopicsEnable() {
        return (Boolean) values.get(AUTO_CREATE_TOPICS_ENABLE);
    }

    /** The partitions of a topic created without a count: an auto-created one (1). */
    public int numPartitions() {
        return (Integer) values.get(NUM_PARTITIONS);
    }

    /** The replication factor of a topic created without one: an auto-created one (1). */
    public int defaultReplicationFactor() {
        return (Integer) values.get(DEFAULT_REPLICATION_FACTOR);
    }
}
