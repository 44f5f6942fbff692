package dev.groupscope.ui;

import dev.groupscope.lab.AssignorLab;
import dev.groupscope.lab.LabRound;
import dev.groupscope.kafka.assignor.Assignors;
import dev.groupscope.kafka.assignor.PartitionAssignor;
import java.util.Collections;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The assignor lab's state and commands as JavaFX properties, with no layout and no words: views bind to it and
 * localize what it holds, so switching language keeps the group as it is. It decides nothing about Kafka; every
 * assignment comes from the chosen assignor through {@link AssignorLab}.
 */
public final class AssignorLabViewModel {

    public static final int MIN_CONSUMERS = 1;
    public static final int MAX_CONSUMERS = 12;
    public static final Map<String, Integer> DEFAULT_TOPICS =
            Collections.unmodifiableMap(TopicsSpec.parse("t0:4, t1:3"));
    public static final int DEFAULT_CONSUMERS = 3;

    private final Function<String, Optional<PartitionAssignor>> assignors;
    private final ObservableList<String> strategies;
    private final StringProperty strategy = new SimpleStringProperty(this, "strategy");
    private final StringProperty topicsText = new SimpleStringProperty(this, "topicsText");
    private final ReadOnlyObjectWrapper<TopicsSpec.Problem> topicsProblem = new ReadOnlyObjectWrapper<>(this, "topicsProblem");
    private final ReadOnlyObjectWrapper<LabRound> round = new ReadOnlyObjectWrapper<>(this, "round");
    private final ReadOnlyIntegerWrapper groupSize = new ReadOnlyIntegerWrapper(this, "groupSize");
    private final BooleanBinding canAddConsumer = groupSize.lessThan(MAX_CONSUMERS);
    private final BooleanBinding canRemoveConsumer = groupSize.greaterThan(MIN_CONSUMERS);
    private Map<String, Integer> topics = DEFAULT_TOPICS;
    private AssignorLab lab;

    /** The lab over every registered assignor, starting with the first registered. */
    public AssignorLabViewModel() {
        this(Assignors.names(), Assignors::byName);
    }

    public AssignorLabViewModel(List<String> strategyNames, Function<String, Optional<PartitionAssignor>> assignors) {
        if (strategyNames.isEmpty()) {
            throw new IllegalArgumentException("the lab needs at least one assignor");
        }
        this.assignors = assignors;
        this.strategies = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(strategyNames));
        topicsText.set(TopicsSpec.format(topics));
        strategy.set(strategyNames.get(0));
        startOver(DEFAULT_CONSUMERS);
        // A different assignor is a different experiment: start a fresh group rather than mix strategies.
        strategy.addListener((observable, before, now) -> startOver());
    }

    public ObservableList<String> strategies() {
        return strategies;
    }

    public StringProperty strategyProperty() {
        return strategy;
    }

    public StringProperty topicsTextProperty() {
        return topicsText;
    }

    /** Why the topic text was refused, or null when the shown round uses it. */
    public ReadOnlyObjectProperty<TopicsSpec.Problem> topicsProblemProperty() {
        return topicsProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LabRound> roundProperty() {
        return round.getReadOnlyProperty();
    }

    public LabRound getRound() {
        return round.get();
    }

    public ReadOnlyIntegerProperty groupSizeProperty() {
        return groupSize.getReadOnlyProperty();
    }

    public BooleanBinding canAddConsumerProperty() {
        return canAddConsumer;
    }

    public BooleanBinding canRemoveConsumerProperty() {
        return canRemoveConsumer;
    }

    public void addConsumer() {
        if (canAddConsumer.get()) {
            publish(lab.join());
        }
    }

    /** The newest consumer leaves. */
    public void removeConsumer() {
        if (canRemoveConsumer.get()) {
            publish(lab.leaveNewest());
        }
    }

    /** A chosen consumer leaves, as if it had sent LeaveGroup. */
    public void removeConsumer(String memberId) {
        if (canRemoveConsumer.get()) {
            publish(lab.leave(memberId));
        }
    }

    /** Adds or removes consumers (newest first) one rebalance at a time until the group has {@code size}. */
    public void resizeTo(int size) {
        int target = Math.max(MIN_CONSUMERS, Math.min(MAX_CONSUMERS, size));
        while (groupSize.get() < target) {
            addConsumer();
        }
        while (groupSize.get() > target) {
            removeConsumer();
        }
    }

    /** Runs the assignor again with the same members, e.g. for a cooperative rebalance's second round. */
    public void rebalance() {
        publish(lab.rebalance());
    }

    /** A fresh group of the same size: no one owns anything, generation 1. */
    public void startOver() {
        startOver(groupSize.get());
    }

    /** Applies the topic text; refused text leaves the group untouched and sets {@link #topicsProblemProperty()}. */
    public void applyTopics() {
        try {
            Map<String, Integer> parsed = TopicsSpec.parse(topicsText.get());
            topicsProblem.set(null);
            topicsText.set(TopicsSpec.format(parsed));
            if (!parsed.equals(topics)) {
                topics = parsed;
                publish(lab.changeTopics(parsed));
            }
        } catch (TopicsSpec.InvalidTopicsException e) {
            topicsProblem.set(e.problem());
        }
    }

    private void startOver(int consumers) {
        lab = new AssignorLab(strategy.get(), topics, consumers, assignors);
        publish(lab.round());
    }

    private void publish(LabRound next) {
        round.set(next);
        groupSize.set(next.members().size());
    }
}
