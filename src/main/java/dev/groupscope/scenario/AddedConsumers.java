package dev.groupscope.scenario;

import dev.groupscope.scenario.Scenario.ConsumerSpec;
import dev.groupscope.scenario.json.JsonObjectReader;
import dev.groupscope.sim.client.ClientIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The consumers a scenario's addConsumer actions start, named as the model will name them, so that later actions
 * (crash it, change its settings…) can name them too — as a run saved from the window does after Add consumer. The
 * model runs actions in time order, a tie in file order, and names each added consumer after its group's template
 * ({@link ScenarioWorld#template}) with the first id no actor has ({@link ClientIds#next}); the actors are the
 * cluster, the ledger, the producers and every consumer declared or added before it.
 */
final class AddedConsumers {

    /** One added consumer: its id, the template it copies, and where in the run's order it is added. */
    record Added(String id, ConsumerSpec template, long atMs, int index, String path) {

        /** As the model builds it: the template's consumer under the new id, in a process of its own. */
        ConsumerSpec spec() {
            return new ConsumerSpec(id, template.groupId(), template.topics(), template.settings(),
                    template.processingMsPerRecord(), Optional.empty(), template.commitPolicy(), template.listener(),
                    template.subscription(), template.workers(), id);
        }

        /** Whether an action at {@code atMs}, {@code index}-th in the file, runs after this consumer is added. */
        boolean before(long time, int actionIndex) {
            return atMs < time || atMs == time && index < actionIndex;
        }
    }

    private AddedConsumers() {
    }

    /**
     * The consumers added by {@code actions}' addConsumer lines, by id, in the order they are added. A line whose
     * time or group is wrong is left for the action's own checks to refuse.
     */
    static Map<String, Added> name(List<JsonObjectReader> actions, long duration, List<ConsumerSpec> consumers,
                                   Set<String> actorIds) {
        List<Added> adds = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            JsonObjectReader action = actions.get(i);
            Optional<ConsumerSpec> template = template(action, consumers);
            if (template.isPresent() && action.has("atMs")) {
                long at = action.whole("atMs", 0, duration);
                adds.add(new Added(null, template.get(), at, i, action.path()));
            }
        }
        adds.sort(Comparator.comparingLong(Added::atMs).thenComparingInt(Added::index));
        Set<String> taken = new HashSet<>(actorIds);
        Map<String, Added> named = new LinkedHashMap<>();
        for (Added add : adds) {
            String id = ClientIds.next(add.template().id(), taken::contains);
            taken.add(id);
            named.put(id, new Added(id, add.template(), add.atMs(), add.index(), add.path()));
        }
        return named;
    }

    private static Optional<ConsumerSpec> template(JsonObjectReader action, List<ConsumerSpec> consumers) {
        if (!action.has("action") || !ActionType.ADD_CONSUMER.fileName().equals(action.string("action"))
                || !action.has(ActionType.Target.GROUP.key())) {
            return Optional.empty();
        }
        String group = action.string(ActionType.Target.GROUP.key());
        if (consumers.stream().noneMatch(consumer -> consumer.groupId().equals(group))) {
            return Optional.empty();
        }
        return Optional.of(ScenarioWorld.template(group, consumers));
    }
}
