package dev.groupscope.kafka.config;

import static dev.groupscope.kafka.config.ConsumerConfigs.ENABLE_AUTO_COMMIT;
import static dev.groupscope.kafka.config.ConsumerConfigs.GROUP_ID;
import static dev.groupscope.kafka.config.ConsumerConfigs.GROUP_INSTANCE_ID;
import static dev.groupscope.kafka.config.ConsumerConfigs.GROUP_PROTOCOL;
import static dev.groupscope.kafka.config.ConsumerConfigs.GROUP_REMOTE_ASSIGNOR;
import static dev.groupscope.kafka.config.ConsumerConfigs.HEARTBEAT_INTERVAL_MS;
import static dev.groupscope.kafka.config.ConsumerConfigs.PARTITION_ASSIGNMENT_STRATEGY;
import static dev.groupscope.kafka.config.ConsumerConfigs.SESSION_TIMEOUT_MS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rules between consumer settings, each where Kafka enforces it: {@code ConsumerConfig}'s post-processing
 * (protocol-specific settings, auto commit without a group, the instance id), then building the consumer (blank
 * group id, the heartbeat against the session timeout in the classic coordinator's {@code Heartbeat}), and the
 * classic consumer's {@code subscribe()} (at least one assignor).
 */
final class ConsumerSettingRules {

    /** Settings Kafka refuses under each protocol, in Kafka's order (ConsumerConfig's *_UNSUPPORTED_CONFIGS). */
    private static final Map<GroupProtocol, List<String>> UNSUPPORTED = Map.of(
            GroupProtocol.CLASSIC, List.of(GROUP_REMOTE_ASSIGNOR),
            GroupProtocol.CONSUMER, List.of(PARTITION_ASSIGNMENT_STRATEGY, HEARTBEAT_INTERVAL_MS, SESSION_TIMEOUT_MS));

    private final Map<String, ?> raw;
    private final Map<String, Object> values;
    private final List<SettingProblem> problems = new ArrayList<>();

    private ConsumerSettingRules(Map<String, ?> raw, Map<String, Object> values) {
        this.raw = raw;
        this.values = values;
    }

    /** The problems between settings; {@code values} holds every parsed value or default. */
    static List<SettingProblem> check(Map<String, ?> raw, Map<String, Object> values) {
        ConsumerSettingRules rules = new ConsumerSettingRules(raw, values);
        rules.settingsTheProtocolRefuses();
        rules.autoCommitNeedsAGroup();
        rules.groupIdIsNotBlank();
        rules.instanceIdFollowsKafkasRules();
        rules.classicLoadsItsAssignors();
        rules.classicNeedsAnAssignor();
        rules.heartbeatBelowSessionTimeout();
        return rules.problems;
    }

    private void settingsTheProtocolRefuses() {
        GroupProtocol protocol = protocol();
        if (protocol == null) {
            return;
        }
        List<String> refused = UNSUPPORTED.get(protocol).stream()
                .filter(name -> raw.get(name) != null && !raw.get(name).toString().isBlank())
                .toList();
        if (!refused.isEmpty()) {
            String names = String.join(", ", refused);
            problems.add(problem(refused.get(0), "setting.problem.unsupportedByProtocol",
                    names + " cannot be set when group.protocol=" + protocol.name(),
                    "settings", names, "protocol", protocol.name()));
        }
    }

    private void autoCommitNeedsAGroup() {
        if (values.get(GROUP_ID) == null && raw.containsKey(ENABLE_AUTO_COMMIT)
                && Boolean.TRUE.equals(values.get(ENABLE_AUTO_COMMIT))) {
            problems.add(problem(ENABLE_AUTO_COMMIT, "setting.problem.autoCommitWithoutGroup",
                    "enable.auto.commit cannot be set to true when default group id (null) is used."));
        }
    }

    private void groupIdIsNotBlank() {
        Object groupId = values.get(GROUP_ID);
        if (groupId != null && groupId.toString().isBlank()) {
            problems.add(problem(GROUP_ID, "setting.problem.blankGroupId",
                    "The configured group.id should not be an empty string or whitespace."));
        }
    }

    /** An empty id is already refused by the setting's own check. */
    private void instanceIdFollowsKafkasRules() {
        Object instanceId = values.get(GROUP_INSTANCE_ID);
        if (instanceId != null && !instanceId.toString().isEmpty()) {
            GroupInstanceIds.check(GROUP_INSTANCE_ID, instanceId.toString()).ifPresent(problems::add);
        }
    }

    /** The classic consumer loads every configured assignor when it is built, in or out of a group. */
    private void classicLoadsItsAssignors() {
        if (protocol() != GroupProtocol.CLASSIC) {
            return;
        }
        Object strategies = values.get(PARTITION_ASSIGNMENT_STRATEGY);
        try {
            AssignmentStrategies.protocolNames((List<?>) strategies);
        } catch (BadValueException e) {
            problems.add(e.toProblem(PARTITION_ASSIGNMENT_STRATEGY, strategies));
        }
    }

    /** Checked by subscribe(), which a consumer can only call with a group id. */
    private void classicNeedsAnAssignor() {
        if (isClassicGroupMember() && ((List<?>) values.get(PARTITION_ASSIGNMENT_STRATEGY)).isEmpty()) {
            problems.add(problem(PARTITION_ASSIGNMENT_STRATEGY, "setting.problem.noAssignor",
                    "Must configure at least one partition assigner class name to "
                            + "partition.assignment.strategy configuration property"));
        }
    }

    /** The classic coordinator exists only with a group id; its Heartbeat refuses an interval not below the session. */
    private void heartbeatBelowSessionTimeout() {
        if (!isClassicGroupMember()) {
            return;
        }
        int heartbeat = (Integer) values.get(HEARTBEAT_INTERVAL_MS);
        int session = (Integer) values.get(SESSION_TIMEOUT_MS);
        if (heartbeat >= session) {
            problems.add(problem(HEARTBEAT_INTERVAL_MS, "setting.problem.heartbeatNotBelowSession",
                    "Heartbeat must be set lower than the session timeout",
                    "heartbeat", Integer.toString(heartbeat), "session", Integer.toString(session)));
        } else if (heartbeat < 0) {
            problems.add(problem(HEARTBEAT_INTERVAL_MS, "setting.problem.negativeTimeout",
                    "Invalid negative timeout " + heartbeat, "value", Integer.toString(heartbeat)));
        }
    }

    private boolean isClassicGroupMember() {
        return protocol() == GroupProtocol.CLASSIC && values.get(GROUP_ID) != null;
    }

    private GroupProtocol protocol() {
        Object text = values.get(GROUP_PROTOCOL);
        for (GroupProtocol protocol : GroupProtocol.values()) {
            if (protocol.name().equals(String.valueOf(text).toUpperCase(Locale.ROOT))) {
                return protocol;
            }
        }
        return null;
    }

    private static SettingProblem problem(String setting, String key, String kafkaMessage, String... keysAndValues) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("setting", setting);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            args.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new SettingProblem(setting, key, args, kafkaMessage);
    }
}
