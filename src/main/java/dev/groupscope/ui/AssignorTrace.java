package dev.groupscope.ui;

import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.AssignmentStep;
import dev.groupscope.sim.engine.SimEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The step trace of one {@code AssignorRun} event, read back from the fields the leader's assignment recorded
 * ({@code LeaderAssignment}): the same {@link AssignmentStep}s the assignor produced, so the explanation panel narrates
 * them with {@link StepNarration} and draws them with the lab's step rows. No JavaFX, nothing decided here: the
 * steps are the model's; this only reads them.
 *
 * <p>Member ids ({@code C1-314f8fbb-…}) are shown as the client ids the window's cards carry ({@code C1}), when the
 * frame says which client holds which member id; any other text is left as the model wrote it.
 *
 * @param assignor the assignor's name ({@code range}, {@code cooperative-sticky}, …)
 * @param steps    the assignor's steps, in order
 */
public record AssignorTrace(String assignor, List<AssignmentStep> steps) {

    /** Step kinds that put partitions somewhere: what the cluster panel highlights while such a step is shown. */
    static final Set<AssignmentStep.Kind> PLACING = Set.of(AssignmentStep.Kind.PLACE, AssignmentStep.Kind.MOVE,
            AssignmentStep.Kind.KEEP_OWNED, AssignmentStep.Kind.WITHHOLD);

    public AssignorTrace {
        steps = List.copyOf(steps);
    }

    /**
     * The trace of {@code event} if it is an {@code AssignorRun} with steps; {@code clientOfMember} maps member ids
     * to the client ids shown for them.
     */
    public static Optional<AssignorTrace> of(SimEvent event, Map<String, String> clientOfMember) {
        if (event == null || !"AssignorRun".equals(event.type())
                || !(event.fields().get("steps") instanceof List<?> recorded) || recorded.isEmpty()) {
            return Optional.empty();
        }
        List<AssignmentStep> steps = new ArrayList<>();
        for (Object item : recorded) {
            if (item instanceof Map<?, ?> fields) {
                steps.add(step(fields, clientOfMember));
            }
        }
        return steps.isEmpty() ? Optional.empty()
                : Optional.of(new AssignorTrace(String.valueOf(event.fields().get("assignor")), steps));
    }

    /** The trace of the frame's current event, its member ids named by the frame's consumers. */
    public static Optional<AssignorTrace> of(PlaygroundFrame frame) {
        if (frame == null || frame.current().isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> clients = new LinkedHashMap<>();
        frame.details().consumers().values().forEach(consumer -> {
            if (consumer.memberId() != null && !consumer.memberId().isEmpty()) {
                clients.put(consumer.memberId(), consumer.clientId());
            }
        });
        return of(frame.current().get(), clients);
    }

    public int size() {
        return steps.size();
    }

    /** The step at {@code index}, clamped into the trace. */
    public AssignmentStep step(int index) {
        return steps.get(clamp(index));
    }

    /** {@code index} moved into 0 … size − 1. */
    public int clamp(int index) {
        return Math.max(0, Math.min(steps.size() - 1, index));
    }

    /**
     * The partitions step {@code index} places: its own partition, or, for a step that places several at once
     * (Range's "C1 takes orders-0..orders-1"), the partitions it lists. Steps that only sort, count or decide place
     * nothing.
     */
    public List<String> placed(int index) {
        AssignmentStep step = step(index);
        if (step.partition() != null) {
            return List.of(step.partition().toString());
        }
        if (PLACING.contains(step.kind()) && step.args().get("partitions") instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).filter(name -> !name.isEmpty()).toList();
        }
        return List.of();
    }

    /** The topics the steps name, each with the highest partition number seen + 1 (the lab's colour slots). */
    public Map<String, Integer> topics() {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            for (String name : placed(i)) {
                TopicPartition partition = partition(name);
                if (partition != null) {
                    topics.merge(partition.topic(), partition.partition() + 1, Math::max);
                }
            }
        }
        return topics;
    }

    private static AssignmentStep step(Map<?, ?> fields, Map<String, String> clientOfMember) {
        AssignmentStep.Kind kind;
        try {
            kind = AssignmentStep.Kind.valueOf(String.valueOf(fields.get("kind")));
        } catch (IllegalArgumentException e) {
            kind = AssignmentStep.Kind.BRANCH;
        }
        String member = text(fields.get("member"));
        Map<String, Object> args = new LinkedHashMap<>();
        if (fields.get("args") instanceof Map<?, ?> recorded) {
            recorded.forEach((key, value) -> args.put(String.valueOf(key), named(value, clientOfMember)));
        }
        return new AssignmentStep(kind, String.valueOf(fields.get("messageKey")),
                member == null ? null : clientOfMember.getOrDefault(member, member),
                partition(text(fields.get("partition"))), args);
    }

    /** A recorded value with every member id in it replaced by its client id. */
    private static Object named(Object value, Map<String, String> clientOfMember) {
        if (value instanceof String text) {
            return clientOfMember.getOrDefault(text, text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> named = new LinkedHashMap<>();
            map.forEach((key, item) -> named.put(clientOfMember.getOrDefault(String.valueOf(key), String.valueOf(key)),
                    named(item, clientOfMember)));
            return named;
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(item -> named(item, clientOfMember)).toList();
        }
        return value;
    }

    private static String text(Object value) {
        return value == null || value.toString().isEmpty() ? null : value.toString();
    }

    /** {@code orders-3} as a partition ({@link TopicPartition#parse}); null if it is not one. */
    static TopicPartition partition(String name) {
        if (name == null) {
            return null;
        }
        try {
            return TopicPartition.parse(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
