package dev.groupscope.kafka.assignor;

import dev.groupscope.kafka.TopicPartition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One step of an assignor's reasoning, for narration: a kind, a message key (looked up in the
 * {@code dev.groupscope.i18n.messages} bundles, English and Chinese) and its named arguments. {@code member} and
 * {@code partition} name what the step is about, so a view can highlight them; either may be null.
 */
public record AssignmentStep(Kind kind, String messageKey, String member, TopicPartition partition,
                             Map<String, Object> args) {

    /** What a step does. */
    public enum Kind {
        /** Members put in the order the algorithm walks them. */
        SORT_MEMBERS,
        /** Partitions put in the order the algorithm walks them. */
        SORT_PARTITIONS,
        /** How many partitions each member should get (per topic, or overall). */
        QUOTA,
        /** A member keeps a partition it owned before. */
        KEEP_OWNED,
        /** A previously owned partition is not kept (topic deleted, unsubscribed, over quota, claimed twice...). */
        DROP_OWNED,
        /** Two members claim the same partition; generations decide. */
        CLAIM_CONFLICT,
        /** A partition is given to a member. */
        PLACE,
        /** A partition moves from one member to another to balance the group. */
        MOVE,
        /** Held back from its new owner this round because its old owner must revoke it first (cooperative). */
        WITHHOLD,
        /** A topic is skipped (no metadata: deleted or never created). */
        SKIP_TOPIC,
        /** A member ends the round with nothing. */
        IDLE,
        /** The algorithm takes a branch (e.g. constrained vs general path). */
        BRANCH,
        /** The final result of the round. */
        RESULT
    }

    public AssignmentStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(messageKey, "messageKey");
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /**
     * The arguments a step's sentence is rendered with: its own arguments plus {@code member} and
     * {@code partition}, which a sentence may name but the arguments do not repeat.
     */
    public Map<String, Object> textArgs() {
        Map<String, Object> text = new LinkedHashMap<>(args);
        if (member != null) {
            text.putIfAbsent("member", member);
        }
        if (partition != null) {
            text.putIfAbsent("partition", partition);
        }
        return text;
    }

    /** Builds a step's arguments in the order given: {@code args("topic", "t0", "count", 4)}. */
    public static Map<String, Object> args(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("arguments come in key/value pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
