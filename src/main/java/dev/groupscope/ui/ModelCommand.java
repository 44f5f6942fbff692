package dev.groupscope.ui;

import dev.groupscope.sim.broker.ClusterActions;
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

    String messageKey();

    Map<String, Object> args();

    /** A spare consumer the scenario has not started yet starts (subscribe and poll). */
    record AddConsumer(String consumer) implements ModelCommand {
        public Task task() {
            return new ConsumerTasks.Start(consumer);
        }

        public String messageKey() {
            return "ui.command.add";
        }

        public Map<String, Object> args() {
            return named("consumer", consumer);
        }
    }

    /** close(): commits if it auto-commits, revokes and leaves the group (a dynamic member sends LeaveGroup). */
    record CloseConsumer(String consumer) implements ModelCommand {
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

    /** A stopped or crashed consumer starts again (a static member with the same group.instance.id). */
    record RestartConsumer(String consumer, boolean staticMember) implements ModelCommand {
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

    record StopBroker(int broker) implements ModelCommand {
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

    /** Any other scripted action, named by its type. */
    record Scripted(Task task) implements ModelCommand {
        public String messageKey() {
            return "ui.command.scripted";
        }

        public Map<String, Object> args() {
            return named("action", task.getClass().getSimpleName());
        }
    }

    private static Map<String, Object> named(Object... namesAndValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return args;
    }
}
