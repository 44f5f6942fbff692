package dev.groupscope.kafka.config;

import static dev.groupscope.kafka.config.ConsumerConfigs.ALLOW_AUTO_CREATE_TOPICS;
import static dev.groupscope.kafka.config.ConsumerConfigs.AUTO_COMMIT_INTERVAL_MS;
import static dev.groupscope.kafka.config.ConsumerConfigs.AUTO_OFFSET_RESET;
import static dev.groupscope.kafka.config.ConsumerConfigs.CLIENT_ID;
import static dev.groupscope.kafka.config.ConsumerConfigs.DEFAULT_API_TIMEOUT_MS;
import static dev.groupscope.kafka.config.ConsumerConfigs.ENABLE_AUTO_COMMIT;
import static dev.groupscope.kafka.config.ConsumerConfigs.FETCH_MAX_BYTES;
import static dev.groupscope.kafka.config.ConsumerConfigs.FETCH_MAX_WAIT_MS;
import static dev.groupscope.kafka.config.ConsumerConfigs.FETCH_MIN_BYTES;
import static dev.groupscope.kafka.config.ConsumerConfigs.GROUP_ID;
import static dev.groupscope.kafka.config.ConsumerConfigs.GROUP_INSTANCE_ID;
import static dev.groupscope.kafka.config.ConsumerConfigs.GROUP_PROTOCOL;
import static dev.groupscope.kafka.config.ConsumerConfigs.GROUP_REMOTE_ASSIGNOR;
import static dev.groupscope.kafka.config.ConsumerConfigs.HEARTBEAT_INTERVAL_MS;
import static dev.groupscope.kafka.config.ConsumerConfigs.ISOLATION_LEVEL;
import static dev.groupscope.kafka.config.ConsumerConfigs.MAX_PARTITION_FETCH_BYTES;
import static dev.groupscope.kafka.config.ConsumerConfigs.MAX_POLL_INTERVAL_MS;
import static dev.groupscope.kafka.config.ConsumerConfigs.MAX_POLL_RECORDS;
import static dev.groupscope.kafka.config.ConsumerConfigs.PARTITION_ASSIGNMENT_STRATEGY;
import static dev.groupscope.kafka.config.ConsumerConfigs.METADATA_MAX_AGE_MS;
import static dev.groupscope.kafka.config.ConsumerConfigs.REQUEST_TIMEOUT_MS;
import static dev.groupscope.kafka.config.ConsumerConfigs.RETRY_BACKOFF_MAX_MS;
import static dev.groupscope.kafka.config.ConsumerConfigs.RETRY_BACKOFF_MS;
import static dev.groupscope.kafka.config.ConsumerConfigs.SESSION_TIMEOUT_MS;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A consumer's settings as Kafka would run them: every modelled setting with its given value or Kafka's default,
 * checked one by one and against each other where Kafka checks them. Immutable; {@link #with} makes a changed copy.
 */
public final class ConsumerSettings {

    private final ParsedSettings parsed;
    private final Map<String, Object> values;
    private final List<String> strategies;
    private final AutoOffsetReset autoOffsetReset;
    /**
     * The settings every poll() and fetch reads, unboxed once: in a run of a hundred consumers these lookups were a
     * few percent of all the work.
     */
    private final int maxPollIntervalMs;
    private final int maxPollRecords;
    private final int fetchMinBytes;
    private final int fetchMaxBytes;
    private final int fetchMaxWaitMs;
    private final int maxPartitionFetchBytes;

    /**
     * Only for values that passed validation, so the derived values cannot fail: a classic consumer's assignor
     * names were checked as Kafka loads them, and a consumer-protocol consumer may not name any.
     */
    private ConsumerSettings(ParsedSettings parsed) {
        this.parsed = parsed;
        this.values = parsed.values();
        try {
            this.strategies = AssignmentStrategies.protocolNames((List<?>) values.get(PARTITION_ASSIGNMENT_STRATEGY));
            this.autoOffsetReset = AutoOffsetReset.parse((String) values.get(AUTO_OFFSET_RESET));
        } catch (BadValueException e) {
            throw new IllegalStateException("settings are validated before they are built", e);
        }
        this.maxPollIntervalMs = (Integer) values.get(MAX_POLL_INTERVAL_MS);
        this.maxPollRecords = (Integer) values.get(MAX_POLL_RECORDS);
        this.fetchMinBytes = (Integer) values.get(FETCH_MIN_BYTES);
        this.fetchMaxBytes = (Integer) values.get(FETCH_MAX_BYTES);
        this.fetchMaxWaitMs = (Integer) values.get(FETCH_MAX_WAIT_MS);
        this.maxPartitionFetchBytes = (Integer) values.get(MAX_PARTITION_FETCH_BYTES);
    }

    /** Kafka's defaults. */
    public static ConsumerSettings defaults() {
        return from(Map.of());
    }

    /**
     * The settings for {@code raw} (setting name to value: a String, or the Java type of the setting), defaults
     * filled in.
     *
     * @throws InvalidSettingsException naming each setting Kafka would refuse and why
     */
    public static ConsumerSettings from(Map<String, ?> raw) {
        SettingsParser parsed = parse(raw);
        List<SettingProblem> problems = problems(raw, parsed);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return new ConsumerSettings(ParsedSettings.of(raw, parsed));
    }

    /** Every problem Kafka would find in {@code raw}; empty if it would accept them. */
    public static List<SettingProblem> validate(Map<String, ?> raw) {
        return problems(raw, parse(raw));
    }

    private static SettingsParser parse(Map<String, ?> raw) {
        return new SettingsParser(ConsumerConfigs.DEFINITIONS, raw);
    }

    /** Rules between settings are only checked once every setting parsed: a default standing in would mislead. */
    private static List<SettingProblem> problems(Map<String, ?> raw, SettingsParser parsed) {
        if (!parsed.problems().isEmpty()) {
            return List.copyOf(parsed.problems());
        }
        return ConsumerSettingRules.check(raw, parsed.values());
    }

    /** A copy with one setting changed (validated like the rest). */
    public ConsumerSettings with(String name, Object value) {
        return from(parsed.with(name, value));
    }

    /** The settings as given, before defaults. */
    public Map<String, Object> originals() {
        return parsed.originals();
    }

    /** Given settings GroupScope does not model; Kafka ignores them too (with a "not used" warning). */
    public Set<String> unused() {
        return parsed.unused();
    }

    /** The value Kafka would use for a modelled setting. */
    public Object get(String name) {
        ConsumerConfigs.definition(name);
        return values.get(name);
    }

    public boolean isExplicit(String name) {
        return parsed.originals().containsKey(name);
    }

    public Optional<String> groupId() {
        return Optional.ofNullable((String) values.get(GROUP_ID));
    }

    public Optional<String> groupInstanceId() {
        return Optional.ofNullable((String) values.get(GROUP_INSTANCE_ID));
    }

    public GroupProtocol groupProtocol() {
        return GroupProtocol.valueOf(((String) values.get(GROUP_PROTOCOL)).toUpperCase(Locale.ROOT));
    }

    public Optional<String> groupRemoteAssignor() {
        return Optional.ofNullable((String) values.get(GROUP_REMOTE_ASSIGNOR));
    }

    public int sessionTimeoutMs() {
        return (Integer) values.get(SESSION_TIMEOUT_MS);
    }

    public int heartbeatIntervalMs() {
        return (Integer) values.get(HEARTBEAT_INTERVAL_MS);
    }

    /** Also the rebalance timeout the classic consumer sends in JoinGroup. */
    public int maxPollIntervalMs() {
        return maxPollIntervalMs;
    }

    public int maxPollRecords() {
        return maxPollRecords;
    }

    /**
     * Protocol names in order of preference, e.g. {@code [range, cooperative-sticky]}. Only a classic consumer uses
     * them; with {@code group.protocol=consumer} the broker assigns.
     */
    public List<String> partitionAssignmentStrategy() {
        return strategies;
    }

    /**
     * Whether the consumer auto-commits. Like Kafka, false without a group id unless set (and setting it to true
     * without a group is refused).
     */
    /** Whether a Metadata request for topics named by the consumer may create a missing one (true). */
    public boolean allowAutoCreateTopics() {
        return (Boolean) values.get(ALLOW_AUTO_CREATE_TOPICS);
    }

    public boolean enableAutoCommit() {
        if (groupId().isEmpty() && !isExplicit(ENABLE_AUTO_COMMIT)) {
            return false;
        }
        return (Boolean) values.get(ENABLE_AUTO_COMMIT);
    }

    public int autoCommitIntervalMs() {
        return (Integer) values.get(AUTO_COMMIT_INTERVAL_MS);
    }

    public AutoOffsetReset autoOffsetReset() {
        return autoOffsetReset;
    }

    public IsolationLevel isolationLevel() {
        return IsolationLevel.valueOf(((String) values.get(ISOLATION_LEVEL)).toUpperCase(Locale.ROOT));
    }

    public int fetchMinBytes() {
        return fetchMinBytes;
    }

    public int fetchMaxBytes() {
        return fetchMaxBytes;
    }

    public int fetchMaxWaitMs() {
        return fetchMaxWaitMs;
    }

    public int maxPartitionFetchBytes() {
        return maxPartitionFetchBytes;
    }

    /** {@code metadata.max.age.ms}: how old the client's metadata may get before it is refreshed. */
    public long metadataMaxAgeMs() {
        return (Long) values.get(METADATA_MAX_AGE_MS);
    }

    public int requestTimeoutMs() {
        return (Integer) values.get(REQUEST_TIMEOUT_MS);
    }

    public int defaultApiTimeoutMs() {
        return (Integer) values.get(DEFAULT_API_TIMEOUT_MS);
    }

    public long retryBackoffMs() {
        return (Long) values.get(RETRY_BACKOFF_MS);
    }

    public long retryBackoffMaxMs() {
        return (Long) values.get(RETRY_BACKOFF_MAX_MS);
    }

    /** As configured; empty means Kafka generates {@code consumer-<group.id>-<n>}. */
    public String clientId() {
        Object clientId = values.get(CLIENT_ID);
        return clientId == null ? "" : (String) clientId;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        values.forEach((name, value) -> parts.add(name + "=" + value));
        return "ConsumerSettings" + parts;
    }
}
