package dev.groupscope.kafka.config;

import dev.groupscope.kafka.config.SettingValidator.AssignorNames;
import dev.groupscope.kafka.config.SettingValidator.AtLeast;
import dev.groupscope.kafka.config.SettingValidator.AutoOffsetResetFormat;
import dev.groupscope.kafka.config.SettingValidator.NonEmptyString;
import dev.groupscope.kafka.config.SettingValidator.None;
import dev.groupscope.kafka.config.SettingValidator.OneOf;
import java.util.List;

/**
 * The consumer settings GroupScope models, with Kafka 4.1's names, types, defaults and checks
 * ({@code org.apache.kafka.clients.consumer.ConsumerConfig}). Ordered as a settings sheet reads best: group
 * membership, liveness, assignment, commits, fetching, timeouts.
 */
public final class ConsumerConfigs {

    public static final String GROUP_ID = "group.id";
    public static final String GROUP_INSTANCE_ID = "group.instance.id";
    public static final String GROUP_PROTOCOL = "group.protocol";
    public static final String GROUP_REMOTE_ASSIGNOR = "group.remote.assignor";
    public static final String SESSION_TIMEOUT_MS = "session.timeout.ms";
    public static final String HEARTBEAT_INTERVAL_MS = "heartbeat.interval.ms";
    public static final String MAX_POLL_INTERVAL_MS = "max.poll.interval.ms";
    public static final String MAX_POLL_RECORDS = "max.poll.records";
    public static final String PARTITION_ASSIGNMENT_STRATEGY = "partition.assignment.strategy";
    public static final String ENABLE_AUTO_COMMIT = "enable.auto.commit";
    public static final String AUTO_COMMIT_INTERVAL_MS = "auto.commit.interval.ms";
    public static final String AUTO_OFFSET_RESET = "auto.offset.reset";
    public static final String ISOLATION_LEVEL = "isolation.level";
    public static final String FETCH_MIN_BYTES = "fetch.min.bytes";
    public static final String FETCH_MAX_BYTES = "fetch.max.bytes";
    public static final String FETCH_MAX_WAIT_MS = "fetch.max.wait.ms";
    public static final String MAX_PARTITION_FETCH_BYTES = "max.partition.fetch.bytes";
    public static final String REQUEST_TIMEOUT_MS = "request.timeout.ms";
    public static final String METADATA_MAX_AGE_MS = "metadata.max.age.ms";
    public static final String DEFAULT_API_TIMEOUT_MS = "default.api.timeout.ms";
    public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";
    public static final String CLIENT_ID = "client.id";
    public static final String ALLOW_AUTO_CREATE_TOPICS = "allow.auto.create.topics";

    public static final List<SettingDefinition> DEFINITIONS = List.of(
            new SettingDefinition(GROUP_ID, SettingType.STRING, null, new None()),
            new SettingDefinition(GROUP_INSTANCE_ID, SettingType.STRING, null, new NonEmptyString()),
            new SettingDefinition(GROUP_PROTOCOL, SettingType.STRING, "classic",
                    new OneOf(List.of("CONSUMER", "CLASSIC"), true)),
            new SettingDefinition(GROUP_REMOTE_ASSIGNOR, SettingType.STRING, null, new None()),
            new SettingDefinition(SESSION_TIMEOUT_MS, SettingType.INT, 45000, new None()),
            new SettingDefinition(HEARTBEAT_INTERVAL_MS, SettingType.INT, 3000, new None()),
            new SettingDefinition(MAX_POLL_INTERVAL_MS, SettingType.INT, 300000, new AtLeast(1)),
            new SettingDefinition(MAX_POLL_RECORDS, SettingType.INT, 500, new AtLeast(1)),
            new SettingDefinition(PARTITION_ASSIGNMENT_STRATEGY, SettingType.LIST,
                    List.of("range", "cooperative-sticky"), new AssignorNames()),
            new SettingDefinition(ENABLE_AUTO_COMMIT, SettingType.BOOLEAN, true, new None()),
            new SettingDefinition(AUTO_COMMIT_INTERVAL_MS, SettingType.INT, 5000, new AtLeast(0)),
            new SettingDefinition(AUTO_OFFSET_RESET, SettingType.STRING, "latest", new AutoOffsetResetFormat()),
            new SettingDefinition(ISOLATION_LEVEL, SettingType.STRING, "read_uncommitted",
                    new OneOf(List.of("read_committed", "read_uncommitted"), false)),
            new SettingDefinition(FETCH_MIN_BYTES, SettingType.INT, 1, new AtLeast(0)),
            new SettingDefinition(FETCH_MAX_BYTES, SettingType.INT, 52428800, new AtLeast(0)),
            new SettingDefinition(FETCH_MAX_WAIT_MS, SettingType.INT, 500, new AtLeast(0)),
            new SettingDefinition(MAX_PARTITION_FETCH_BYTES, SettingType.INT, 1048576, new AtLeast(0)),
            new SettingDefinition(REQUEST_TIMEOUT_MS, SettingType.INT, 30000, new AtLeast(0)),
            new SettingDefinition(METADATA_MAX_AGE_MS, SettingType.LONG, 300000L, new AtLeast(0)),
            new SettingDefinition(DEFAULT_API_TIMEOUT_MS, SettingType.INT, 60000, new AtLeast(0)),
            new SettingDefinition(RETRY_BACKOFF_MS, SettingType.LONG, 100L, new AtLeast(0)),
            new SettingDefinition(RETRY_BACKOFF_MAX_MS, SettingType.LONG, 1000L, new AtLeast(0)),
            new SettingDefinition(CLIENT_ID, SettingType.STRING, "", new None()),
            new SettingDefinition(ALLOW_AUTO_CREATE_TOPICS, SettingType.BOOLEAN, true, new None()));

    private ConsumerConfigs() {
    }

    public static SettingDefinition definition(String name) {
        return DEFINITIONS.stream()
                .filter(definition -> definition.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a consumer setting GroupScope models: " + name));
    }
}
