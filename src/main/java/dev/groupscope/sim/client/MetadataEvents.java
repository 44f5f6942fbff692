package dev.groupscope.sim.client;

import static dev.groupscope.sim.client.ClientEvents.fields;

import dev.groupscope.sim.client.ConsumerActor.Step;
import dev.groupscope.sim.protocol.Deliver;
import dev.groupscope.sim.protocol.Responses.MetadataResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The RESPONSE event of a Metadata answer: why it was asked ({@code why}: start, maxAge, disconnected, notLeader,
 * unknownTopic, noLeader, newTopics, beforeJoin, offsetsForTimes, newerEpoch), what it changed in the consumer's cache (topics created, deleted or
 * grown, partitions whose leader moved, topics it did not know) and {@code changed}, which the learner filter reads.
 */
final class MetadataEvents {

    private MetadataEvents() {
    }

    static void response(Step step, Deliver deliver, String why, MetadataCache before, MetadataCache after,
                         List<String> unknown, boolean allTopics) {
        boolean first = before.isEmpty();
        List<String> created = first ? List.of() : difference(after, before);
        List<String> deleted = new ArrayList<>(first ? List.of() : difference(before, after));
        // A request for some topics names each of them, known or not: a topic it leaves out was not asked for (the
        // consumer stopped reading it), which says nothing about the cluster.
        Set<String> answered = ((MetadataResponse) deliver.message()).topics().keySet();
        List<String> dropped = allTopics ? List.of() : deleted.stream().filter(t -> !answered.contains(t)).toList();
        deleted.removeAll(dropped);
        List<String> grown = grown(before, after);
        List<String> moved = after.movedSince(before);
        boolean changed = !created.isEmpty() || !deleted.isEmpty() || !grown.isEmpty() || !moved.isEmpty()
                || !dropped.isEmpty();
        long maxAge = step.config().settings().metadataMaxAgeMs();
        Map<String, Object> salient = fields("error", "NONE", "why", why, "brokers", after.brokers(), "topics",
                after.partitionCounts(), "created", created, "deleted", List.copyOf(deleted), "grown", grown, "moved", moved,
                "unknown", List.copyOf(unknown), "changed", changed);
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("consumer", step.id());
        args.put("broker", step.answeringBroker());
        args.put("metadataMaxAgeMs", maxAge);
        args.put("retryBackoffMs", step.config().retryBackoffMs());
        args.put("topics", String.join(", ", after.partitionCounts().keySet()));
        args.put("created", String.join(", ", created));
        args.put("deleted", String.join(", ", deleted));
        args.put("dropped", String.join(", ", dropped));
        args.put("grown", String.join(", ", grown));
        args.put("moved", String.join(", ", moved));
        args.put("unknown", String.join(", ", unknown));
        args.put("unchanged", !changed && !first);
        step.emitResponse(deliver, salient, "sim.client.metadata." + why, args);
    }

    private static List<String> difference(MetadataCache a, MetadataCache b) {
        TreeSet<String> topics = new TreeSet<>(a.partitionCounts().keySet());
        topics.removeAll(b.partitionCounts().keySet());
        return List.copyOf(topics);
    }

    /** The topics with more partitions than before: "logs (2 → 4)". */
    private static List<String> grown(MetadataCache before, MetadataCache after) {
        List<String> grown = new ArrayList<>();
        after.partitionCounts().forEach((topic, count) -> {
            Integer was = before.partitionCounts().get(topic);
            if (was != null && was < count) {
                grown.add(topic + " (" + was + " → " + count + ")");
            }
        });
        return List.copyOf(grown);
    }
}
