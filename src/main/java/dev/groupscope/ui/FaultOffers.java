package dev.groupscope.ui;

import dev.groupscope.kafka.Errors;
import dev.groupscope.scenario.ActionType;
import dev.groupscope.scenario.Scenario.ConsumerSpec;
import dev.groupscope.sim.client.MemberState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client faults a menu offers beside close and crash — the scenario file's own actions with fixed, telling
 * amounts: a network partition from the coordinator that heals before the session timeout and one that outlasts it,
 * failed and delayed commits, a slow worker (pool consumers only), and the crash or restart of the consumer's whole
 * process (when its process holds more than itself). Each is a {@link ModelCommand.FileAction}, so its task is
 * built where a scenario's is.
 */
final class FaultOffers {

    /** A short network partition: a few heartbeats are lost, the session survives. */
    static final long SHORT_CUT_OFF_MS = 5_000;
    /** How much longer than session.timeout.ms the long partition lasts, so the coordinator surely removes it. */
    static final long PAST_SESSION_MS = 5_000;
    static final int FAILED_COMMITS = 3;
    static final Errors COMMIT_ERROR = Errors.COORDINATOR_LOAD_IN_PROGRESS;
    static final int DELAYED_COMMITS = 3;
    static final long COMMIT_DELAY_MS = 10_000;
    static final int SLOW_WORKER = 1;
    static final long SLOW_WORKER_MS = 30_000;
    static final int SLOW_FACTOR = 10;

    private FaultOffers() {
    }

    /** The faults for {@code consumer}, which the frame shows; {@code sessionTimeoutMs} is the one it runs with. */
    static List<CommandChecks.Offer> forConsumer(PlaygroundFrame frame, PlaygroundFrame.ConsumerRow consumer,
                                                 int sessionTimeoutMs, List<ConsumerSpec> scenarioConsumers) {
        String id = consumer.clientId();
        boolean running = running(consumer);
        List<CommandChecks.Offer> offers = new ArrayList<>();
        offers.add(offer(running, ActionType.CUT_OFF_CONSUMER, id, scenarioConsumers,
                "durationMs", SHORT_CUT_OFF_MS));
        offers.add(offer(running, ActionType.CUT_OFF_CONSUMER, id, scenarioConsumers,
                "durationMs", sessionTimeoutMs + PAST_SESSION_MS));
        offers.add(offer(running, ActionType.FAIL_COMMITS, id, scenarioConsumers,
                "count", FAILED_COMMITS, "error", COMMIT_ERROR));
        offers.add(offer(running, ActionType.DELAY_COMMITS, id, scenarioConsumers,
                "count", DELAYED_COMMITS, "delayMs", COMMIT_DELAY_MS));
        Optional<ConsumerSpec> spec = scenarioConsumers.stream().filter(c -> c.id().equals(id)).findFirst();
        if (spec.isPresent() && spec.get().workers().isPresent()) {
            offers.add(offer(running, ActionType.SLOW_WORKER, id, scenarioConsumers,
                    "worker", SLOW_WORKER, "durationMs", SLOW_WORKER_MS, "factor", SLOW_FACTOR));
        }
        spec.filter(c -> !c.process().equals(c.id())).ifPresent(c -> offers.addAll(
                processOffers(frame, c.process(), scenarioConsumers)));
        return offers;
    }

    /** Deleting the topic a partition belongs to. */
    static CommandChecks.Offer deleteTopic(String topic, List<ConsumerSpec> scenarioConsumers) {
        return offer(true, ActionType.DELETE_TOPIC, topic, scenarioConsumers);
    }

    /** Crash while one of the process's consumers runs; restart while one of them is down. */
    private static List<CommandChecks.Offer> processOffers(PlaygroundFrame frame, String process,
                                                           List<ConsumerSpec> scenarioConsumers) {
        List<Boolean> states = scenarioConsumers.stream().filter(c -> c.process().equals(process))
                .map(c -> frame.consumer(c.id()).map(FaultOffers::running).orElse(false)).toList();
        return List.of(offer(states.contains(true), ActionType.CRASH_PROCESS, process, scenarioConsumers),
                offer(states.contains(false), ActionType.RESTART_PROCESS, process, scenarioConsumers));
    }

    private static CommandChecks.Offer offer(boolean enabled, ActionType type, String target,
                                             List<ConsumerSpec> scenarioConsumers, Object... namesAndValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            params.put((String) namesAndValues[i], value);
        }
        return new CommandChecks.Offer(ModelCommand.FileAction.of(type, target, params, scenarioConsumers), enabled);
    }

    private static boolean running(PlaygroundFrame.ConsumerRow consumer) {
        return MemberState.valueOf(consumer.state()).running();
    }
}
