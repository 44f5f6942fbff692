package dev.groupscope.ui;

import dev.groupscope.kafka.TopicRules;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The topic dialogs' fields as text, checked as they are typed: a count that is not a whole number is refused in
 * GroupScope's words; everything else is refused only where Kafka would refuse it, with Kafka's reason
 * ({@link TopicRules}). No JavaFX: the dialogs show what this says.
 */
public final class TopicForm {

    /** GroupScope's own limit: a window of more partitions would not be readable (Kafka allows far more). */
    public static final int MAX_PARTITIONS = 64;

    /** Why the form cannot be sent: a message key and its arguments. */
    public record Problem(String messageKey, Map<String, Object> args) {
    }

    private TopicForm() {
    }

    /** The problem with creating topic {@code name} with {@code partitionsText} partitions, if any. */
    public static Optional<Problem> checkCreate(String name, String partitionsText, Collection<String> existing) {
        Optional<Integer> partitions = count(partitionsText);
        Optional<TopicRules.Refusal> refusal = TopicRules.checkCreate(name.strip(), partitions.orElse(1), existing);
        if (refusal.isPresent()) {
            return refusal.map(r -> new Problem(r.messageKey(), r.args()));
        }
        return countProblem(partitionsText, partitions);
    }

    /** The problem with growing {@code topic} from {@code current} to {@code partitionsText} partitions, if any. */
    public static Optional<Problem> checkIncrease(String topic, int current, String partitionsText) {
        Optional<Integer> partitions = count(partitionsText);
        if (partitions.isEmpty()) {
            return countProblem(partitionsText, partitions);
        }
        Optional<TopicRules.Refusal> refusal = TopicRules.checkIncrease(topic, current, partitions.get());
        return refusal.isPresent() ? refusal.map(r -> new Problem(r.messageKey(), r.args()))
                : countProblem(partitionsText, partitions);
    }

    /** The whole number typed, if it is one (Kafka's partition counts are ints). */
    public static Optional<Integer> count(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Problem> countProblem(String text, Optional<Integer> partitions) {
        if (partitions.isEmpty()) {
            return Optional.of(new Problem("ui.topic.notANumber", Map.of("text", text.strip())));
        }
        if (partitions.get() > MAX_PARTITIONS) {
            return Optional.of(new Problem("ui.topic.tooMany", Map.of("max", MAX_PARTITIONS)));
        }
        return Optional.empty();
    }
}
