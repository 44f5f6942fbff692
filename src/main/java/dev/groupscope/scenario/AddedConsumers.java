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

    /** The ids the world's actors have from the start: the cluster, the ledger, the producers and the consumers. */
    static Set<String> actorIds(java.util.Collection<String> consumers, java.util.Collection<String> producers) {
        Set<String> ids = new HashSet<>(consumers);
        ids.addAll(producers);
        ids.add(dev.groupscope.sim.broker.ClusterActor.ID);
        ids.add(dev.groupscope.sim.ledger.Ledger.ID);
        return ids;
    }

    /** An addConsumer line: when, where in the file, and for which group. */
    record Add(long atMs, int index, String group, String path) {
    }

    /**
     * The consumers added by {@code actions}' addConsumer lines, by id, in the order they are added. A line whose
     * time or group is wrong is left for the action's own checks to refuse.
     */
    static Map<String, Added> name(List<JsonObjectReader> actions, long duration, List<ConsumerSpec> consumers,
                                   Set<String> actorIds) {
        List<Add> adds = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            JsonObjectReader action = actions.get(i);
            Optional<String> group = group(action, consumers);
            if (group.isPresent() && action.has("atMs")) {
                adds.add(new Add(action.whole("atMs", 0, duration), i, group.get(), action.path()));
            }
        }
        return name(adds, consumers, actorIds);
    }

    /** The consumers {@code adds} add, by id, in the order they are added (see the class comment). */
    static Map<String, Added> name(List<Add> adds, List<ConsumerSpec> consumers, Set<String> actorIds) {
        List<Add> inOrder = new ArrayList<>(adds);
        inOrder.sort(Comparator.comparingLong(Add::atMs).thenComparingInt(Add::index));
        Set<String> taken = new HashSet<>(actorIds);
        Map<String, Added> named = new LinkedHashMap<>();
        for (Add add : inOrder) {
            ConsumerSpec template = ScenarioWorld.template(add.group(), consumers);
            String id = ClientIds.next(template.id(), taken::contains);
            taken.add(id);
            named.put(id, new Added(id, template, add.atMs(), add.index(), add.path()));
        }
        return named;
    }

    private static Optional<String> group(JsonObjectReader action, List<ConsumerSpec> consumers) {
        if (!action.has("action") || !ActionType.ADD_CONSUMER.fileName().equals(action.string("action"))
                || !action.has(ActionType.Target.GROUP.key())) {
            return Optional.empty();
        }
        String group = action.string(ActionType.Target.GROUP.key());
        return consumers.stream().anyMatch(consumer -> consumer.groupId().equals(group)) ? Optional.of(group)
                : Optional.empty();
    }
}
