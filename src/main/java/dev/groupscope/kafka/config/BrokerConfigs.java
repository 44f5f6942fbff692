package dev.groupscope.kafka.config;

import dev.groupscope.kafka.config.SettingValidator.AtLeast;
import dev.groupscope.kafka.config.SettingValidator.None;
import java.util.List;

/**
 * The broker settings GroupScope models, with Kafka 4.1's names, types, defaults and checks: the group
 * coordinator's ({@code org.apache.kafka.coordinator.group.GroupCoordinatorConfig}) and the KRaft controller's
 * automatic preferred-leader election ({@code org.apache.kafka.server.config.ReplicationConfigs}).
 *
 * <p>{@code leader.imbalance.per.broker.percentage} is deliberately absent: Kafka still defines it, but only the
 * ZooKeeper-mode controller read it. KRaft's {@code ControllerServer} hands the {@code QuorumController} nothing
 * but {@code leader.imbalance.check.interval.seconds} (and only when {@code auto.leader.rebalance.enable} is
 * true), and {@code ReplicationControlManager.maybeBalancePartitionLeaders} moves every partition whose preferred
 * replica can lead, whatever the ratio. Accepting it would promise an effect Kafka 4.1 does not have.
 */
public final class BrokerConfigs {

    public static final String OFFSETS_TOPIC_NUM_PARTITIONS = "offsets.topic.num.partitions";
    public static final String OFFSETS_TOPIC_REPLICATION_FACTOR = "offsets.topic.replication.factor";
    public static final String OFFSETS_RETENTION_MINUTES = "offsets.retention.minutes";
    public static final String OFFSETS_RETENTION_CHECK_INTERVAL_MS = "offsets.retention.check.interval.ms";
    public static final String OFFSETS_COMMIT_TIMEOUT_MS = "offsets.commit.timeout.ms";
    public static final String GROUP_INITIAL_REBALANCE_DELAY_MS = "group.initial.rebalance.delay.ms";
    public static final String GROUP_MIN_SESSION_TIMEOUT_MS = "group.min.session.timeout.ms";
    public static final String GROUP_MAX_SESSION_TIMEOUT_MS = "group.max.session.timeout.ms";
    public static final String GROUP_MAX_SIZE = "group.max.size";
    public static final String AUTO_LEADER_REBALANCE_ENABLE = "auto.leader.rebalance.enable";
    public static final String LEADER_IMBALANCE_CHECK_INTERVAL_SECONDS = "leader.imbalance.check.interval.seconds";
    public static final String AUTO_CREATE_TOPICS_ENABLE = "auto.create.topics.enable";
    public static final String NUM_PARTITIONS = "num.partitions";
    public static final String DEFAULT_REPLICATION_FACTOR = "default.replication.factor";

    public static final List<SettingDefinition> DEFINITIONS = List.of(
            new SettingDefinition(OFFSETS_TOPIC_NUM_PARTITIONS, SettingType.INT, 50, new AtLeast(1)),
            new SettingDefinition(OFFSETS_TOPIC_REPLICATION_FACTOR, SettingType.SHORT, (short) 3, new AtLeast(1)),
            new SettingDefinition(OFFSETS_RETENTION_MINUTES, SettingType.INT, 7 * 24 * 60, new AtLeast(1)),
            new SettingDefinition(OFFSETS_RETENTION_CHECK_INTERVAL_MS, SettingType.LONG, 600000L, new AtLeast(1)),
            new SettingDefinition(OFFSETS_COMMIT_TIMEOUT_MS, SettingType.INT, 5000, new AtLeast(1)),
            new SettingDefinition(GROUP_INITIAL_REBALANCE_DELAY_MS, SettingType.INT, 3000, new None()),
            new SettingDefinition(GROUP_MIN_SESSION_TIMEOUT_MS, SettingType.INT, 6000, new None()),
            new SettingDefinition(GROUP_MAX_SESSION_TIMEOUT_MS, SettingType.INT, 1800000, new None()),
            new SettingDefinition(GROUP_MAX_SIZE, SettingType.INT, Integer.MAX_VALUE, new AtLeast(1)),
            new SettingDefinition(AUTO_LEADER_REBALANCE_ENABLE, SettingType.BOOLEAN, true, new None()),
            new SettingDefinition(LEADER_IMBALANCE_CHECK_INTERVAL_SECONDS, SettingType.LONG, 300L, new AtLeast(1)),
            new SettingDefinition(AUTO_CREATE_TOPICS_ENABLE, SettingType.BOOLEAN, true, new None()),
            new SettingDefinition(NUM_PARTITIONS, SettingType.INT, 1, new AtLeast(1)),
            new SettingDefinition(DEFAULT_REPLICATION_FACTOR, SettingType.INT, 1, new None()));

    private BrokerConfigs() {
    }

    public static SettingDefinition definition(String name) {
        return DEFINITIONS.stream()
                .filter(definition -> definition.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a broker setting GroupScope models: " + name));
    }
}
