package dev.groupscope.lab;

import dev.groupscope.kafka.assignor.PartitionAssignor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The same group under several assignors side by side: one {@link AssignorLab} per strategy, all given the same
 * membership changes in the same order, so the columns differ only in what each assignor decides. Member ids are
 * handed out the same way in every lab ({@code C0}, {@code C1}, …), so "C3 joins" or "C1 leaves" is the same event
 * in each column.
 */
public final class LabComparison {

    private final List<String> strategies;
    private final Function<String, Optional<PartitionAssignor>> assignors;
    private final List<AssignorLab> labs = new ArrayList<>();

    public LabComparison(List<String> strategies, Map<String, Integer> topics, int consumers,
                         Function<String, Optional<PartitionAssignor>> assignors) {
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one assignor");
        }
        this.strategies = List.copyOf(strategies);
        this.assignors = assignors;
        startOver(topics, consumers);
    }

    /** A fresh group of {@code consumers} in every column: nobody owns anything, generation 1. */
    public List<LabRound> startOver(Map<String, Integer> topics, int consumers) {
        labs.clear();
        for (String strategy : strategies) {
            labs.add(new AssignorLab(strategy, topics, consumers, assignors));
        }
        return rounds();
    }

    /** The latest round of each column, in the order of the strategies. */
    public List<LabRound> rounds() {
        return labs.stream().map(AssignorLab::round).toList();
    }

    public List<String> members() {
        return labs.get(0).members();
    }

    public List<LabRound> join() {
        labs.forEach(AssignorLab::join);
        return rounds();
    }

    public List<LabRound> leave(String member) {
        labs.forEach(lab -> lab.leave(member));
        return rounds();
    }

    public List<LabRound> changeTopics(Map<String, Integer> topics) {
        labs.forEach(lab -> lab.changeTopics(topics));
        return rounds();
    }

    /** Another round with the same members everywhere (a cooperative group's second round). */
    public List<LabRound> rebalance() {
        labs.forEach(AssignorLab::rebalance);
        return rounds();
    }
}
