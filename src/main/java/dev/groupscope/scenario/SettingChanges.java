package dev.groupscope.scenario;

import dev.groupscope.kafka.config.ConsumerConfigs;
import dev.groupscope.kafka.config.ConsumerSettings;
import dev.groupscope.kafka.config.SettingProblem;
import dev.groupscope.scenario.Scenario.ActionSpec;
import dev.groupscope.scenario.Scenario.ConsumerSpec;
import dev.groupscope.scenario.json.JsonInputException;
import dev.groupscope.scenario.json.JsonPaths;
import dev.groupscope.sim.client.ClientIds;
import dev.groupscope.sim.client.CommitPolicy;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changeSettings actions of a scenario, in time: each change is merged over the settings its consumer runs with
 * by then (its own, with every earlier change), as the model merges it, and checked by Kafka's rules; its commit
 * policy (the new one, or the one kept) must fit the resulting enable.auto.commit and the consumer's worker pool. So
 * a file whose changes Kafka would refuse is refused with the JSON path of the change, instead of running.
 */
final class SettingChanges {

    private SettingChanges() {
    }

    /**
     * @param addedByPath the consumer each addConsumer action adds, by the action's JSON path: it starts with its
     *                    template's settings and policy as they are by then, as the model copies them
     */
    @SuppressWarnings("unchecked")
    static void check(String file, Map<String, ConsumerSpec> consumers, List<ActionSpec> actions,
                      Map<String, AddedConsumers.Added> addedByPath) {
        Map<String, Map<String, Object>> running = new HashMap<>();
        Map<String, CommitPolicy> policies = new HashMap<>();
        // Sorted by time only: a stable sort keeps a tie in file order, the order the model runs them in.
        List<ActionSpec> inTime = actions.stream().filter(a -> a.type() == ActionType.CHANGE_SETTINGS
                        || a.type() == ActionType.ADD_CONSUMER && addedByPath.containsKey(a.path()))
                .sorted(Comparator.comparingLong(ActionSpec::atMs)).toList();
        for (ActionSpec change : inTime) {
            if (change.type() == ActionType.ADD_CONSUMER) {
                copyTemplate(running, policies, addedByPath.get(change.path()));
                continue;
            }
            ConsumerSpec consumer = consumers.get(change.target());
            Map<String, Object> settings = running.computeIfAbsent(consumer.id(), id -> initial(consumer));
            // As the model merges a change: a null value leaves the property out.
            ((Map<String, Object>) change.params().get("settings")).forEach((name, value) -> {
                if (value == null) {
                    settings.remove(name);
                } else {
                    settings.put(name, value);
                }
            });
            List<SettingProblem> problems = ConsumerSettings.validate(settings);
            if (!problems.isEmpty()) {
                SettingProblem problem = problems.get(0);
                throw JsonInputException.of("scenario.error.setting", "file", file,
                        "path", JsonPaths.key(change.path() + ".settings", problem.setting()),
                        "reason", problem.kafkaMessage());
            }
            CommitPolicy given = (CommitPolicy) change.params().get("commitPolicy");
            CommitPolicy policy = given != null ? given : policies.getOrDefault(consumer.id(), consumer.commitPolicy());
            fits(file, change, consumer, policy, given != null, ConsumerSettings.from(settings).enableAutoCommit());
            policies.put(consumer.id(), policy);
        }
    }

    /** An added consumer runs with its template's settings and policy as they are by then, under its own ids. */
    private static void copyTemplate(Map<String, Map<String, Object>> running, Map<String, CommitPolicy> policies,
                                     AddedConsumers.Added added) {
        ConsumerSpec template = added.template();
        Map<String, Object> settings = new LinkedHashMap<>(running.computeIfAbsent(template.id(),
                id -> initial(template)));
        settings.put(ConsumerConfigs.CLIENT_ID, added.id());
        if (settings.get(ConsumerConfigs.GROUP_INSTANCE_ID) instanceof String instance) {
            settings.put(ConsumerConfigs.GROUP_INSTANCE_ID, ClientIds.instanceId(instance, template.id(), added.id()));
        }
        running.put(added.id(), settings);
        policies.put(added.id(), policies.getOrDefault(template.id(), template.commitPolicy()));
    }

    private static Map<String, Object> initial(ConsumerSpec consumer) {
        Map<String, Object> settings = new LinkedHashMap<>(consumer.settings());
        settings.put(ConsumerConfigs.GROUP_ID, consumer.groupId());
        settings.put(ConsumerConfigs.CLIENT_ID, consumer.id());
        return settings;
    }

    private static void fits(String file, ActionSpec change, ConsumerSpec consumer, CommitPolicy policy,
                             boolean given, boolean autoCommit) {
        if (!policy.fitsAutoCommit(autoCommit)) {
            throw JsonInputException.of(autoCommit ? "scenario.error.commitPolicyNeedsNoAutoCommit"
                            : "scenario.error.autoPolicyNeedsAutoCommit", "file", file,
                    "path", change.path() + (given ? ".commitPolicy.type" : ".settings"),
                    "policy", policy.kind().fileName());
        }
        if (consumer.workers().isPresent() && !policy.fitsWorkerPool()) {
            throw JsonInputException.of("scenario.error.workersPolicy", "file", file,
                    "path", change.path() + ".commitPolicy", "policy", policy.kind().fileName());
        }
    }
}
