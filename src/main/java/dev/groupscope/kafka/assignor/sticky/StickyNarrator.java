package dev.groupscope.kafka.assignor.sticky;

import static dev.groupscope.kafka.assignor.AssignmentStep.args;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.AssignmentStep;
import dev.groupscope.kafka.assignor.AssignmentStep.Kind;
import dev.groupscope.kafka.assignor.AssignmentTrace;
import java.util.List;
import java.util.Map;

/**
 * Writes the sticky assignors' steps. Every method returns at once when tracing is off; callers in hot loops
 * also check {@link #on()} first so that they do not even compute the arguments.
 *
 * <p>{@code member} and {@code partition} are the step's own fields and double as the {@code {member}} and
 * {@code {partition}} placeholders of the message.
 */
final class StickyNarrator {

    /** Shown for an empty list of members or partitions. */
    static final String NONE = "–";

    private final AssignmentTrace trace;

    StickyNarrator(AssignmentTrace trace) {
        this.trace = trace;
    }

    List<AssignmentStep> steps() {
        return trace.steps();
    }

    boolean on() {
        return trace.enabled();
    }

    List<?> orNone(List<?> items) {
        return items.isEmpty() ? List.of(NONE) : items;
    }

    void step(Kind kind, String key, String member, TopicPartition partition, Map<String, Object> args) {
        if (trace.enabled()) {
            trace.step(kind, key, member, partition, args);
        }
    }

    // ---- the previous assignment and the claims on it

    void previousAssignmentSource(String key) {
        step(Kind.BRANCH, key, null, null, args());
    }

    void memberOrder(List<String> members) {
        step(Kind.SORT_MEMBERS, "assign.sticky.memberOrder", null, null, args("members", members));
    }

    void skippedTopic(String topic) {
        step(Kind.SKIP_TOPIC, "assign.skipTopic", null, null, args("topic", topic));
    }

    /** An owned partition of a deleted topic, of a topic nobody subscribes to any more, or past its last one. */
    void ownedPartitionGone(String member, TopicPartition partition, PartitionIndex index) {
        if (!on()) {
            return;
        }
        String topic = partition.topic();
        if (!index.exists(topic)) {
            step(Kind.DROP_OWNED, "assign.sticky.drop.topicDeleted", member, partition, args("topic", topic));
        } else if (index.topicNumber(topic) == PartitionIndex.NO_TOPIC) {
            step(Kind.DROP_OWNED, "assign.sticky.drop.topicUnsubscribed", member, partition, args("topic", topic));
        } else {
            step(Kind.DROP_OWNED, "assign.sticky.drop.noSuchPartition", member, partition,
                    args("topic", topic, "partitions", index.metadataPartitionCount(topic)));
        }
    }

    void claimedInSameGeneration(String member, String other, TopicPartition partition, int generation) {
        step(Kind.CLAIM_CONFLICT, "assign.sticky.claim.sameGeneration", member, partition,
                args("other", other, "generation", generation));
    }

    void claimWon(String member, String other, TopicPartition partition, int generation, int otherGeneration) {
        step(Kind.CLAIM_CONFLICT, "assign.sticky.claim.newerGeneration", member, partition,
                args("other", other, "generation", generation, "otherGeneration", otherGeneration));
    }

    void claimLost(String member, String other, TopicPartition partition, int generation, int otherGeneration) {
        step(Kind.CLAIM_CONFLICT, "assign.sticky.claim.olderGeneration", member, partition,
                args("other", other, "generation", generation, "otherGeneration", otherGeneration));
    }

    // ---- which path

    void constrainedPath(List<String> topics) {
        step(Kind.BRANCH, "assign.sticky.path.constrained", null, null, args("topics", orNone(topics)));
    }

    void generalPath(String member, List<String> topics, String other, List<String> otherTopics) {
        step(Kind.BRANCH, "assign.sticky.path.general", member, null, args("topics", orNone(topics),
                "other", other, "otherTopics", orNone(otherTopics)));
    }

    // ---- common endings

    void kept(String member, TopicPartition partition) {
        step(Kind.KEEP_OWNED, "assign.sticky.kept", member, partition, args());
    }

    void result(String member, List<TopicPartition> partitions) {
        if (!on()) {
            return;
        }
        if (partitions.isEmpty()) {
            step(Kind.IDLE, "assign.idle", member, null, args());
        } else {
            List<TopicPartition> sorted = partitions.stream().sorted().toList();
            step(Kind.RESULT, "assign.sticky.result", member, null,
                    args("count", sorted.size(), "partitions", sorted));
        }
    }

    void withheld(String member, TopicPartition partition, List<String> owners) {
        step(Kind.WITHHOLD, "assign.cooperative.withhold", member, partition, args("owners", orNone(owners)));
    }
}
