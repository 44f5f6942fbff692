package dev.groupscope.ui;

import dev.groupscope.kafka.assignor.Assignors;
import dev.groupscope.kafka.assignor.PartitionAssignor;
import dev.groupscope.lab.LabComparison;
import dev.groupscope.lab.LabRound;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The assignor comparison's state and commands: the same group under every assignor, one column each, changed
 * together. No layout and no words; every assignment comes from the assignors through {@link LabComparison}.
 */
public final class AssignorCompareViewModel {

    private final LabComparison comparison;
    private final StringProperty topicsText = new SimpleStringProperty(this, "topicsText");
    private final ReadOnlyObjectWrapper<TopicsSpec.Problem> topicsProblem =
            new ReadOnlyObjectWrapper<>(this, "topicsProblem");
    private final ReadOnlyObjectWrapper<List<LabRound>> rounds = new ReadOnlyObjectWrapper<>(this, "rounds");
    private final ReadOnlyIntegerWrapper groupSize = new ReadOnlyIntegerWrapper(this, "groupSize");
    private final BooleanBinding canAdd = groupSize.lessThan(AssignorLabViewModel.MAX_CONSUMERS);
    private final BooleanBinding canRemove = groupSize.greaterThan(AssignorLabViewModel.MIN_CONSUMERS);
    private Map<String, Integer> topics = AssignorLabViewModel.DEFAULT_TOPICS;

    /** Every registered assignor: Kafka's four and the historical algorithm. */
    public AssignorCompareViewModel() {
        this(Assignors.names(), Assignors::byName);
    }

    public AssignorCompareViewModel(List<String> strategies, Function<String, Optional<PartitionAssignor>> assignors) {
        comparison = new LabComparison(strategies, topics, AssignorLabViewModel.DEFAULT_CONSUMERS, assignors);
        topicsText.set(TopicsSpec.format(topics));
        publish(comparison.rounds());
    }

    public ReadOnlyObjectProperty<List<LabRound>> roundsProperty() {
        return rounds.getReadOnlyProperty();
    }

    public List<LabRound> getRounds() {
        return rounds.get();
    }

    public StringProperty topicsTextProperty() {
        return topicsText;
    }

    public ReadOnlyObjectProperty<TopicsSpec.Problem> topicsProblemProperty() {
        return topicsProblem.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty groupSizeProperty() {
        return groupSize.getReadOnlyProperty();
    }

    public BooleanBinding canAddConsumerProperty() {
        return canAdd;
    }

    public BooleanBinding canRemoveConsumerProperty() {
        return canRemove;
    }

    /** A new consumer joins every column's group. */
    public void addConsumer() {
        if (canAdd.get()) {
            publish(comparison.join());
        }
    }

    /** The newest consumer leaves every column's group. */
    public void removeConsumer() {
        if (canRemove.get()) {
            List<String> members = comparison.members();
            publish(comparison.leave(members.get(members.size() - 1)));
        }
    }

    /** {@code member} leaves every column's group. */
    public void removeConsumer(String member) {
        if (canRemove.get()) {
            publish(comparison.leave(member));
        }
    }

    /** Another round everywhere: the cooperative column hands out what it withheld. */
    public void rebalance() {
        publish(comparison.rebalance());
    }

    public void startOver() {
        publish(comparison.startOver(topics, Math.max(AssignorLabViewModel.MIN_CONSUMERS, groupSize.get())));
    }

    /** Applies the topic text to every column; refused text changes nothing and says why. */
    public void applyTopics() {
        try {
            Map<String, Integer> parsed = TopicsSpec.parse(topicsText.get());
            topicsProblem.set(null);
            topicsText.set(TopicsSpec.format(parsed));
            if (!parsed.equals(topics)) {
                topics = parsed;
                publish(comparison.changeTopics(parsed));
            }
        } catch (TopicsSpec.InvalidTopicsException e) {
            topicsProblem.set(e.problem());
        }
    }

    private void publish(List<LabRound> next) {
        rounds.set(List.copyOf(next));
        groupSize.set(next.get(0).members().size());
    }
}
