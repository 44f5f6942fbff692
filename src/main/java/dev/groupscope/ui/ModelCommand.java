package dev.groupscope.ui;

import dev.groupscope.scenario.ActionType;
import dev.groupscope.scenario.Scenario;
import dev.groupscope.scenario.Scenario.ActionSpec;
import dev.groupscope.scenario.ScenarioWorld;
import dev.groupscope.sim.broker.ClusterActions;
import dev.groupscope.sim.client.ConsumerFaults;
import dev.groupscope.sim.client.ConsumerTasks;
import dev.groupscope.sim.engine.Task;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something a person does to the running model, by click or key: each is one of the simulation's own scripted
 * actions ({@link #task}), inserted at the moment shown through the one command path
 * ({@link PlaygroundViewModel#perform}). The simulation carries it out and answers as Kafka would (a refused
 * request is an event too); a command only names what to do. {@link #messageKey} and {@link #args} describe it in
 * words for the branch list and the explanation.
 */
public sealed interface ModelCommand {

    Task task();

    /** Every task to insert at t, in order: one for most commands, one per consumer in it for a process action. */
    default java.util.List<Task> tasks() {
        return java.util.List.of(task());
    }

    String messageKey();

    Map<String, Object> args();

    /**
     * The same action as a line of a scenario file, at 0 ms (a saved run gives it its fork's time): what
     * {@link ScenarioWorld#tasks} makes of it are this command's {@link #tasks}, so a saved run replays the branch.
     */
    ActionSpec action();

    /** close(): commits if it auto-commits, revokes and leaves the group (a dynamic member sends LeaveGroup). */
    record CloseConsumer(String consumer) implements ModelCommand {
        public ActionSpec action() {
            return ui(ActionType.CLOSE_CONSUMER, consumer, Map.of("leaveGroup", false));
        }

        public Task task() {
            return new ConsumerTasks.Close(consumer, false);
        }

        public String messageKey() {
            return "ui.command.close";
        }

        public Map<String, Object> args() {
            return named("consumer", consumer);
        }
    }

    /** The process dies without a word; the coordinator notices after session.timeout.ms. */
    record CrashConsumer(String consumer) implements ModelCommand {
        public ActionSpec action() {
            return ui(ActionType.CRASH_CONSUMER, consumer, Map.of());
        }

        public Task task() {
            return new ConsumerTasks.Crash(consumer);
        }

        public String messageKey() {
            return "ui.command.crash";
        }

        public Map<String, Object> args() {
            return named("consumer", consumer);
        }
    }

    /** The record in hand takes {@code durationMs} longer: heartbeats go on, poll() does not. */
    record StallConsumer(String consumer, long durationMs) implements ModelCommand {
        public ActionSpec action() {
            return ui(ActionType.STALL_CONSUMER, consumer, Map.of("durationMs", durationMs));
        }

        public Task task() {
            return new ConsumerTasks.StallProcessing(consumer, durationMs);
        }

        public String messageKey() {
            return "ui.command.stall";
        }

        public Map<String, Object> args() {
            return named("consumer", consumer, "seconds", durationMs / 1000);
        }
    }

    /**
     * New settings (Kafka's names) and, if not null, a new commit policy for a consumer: the model closes it and
     * starts a new KafkaConsumer with them, as an application must (see {@code ConsumerTasks.ChangeSettings}).
     */
    record ChangeSettings(String consumer, Map<String, Object> settings,
                          dev.groupscope.sim.client.CommitPolicy commitPolicy) implements ModelCommand {
        public ChangeSettings {
            settings = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(settings));
        }

        public ActionSpec action() {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("settings", settings);
            params.put("commitPolicy", commitPolicy);
            return ui(ActionType.CHANGE_SETTINGS, consumer, params);
        }

        public Task task() {
            return new ConsumerTasks.ChangeSettings(consumer, settings, commitPolicy);
        }

        public String messageKey() {
            return "ui.command.changeSettings";
        }

        public Map<String, Object> args() {
            java.util.List<String> changes = new java.util.ArrayList<>();
            settings.forEach((name, value) -> changes.add(name + "=" + value));
            if (commitPolicy != null) {
                changes.add(commitPolicy.kind().fileName());
            }
            return named("consumer", consumer, "changes", String.join(", ", changes));
        }
    }

    /** A stopped or crashed consumer starts again (a static member with the same group.instance.id). */
    record RestartConsumer(String consumer, boolean staticMember) implements ModelCommand {
        public ActionSpec action() {
            return ui(ActionType.RESTART_CONSUMER, consumer, Map.of());
        }

        public Task task() {
            return new ConsumerTasks.Restart(consumer);
        }

        public String messageKey() {
            return staticMember ? "ui.command.restartStatic" : "ui.command.restart";
        }

        public Map<String, Object> args() {
            return named("consumer", consumer);
        }
    }

    /**
     * One message lost on the network: {@code consumer}'s request of {@code api} with {@code correlationId}, or the
     * broker's answer to it, sent at {@code sentAtMs}. Inserted 1 ms before that ({@link SequenceViewModel#lossOf}).
     */
    record LoseMessage(String consumer, String api, long correlationId, boolean answer, long sentAtMs)
            implements ModelCommand {
        public ActionSpec action() {
            return ui(ActionType.LOSE_MESSAGE, consumer, named("api", api, "correlationId", correlationId,
                    "answer", answer, "sentAtMs", sentAtMs));
        }

        public Task task() {
            return new ConsumerFaults.LoseMessage(consumer, api, correlationId, answer, sentAtMs);
        }

        public String messageKey() {
            return answer ? "ui.command.loseAnswer" : "ui.command.loseRequest";
        }

        public Map<String, Object> args() {
            return named("consumer", consumer, "api", api, "correlationId", correlationId);
        }
    }

    record StopBroker(int broker) implements ModelCommand {
        public ActionSpec action() {
            return ui(ActionType.STOP_BROKER, Integer.toString(broker), Map.of());
        }

        public Task task() {
            return new ClusterActions.StopBroker(broker);
        }

        public String messageKey() {
            return "ui.command.stopBroker";
        }

        public Map<String, Object> args() {
            return named("broker", broker);
        }
    }

    record StartBroker(int broker) implements ModelCommand {
        public ActionSpec action() {
            return ui(ActionType.START_BROKER, Integer.toString(broker), Map.of());
        }

        public Task task() {
            return new ClusterActions.StartBroker(broker);
        }

        public String messageKey() {
            return "ui.command.startBroker";
        }

        public Map<String, Object> args() {
            return named("broker", broker);
        }
    }

    /** The topic grows to {@code partitions} in all (Kafka's CreatePartitions takes the new total). */
    record AddPartitions(String topic, int partitions) implements ModelCommand {
        public ActionSpec action() {
            return ui(ActionType.INCREASE_PARTITIONS, topic, Map.of("partitions", partitions));
        }

        public Task task() {
            return new ClusterActions.IncreasePartitions(topic, partitions);
        }

        public String messageKey() {
            return "ui.command.addPartitions";
        }

        public Map<String, Object> args() {
            return named("topic", topic, "partitions", partitions);
        }
    }

    record CreateTopic(String topic, int partitions, int replicationFactor) implements ModelCommand {
        public ActionSpec action() {
            return ui(ActionType.CREATE_TOPIC, topic, Map.of("partitions", partitions, "replicationFactor", replicationFactor));
        }

        public Task task() {
            return new ClusterActions.CreateTopic(topic, partitions, replicationFactor);
        }

        public String messageKey() {
            return "ui.command.createTopic";
        }

        public Map<String, Object> args() {
            return named("topic", topic, "partitions", partitions, "replicationFactor", replicationFactor);
        }
    }

    /**
     * One of the scenario file's own actions (a client fault, a worker slowed down, a process crashed or restarted, a
     * topic deleted): its tasks are built by the code that builds a scenario file's ({@link ScenarioWorld#tasks}), so
     * a menu entry and a line of a scenario mean the same thing. {@code consumers} are the scenario's, which say
     * who lives in a process.
     */
    record FileAction(ActionSpec action, java.util.List<Task> tasks) implements ModelCommand {
        public FileAction {
            tasks = java.util.List.copyOf(tasks);
        }

        /**
         * A new consumer joins {@code group}: the scenario action {@code addConsumer}, so the model names it and
         * builds it like the group's first subscribing consumer, as a scenario file's line would.
         */
        static FileAction addConsumer(String group, java.util.List<Scenario.ConsumerSpec> consumers) {
            return of(ActionType.ADD_CONSUMER, group, Map.of(), consumers);
        }

        static FileAction of(ActionType type, String target, Map<String, Object> params,
                             java.util.List<Scenario.ConsumerSpec> consumers) {
            ActionSpec action = ui(type, target, params);
            return new FileAction(action, ScenarioWorld.tasks(action, consumers));
        }

        /** The one task; a process action has one per consumer and only {@link #tasks()} gives them all. */
        public Task task() {
            if (tasks.size() != 1) {
                throw new IllegalStateException(action.type().fileName() + " has " + tasks.size() + " tasks");
            }
            return tasks.get(0);
        }

        public String messageKey() {
            return "ui.command." + action.type().fileName();
        }

        /** The target, then each parameter; durations also in whole seconds, as the menus say them. */
        public Map<String, Object> args() {
            Map<String, Object> args = named(action.type().target().key(), action.target());
            action.params().forEach((name, value) -> {
                if (name.endsWith("Ms")) {
                    args.put(name.substring(0, name.length() - 2) + "Seconds", ((Long) value) / 1000);
                } else {
                    args.put(name, value);
                }
            });
            return args;
        }
    }

    /** A command's action as the window makes it: at 0 ms, its path saying where it came from. */
    private static ActionSpec ui(ActionType type, String target, Map<String, Object> params) {
        return new ActionSpec(0, type, target, params, "ui");
    }

    private static Map<String, Object> named(Object... namesAndValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return args;
    }
}
