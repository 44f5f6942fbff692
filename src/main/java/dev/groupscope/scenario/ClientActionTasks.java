package dev.groupscope.scenario;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.scenario.Scenario.ActionSpec;
import dev.groupscope.sim.client.ApplicationCalls;
import dev.groupscope.sim.client.ConsumerFaults;
import dev.groupscope.sim.client.ConsumerSubscription;
import dev.groupscope.kafka.Errors;
import dev.groupscope.sim.engine.Task;
import java.util.List;

/** The tasks of the actions that are the application's calls on a consumer. */
final class ClientActionTasks {

    private ClientActionTasks() {
    }

    @SuppressWarnings("unchecked")
    static Task task(ActionSpec action) {
        String consumer = action.target();
        List<TopicPartition> partitions = (List<TopicPartition>) action.params().getOrDefault("partitions",
                List.of());
        return switch (action.type()) {
            case PAUSE -> new ApplicationCalls.Pause(consumer, partitions);
            case RESUME -> new ApplicationCalls.Resume(consumer, partitions);
            case SEEK -> new ApplicationCalls.Seek(consumer, (TopicPartition) action.params().get("partition"),
                    (Long) action.params().get("offset"));
            case SEEK_TO_BEGINNING -> new ApplicationCalls.SeekToBeginning(consumer, partitions);
            case SEEK_TO_END -> new ApplicationCalls.SeekToEnd(consumer, partitions);
            case OFFSETS_FOR_TIMES -> new ApplicationCalls.OffsetsForTimes(consumer, partitions,
                    (Long) action.params().get("timestampMs"), (Boolean) action.params().get("seek"));
            case SUBSCRIBE -> new ApplicationCalls.Subscribe(consumer,
                    (ConsumerSubscription) action.params().get("subscription"));
            case ASSIGN -> new ApplicationCalls.Assign(consumer, partitions);
            case UNSUBSCRIBE -> new ApplicationCalls.Unsubscribe(consumer);
            case CUT_OFF_CONSUMER -> new ConsumerFaults.CutOff(consumer, (Long) action.params().get("durationMs"));
            case FAIL_COMMITS -> new ConsumerFaults.FailCommits(consumer, (Integer) action.params().get("count"),
                    (Errors) action.params().get("error"));
            case DELAY_COMMITS -> new ConsumerFaults.DelayCommits(consumer, (Integer) action.params().get("count"),
                    (Long) action.params().get("delayMs"));
            case LOSE_MESSAGE -> new ConsumerFaults.LoseMessage(consumer, (String) action.params().get("api"),
                    (Long) action.params().get("correlationId"), (Boolean) action.params().get("answer"),
                    (Long) action.params().get("sentAtMs"));
            default -> throw new IllegalStateException("not a consumer call: " + action.type());
        };
    }
}
